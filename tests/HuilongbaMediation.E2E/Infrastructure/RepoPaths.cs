using System.Reflection;
using HuilongbaMediation.Tests.Shared;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>Where things are: the repository root, the Web project's own build output, the artifacts folder.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding HuilongbaMediation.sln, found by walking up from the test assembly.</summary>
    public static string Root => Repository.Root;

    /// <summary>Debug or Release: the configuration this test assembly was built in, so the app is the same build.</summary>
    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
#if DEBUG
            : "Debug";
#else
            : "Release";
#endif

    /// <summary>src/HuilongbaMediation.Web/bin/&lt;Configuration&gt;/net10.0: the app's output, with its appsettings.json.</summary>
    public static string WebOutput => Path.Combine(Root, "src", "HuilongbaMediation.Web", "bin", Configuration, "net10.0");

    public static string WebDll => Path.Combine(WebOutput, "HuilongbaMediation.Web.dll");

    /// <summary>The crash-safety test's child process (tests/HuilongbaMediation.CrashWriter), built with the tests.</summary>
    public static string CrashWriterDll =>
        Path.Combine(Root, "tests", "HuilongbaMediation.CrashWriter", "bin", Configuration, "net10.0", "HuilongbaMediation.CrashWriter.dll");

    /// <summary>tests/artifacts/screenshots (git-ignored): the pages the tests visit, for people to look at.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "tests", "artifacts", "screenshots")).FullName;

    /// <summary>tests/artifacts/e2e-failures: a screenshot of the page as it was when a test failed.</summary>
    public static string Failures => Directory.CreateDirectory(Path.Combine(Root, "tests", "artifacts", "e2e-failures")).FullName;

    /// <summary>Removes the failure screenshots of an earlier run, so the folder shows only this run's.</summary>
    public static void ClearFailures()
    {
        var folder = Path.Combine(Root, "tests", "artifacts", "e2e-failures");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
