using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// 导入台账: a town or village ledger becomes cases, each through the domain's <see cref="MediationCase.Import"/> (the
/// same rules as in the app), numbered in its filing year (or keeping the ledger's own 案号), in batches of
/// <see cref="BatchSize"/> rows, each batch one writer transaction (its rows written by <see cref="NewAggregates"/>): a row
/// is imported whole or not at all. A row whose content was imported before is counted as already there. For the judicial
/// office and admins only, checked here.
/// </summary>
public sealed class LedgerImportService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SqliteWriteGate writeGate, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>The rows the preview shows under the header.</summary>
    public const int PreviewRows = 8;

    private const int HeaderSearchRows = 30;

    public static bool MayImport(Actor? actor) => Capability.ImportLedgers.Allows(actor);

    /// <summary>The sheet as read, for the signed-in user to check and correct the columns; null when they may not import.</summary>
    public async Task<LedgerPreview?> PreviewAsync(byte[] content, string fileName, string? sheet = null, CancellationToken ct = default)
    {
        if (!MayImport(await currentUser.GetActorAsync()))
        {
            return null;
        }

        var sheets = LedgerFile.Read(content, fileName);
        var chosen = Choose(sheets, sheet);
        var header = Header(chosen);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vocabulary = await LedgerVocabulary.LoadAsync(db, ct);
        var headings = header is null ? [] : Headings(header);
        var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder)
            .Select(v => new Option<int>(v.Id, v.Name, null, null)).ToListAsync(ct);
        var body = header is null ? chosen.Rows : chosen.Rows.Where(r => r.Number > header.Number).ToList();
        return new LedgerPreview(
            fileName,
            [.. sheets.Select(s => s.Name)],
            chosen.Name,
            header?.Number,
            headings,
            LedgerFields.Map(headings),
            VillageFromTitles(vocabulary, chosen, header, fileName),
            [.. body.Where(r => !r.IsBlank).Take(PreviewRows)],
            body.Count(r => !r.IsBlank),
            villages);
    }

    /// <summary>Imports as the signed-in user; null when they may not.</summary>
    public async Task<LedgerImportResult?> ImportAsync(LedgerImportRequest request, IProgress<LedgerProgress>? progress = null, CancellationToken ct = default) =>
        await currentUser.GetActorAsync() is { } actor && MayImport(actor) ? await ImportAsync(actor, request, progress, ct) : null;

    /// <summary>Imports as <paramref name="importer"/> (the command line names its user).</summary>
    public async Task<LedgerImportResult> ImportAsync(Actor importer, LedgerImportRequest request, IProgress<LedgerProgress>? progress = null, CancellationToken ct = default)
    {
        if (!MayImport(importer))
        {
            return LedgerImportResult.Unreadable(request.FileName, "导入台账限司法所和系统管理员");
        }

        IReadOnlyList<LedgerSheet> sheets;
        try
        {
            sheets = LedgerFile.Read(request.Content, request.FileName);
        }
        catch (LedgerFileException ex)
        {
            return LedgerImportResult.Unreadable(request.FileName, ex.Message);
        }

        var sheet = Choose(sheets, request.Sheet);
        var header = Header(sheet);
        if (header is null)
        {
            return LedgerImportResult.Unreadable(request.FileName, $"工作表「{sheet.Name}」中未找到表头行（至少包含受理日期、纠纷类型、申请人等三列的标题）");
        }

        var headings = Headings(header);
        var mapping = request.Mapping ?? LedgerFields.Map(headings);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vocabulary = await LedgerVocabulary.LoadAsync(db, ct);
        var defaults = await DefaultsAsync(db, ct);
        var fileName = Path.GetFileName(request.FileName);
        var reader = new LedgerRows(vocabulary, defaults, mapping, headings, request.VillageId ?? VillageFromTitles(vocabulary, sheet, header, fileName), fileName);
        // Reading a row and building its case touch nothing shared: both run on every core, in the sheet's order.
        var rows = sheet.Rows.Where(r => r.Number > header.Number).AsParallel().AsOrdered().Select(reader.Read).ToList();
        var skipped = rows.OfType<SkippedRow>().ToList();
        var refused = rows.OfType<RefusedRow>().ToList();
        var cases = rows.OfType<CaseRow>().ToList();
        if (cases.Count == 0 && refused.Count == 0)
        {
            return new LedgerImportResult(fileName, sheet.Name, headings, 0, [], skipped, [], $"工作表「{sheet.Name}」的表头下没有案件行");
        }

        var (imported, done) = (0, 0);
        var already = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        progress?.Report(new LedgerProgress(0, cases.Count));
        foreach (var batch in cases.Chunk(BatchSize))
        {
            var (added, present, refusedInBatch) = await ImportBatchAsync(importer, batch, seen, ct);
            imported += added;
            already.AddRange(present);
            refused.AddRange(refusedInBatch);
            progress?.Report(new LedgerProgress(done += batch.Length, cases.Count));
        }

        return new LedgerImportResult(fileName, sheet.Name, headings, imported, already, skipped, [.. refused.OrderBy(r => r.Row.Number)]);
    }

    /// <summary>One batch in one writer transaction: the rows already there are counted, the others built by the domain, numbered and saved.</summary>
    private async Task<(int Added, List<int> Present, List<RefusedRow> Refused)> ImportBatchAsync(Actor importer, CaseRow[] batch, HashSet<string> seen, CancellationToken ct)
    {
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = batch.Select(r => r.Entry.Source.RowKey).ToList();
        var stored = (await db.Cases.Where(c => c.Ledger != null && keys.Contains(c.Ledger.RowKey)).Select(c => c.Ledger!.RowKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var numbers = batch.Select(r => r.Entry.Source.Number).OfType<string>().Distinct().ToList();
        var takenNumbers = (await db.Cases.Where(c => numbers.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var ownSequences = batch.Select(r => r.Entry.Source.Number is { } n && CaseNumber.TryParse(n, out _, out var s) ? s : 0).Where(s => s > 0).Distinct().ToList();
        var numbering = await CaseNumbering.LoadAsync(db, [.. batch.Select(r => r.Entry.Draft.FiledOn.Year).Distinct()], ownSequences, ct);
        var committees = await Committees.CommitteeDefaults.LoadAsync(db, ct);

        var present = new List<int>();
        var toBuild = new List<(CaseRow Row, (int Year, int Sequence)? OwnNumber)>();
        foreach (var row in batch)
        {
            var entry = row.Entry;
            var ownNumber = entry.Source.Number is { } n && CaseNumber.TryParse(n, out var year, out var sequence) && year == entry.Draft.FiledOn.Year ? (year, sequence) : default((int Year, int Sequence)?);
            if (stored.Contains(entry.Source.RowKey) || !seen.Add(entry.Source.RowKey) || (ownNumber is not null && takenNumbers.Contains(CaseNumber.Format(ownNumber.Value.Year, ownNumber.Value.Sequence))))
            {
                present.Add(row.Row.Number);
            }
            else
            {
                toBuild.Add((row, ownNumber));
            }
        }

        // A ledger names no committee: the case is its village's committee's (or the town's).
        var built = toBuild.AsParallel().AsOrdered()
            .Select(b => (b.Row, b.OwnNumber, Case: MediationCase.Import(b.Row.Entry with { Draft = b.Row.Entry.Draft with { CommitteeId = committees.For(b.Row.Entry.Draft.VillageId) } }, importer, now)))
            .ToList();
        var refused = new List<RefusedRow>();
        var added = new List<MediationCase>();
        foreach (var (row, ownNumber, result) in built)
        {
            if (!result.IsOk)
            {
                refused.Add(new RefusedRow(row.Row, result.Errors.Count > 0 ? string.Join("；", result.Errors.Select(e => e.Message).Distinct()) : result.Message));
                continue;
            }

            numbering.Assign(result.Value, row.Entry.Source.Number, ownNumber, takenNumbers);
            added.Add(result.Value);
        }

        // Prepared INSERTs from EF's model instead of SaveChanges: a batch is all new rows, and SaveChanges spent two thirds
        // of the import tracking them and preparing the same statements again for each row (README → Performance).
        NewAggregates.Insert(db, added);
        await tx.CommitAsync(ct);
        return (added.Count, present, refused);
    }

    private static async Task<LedgerDefaults> DefaultsAsync(AppDbContext db, CancellationToken ct)
    {
        var source = await db.CaseSources.Where(s => s.Code == "application").Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            ?? await db.CaseSources.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync(ct);
        var kind = await db.MediationKinds.Where(k => k.Code == "people").Select(k => (int?)k.Id).FirstOrDefaultAsync(ct)
            ?? await db.MediationKinds.OrderBy(k => k.SortOrder).Select(k => k.Id).FirstAsync(ct);
        var target = await db.ReferralTargets.Where(t => t.Code == "other").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
            ?? await db.ReferralTargets.OrderByDescending(t => t.SortOrder).Select(t => t.Id).FirstAsync(ct);

        // Mediators who have left keep their accounts, deactivated: a ledger names them, so they match too.
        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        var mediators = await db.Users.AsNoTracking()
            .Where(u => u.VillageId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.DisplayName, VillageId = u.VillageId!.Value })
            .ToListAsync(ct);
        return new LedgerDefaults(source, kind, target, mediators.GroupBy(m => m.VillageId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<(string, MediatorRef)>)[.. g.Select(m => (LedgerText.Key(m.DisplayName), new MediatorRef(m.Id, m.DisplayName)))]));
    }

    private static LedgerSheet Choose(IReadOnlyList<LedgerSheet> sheets, string? name) =>
        (name is null ? null : sheets.FirstOrDefault(s => s.Name == name))
        ?? sheets.FirstOrDefault(s => Header(s) is not null)
        ?? sheets[0];

    /// <summary>The first row within <see cref="HeaderSearchRows"/> that names at least three ledger columns.</summary>
    private static LedgerRow? Header(LedgerSheet sheet) =>
        sheet.Rows.Take(HeaderSearchRows).FirstOrDefault(r => LedgerFields.Map(Headings(r)).Count >= LedgerFields.MinimumHeaderFields);

    private static IReadOnlyList<string?> Headings(LedgerRow header) => [.. header.Cells.Select(LedgerText.Clean)];

    private static int? VillageFromTitles(LedgerVocabulary vocabulary, LedgerSheet sheet, LedgerRow? header, string fileName) =>
        vocabulary.VillageNamedIn(sheet.Rows.TakeWhile(r => header is null || r.Number < header.Number).SelectMany(r => r.Cells.Select(LedgerText.Clean))
            .Append(sheet.Name).Append(Path.GetFileNameWithoutExtension(fileName)));

    /// <summary>Case numbers of the years a batch files in: the next of each year, and the sequences already taken.</summary>
    private sealed class CaseNumbering
    {
        private readonly Dictionary<int, int> _last;
        private readonly HashSet<(int, int)> _taken;

        private CaseNumbering(Dictionary<int, int> last, HashSet<(int, int)> taken) => (_last, _taken) = (last, taken);

        /// <summary>
        /// What numbering a batch needs, and no more, so a batch costs the same in a full database as in an empty one:
        /// the last sequence of each year (one index seek per year) and which of the ledger's own sequences are taken.
        /// </summary>
        public static async Task<CaseNumbering> LoadAsync(AppDbContext db, IReadOnlyCollection<int> years, IReadOnlyCollection<int> ownSequences, CancellationToken ct)
        {
            var last = new Dictionary<int, int>();
            foreach (var year in years.Order())
            {
                await db.Database.LockYearAsync(year, ct);
                last[year] = await db.Cases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
            }

            // A ledger's own 案号 takes its sequence only when no case of the year has it.
            var taken = (await db.Cases.Where(c => years.Contains(c.Year) && ownSequences.Contains(c.Sequence)).Select(c => new { c.Year, c.Sequence }).ToListAsync(ct))
                .Select(c => (c.Year, c.Sequence)).ToHashSet();
            return new CaseNumbering(last, taken);
        }

        /// <summary>
        /// The ledger's own 案号 when it is one of ours for that year and free; else the year's next, keeping a ledger
        /// number of another form as the case's number when no case has it yet.
        /// </summary>
        public void Assign(MediationCase @case, string? ledgerNumber, (int Year, int Sequence)? own, HashSet<string> takenNumbers)
        {
            var year = @case.FiledOn.Year;
            if (own is { } o && _taken.Add((o.Year, o.Sequence)))
            {
                @case.AssignNumber(o.Year, o.Sequence);
                _last[year] = Math.Max(_last.GetValueOrDefault(year), o.Sequence);
            }
            else
            {
                var sequence = _last.GetValueOrDefault(year) + 1;
                while (!_taken.Add((year, sequence)))
                {
                    sequence++;
                }

                _last[year] = sequence;
                var keep = own is null && ledgerNumber is { Length: <= LedgerRecord.NumberMaxLength } n && !CaseNumber.TryParse(n, out _, out _) && !takenNumbers.Contains(n);
                @case.AssignNumber(year, sequence, keep ? ledgerNumber : null);
            }

            takenNumbers.Add(@case.Number);
        }
    }
}
