using System.Globalization;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>
/// What the statistical form's grouped queries return for a period (<see cref="MonthlyFormService"/>), at the finest
/// grain any column needs; each column of <see cref="FormFigures"/> sums the rows it is about. Rows of one village are
/// what <see cref="For"/> keeps.
/// </summary>
internal sealed record FormData(
    IReadOnlyList<FiledRow> Filed,
    IReadOnlyList<ResolvedRow> Resolved,
    IReadOnlyList<OutcomeRow> Outcomes,
    IReadOnlyList<FollowUpRow> FollowUps,
    IReadOnlyList<JudicialRow> Judicial,
    IReadOnlyList<MediatorRow> Mediators,
    IReadOnlyList<SweepRow> Sweeps,
    IReadOnlyList<TrainingRow> Trainings)
{
    /// <summary>Both sets of rows: a month's own and its 补报.</summary>
    public FormData Plus(FormData other) => new(
        [.. Filed, .. other.Filed],
        [.. Resolved, .. other.Resolved],
        [.. Outcomes, .. other.Outcomes],
        [.. FollowUps, .. other.FollowUps],
        [.. Judicial, .. other.Judicial],
        [.. Mediators, .. other.Mediators],
        [.. Sweeps, .. other.Sweeps],
        [.. Trainings, .. other.Trainings]);

    public FormData For(int villageId) => new(
        [.. Filed.Where(r => r.VillageId == villageId)],
        [.. Resolved.Where(r => r.VillageId == villageId)],
        [.. Outcomes.Where(r => r.VillageId == villageId)],
        [.. FollowUps.Where(r => r.VillageId == villageId)],
        [.. Judicial.Where(r => r.VillageId == villageId)],
        [.. Mediators.Where(r => r.VillageId == villageId)],
        [.. Sweeps.Where(r => r.VillageId == villageId)],
        [.. Trainings.Where(r => r.VillageId == villageId)]);

    /// <summary>
    /// A committee's line: the cases it handled; and for a village's committee (<paramref name="villageId"/>) the
    /// village's mediators, sweeps and trainings, which belong to a village, not to the other committees.
    /// </summary>
    public FormData ForCommittee(int committeeId, int? villageId) => new(
        [.. Filed.Where(r => r.CommitteeId == committeeId)],
        [.. Resolved.Where(r => r.CommitteeId == committeeId)],
        [.. Outcomes.Where(r => r.CommitteeId == committeeId)],
        [.. FollowUps.Where(r => r.CommitteeId == committeeId)],
        [.. Judicial.Where(r => r.CommitteeId == committeeId)],
        [.. Mediators.Where(r => r.VillageId == villageId)],
        [.. Sweeps.Where(r => r.VillageId == villageId)],
        [.. Trainings.Where(r => villageId != null && r.VillageId == villageId)]);
}

/// <summary>Cases filed in the period, by what the form splits them by.</summary>
internal sealed record FiledRow(int VillageId, int? CommitteeId, int CategoryId, int SourceId, int KindId, bool GroupDispute, int Cases, int People);

/// <summary>Resolve events in the period (a case resolved twice counts twice), by the case's parts and the agreement's.</summary>
internal sealed record ResolvedRow(
    int VillageId, int? CommitteeId, int? VenueId, AgreementKind? Agreement, bool PreventedPetition, bool HighRisk, int Events, int People, long AgreedFen);

/// <summary>The other outcomes the success rate divides by: approved referrals and terminations in the period.
/// <c>ToCourt</c>: an approved referral to a court (<see cref="CaseQueries.IsCourt"/>).</summary>
internal sealed record OutcomeRow(int VillageId, int? CommitteeId, string Action, bool ToCourt, int Events);

/// <summary>Follow-up visits (回访) in the period, by what they found.</summary>
internal sealed record FollowUpRow(int VillageId, int? CommitteeId, PerformanceStatus? Performance, int Visits);

