using System.Text.Json;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Features.Dashboard;

namespace HuilongbaMediation.Web.Tests.Features.Dashboard;

/// <summary>
/// DOMAIN.md's figures counted the plain way, for comparison: the stored cases and their histories in memory, each
/// step on the date it carried as its JSON says (the China date it was recorded on when it carried none), the state at
/// a date from the last change of status by then, the agreement's kind and the due dates read from the JSON too. None
/// of it reads the typed columns the SQL counts on, so the two are checked against each other.
/// </summary>
internal sealed class DirectCount(IEnumerable<MediationCase> cases, DateOnly from, DateOnly to, DateOnly today)
{
    private readonly List<MediationCase> _cases = [.. cases];

    public int Filed => _cases.Count(c => c.FiledOn >= from && c.FiledOn <= to);

    public int InMediation => _cases.Count(c => StateAtEnd(c) is CaseStatus.Filed or CaseStatus.Mediating or CaseStatus.ReferralPending);

    public int PendingReview => _cases.Count(c => StateAtEnd(c) == CaseStatus.ReferralPending);

    public int Overdue => _cases.Count(c => StateAtEnd(c) == CaseStatus.Mediating && DueOnAtEnd(c) < (today < to ? today : to));

    public int Resolved => Events("Resolve").Count();

    public int Referred => Events("ApproveReferral").Count();

    public int Terminated => Events("Terminate").Count();

    public int Declined => Events("Decline").Count();

    public int Written => Events("Resolve").Count(e => AgreementKind(e.Entry) == "Written");

    public int Oral => Events("Resolve").Count(e => AgreementKind(e.Entry) == "Oral");

    public decimal Amount => Events("Resolve").Sum(e => e.Case.AmountInvolved ?? 0m);

    public int People => Events("Resolve").Sum(e => e.Case.PeopleInvolved);

    public int PreventedCases => Events("Resolve").Count(e => e.Case.RiskLevel == RiskLevel.High);

    public int PreventedPeople => Events("Resolve").Where(e => e.Case.RiskLevel == RiskLevel.High).Sum(e => e.Case.PeopleInvolved);

    public decimal? SuccessRate => Resolved + Referred + Terminated == 0 ? null : (decimal)Resolved / (Resolved + Referred + Terminated);

    public decimal? AverageDays
    {
        get
        {
            var days = new[] { "Resolve", "ApproveReferral", "Terminate", "Decline" }
                .SelectMany(Events)
                .Select(e => EventDate(e.Entry).DayNumber - e.Case.FiledOn.DayNumber)
                .ToList();
            return days.Count == 0 ? null : (decimal)days.Sum() / days.Count;
        }
    }

    /// <summary>Cases with more than one event of the action in the period: a drill-down lists them once.</summary>
    public int Repeats(string action) => Events(action).Count() - Events(action).Select(e => e.Case.Id).Distinct().Count();

    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(8));

    public void AssertEqual(Figures actual, string row)
    {
        Assert.True(
            (Filed, InMediation, PendingReview, Overdue, Resolved, Referred, Terminated, Declined)
                == (actual.Filed.Value, actual.InMediation.Value, actual.PendingReview.Value, actual.Overdue.Value, actual.Resolved.Value, actual.Referred.Value, actual.Terminated.Value, actual.Declined.Value),
            $"{row}: expected filed/open/pending/overdue/resolved/referred/terminated/declined {(Filed, InMediation, PendingReview, Overdue, Resolved, Referred, Terminated, Declined)}, "
                + $"got {(actual.Filed.Value, actual.InMediation.Value, actual.PendingReview.Value, actual.Overdue.Value, actual.Resolved.Value, actual.Referred.Value, actual.Terminated.Value, actual.Declined.Value)}");
        Assert.True(
            (Written, Oral, Amount, People, PreventedCases, PreventedPeople)
                == (actual.WrittenAgreements.Value, actual.OralAgreements.Value, actual.AmountResolved.Value, actual.PeopleResolved.Value, actual.PreventedCriminalCases.Value, actual.PreventedCriminalPeople.Value),
            $"{row}: expected written/oral/amount/people/prevented {(Written, Oral, Amount, People, PreventedCases, PreventedPeople)}, "
                + $"got {(actual.WrittenAgreements.Value, actual.OralAgreements.Value, actual.AmountResolved.Value, actual.PeopleResolved.Value, actual.PreventedCriminalCases.Value, actual.PreventedCriminalPeople.Value)}");
        Assert.Equal(SuccessRate, actual.SuccessRate.Value);
        Assert.Equal(AverageDays, actual.AverageDaysToConclude.Value);
    }

    private IEnumerable<(MediationCase Case, HistoryEntry Entry)> Events(string action) =>
        _cases.SelectMany(c => c.History
            .Where(h => h.Action == action && EventDate(h) >= from && EventDate(h) <= to)
            .Select(h => (c, h)));

    /// <summary>The date a step happened, from what it carried.</summary>
    public static DateOnly EventDate(HistoryEntry h)
    {
        var json = Json(h);
        string? Date(params string[] path)
        {
            var e = json;
            foreach (var name in path)
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
                {
                    return null;
                }
            }

            return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        }

        var carried = h.Action switch
        {
            "File" => Date("FiledOn"),
            "Accept" => Date("AcceptedOn"),
            "Decline" => Date("DeclinedOn"),
            "RecordSession" => Date("HeldOn"),
            "Resolve" => Date("Agreement", "SignedOn"),
            "Refer" => Date("ReferredOn"),
            "Terminate" => Date("TerminatedOn"),
            "ApproveReferral" => Date("ApprovedOn"),
            "ReturnReferral" => Date("ReturnedOn"),
            "Reopen" => Date("ReopenedOn"),
            "RecordFollowUp" => Date("VisitedOn"),
            "RecordJudicialConfirmation" => Date("DecidedOn") ?? Date("AppliedOn"),
            _ => null,
        };
        return carried is null ? ChinaDate(h.AtUtc) : DateOnly.Parse(carried, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The due date a step set, from what it carried.</summary>
    public static DateOnly? DueDate(HistoryEntry h) => h.Action is "Accept" or "Reopen" or "ExtendDeadline"
        ? DateOnly.Parse(Json(h).GetProperty(h.Action == "ExtendDeadline" ? "NewDueOn" : "DueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public static string? AgreementKind(HistoryEntry h) => h.Action == "Resolve" ? Json(h).GetProperty("Agreement").GetProperty("Kind").GetString() : null;

    private IEnumerable<HistoryEntry> UntilEnd(MediationCase c) =>
        c.History.Where(h => EventDate(h) <= to).OrderBy(EventDate).ThenBy(h => h.Id);

    private CaseStatus? StateAtEnd(MediationCase c) =>
        UntilEnd(c).Where(h => h.FromStatus is null || h.FromStatus != h.ToStatus).Select(h => (CaseStatus?)h.ToStatus).LastOrDefault();

    private DateOnly? DueOnAtEnd(MediationCase c) => UntilEnd(c).Select(DueDate).LastOrDefault(d => d is not null);

    private static JsonElement Json(HistoryEntry entry) => JsonDocument.Parse(entry.Data).RootElement;
}
