namespace HuilongbaMediation.Tests.Shared;

/// <summary>The repository the tests run in: the folder holding HuilongbaMediation.sln, found from the test's output folder.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HuilongbaMediation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"HuilongbaMediation.sln not found above {AppContext.BaseDirectory}.");
    }
}
