namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>Where the repository's files are, from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    /// <summary>tests/samples/: example files the tests and the README use.</summary>
    public static string Samples => Path.Combine(Root, "tests", "samples");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HuilongbaMediation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HuilongbaMediation.sln not found above the test folder.");
    }
}
