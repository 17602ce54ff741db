using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// The real app as its own process (<c>dotnet HuilongbaMediation.Web.dll</c>) from the Web project's build output,
/// with its standard output and error captured for assertions and diagnostics.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly StringBuilder _all = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    /// <summary>Everything the app wrote, stdout and stderr interleaved, each line tagged.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _all.ToString();
            }
        }
    }

    public IReadOnlyList<string> StandardError
    {
        get
        {
            lock (_gate)
            {
                return [.. _stderr];
            }
        }
    }

    public IReadOnlyList<string> StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app with the given environment on top of this process's own (ASP.NET URL settings removed).</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartDll(RepoPaths.WebDll, environment, arguments);

    /// <summary>Another program of the solution (e.g. the crash test's writer), run the same way from its own output folder.</summary>
    public static AppProcess StartDll(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"Not built: {dll} is missing. Build the solution ({RepoPaths.Configuration}) first.");
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS" })
        {
            info.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data, error: true);
        process.Exited += (_, _) => app._listening.TrySetException(
            new InvalidOperationException($"The app exited (code {SafeExitCode(process)}) before it listened."));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>The address from Kestrel's "Now listening on: http://127.0.0.1:NNNNN" line.</summary>
    public async Task<Uri> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_listening.Task, Task.Delay(timeout));
        if (finished != _listening.Task)
        {
            throw new TimeoutException($"The app did not start within {timeout.TotalSeconds:0} s.\n{Output}");
        }

        try
        {
            return await _listening.Task;
        }
        catch (InvalidOperationException ex)
        {
            // Let the exit flush what it printed, so the reason is in the message.
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
            throw new InvalidOperationException($"{ex.Message}\n{Output}", ex);
        }
    }

    /// <summary>The exit code, or null if the app is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH under `dotnet test`), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private void OnLine(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            (error ? _stderr : _stdout).Add(line);
            _all.Append(error ? "[err] " : "[out] ").AppendLine(line);
        }

        if (!error && ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
