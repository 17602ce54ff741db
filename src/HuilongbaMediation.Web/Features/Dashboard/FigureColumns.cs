namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>A figure as a table shows it: its text, its value for a spreadsheet, and the link to its cases.</summary>
public readonly record struct FigureCell(string Text, object Value, string? Href);

/// <summary>A column of the dashboard's tables and exports: the figure's resource key and how to read it from a row.</summary>
public sealed record FigureColumn(string Key, Func<Figures, FigureCell> Cell);

/// <summary>The columns of the dashboard's tables and of its exports, each written once.</summary>
public static class FigureColumns
{
    public static readonly FigureColumn Filed = Count("Figure.Filed", f => f.Filed);
    public static readonly FigureColumn InMediation = Count("Figure.InMediation", f => f.InMediation);
    public static readonly FigureColumn Resolved = Count("Figure.Resolved", f => f.Resolved);
    public static readonly FigureColumn Referred = Count("Figure.Referred", f => f.Referred);
    public static readonly FigureColumn Terminated = Count("Figure.Terminated", f => f.Terminated);
    public static readonly FigureColumn Declined = Count("Figure.Declined", f => f.Declined);
    public static readonly FigureColumn PendingReview = Count("Figure.PendingReview", f => f.PendingReview);
    public static readonly FigureColumn Overdue = Count("Figure.Overdue", f => f.Overdue);
    public static readonly FigureColumn SuccessRate = new("Figure.SuccessRate", f => Text(f.SuccessRate, FigureFormat.Rate));
    public static readonly FigureColumn AverageDays = new("Figure.AverageDays", f => Text(f.AverageDaysToConclude, FigureFormat.Days));
    public static readonly FigureColumn WrittenAgreements = Count("Figure.WrittenAgreements", f => f.WrittenAgreements);
    public static readonly FigureColumn OralAgreements = Count("Figure.OralAgreements", f => f.OralAgreements);
    public static readonly FigureColumn AmountResolved = new("Figure.AmountResolved", f => new(FigureFormat.Yuan(f.AmountResolved.Value), f.AmountResolved.Value, f.AmountResolved.Href));
    public static readonly FigureColumn PeopleResolved = Count("Figure.PeopleResolved", f => f.PeopleResolved);
    public static readonly FigureColumn PreventedCases = Count("Figure.PreventedCases", f => f.PreventedCriminalCases);
    public static readonly FigureColumn PreventedPeople = Count("Figure.PreventedPeople", f => f.PreventedCriminalPeople);

    /// <summary>The village table on the page.</summary>
    public static readonly IReadOnlyList<FigureColumn> Villages =
        [Filed, InMediation, Resolved, Referred, Terminated, Declined, PendingReview, Overdue, SuccessRate, AverageDays];

    /// <summary>The category table on the page.</summary>
    public static readonly IReadOnlyList<FigureColumn> Categories = [Filed, InMediation, Resolved, Referred, Terminated, Declined, SuccessRate];

    /// <summary>Every figure, as the exports write them.</summary>
    public static readonly IReadOnlyList<FigureColumn> All =
    [
        Filed, InMediation, Resolved, Referred, Terminated, Declined, PendingReview, Overdue, SuccessRate, AverageDays,
        WrittenAgreements, OralAgreements, AmountResolved, PeopleResolved, PreventedCases, PreventedPeople,
    ];

    public static FigureCell CellOf(Figure<int> figure) => new(FigureFormat.Count(figure.Value), figure.Value, figure.Href);

    private static FigureColumn Count(string key, Func<Figures, Figure<int>> figure) => new(key, f => CellOf(figure(f)));

    private static FigureCell Text(Figure<decimal?> figure, Func<decimal?, string> format)
    {
        var text = format(figure.Value);
        return new(text, text, figure.Href);
    }
}
