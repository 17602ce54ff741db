using System.Diagnostics;

namespace HuilongbaMediation.Web.Features.CaseFile.Binding;

/// <summary>
/// Renders Word files to PDF with LibreOffice headless (Debian's <c>libreoffice-writer-nogui</c>), with the system's fonts
/// (<c>fonts-noto-cjk</c> for Chinese). Each conversion runs in its own temporary folder with its own profile
/// (<c>-env:UserInstallation</c>), since two conversions sharing a profile fail. Without LibreOffice the app still runs:
/// <see cref="Unavailable"/> says why the bound PDF cannot be made.
/// </summary>
public sealed class LibreOffice(IConfiguration configuration, ILogger<LibreOffice> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The soffice program: <c>Documents:Soffice</c>, else the first <c>soffice</c> on the PATH.</summary>
    public string? Program { get; } = configuration["Documents:Soffice"] is { Length: > 0 } configured
        ? (File.Exists(configured) ? configured : null)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);

    /// <summary>Why the bound PDF cannot be made on this server, or null when it can.</summary>
    public string? Unavailable => Program is null
        ? "本服务器未安装 LibreOffice（Debian 软件包 libreoffice-writer-nogui），无法生成装订版 PDF；各文书仍可逐份打印或下载 Word 文件。"
        : null;

    /// <summary>The PDFs of <paramref name="documents"/>, in the same order, from one run of soffice.</summary>
    public async Task<IReadOnlyList<byte[]>> ToPdfAsync(IReadOnlyList<byte[]> documents, CancellationToken ct)
    {
        var program = Program ?? throw new InvalidOperationException(Unavailable);
        var folder = Directory.CreateTempSubdirectory("hm-soffice-");
        try
        {
            var names = documents.Select((_, i) => Path.Combine(folder.FullName, $"{i:D3}.docx")).ToList();
            for (var i = 0; i < documents.Count; i++)
            {
                await File.WriteAllBytesAsync(names[i], documents[i], ct);
            }

            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            foreach (var argument in (string[])["--headless", "--norestore", $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "profile")}", "--convert-to", "pdf", "--outdir", folder.FullName])
            {
                start.ArgumentList.Add(argument);
            }

            names.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var pdfs = names.Select(n => Path.ChangeExtension(n, ".pdf")).ToList();
            if (process.ExitCode != 0 || pdfs.Any(p => !File.Exists(p)))
            {
                logger.LogError("soffice exited with {Code}: {Output} {Error}", process.ExitCode, await output, await error);
                throw new InvalidOperationException("LibreOffice 未能把文书转换为 PDF");
            }

            return [.. await Task.WhenAll(pdfs.Select(p => File.ReadAllBytesAsync(p, ct)))];
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temp folder is cleaned by the system.
            }
        }
    }
}
