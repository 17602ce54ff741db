using System.Globalization;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HuilongbaMediation.E2E.Hosting;

/// <summary>
/// The write path killed mid-flight (issue 9, item 11): the crash writer (tests/HuilongbaMediation.CrashWriter) runs
/// the real CaseService and CaseFileService on one SQLite file and prints a line after each commit; the test kills
/// it with SIGKILL at a random moment, 20 times, and after each kill checks the file: integrity, foreign keys, case
/// numbers without gaps in each year, and every write reported as committed present with its history entry (or file).
/// </summary>
[Trait(E2EEngine.Trait, E2EEngine.SqliteOnly)]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 20;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("huilongba-crash-").FullName;

    private string Database => Path.Combine(_folder, "huilongba.db");

    [Fact]
    public async Task Twenty_kills_at_random_moments_lose_no_committed_write_and_leave_a_sound_database()
    {
        var random = new Random(20261129);
        var commits = new List<(int CaseId, int Version, string Action)>();
        var uploads = new List<(int CaseId, string Sha256)>();
        for (var round = 1; round <= Rounds; round++)
        {
            var killAfter = TimeSpan.FromMilliseconds(random.Next(20, 1500));
            var lines = await RunAndKillAsync(round, killAfter);
            var committed = lines.Where(l => l.StartsWith("COMMIT ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
            commits.AddRange(committed.Select(p => (Int(p[1]), Int(p[2]), p[3])));
            uploads.AddRange(lines.Where(l => l.StartsWith("UPLOAD ", StringComparison.Ordinal)).Select(l => l.Split(' ')).Select(p => (Int(p[1]), p[2])));
            output.WriteLine($"round {round}: killed {killAfter.TotalMilliseconds:0} ms after its first commit, {committed.Count} commits reported");

            await CheckAsync(commits, uploads);
        }

        // One more start tidies what the last kill left: no partial upload survives it, and every filed row has its file.
        await RunAndKillAsync(Rounds + 1, TimeSpan.Zero);
        Assert.True(uploads.Count > 0, "no upload was reported: the upload path was not exercised");
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "files"), "*.uploading", SearchOption.AllDirectories));
        await CheckAsync(commits, uploads, everyRowHasItsFile: true);
        output.WriteLine($"{commits.Count} committed changes and {uploads.Count} uploads reported over {Rounds} kills, all present");
        Assert.True(commits.Count >= Rounds, "the writer hardly wrote: the kills tested nothing");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Starts the writer, waits until it is ready, lets it write for <paramref name="writeFor"/>, then SIGKILLs it.</summary>
    private async Task<List<string>> RunAndKillAsync(int round, TimeSpan writeFor)
    {
        using var writer = AppProcess.StartDll(RepoPaths.CrashWriterDll, new Dictionary<string, string>(), _folder, round.ToString(CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!writer.StandardOutput.Contains("READY"))
        {
            Assert.False(writer.HasExited, $"the writer stopped before it was ready:\n{writer.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"the writer was not ready within {StartTimeout.TotalSeconds} s:\n{writer.Output}");
            await Task.Delay(20);
        }

        // The kill lands while it writes, not while it warms up: from its first commit on.
        while (writeFor > TimeSpan.Zero && !writer.StandardOutput.Any(l => l.StartsWith("COMMIT", StringComparison.Ordinal)))
        {
            Assert.False(writer.HasExited, $"the writer stopped before it wrote:\n{writer.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"the writer wrote nothing within {StartTimeout.TotalSeconds} s:\n{writer.Output}");
            await Task.Delay(10);
        }

        await Task.Delay(writeFor);
        Assert.False(writer.HasExited, $"the writer stopped by itself:\n{writer.Output}");
        writer.Dispose(); // Process.Kill: SIGKILL, no chance to finish a transaction or flush anything
        Assert.DoesNotContain(writer.StandardError, l => l.Length > 0);
        return [.. writer.StandardOutput];
    }

    private async Task CheckAsync(List<(int CaseId, int Version, string Action)> commits, List<(int CaseId, string Sha256)> uploads, bool everyRowHasItsFile = false)
    {
        await using var db = new SqliteConnection($"Data Source={Database};Pooling=False");
        await db.OpenAsync();
        Assert.Equal(["ok"], await RowsAsync(db, "PRAGMA integrity_check"));
        Assert.Empty(await RowsAsync(db, "SELECT \"table\" || ':' || rowid FROM pragma_foreign_key_check"));

        var years = await RowsAsync(db, "SELECT Year || ':' || group_concat(Sequence) FROM (SELECT Year, Sequence FROM Cases ORDER BY Year, Sequence) GROUP BY Year");
        foreach (var year in years)
        {
            var sequences = year.Split(':')[1].Split(',').Select(Int).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        }

        // History of every case in order: the filing is version 0 (one entry, or two when a mediator files and so leads
        // the case: both written at the same moment), and each later change adds one entry and one version.
        var history = (await RowsAsync(db, "SELECT CaseId || ' ' || Action || ' ' || AtUtc FROM CaseHistory ORDER BY CaseId, Id"))
            .Select(r => r.Split(' ', 3))
            .GroupBy(p => Int(p[0]), p => (Action: p[1], At: p[2]))
            .ToDictionary(g => g.Key, g =>
            {
                var entries = g.ToList();
                var filing = entries.TakeWhile(e => e.At == entries[0].At).Count();
                return (List<string>)[entries[0].Action, .. entries.Skip(filing).Select(e => e.Action)]; // index v: what made version v
            });
        var versions = (await RowsAsync(db, "SELECT Id || ' ' || Version FROM Cases")).Select(r => r.Split(' ')).ToDictionary(p => Int(p[0]), p => Int(p[1]));
        foreach (var (caseId, version, action) in commits)
        {
            Assert.True(versions.TryGetValue(caseId, out var stored), $"case {caseId} was reported filed but is gone");
            Assert.True(stored >= version, $"case {caseId} is at version {stored}, but version {version} was reported committed");
            Assert.True(history[caseId].Count > version, $"case {caseId} has {history[caseId].Count} history entries, version {version} was reported");
            Assert.Equal(action, history[caseId][version]);
        }

        var attachments = await RowsAsync(db, "SELECT CaseId || ' ' || StoredName || ' ' || Sha256 FROM CaseAttachments");
        foreach (var (caseId, sha256) in uploads)
        {
            var row = attachments.Select(a => a.Split(' ')).FirstOrDefault(a => Int(a[0]) == caseId && a[2] == sha256);
            Assert.True(row is not null, $"the upload {sha256} of case {caseId} was reported but has no row");
            Assert.True(File.Exists(Path.Combine(_folder, "files", row[0], row[1])), $"the upload {sha256} of case {caseId} has no file");
        }

        if (everyRowHasItsFile)
        {
            // After a start has tidied: every row has its file, and every file has its row (no orphan of a kill).
            Assert.All(attachments.Select(a => a.Split(' ')), a => Assert.True(File.Exists(Path.Combine(_folder, "files", a[0], a[1])), $"row without file: {a[1]}"));
            var named = attachments.Select(a => a.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
            Assert.All(Directory.GetFiles(Path.Combine(_folder, "files"), "*", SearchOption.AllDirectories), f => Assert.Contains(Path.GetFileName(f), named));
        }
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static async Task<List<string>> RowsAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