/// <summary>司法确认: cases whose parties applied in the period (<c>Outcome</c> null), or whose application was decided in it.</summary>
internal sealed record JudicialRow(int VillageId, int? CommitteeId, JudicialOutcome? Outcome, int Cases);

/// <summary>Active mediators of a village, 专职 or 兼职.</summary>
internal sealed record MediatorRow(int VillageId, bool FullTime, int People);

/// <summary>
/// A village's sweeps: rounds swept and disputes found in the period (by the sweep's date), and findings prevented or
/// filed as cases in the period (by the date that was done).
/// </summary>
internal sealed record SweepRow(int VillageId, int Sweeps, int Found, int Prevented, int Filed);

/// <summary>
/// Trainings in the period: for the town (<c>VillageId</c> null) the trainings held and the mediators trained; for a
/// village, the trainings its mediators attended and how many of them attended; <c>Attendances</c> counts 人次 (a mediator
/// at two trainings twice).
/// </summary>
internal sealed record TrainingRow(int? VillageId, int Trainings, int Mediators, int Attendances);

/// <summary>The reference rows the form has a column for, in their order.</summary>
internal sealed record FormReference(
    IReadOnlyList<(int Id, string Name, string? Group)> Categories,
    IReadOnlyList<(int Id, string Name, string? Code)> Sources,
    IReadOnlyList<(int Id, string Name)> Venues,
    IReadOnlyList<(int Id, string Name)> Kinds);

/// <summary>
/// One column of the statistical form: its group (the first header row, merged over its columns), its name and unit
/// (the second), how it is worked out from the period's <see cref="FormData"/>, and the case-list filter of the cases
/// behind it (null for a figure that is not about cases, e.g. mediators).
/// </summary>
public sealed record FormColumn(string Group, string Label, string Unit, bool Money = false, bool Rate = false)
{
    internal Func<FormData, decimal?> Value { get; init; } = _ => 0;

    /// <summary>What the annual report finds the column by: a source's code for a source column, else a <see cref="FormFigures"/> key.</summary>
    public string? Code { get; init; }

    internal Func<CaseFilter, StatisticsPeriod, CaseFilter>? DrillDown { get; init; }

    /// <summary>The figure as written on the page: 万元 to four places, a rate to one, counts whole; — for a rate of nothing.</summary>
    public string Text(decimal? value) => value is not { } v ? FigureFormat.None
        : Money ? v.ToString("0.####", CultureInfo.InvariantCulture)
        : Rate ? v.ToString("0.0", CultureInfo.InvariantCulture)
        : v.ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>
/// The figures of the people's-mediation statistical form (人民调解工作统计表, issue 13), each defined once here: which
/// rows of <see cref="FormData"/> it sums and which cases its link lists. Case counts (登记 by category, source and
/// kind; 群体性纠纷) count cases filed in the period; outcomes count events by the date they happened, as the dashboard
/// does (<see cref="FigureDefinitions"/>): 调解成功 and what goes with it (agreements, 协议金额, 防止民转刑, 防止群体性上访,
/// where it was mediated), 回访 and its findings; 司法确认 counts cases by the dates of application and decision.
/// </summary>
public static class FormFigures
{
    public const string Cases = "件";
    public const string People = "人";
    public const string TenThousandYuan = "万元";
    public const string Percent = "%";
    public const string Visits = "件次";
    public const string Times = "次";
    public const string Sessions = "场";
    public const string PersonTimes = "人次";

    // The groups of columns (the first header row) the annual report reads.
    public const string SourceGroup = "纠纷来源（受理，件）";
    public const string VenueGroup = "调解场所（调解成功，件）";

