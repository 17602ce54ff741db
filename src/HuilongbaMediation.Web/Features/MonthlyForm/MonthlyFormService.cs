using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>A village's (or the town's) line of the form: a figure per column, each with the link to its cases.</summary>
/// <param name="VillageId">Null for the town total.</param>
/// <param name="CommitteeId">A committee's line (the form by 调解组织); null for a village's line and the town total.</param>
public sealed record FormRow(int? VillageId, string Name, IReadOnlyList<Figure<decimal?>> Cells, int? CommitteeId = null)
{
    /// <summary>The town total: neither a village's nor a committee's line.</summary>
    public bool IsTotal => VillageId is null && CommitteeId is null;
}

/// <summary>What the form has a line for: each village or area (the default), or each mediation committee (调解组织).</summary>
public enum FormScope
{
    Village,
    Committee,
}

/// <summary>
/// 人民调解工作统计表 for a period as one user may see it: the judicial office and admins a line per village or area and
/// the town total; a village head their own village's line only.
/// </summary>
/// <param name="Closed">For a closed month: who closed it and when; its figures are the ones stored then.</param>
/// <param name="Late">补报: events dated in a closed month but entered after it was closed, counted in this (the first open) month.</param>
public sealed record StatisticalForm(
    FormPeriod Period, IReadOnlyList<FormColumn> Columns, IReadOnlyList<FormRow> Rows, ClosedInfo? Closed = null, IReadOnlyList<LateEntry>? Late = null)
{
    /// <summary>The town total, when this user sees it.</summary>
    public FormRow? Town => Rows.FirstOrDefault(r => r.IsTotal);

    /// <summary>Whether the lines are the villages' or the committees'.</summary>
    public FormScope Scope { get; init; }
}

/// <summary>The form's columns and lines for a span of days, without a form's period (<see cref="MonthlyFormService.TownLinesAsync"/>).</summary>
public sealed record FormLines(IReadOnlyList<FormColumn> Columns, IReadOnlyList<FormRow> Rows)
{
    /// <summary>The town total.</summary>
    public FormRow Town => Rows.Single(r => r.IsTotal);

    /// <summary>A line's figure in the column of this <see cref="FormColumn.Code"/>; 0 when the form has no such column.</summary>
    public decimal Value(FormRow row, string code) => Columns.Select((c, i) => (c, i)).Where(x => x.c.Code == code).Sum(x => row.Cells[x.i].Value ?? 0m);

    /// <summary>A rate of the line (null when it has no denominator).</summary>
    public decimal? Rate(FormRow row, string code) => Columns.Select((c, i) => (c, i)).Where(x => x.c.Code == code).Select(x => row.Cells[x.i].Value).FirstOrDefault();

    /// <summary>The columns of a group with the line's figures, in the form's order.</summary>
    public IReadOnlyList<(FormColumn Column, decimal Value)> Group(FormRow row, string group) =>
        [.. Columns.Select((c, i) => (c, i)).Where(x => x.c.Group == group).Select(x => (x.c, row.Cells[x.i].Value ?? 0m))];
}

/// <summary>Who closed a month, and when.</summary>
public sealed record ClosedInfo(string ClosedBy, DateTime ClosedAtUtc);

/// <summary>A 补报 line: a step of a case dated in a closed month, entered after that month was closed.</summary>
/// <param name="CaseId">The case; null for a sweep's finding settled without one (<paramref name="CaseNumber"/> then names the sweep).</param>
public sealed record LateEntry(int? CaseId, string CaseNumber, int VillageId, string Action, DateOnly OccurredOn, DateTime RecordedAtUtc);

