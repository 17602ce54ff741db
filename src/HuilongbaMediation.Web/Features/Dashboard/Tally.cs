namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>
/// The additive parts of the figures for some cases (a village and category, in a month): what the database counts
/// and sums. Rows add up to villages, categories, months and the town; rates and averages are worked out from the
/// sums only at the end (<see cref="FigureDefinitions.Of"/>).
/// </summary>
internal readonly record struct Tally
{
    public int Filed { get; init; }

    public int InMediation { get; init; }

    public int PendingReview { get; init; }

    public int Overdue { get; init; }

    public int Resolved { get; init; }

    public int Referred { get; init; }

    public int Terminated { get; init; }

    public int Declined { get; init; }

    public int WrittenAgreements { get; init; }

    public int OralAgreements { get; init; }

    public long AmountResolvedFen { get; init; }

    public int PeopleResolved { get; init; }

    public int PreventedCriminalCases { get; init; }

    public int PreventedCriminalPeople { get; init; }

    /// <summary>Concluding transitions (resolve, approved referral, terminate, decline) and their days since filing.</summary>
    public int Concluded { get; init; }

    public long DaysToConclude { get; init; }

    public static Tally operator +(Tally a, Tally b) => new()
    {
        Filed = a.Filed + b.Filed,
        InMediation = a.InMediation + b.InMediation,
        PendingReview = a.PendingReview + b.PendingReview,
        Overdue = a.Overdue + b.Overdue,
        Resolved = a.Resolved + b.Resolved,
        Referred = a.Referred + b.Referred,
        Terminated = a.Terminated + b.Terminated,
        Declined = a.Declined + b.Declined,
        WrittenAgreements = a.WrittenAgreements + b.WrittenAgreements,
        OralAgreements = a.OralAgreements + b.OralAgreements,
        AmountResolvedFen = a.AmountResolvedFen + b.AmountResolvedFen,
        PeopleResolved = a.PeopleResolved + b.PeopleResolved,
        PreventedCriminalCases = a.PreventedCriminalCases + b.PreventedCriminalCases,
        PreventedCriminalPeople = a.PreventedCriminalPeople + b.PreventedCriminalPeople,
        Concluded = a.Concluded + b.Concluded,
        DaysToConclude = a.DaysToConclude + b.DaysToConclude,
    };

    public static Tally Sum(IEnumerable<Tally> tallies) => tallies.Aggregate(default(Tally), (sum, t) => sum + t);
}