    // The codes of the columns the annual report reads (a source column's code is its source's).
    public const string FiledKey = "filed";
    public const string ResolvedKey = "resolved";
    public const string ReferredKey = "referred";
    public const string ReferredToCourtKey = "referred-court";
    public const string PreventedCriminalKey = "prevented-criminal";
    public const string PreventedCriminalPeopleKey = "prevented-criminal-people";
    public const string PreventedPetitionKey = "prevented-petition";
    public const string PreventedPetitionPeopleKey = "prevented-petition-people";
    public const string FollowUpKey = "follow-up";
    public const string PerformanceRateKey = "performance-rate";
    public const string SweepsKey = "sweeps";
    public const string SweepFoundKey = "sweep-found";
    public const string SweepPreventedKey = "sweep-prevented";
    public const string SweepFiledKey = "sweep-filed";
    public const string TrainingsKey = "trainings";
    public const string TrainedKey = "trained";
    public const string TrainedTimesKey = "trained-times";

    /// <summary>The code of a follow-up column of this finding.</summary>
    public static string PerformanceKey(PerformanceStatus status) => $"performance-{status}";

    /// <summary>
    /// 涉诉纠纷 (无诉讼村): disputes of a village that went to court in the period — cases a court sent (法院委派, filed in the
    /// period) and referrals to a court approved in it. The columns whose sum it is.
    /// </summary>
    public static readonly IReadOnlyList<string> WentToCourtKeys = [CourtDelegatedSource, ReferredToCourtKey];

    /// <summary>The source code of 法院委派（诉前调解）.</summary>
    public const string CourtDelegatedSource = "court-delegated";

    /// <summary>群体性纠纷: 5 or more people involved (DOMAIN.md, a case's 涉及人数).</summary>
    public const int GroupDisputePeople = 5;

    private const string Resolve = nameof(CaseTrigger.Resolve);