/// <summary>
/// The statistical form's figures for a month, quarter or year: six grouped queries (filed cases, resolutions, the other
/// outcomes, follow-ups, judicial confirmations, the mediators), summed per column as <see cref="FormFigures"/> defines.
/// </summary>
public sealed class MonthlyFormService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>The form for the signed-in user; null when they may not see it.</summary>
    public async Task<StatisticalForm?> GetAsync(FormPeriod period, CancellationToken ct = default) =>
        await GetAsync(await currentUser.GetActorAsync(), period, FormScope.Village, ct);

    /// <summary>The form by village, or by committee (<paramref name="scope"/>), for the signed-in user; null when they may not see it.</summary>
    public async Task<StatisticalForm?> GetAsync(FormPeriod period, FormScope scope, CancellationToken ct = default) =>
        await GetAsync(await currentUser.GetActorAsync(), period, scope, ct);

    public Task<StatisticalForm?> GetAsync(Actor? actor, FormPeriod period, CancellationToken ct = default) =>
        GetAsync(actor, period, FormScope.Village, ct);

    /// <param name="scope">A line per committee is the town's view: a village head gets their village's line whatever they ask.</param>
    public async Task<StatisticalForm?> GetAsync(Actor? actor, FormPeriod period, FormScope scope, CancellationToken ct = default)
    {
        if (!Capability.Oversight.Allows(actor))
        {
            return null;
        }

        var villageOnly = actor!.Role == UserRole.VillageHead ? actor.VillageId : null;
        if (villageOnly is not null)
        {
            scope = FormScope.Village;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reference = await ReferenceAsync(db, ct);
        var columns = FormFigures.Columns(reference);
        if (period.Kind == FormPeriodKind.Month && await db.ClosedMonths.AsNoTracking().SingleOrDefaultAsync(m => m.Month == period.From, ct) is { } closed)
        {
            return FormSnapshot.Read(closed, period, columns, villageOnly, scope);
        }

        var data = await DataAsync(db, period.From, period.To, recordedAfter: null, ct);
        IReadOnlyList<LateEntry>? late = null;
        if (period.Kind == FormPeriodKind.Month && await LateWindowAsync(db, period.From, ct) is { } window)
        {
            data = data.Plus(await DataAsync(db, window.From, window.To, window.ClosedAtUtc, ct));
            late = await LateEntriesAsync(db, window, villageOnly, ct);
        }

        var rows = scope == FormScope.Committee
            ? await CommitteeRowsAsync(db, columns, data, period.Period, ct)
            : await RowsAsync(db, columns, data, period.Period, villageOnly, ct);
        return new StatisticalForm(period, columns, rows, Late: late) { Scope = scope };
    }

    /// <summary>
    /// The town's lines (each village and area, and the town total) for any span of days, counted live: for the annual
    /// report, which checks who may see it, and its 同比 over the same days of the year before.
    /// </summary>
    internal async Task<FormLines> TownLinesAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var columns = FormFigures.Columns(await ReferenceAsync(db, ct));
        var data = await DataAsync(db, from, to, recordedAfter: null, ct);
        return new FormLines(columns, await RowsAsync(db, columns, data, StatisticsPeriod.Between(from, to)!, villageOnly: null, ct));
    }

    /// <summary>
    /// A line per mediation committee (村（居）调委会, the town's, the 红岩 stations, the industry committees) and the town
    /// total: each committee's cases; a village's committee also has its village's mediators, sweeps and trainings.
    /// </summary>
    private static async Task<List<FormRow>> CommitteeRowsAsync(
        AppDbContext db, IReadOnlyList<FormColumn> columns, FormData data, StatisticsPeriod period, CancellationToken ct)
    {
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.IsActive, c.Kind, c.VillageId }).ToListAsync(ct);
        var withData = data.Filed.Select(r => r.CommitteeId).Concat(data.Resolved.Select(r => r.CommitteeId)).ToHashSet();
        var rows = committees
            .Where(c => c.IsActive || withData.Contains(c.Id))
            .Select(c =>
            {
                var lines = data.ForCommittee(c.Id, c.Kind == CommitteeKind.Village ? c.VillageId : null);
                var scope = new CaseFilter { CommitteeId = c.Id };
                return new FormRow(null, c.Name, [.. columns.Select(col => new Figure<decimal?>(col.Value(lines), col.DrillDown?.Invoke(scope, period)))], c.Id);
            })
            .ToList();
        var town = data with { Trainings = [.. data.Trainings.Where(t => t.VillageId is null)] };
        rows.Add(new FormRow(null, "全镇合计", [.. columns.Select(col => new Figure<decimal?>(col.Value(town), col.DrillDown?.Invoke(new CaseFilter(), period)))]));
        return rows;
    }

    private static async Task<List<FormRow>> RowsAsync(
        AppDbContext db, IReadOnlyList<FormColumn> columns, FormData data, StatisticsPeriod period, int? villageOnly, CancellationToken ct)
    {
        var villages = await db.Villages.AsNoTracking().OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.IsActive }).ToListAsync(ct);

        FormRow Row(int? villageId, string name, FormData rows)
        {
            var scope = new CaseFilter { VillageId = villageId };
            return new FormRow(villageId, name, [.. columns.Select(c => new Figure<decimal?>(c.Value(rows), c.DrillDown?.Invoke(scope, period)))]);
        }

        var withData = data.Filed.Select(r => r.VillageId).Concat(data.Resolved.Select(r => r.VillageId)).ToHashSet();
        var rows = villages
            .Where(v => villageOnly is null ? v.IsActive || withData.Contains(v.Id) : v.Id == villageOnly)
            .Select(v => Row(v.Id, v.Name, data.For(v.Id)))
            .ToList();
        if (villageOnly is null)
        {
            // The town's trainings are the trainings held, not the sum of the villages' (one training serves several).
            rows.Add(Row(null, "全镇合计", data with { Trainings = [.. data.Trainings.Where(t => t.VillageId is null)] }));
        }

        return rows;
    }

    /// <summary>
    /// The months whose late events count in <paramref name="month"/>: when the month before it is closed (so this is the
    /// first open month), every closed month up to it, for what was entered after the month before was closed.
    /// </summary>
    internal static async Task<(DateOnly From, DateOnly To, DateTime ClosedAtUtc)?> LateWindowAsync(AppDbContext db, DateOnly month, CancellationToken ct)
    {
        var previous = month.AddMonths(-1);
        var closedBefore = await db.ClosedMonths.AsNoTracking().SingleOrDefaultAsync(m => m.Month == previous, ct);
        if (closedBefore is null)
        {
            return null;
        }

        var first = await db.ClosedMonths.AsNoTracking().MinAsync(m => m.Month, ct);
        return (first, month.AddDays(-1), closedBefore.ClosedAtUtc);
    }

    /// <summary>The 补报 lines: the steps the late figures count, each with its case.</summary>
    private static async Task<IReadOnlyList<LateEntry>> LateEntriesAsync(AppDbContext db, (DateOnly From, DateOnly To, DateTime ClosedAtUtc) window, int? villageOnly, CancellationToken ct)
    {
        var counted = CaseQueries.AnyOf(nameof(CaseAction.File), nameof(CaseTrigger.Resolve), nameof(CaseTrigger.ApproveReferral), nameof(CaseTrigger.Terminate), nameof(CaseAction.RecordFollowUp));
        var closedAt = window.ClosedAtUtc;
        var rows = await db.CaseHistory.AsNoTracking()
            .Where(CaseQueries.Events(counted, window.From, window.To))
            .Where(h => h.AtUtc > closedAt)
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { h.CaseId, c.Number, c.VillageId, h.Action, h.OccurredOn, h.AtUtc })
            .Where(x => villageOnly == null || x.VillageId == villageOnly)
            .OrderBy(x => x.OccurredOn).ThenBy(x => x.CaseId)
            .ToListAsync(ct);
        var (from, to) = (window.From, window.To);
        var applied = await db.Cases.AsNoTracking()
            .Where(c => c.JudicialConfirmation!.AppliedOn >= from && c.JudicialConfirmation.AppliedOn <= to && c.JudicialConfirmation.AppliedRecordedAtUtc > closedAt)
            .Where(c => villageOnly == null || c.VillageId == villageOnly)
            .Select(c => new { c.Id, c.Number, c.VillageId, On = c.JudicialConfirmation!.AppliedOn!.Value, At = c.JudicialConfirmation.AppliedRecordedAtUtc!.Value })
            .ToListAsync(ct);
        var decided = await db.Cases.AsNoTracking()
            .Where(c => c.JudicialConfirmation!.Outcome != null && c.JudicialConfirmation.DecidedOn >= from && c.JudicialConfirmation.DecidedOn <= to
                && c.JudicialConfirmation.DecidedRecordedAtUtc > closedAt)
            .Where(c => villageOnly == null || c.VillageId == villageOnly)
            .Select(c => new { c.Id, c.Number, c.VillageId, On = c.JudicialConfirmation!.DecidedOn!.Value, At = c.JudicialConfirmation.DecidedRecordedAtUtc!.Value })
            .ToListAsync(ct);
        var settled = await db.SweepFindings.AsNoTracking()
            .Where(f => f.SettledOn >= from && f.SettledOn <= to && f.SettledAtUtc > closedAt)
            .Join(db.Sweeps, f => f.SweepId, s => s.Id, (f, s) => new { f.CaseId, f.Outcome, s.VillageId, s.SweptOn, On = f.SettledOn!.Value, At = f.SettledAtUtc!.Value })
            .Where(x => villageOnly == null || x.VillageId == villageOnly)
            .ToListAsync(ct);
        IEnumerable<LateEntry> lines =
        [
            .. rows.Select(r => new LateEntry(r.CaseId, r.Number, r.VillageId, ActionLabel(r.Action), r.OccurredOn, r.AtUtc)),
            .. applied.Select(r => new LateEntry(r.Id, r.Number, r.VillageId, LateJudicialApplied, r.On, r.At)),
            .. decided.Select(r => new LateEntry(r.Id, r.Number, r.VillageId, LateJudicialDecided, r.On, r.At)),
            .. settled.Select(r => new LateEntry(
                r.CaseId, $"{r.SweptOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} 矛盾纠纷排查", r.VillageId,
                r.Outcome == FindingOutcome.Prevented ? LateFindingPrevented : LateFindingFiled, r.On, r.At)),
        ];
        return [.. lines.OrderBy(l => l.OccurredOn).ThenBy(l => l.RecordedAtUtc)];
    }

    internal const string LateJudicialApplied = "申请司法确认";
    internal const string LateJudicialDecided = "司法确认裁定";
    internal const string LateFindingPrevented = "排查发现纠纷化解";
    internal const string LateFindingFiled = "排查发现纠纷立案";

    private static string ActionLabel(string action) =>
        Enum.TryParse<CaseTrigger>(action, out var trigger) ? trigger.ToLabel() : Enum.TryParse<CaseAction>(action, out var recorded) ? recorded.ToLabel() : action;

    private static async Task<FormReference> ReferenceAsync(AppDbContext db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.StatisticsGroup, c.IsActive }).ToListAsync(ct);
        var sources = await db.CaseSources.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.Code, c.IsActive }).ToListAsync(ct);
        var venues = await db.Venues.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.IsActive }).ToListAsync(ct);
        var kinds = await db.MediationKinds.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.IsActive }).ToListAsync(ct);

        // A withdrawn row keeps its column: the form's columns are the same every month, and old cases still point at it.
        return new FormReference(
            [.. categories.Select(c => (c.Id, c.Name, c.StatisticsGroup))],
            [.. sources.Select(c => (c.Id, c.Name, c.Code))],
            [.. venues.Select(c => (c.Id, c.Name))],
            [.. kinds.Select(c => (c.Id, c.Name))]);
    }

    /// <param name="recordedAfter">Null: what happened between the dates. Else the late part: what happened between them
    /// and was entered after this time (the roster is not dated by entry, and has no late part).</param>
    private static async Task<FormData> DataAsync(AppDbContext db, DateOnly from, DateOnly to, DateTime? recordedAfter, CancellationToken ct)
    {
        var late = recordedAfter is not null;
        var after = recordedAfter ?? DateTime.MinValue;
        const string file = nameof(CaseAction.File);
        const int group = FormFigures.GroupDisputePeople;
        const RiskLevel high = FigureDefinitions.PreventedCriminalRisk;

        var filed = (await db.Cases.AsNoTracking()
                .Where(c => c.FiledOn >= from && c.FiledOn <= to)
                .Where(c => !late || c.History.Any(h => h.Action == file && h.AtUtc > after))
                .GroupBy(c => new { c.VillageId, c.CommitteeId, c.CategoryId, c.SourceId, c.MediationKindId, Group = c.PeopleInvolved >= group })
                .Select(g => new { g.Key, Cases = g.Count(), People = g.Sum(c => c.PeopleInvolved) })
                .ToListAsync(ct))
            .Select(r => new FiledRow(r.Key.VillageId, r.Key.CommitteeId, r.Key.CategoryId, r.Key.SourceId, r.Key.MediationKindId, r.Key.Group, r.Cases, r.People))
            .ToList();

        var resolved = (await db.CaseHistory.AsNoTracking()
                .Where(CaseQueries.Events(nameof(CaseTrigger.Resolve), from, to))
                .Where(h => !late || h.AtUtc > after)
                .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new
                {
                    c.VillageId,
                    c.CommitteeId,
                    c.VenueId,
                    h.AgreementKind,
                    h.PreventedGroupPetition,
                    High = c.RiskLevel == high,
                    c.PeopleInvolved,
                    Agreed = h.AgreedAmount ?? 0m,
                })
                .GroupBy(x => new { x.VillageId, x.CommitteeId, x.VenueId, x.AgreementKind, x.PreventedGroupPetition, x.High })
                .Select(g => new { g.Key, Events = g.Count(), People = g.Sum(x => x.PeopleInvolved), Agreed = g.Sum(x => x.Agreed) })
                .ToListAsync(ct))
            .Select(r => new ResolvedRow(r.Key.VillageId, r.Key.CommitteeId, r.Key.VenueId, r.Key.AgreementKind, r.Key.PreventedGroupPetition, r.Key.High, r.Events, r.People, (long)(r.Agreed * 100m)))
            .ToList();

        var courts = db.ReferralTargets.Where(CaseQueries.IsCourt).Select(t => t.Id);
        var outcomes = (await db.CaseHistory.AsNoTracking()
                .Where(CaseQueries.Events(CaseQueries.AnyOf(nameof(CaseTrigger.ApproveReferral), nameof(CaseTrigger.Terminate)), from, to))
                .Where(h => !late || h.AtUtc > after)
                .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new
                {
                    c.VillageId,
                    c.CommitteeId,
                    h.Action,
                    ToCourt = h.Action == nameof(CaseTrigger.ApproveReferral) && c.Referral != null && courts.Contains(c.Referral.TargetId),
                })
                .GroupBy(x => new { x.VillageId, x.CommitteeId, x.Action, x.ToCourt })
                .Select(g => new { g.Key, Events = g.Count() })
                .ToListAsync(ct))
            .Select(r => new OutcomeRow(r.Key.VillageId, r.Key.CommitteeId, r.Key.Action, r.Key.ToCourt, r.Events))
            .ToList();

        var followUps = (await db.CaseHistory.AsNoTracking()
                .Where(CaseQueries.Events(nameof(CaseAction.RecordFollowUp), from, to))
                .Where(h => !late || h.AtUtc > after)
                .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { c.VillageId, c.CommitteeId, h.Performance })
                .GroupBy(x => new { x.VillageId, x.CommitteeId, x.Performance })
                .Select(g => new { g.Key, Visits = g.Count() })
                .ToListAsync(ct))
            .Select(r => new FollowUpRow(r.Key.VillageId, r.Key.CommitteeId, r.Key.Performance, r.Visits))
            .ToList();

        var applied = await db.Cases.AsNoTracking()
            .Where(c => c.JudicialConfirmation!.AppliedOn >= from && c.JudicialConfirmation.AppliedOn <= to && (!late || c.JudicialConfirmation.AppliedRecordedAtUtc > after))
            .GroupBy(c => new { c.VillageId, c.CommitteeId })
            .Select(g => new { g.Key.VillageId, g.Key.CommitteeId, Cases = g.Count() })
            .ToListAsync(ct);
        var decided = await db.Cases.AsNoTracking()
            .Where(c => c.JudicialConfirmation!.Outcome != null && c.JudicialConfirmation.DecidedOn >= from && c.JudicialConfirmation.DecidedOn <= to
                && (!late || c.JudicialConfirmation.DecidedRecordedAtUtc > after))
            .GroupBy(c => new { c.VillageId, c.CommitteeId, c.JudicialConfirmation!.Outcome })
            .Select(g => new { g.Key.VillageId, g.Key.CommitteeId, g.Key.Outcome, Cases = g.Count() })
            .ToListAsync(ct);
        List<JudicialRow> judicial =
        [
            .. applied.Select(r => new JudicialRow(r.VillageId, r.CommitteeId, null, r.Cases)),
            .. decided.Select(r => new JudicialRow(r.VillageId, r.CommitteeId, r.Outcome, r.Cases)),
        ];

        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        var mediators = (await db.Users.AsNoTracking()
                .Where(u => !late && u.IsActive && u.VillageId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
                .GroupBy(u => new { VillageId = u.VillageId!.Value, u.FullTime })
                .Select(g => new { g.Key, People = g.Count() })
                .ToListAsync(ct))
            .Select(r => new MediatorRow(r.Key.VillageId, r.Key.FullTime, r.People))
            .ToList();

        var sweeps = await db.Sweeps.AsNoTracking()
            .Where(s => s.SweptOn >= from && s.SweptOn <= to && (!late || s.RecordedAtUtc > after))
            .GroupBy(s => s.VillageId)
            .Select(g => new { VillageId = g.Key, Sweeps = g.Count(), Found = g.Sum(s => s.Findings.Count) })
            .ToListAsync(ct);
        var settled = await db.SweepFindings.AsNoTracking()
            .Where(f => f.SettledOn >= from && f.SettledOn <= to && (!late || f.SettledAtUtc > after))
            .Join(db.Sweeps, f => f.SweepId, s => s.Id, (f, s) => new { s.VillageId, f.Outcome })
            .GroupBy(x => new { x.VillageId, x.Outcome })
            .Select(g => new { g.Key.VillageId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        List<SweepRow> sweepRows =
        [
            .. sweeps.Select(r => new SweepRow(r.VillageId, r.Sweeps, r.Found, 0, 0)),
            .. settled.Select(r => new SweepRow(r.VillageId, 0, 0, r.Outcome == FindingOutcome.Prevented ? r.Count : 0, r.Outcome == FindingOutcome.CaseFiled ? r.Count : 0)),
        ];

        var attendance = await db.Trainings.AsNoTracking()
            .Where(t => t.HeldOn >= from && t.HeldOn <= to && (!late || t.RecordedAtUtc > after))
            .SelectMany(t => t.Attendees.Select(a => new { a.TrainingId, a.UserId }))
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.TrainingId, a.UserId, u.VillageId })
            .Distinct()
            .ToListAsync(ct);
        var held = await db.Trainings.AsNoTracking().CountAsync(t => t.HeldOn >= from && t.HeldOn <= to && (!late || t.RecordedAtUtc > after), ct);
        List<TrainingRow> trainings =
        [
            new(null, held, attendance.Select(a => a.UserId).Distinct().Count(), attendance.Count),
            .. attendance.Where(a => a.VillageId is not null).GroupBy(a => a.VillageId)
                .Select(g => new TrainingRow(g.Key, g.Select(a => a.TrainingId).Distinct().Count(), g.Select(a => a.UserId).Distinct().Count(), g.Count())),
        ];

        return new FormData(filed, resolved, outcomes, followUps, judicial, mediators, sweepRows, trainings);
    }
}
