using HuilongbaMediation.Tests.Shared;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>Where the repository's files are, from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root => Repository.Root;

    /// <summary>tests/samples/: example files the tests and the README use.</summary>
    public static string Samples => Path.Combine(Root, "tests", "samples");
}
