using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Sweeps;

/// <summary>A village's sweep status for a month: 未报 (no sweep yet), 零报告 (swept, nothing found), or what was found.</summary>
public enum SweepStatus
{
    Missing,
    ZeroReport,
    Found,
}

public sealed record FindingView(
    int Id, string Summary, string Category, string ApplicantName, string RespondentName, int PeopleInvolved,
    FindingOutcome Outcome, int? CaseId, string? CaseNumber, string? PreventedNote, DateOnly? SettledOn);

public sealed record SweepView(int Id, int VillageId, string Village, DateOnly SweptOn, string SweptBy, string? Notes, IReadOnlyList<FindingView> Findings);

public sealed record VillageSweepMonth(int VillageId, string Village, SweepStatus Status, int Sweeps, int Findings);

/// <summary>A month of sweeps as one user may see it: their village (or every village), its status and its sweeps.</summary>
public sealed record SweepMonth(DateOnly Month, IReadOnlyList<VillageSweepMonth> Villages, IReadOnlyList<SweepView> Sweeps);

/// <summary>
/// 矛盾纠纷排查: record a village's sweep with what it found, file a finding as a case in one step (the case and the
/// finding's link in one transaction, through <see cref="CaseService.FileAsync"/>: source 主动调解·排查发现, the village and
/// the parties filled in), or mark a finding prevented. A village's mediators and head act for their village, the
/// judicial office for every village and the 物流园片区.
/// </summary>
public sealed class SweepService(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SqliteWriteGate writeGate, TimeProvider clock, CaseService cases)
{
    /// <summary>The month's sweeps of the villages the user may see; null when they may not record sweeps.</summary>
    public async Task<SweepMonth?> MonthAsync(DateOnly month, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor || !Capability.RecordSweeps.Allows(actor))
        {
            return null;
        }

