using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Cases;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// What each figure counts (DOMAIN.md "Dashboards and statistics"), written once: the sets of states and actions
/// that <see cref="StatisticsService"/> counts in SQL, and the case-list filter behind each figure.
/// <list type="bullet">
/// <item>Filed, in mediation, pending review and overdue count cases; their filter selects exactly those cases.</item>
/// <item>Resolved, referred, terminated, declined, the agreements, the amount, the people and 防止民转刑 count
/// events (history entries) in the period; their filter lists each case with such an event once, so a case resolved
/// twice in the period is counted twice and listed once.</item>
/// </list>
/// </summary>
public static class FigureDefinitions
{
    /// <summary>在办: the states of a case still being handled.</summary>
    public static readonly IReadOnlyList<CaseStatus> OpenStates = [CaseStatus.Filed, CaseStatus.Mediating, CaseStatus.ReferralPending];

    /// <summary>The concluding transitions: into Resolved, ReferralApproved, Terminated, Declined.</summary>
    public static readonly IReadOnlyList<string> Concluding =
        [nameof(CaseTrigger.Resolve), nameof(CaseTrigger.ApproveReferral), nameof(CaseTrigger.Terminate), nameof(CaseTrigger.Decline)];

    /// <summary>The outcomes of mediation the success rate divides by: resolved + referred + terminated.</summary>
    public static readonly IReadOnlyList<string> MediationOutcomes =
        [nameof(CaseTrigger.Resolve), nameof(CaseTrigger.ApproveReferral), nameof(CaseTrigger.Terminate)];

    /// <summary>防止民转刑: resolved cases of this risk.</summary>
    public const RiskLevel PreventedCriminalRisk = RiskLevel.High;

    /// <summary>The figures of a tally; links narrow <paramref name="scope"/> (null: no links).</summary>
    internal static Figures Of(Tally t, CaseFilter? scope, StatisticsPeriod period)
    {
        Figure<TValue> F<TValue>(TValue value, Func<CaseFilter, CaseFilter> drillDown) => new(value, scope is null ? null : drillDown(scope));
        CaseFilter AtEnd(CaseFilter s, IReadOnlyList<CaseStatus> states) => s with { States = states, StateAsOf = period.To };
        CaseFilter Events(CaseFilter s, string events) => s with { Event = events, EventFrom = period.From, EventTo = period.To };
        const string resolve = nameof(CaseTrigger.Resolve);

        var outcomes = t.Resolved + t.Referred + t.Terminated;
        return new Figures(
            Filed: F(t.Filed, s => s with { FiledFrom = period.From, FiledTo = period.To }),
            InMediation: F(t.InMediation, s => AtEnd(s, OpenStates)),
            PendingReview: F(t.PendingReview, s => AtEnd(s, [CaseStatus.ReferralPending])),
            Overdue: F(t.Overdue, s => AtEnd(s, [CaseStatus.Mediating]) with { Overdue = true }),
            Resolved: F(t.Resolved, s => Events(s, resolve)),
            Referred: F(t.Referred, s => Events(s, nameof(CaseTrigger.ApproveReferral))),
            Terminated: F(t.Terminated, s => Events(s, nameof(CaseTrigger.Terminate))),
            Declined: F(t.Declined, s => Events(s, nameof(CaseTrigger.Decline))),
            SuccessRate: F(outcomes == 0 ? null : (decimal?)t.Resolved / outcomes, s => Events(s, CaseQueries.AnyOf(MediationOutcomes))),
            AverageDaysToConclude: F(t.Concluded == 0 ? null : (decimal?)t.DaysToConclude / t.Concluded, s => Events(s, CaseQueries.AnyOf(Concluding))),
            WrittenAgreements: F(t.WrittenAgreements, s => Events(s, CaseQueries.ResolvedWith(AgreementKind.Written))),
            OralAgreements: F(t.OralAgreements, s => Events(s, CaseQueries.ResolvedWith(AgreementKind.Oral))),
            AmountResolved: F(t.AmountResolvedFen / 100m, s => Events(s, resolve)),
            PeopleResolved: F(t.PeopleResolved, s => Events(s, resolve)),
            PreventedCriminalCases: F(t.PreventedCriminalCases, s => Events(s, resolve) with { Risk = PreventedCriminalRisk }),
            PreventedCriminalPeople: F(t.PreventedCriminalPeople, s => Events(s, resolve) with { Risk = PreventedCriminalRisk }));
    }

    /// <summary>A month of the trend, its links limited to the days of the month within the period.</summary>
    internal static MonthRow Month(DateOnly month, Tally t, CaseFilter? scope, StatisticsPeriod period)
    {
        var from = month < period.From ? period.From : month;
        var lastDay = month.AddMonths(1).AddDays(-1);
        var to = lastDay > period.To ? period.To : lastDay;
        var figures = Of(t, scope, StatisticsPeriod.Between(from, to)!);
        return new MonthRow(month, figures.Filed, figures.Resolved, figures.Referred);
    }
}