    internal static IReadOnlyList<FormColumn> Columns(FormReference reference)
    {
        static CaseFilter Filed(CaseFilter s, StatisticsPeriod p) => s with { FiledFrom = p.From, FiledTo = p.To };
        static CaseFilter Events(CaseFilter s, StatisticsPeriod p, string events) => s with { Event = events, EventFrom = p.From, EventTo = p.To };
        static CaseFilter Judicial(CaseFilter s, StatisticsPeriod p, string what) => s with { Judicial = what, EventFrom = p.From, EventTo = p.To };
        static decimal? Rate(int part, int whole) => whole == 0 ? null : 100m * part / whole;

        const string total = "纠纷受理";
        const string category = "纠纷类型（受理，件）";
        const string source = SourceGroup;
        const string venue = VenueGroup;
        const string kind = "调解类型（受理，件）";
        const string result = "调解结果";
        const string referral = "移交（件）";
        const string prevention = "预防激化";
        const string judicial = "司法确认（件）";
        const string performance = "协议履行";
        const string organisation = "组织队伍";
        const string sweeps = "矛盾纠纷排查";

        var columns = new List<FormColumn>
        {
            new(total, "受理纠纷", Cases) { Code = FiledKey, Value = d => d.Filed.Sum(r => r.Cases), DrillDown = Filed },
            new(total, "涉及人数", People) { Value = d => d.Filed.Sum(r => r.People), DrillDown = Filed },
            new(total, "群体性纠纷", Cases) { Value = d => d.Filed.Where(r => r.GroupDispute).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { MinPeople = GroupDisputePeople } },
        };

        for (var i = 0; i < reference.Categories.Count; i++)
        {
            var (id, name, group) = reference.Categories[i];
            columns.Add(new(category, name, Cases) { Value = d => d.Filed.Where(r => r.CategoryId == id).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { CategoryId = id } });
            if (group is not null && (i + 1 == reference.Categories.Count || reference.Categories[i + 1].Group != group))
            {
                var ids = reference.Categories.Where(c => c.Group == group).Select(c => c.Id).ToHashSet();
                columns.Add(new(category, $"{group}合计", Cases) { Value = d => d.Filed.Where(r => ids.Contains(r.CategoryId)).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { CategoryGroup = group } });
            }
        }

        foreach (var (group, codes) in SourceGroups.All)
        {
            var groupIds = reference.Sources.Where(s => s.Code is not null && codes.Contains(s.Code)).Select(s => s.Id).ToHashSet();
            columns.Add(new(source, group, Cases) { Code = group, Value = d => d.Filed.Where(r => groupIds.Contains(r.SourceId)).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { SourceGroup = group } });
            if (codes.Count > 1)
            {
                foreach (var (id, name, code) in reference.Sources.Where(s => s.Code is not null && codes.Contains(s.Code)))
                {
                    columns.Add(new(source, $"其中：{name}", Cases) { Code = code, Value = d => d.Filed.Where(r => r.SourceId == id).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { SourceId = id } });
                }
            }
        }

        foreach (var (id, name, code) in reference.Sources.Where(s => SourceGroups.GroupOf(s.Code) is null))
        {
            columns.Add(new(source, name, Cases) { Code = code, Value = d => d.Filed.Where(r => r.SourceId == id).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { SourceId = id } });
        }

        foreach (var (id, name) in reference.Venues)
        {
            columns.Add(new(venue, name, Cases) { Value = d => d.Resolved.Where(r => r.VenueId == id).Sum(r => r.Events), DrillDown = (s, p) => Events(s, p, Resolve) with { VenueId = id } });
        }

        foreach (var (id, name) in reference.Kinds)
        {
            columns.Add(new(kind, name, Cases) { Value = d => d.Filed.Where(r => r.KindId == id).Sum(r => r.Cases), DrillDown = (s, p) => Filed(s, p) with { KindId = id } });
        }

        columns.AddRange(
        [
            new(result, "调解成功", Cases) { Code = ResolvedKey, Value = d => d.Resolved.Sum(r => r.Events), DrillDown = (s, p) => Events(s, p, Resolve) },
            new(result, "书面协议", Cases) { Value = d => d.Resolved.Where(r => r.Agreement == AgreementKind.Written).Sum(r => r.Events), DrillDown = (s, p) => Events(s, p, CaseQueries.ResolvedWith(AgreementKind.Written)) },
            new(result, "口头协议", Cases) { Value = d => d.Resolved.Where(r => r.Agreement == AgreementKind.Oral).Sum(r => r.Events), DrillDown = (s, p) => Events(s, p, CaseQueries.ResolvedWith(AgreementKind.Oral)) },
            new(result, "协议金额", TenThousandYuan, Money: true) { Value = d => d.Resolved.Sum(r => r.AgreedFen) / 1_000_000m, DrillDown = (s, p) => Events(s, p, Resolve) },
            new(result, "调解成功率", Percent, Rate: true)
            {
                Value = d => Rate(d.Resolved.Sum(r => r.Events), d.Resolved.Sum(r => r.Events) + d.Outcomes.Sum(r => r.Events)),
                DrillDown = (s, p) => Events(s, p, CaseQueries.AnyOf(FigureDefinitions.MediationOutcomes)),
            },
            new(referral, "移交有关部门", Cases)
            {
                Code = ReferredKey,
                Value = d => d.Outcomes.Where(r => r.Action == nameof(CaseTrigger.ApproveReferral)).Sum(r => r.Events),
                DrillDown = (s, p) => Events(s, p, nameof(CaseTrigger.ApproveReferral)),
            },
            new(referral, "其中：移交法院", Cases)
            {
                Code = ReferredToCourtKey,
                Value = d => d.Outcomes.Where(r => r.Action == nameof(CaseTrigger.ApproveReferral) && r.ToCourt).Sum(r => r.Events),
                DrillDown = (s, p) => Events(s, p, nameof(CaseTrigger.ApproveReferral)) with { ToCourt = true },
            },
            new(prevention, "防止民转刑", Cases) { Code = PreventedCriminalKey, Value = d => d.Resolved.Where(r => r.HighRisk).Sum(r => r.Events), DrillDown = (s, p) => Events(s, p, Resolve) with { Risk = FigureDefinitions.PreventedCriminalRisk } },
            new(prevention, "防止民转刑涉及", People) { Code = PreventedCriminalPeopleKey, Value = d => d.Resolved.Where(r => r.HighRisk).Sum(r => r.People), DrillDown = (s, p) => Events(s, p, Resolve) with { Risk = FigureDefinitions.PreventedCriminalRisk } },
            new(prevention, "防止群体性上访", Cases) { Code = PreventedPetitionKey, Value = d => d.Resolved.Where(r => r.PreventedPetition).Sum(r => r.Events), DrillDown = (s, p) => Events(s, p, CaseQueries.ResolvedPreventingPetition) },
            new(prevention, "防止群体性上访涉及", People) { Code = PreventedPetitionPeopleKey, Value = d => d.Resolved.Where(r => r.PreventedPetition).Sum(r => r.People), DrillDown = (s, p) => Events(s, p, CaseQueries.ResolvedPreventingPetition) },
            new(judicial, "申请", Cases) { Value = d => d.Judicial.Where(r => r.Outcome is null).Sum(r => r.Cases), DrillDown = (s, p) => Judicial(s, p, CaseFilter.JudicialApplied) },
            new(judicial, "确认有效", Cases) { Value = d => d.Judicial.Where(r => r.Outcome == JudicialOutcome.Confirmed).Sum(r => r.Cases), DrillDown = (s, p) => Judicial(s, p, nameof(JudicialOutcome.Confirmed)) },
            new(judicial, "驳回", Cases) { Value = d => d.Judicial.Where(r => r.Outcome == JudicialOutcome.Rejected).Sum(r => r.Cases), DrillDown = (s, p) => Judicial(s, p, nameof(JudicialOutcome.Rejected)) },
            new(performance, "回访", Visits) { Code = FollowUpKey, Value = d => d.FollowUps.Sum(r => r.Visits), DrillDown = (s, p) => Events(s, p, nameof(CaseAction.RecordFollowUp)) },
        ]);
        foreach (var status in Enum.GetValues<PerformanceStatus>())
        {
            columns.Add(new(performance, status.ToLabel(), Visits)
            {
                Code = PerformanceKey(status),
                Value = d => d.FollowUps.Where(r => r.Performance == status).Sum(r => r.Visits),
                DrillDown = (s, p) => Events(s, p, CaseQueries.FollowedUpWith(status)),
            });
        }

        columns.AddRange(
        [
            new(performance, "履行率", Percent, Rate: true)
            {
                Code = PerformanceRateKey,
                Value = d => Rate(d.FollowUps.Where(r => r.Performance == PerformanceStatus.Full).Sum(r => r.Visits), d.FollowUps.Sum(r => r.Visits)),
                DrillDown = (s, p) => Events(s, p, nameof(CaseAction.RecordFollowUp)),
            },
            new(sweeps, "排查次数", Times) { Code = SweepsKey, Value = d => d.Sweeps.Sum(r => r.Sweeps) },
            new(sweeps, "排查发现纠纷", Cases) { Code = SweepFoundKey, Value = d => d.Sweeps.Sum(r => r.Found) },
            new(sweeps, "化解（防止）纠纷", Cases) { Code = SweepPreventedKey, Value = d => d.Sweeps.Sum(r => r.Prevented) },
            new(sweeps, "转为案件", Cases) { Code = SweepFiledKey, Value = d => d.Sweeps.Sum(r => r.Filed) },
            new(organisation, "人民调解员", People) { Value = d => d.Mediators.Sum(r => r.People) },
            new(organisation, "专职", People) { Value = d => d.Mediators.Where(r => r.FullTime).Sum(r => r.People) },
            new(organisation, "兼职", People) { Value = d => d.Mediators.Where(r => !r.FullTime).Sum(r => r.People) },
            new(organisation, "开展培训", Sessions) { Code = TrainingsKey, Value = d => d.Trainings.Sum(r => r.Trainings) },
            new(organisation, "参训调解员", People) { Code = TrainedKey, Value = d => d.Trainings.Sum(r => r.Mediators) },
            new(organisation, "参训人次", PersonTimes) { Code = TrainedTimesKey, Value = d => d.Trainings.Sum(r => r.Attendances) },
        ]);
        return columns;
    }
}