        month = new DateOnly(month.Year, month.Month, 1);
        var last = month.AddMonths(1).AddDays(-1);
        var own = actor.Role == UserRole.JudicialOffice ? null : actor.VillageId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive && (own == null || v.Id == own))
            .OrderBy(v => v.SortOrder).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var sweeps = await db.Sweeps.AsNoTracking().Include(s => s.Findings)
            .Where(s => s.SweptOn >= month && s.SweptOn <= last && (own == null || s.VillageId == own))
            .OrderByDescending(s => s.SweptOn).ThenByDescending(s => s.Id)
            .ToListAsync(ct);
        var caseIds = sweeps.SelectMany(s => s.Findings).Select(f => f.CaseId).OfType<int>().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var names = villages.ToDictionary(v => v.Id, v => v.Name);
        var views = sweeps.Select(s => new SweepView(
            s.Id, s.VillageId, names.GetValueOrDefault(s.VillageId, ""), s.SweptOn, s.SweptBy, s.Notes,
            [.. s.Findings.OrderBy(f => f.Id).Select(f => new FindingView(
                f.Id, f.Summary, categories.GetValueOrDefault(f.CategoryId, ""), f.ApplicantName, f.RespondentName, f.PeopleInvolved,
                f.Outcome, f.CaseId, f.CaseId is { } id ? numbers.GetValueOrDefault(id) : null, f.PreventedNote, f.SettledOn))])).ToList();
        var status = villages.Select(v =>
        {
            var mine = sweeps.Where(s => s.VillageId == v.Id).ToList();
            var found = mine.Sum(s => s.Findings.Count);
            return new VillageSweepMonth(v.Id, v.Name, mine.Count == 0 ? SweepStatus.Missing : found == 0 ? SweepStatus.ZeroReport : SweepStatus.Found, mine.Count, found);
        }).ToList();
        return new SweepMonth(month, status, views);
    }

    /// <summary>The active villages and areas without a sweep in the current month, for the judicial office's home page.</summary>
    public async Task<IReadOnlyList<string>> MissingThisMonthAsync(CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { Role: UserRole.JudicialOffice })
        {
            return [];
        }

        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking()
            .Where(v => v.IsActive && !db.Sweeps.Any(s => s.VillageId == v.Id && s.SweptOn >= month && s.SweptOn <= today))
            .OrderBy(v => v.SortOrder).Select(v => v.Name).ToListAsync(ct);
    }

    /// <summary>
    /// 记录排查: the sweep with its findings, in one write; each bad field gets its message. <paramref name="submission"/> is
    /// the form's key (<see cref="Components.Shared.Submission"/>): a second submission of the same form (a double click, a
    /// resend) answers with the sweep the first one saved instead of saving another.
    /// </summary>
    public async Task<(int? SweepId, IReadOnlyList<FieldError> Errors, string? Refusal)> RecordAsync(SweepInput input, Guid submission = default, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return (null, [], "请先登录");
        }

        var (sweep, errors, forbidden) = Sweep.Record(input, actor, clock.GetUtcNow().UtcDateTime);
        if (forbidden)
        {
            return (null, [], "只能记录本村（社区）或片区的排查；司法所可记录各村");
        }

        if (sweep is null)
        {
            return (null, errors, null);
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (submission != Guid.Empty
            && await db.Sweeps.Where(s => EF.Property<Guid?>(s, SweepConfiguration.SubmissionKey) == submission).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct) is { } saved)
        {
            return (saved, [], null);
        }

        var references = new List<FieldError>();
        if (!await db.Villages.AnyAsync(v => v.Id == input.VillageId && v.IsActive, ct))
        {
            references.Add(new FieldError(nameof(input.VillageId), "请选择排查村（社区）"));
        }

        var categoryIds = input.Findings.Select(f => f.CategoryId).Distinct().ToList();
        var active = await db.Categories.Where(c => categoryIds.Contains(c.Id) && c.IsActive).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < input.Findings.Count; i++)
        {
            if (!active.Contains(input.Findings[i].CategoryId))
            {
                references.Add(new FieldError($"{nameof(input.Findings)}[{i}].{nameof(FindingInput.CategoryId)}", "请选择纠纷类型"));
            }
        }

        if (references.Count > 0)
        {
            return (null, references, null);
        }

        db.Sweeps.Add(sweep);
        if (submission != Guid.Empty)
        {
            db.Entry(sweep).Property(SweepConfiguration.SubmissionKey).CurrentValue = (Guid?)submission;
        }

        await db.SaveChangesAsync(ct);
        return (sweep.Id, [], null);
    }

    /// <summary>
    /// 立案: files the finding as a case (source 主动调解·排查发现, its village, category, summary, people and parties, 人民调解,
    /// filed today; a mediator who does it leads the case) and links the finding to it, in one transaction.
    /// </summary>
    public async Task<Result<CaseRef>> FileCaseAsync(int findingId, Guid submission = default, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        CaseDraft draft;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.SweepFindings.AsNoTracking().Where(f => f.Id == findingId)
                .Join(db.Sweeps, f => f.SweepId, s => s.Id, (f, s) => new { Finding = f, s.VillageId }).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return Result.Invalid("Finding", "该排查发现不存在").Of<CaseRef>();
            }

            if (!Sweep.MayRecord(actor, found.VillageId))
            {
                return Result.Forbidden("只能为本村（社区）或片区的排查发现立案").Of<CaseRef>();
            }

            var source = await db.CaseSources.Where(s => s.Code == ReferenceData.SweepFindingSource).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
            var kind = await db.MediationKinds.Where(k => k.Code == "people").Select(k => (int?)k.Id).SingleOrDefaultAsync(ct);
            if (source is null || kind is null)
            {
                return Result.Invalid("Finding", "缺少案件来源“主动调解·排查发现”或调解类型“人民调解”，请联系管理员").Of<CaseRef>();
            }

            draft = found.Finding.ToDraft(found.VillageId, source.Value, kind.Value, ChinaClock.Today(clock.GetUtcNow().UtcDateTime));
        }

        return await cases.FileAsync(draft, null, submission, ct, async (db, filed) =>
        {
            var finding = await db.SweepFindings.SingleAsync(f => f.Id == findingId, ct);
            return finding.MarkFiled(filed.Id, filed.FiledOn, clock.GetUtcNow().UtcDateTime) ? null : Result.Invalid("Finding", "该排查发现已处理，不能再立案").Of<CaseRef>();
        });
    }

    /// <summary>
    /// 已化解: the finding was settled without a case, on <paramref name="settledOn"/> (today when not given; never in the
    /// future nor before the sweep). Settled in a month already closed, it counts in the first open month as 补报.
    /// </summary>
    public async Task<(IReadOnlyList<FieldError> Errors, string? Refusal)> MarkPreventedAsync(int findingId, string? note, DateOnly? settledOn = null, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return ([], "请先登录");
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await db.SweepFindings.SingleOrDefaultAsync(f => f.Id == findingId, ct);
        var sweep = finding is null ? null : await db.Sweeps.Where(s => s.Id == finding.SweepId).Select(s => new { s.VillageId, s.SweptOn }).SingleAsync(ct);
        var villageId = sweep?.VillageId;
        if (finding is null || sweep is null || villageId is null)
        {
            return ([], "该排查发现不存在");
        }

        if (!Sweep.MayRecord(actor, villageId.Value))
        {
            return ([], "只能处理本村（社区）或片区的排查发现");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = finding.MarkPrevented(note, settledOn ?? ChinaClock.Today(now), sweep.SweptOn, now);
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return (errors, null);
    }
}
