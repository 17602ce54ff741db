namespace HuilongbaMediation.Web.Data;

/// <summary>
/// Held by the serving app for its lifetime, and by a restore while it runs: an exclusive lock on
/// <c>&lt;data folder&gt;/huilongba.lock</c> (on Unix an advisory flock, released by the system when the process dies,
/// even by SIGKILL). A restore that cannot take it knows the app is running; an app that cannot take it knows another
/// instance or a restore has the folder. The command-line backup does not take it: it runs beside the app.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "huilongba.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static DataFolderLock? TryAcquire(string dataFolder)
    {
        try
        {
            var options = PrivateFiles.NewFile(FileMode.OpenOrCreate);
            options.Access = FileAccess.ReadWrite;
            return new DataFolderLock(new FileStream(Path.Combine(dataFolder, FileName), options));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
