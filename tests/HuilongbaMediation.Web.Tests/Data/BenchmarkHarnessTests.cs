using System.Diagnostics;
using System.Text;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// The benchmark harness (README "Benchmarks") run as a user runs it, on a town of 100 cases: it makes the town with the
/// app's <c>generate</c> command, asks every hot path through the app and through hand-written SQL, and fails when the
/// two answer differently. No time is asserted: the numbers are the harness's output, not a test's.
/// </summary>
public sealed class BenchmarkHarnessTests
{
    private static readonly string[] Paths =
    [
        "dashboard, this year", "dashboard, last year", "case list, page 1", "case list, overdue",
        "search, a party's name", "search, no hit (无此当事人)", "search, one character (王)", "case page",
    ];

    [Fact]
    public async Task A_100_case_town_gives_the_same_answers_through_the_app_and_through_raw_SQL_on_every_path()
    {
        await using var towns = new TempFolder();
        var (exit, output) = await RunHarnessAsync("100", "--towns", towns.Path, "--runs", "1");

        Assert.True(exit == 0, $"The harness exited with {exit}:\n{output}");
        Assert.Contains("100 cases: file", output, StringComparison.Ordinal);
        Assert.Contains("made by generate in", output, StringComparison.Ordinal);
        foreach (var path in Paths)
        {
            var row = output.Split('\n').SingleOrDefault(l => l.StartsWith($"| {path} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"No row for {path}:\n{output}");
            Assert.Matches(@"\d+(\.\d)? ms / \d+(\.\d)? ms = \d+\.\d\d×", row);
            Assert.EndsWith("| ✓ |", row.TrimEnd(), StringComparison.Ordinal);
        }

        Assert.Single(Directory.GetFiles(towns.Path, "town-100-10y.db"));
    }

    private static async Task<(int Exit, string Output)> RunHarnessAsync(params string[] arguments)
    {
        // The harness of the tests' own configuration (Debug or Release), built before them (a project reference without its assembly).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "tests", "HuilongbaMediation.Benchmarks", "bin", configuration, "net10.0", "HuilongbaMediation.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"The harness is not built: {dll}");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The harness did not finish within 5 minutes:\n{await output}\n{await error}");
        }

        return (process.ExitCode, $"{await output}\n{await error}");
    }
}
