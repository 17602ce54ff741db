using Microsoft.Data.Sqlite;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>A temp folder removed after the test (SQLite's pooled connections released first).</summary>
public sealed class TempFolder : IAsyncDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hm-tests-").FullName;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
