using System.Globalization;
using HuilongbaMediation.Domain.Cases;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// Which cases a list shows. It lives in the URL query string (<see cref="ToQuery"/> / <see cref="Parse"/>), so a
/// link reproduces the view, the back button works, and a dashboard figure links to exactly the cases behind it.
/// Every filter narrows; an empty filter is every case the user may see.
/// </summary>
public sealed record CaseFilter
{
    /// <summary>Any of these states (now, or at the end of <see cref="StateAsOf"/>).</summary>
    public IReadOnlyList<CaseStatus> States { get; init; } = [];

    /// <summary>With <see cref="States"/>: the state the case was in at the end of this China date, from its history.</summary>
    public DateOnly? StateAsOf { get; init; }

    public int? VillageId { get; init; }

    public int? CategoryId { get; init; }

    /// <summary>A statistics group of categories, e.g. 劳动争议 for both its rows.</summary>
    public string? CategoryGroup { get; init; }

    /// <summary>Cases this user is assigned to (lead or assistant).</summary>
    public string? MediatorId { get; init; }

    /// <summary>我的案件: cases the signed-in user is assigned to.</summary>
    public bool Mine { get; init; }

    public int? SourceId { get; init; }

    /// <summary>调解组织: cases handled by this committee.</summary>
    public int? CommitteeId { get; init; }
    /// <summary>A group of sources of the statistical form (<see cref="SourceGroups"/>: 当事人申请, 主动调解, 委托移送).</summary>
    public string? SourceGroup { get; init; }

    /// <summary>调解类型 (mediation kind).</summary>
    public int? KindId { get; init; }
    /// <summary>调解场所: the venue the case was mediated at.</summary>
    public int? VenueId { get; init; }
    /// <summary>At least this many people involved (5: 群体性纠纷).</summary>
    public int? MinPeople { get; init; }
    /// <summary>
    /// 司法确认: cases whose parties applied (<see cref="JudicialApplied"/>) or whose application was decided with this
    /// outcome (<c>Confirmed</c>, <c>Rejected</c>) between <see cref="EventFrom"/> and <see cref="EventTo"/>.
    /// </summary>
    public string? Judicial { get; init; }
    /// <summary>The <see cref="Judicial"/> value of an application made in the period.</summary>
    public const string JudicialApplied = "Applied";

    public RiskLevel? Risk { get; init; }

    /// <summary>Cases referred to a court (<see cref="CaseQueries.IsCourt"/>): with <see cref="Event"/> ApproveReferral, the referrals a court received.</summary>
    public bool ToCourt { get; init; }

    /// <summary>超期: in mediation with the due date passed (before today, or before <see cref="StateAsOf"/>).</summary>
    public bool Overdue { get; init; }

    public DateOnly? FiledFrom { get; init; }

    public DateOnly? FiledTo { get; init; }

    /// <summary>Part of the case number, the summary or a party's name.</summary>
    public string? Search { get; init; }

    /// <summary>Cases with a history entry of this action (a trigger or recorded action name) between the event dates.</summary>
    public string? Event { get; init; }

    public DateOnly? EventFrom { get; init; }

    public DateOnly? EventTo { get; init; }

    /// <summary>The query-string parameters of this filter (absent values left out).</summary>
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["state"] = States.Count == 0 ? null : string.Join(',', States),
        ["asOf"] = Date(StateAsOf),
        ["village"] = Number(VillageId),
        ["category"] = Number(CategoryId),
        ["group"] = Blank(CategoryGroup),
        ["mediator"] = Blank(MediatorId),
        ["mine"] = Mine ? "1" : null,
        ["source"] = Number(SourceId),
        ["committee"] = Number(CommitteeId),
        ["sourceGroup"] = Blank(SourceGroup),
        ["kind"] = Number(KindId),
        ["venue"] = Number(VenueId),
        ["people"] = Number(MinPeople),
        ["judicial"] = Blank(Judicial),
        ["risk"] = Risk?.ToString(),
        ["toCourt"] = ToCourt ? "1" : null,
        ["overdue"] = Overdue ? "1" : null,
        ["from"] = Date(FiledFrom),
        ["to"] = Date(FiledTo),
        ["q"] = Blank(Search),
        ["event"] = Blank(Event),
        ["eventFrom"] = Date(EventFrom),
        ["eventTo"] = Date(EventTo),
    };

    /// <summary>"?state=Mediating&amp;village=3", or "" for the empty filter.</summary>
    public string ToQueryString() =>
        QueryHelpers.AddQueryString("", ToQuery().Where(p => p.Value is not null)!);

    /// <summary>Reads a filter from a query string; values that do not parse are ignored, never an error page.</summary>
    public static CaseFilter Parse(string? queryString)
    {
        var q = QueryHelpers.ParseQuery(queryString);
        return new CaseFilter
        {
            States = Get(q, "state")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => Enum.TryParse<CaseStatus>(s, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : (CaseStatus?)null)
                .OfType<CaseStatus>().Distinct().ToList() ?? [],
            StateAsOf = ParseDate(Get(q, "asOf")),
            VillageId = ParseInt(Get(q, "village")),
            CategoryId = ParseInt(Get(q, "category")),
            CategoryGroup = Get(q, "group"),
            MediatorId = Get(q, "mediator"),
            Mine = Get(q, "mine") == "1",
            SourceId = ParseInt(Get(q, "source")),
            CommitteeId = ParseInt(Get(q, "committee")),
            SourceGroup = Get(q, "sourceGroup"),
            KindId = ParseInt(Get(q, "kind")),
            VenueId = ParseInt(Get(q, "venue")),
            MinPeople = ParseInt(Get(q, "people")),
            Judicial = Get(q, "judicial"),
            Risk = Enum.TryParse<RiskLevel>(Get(q, "risk"), ignoreCase: true, out var risk) && Enum.IsDefined(risk) ? risk : null,
            ToCourt = Get(q, "toCourt") == "1",
            Overdue = Get(q, "overdue") == "1",
            FiledFrom = ParseDate(Get(q, "from")),
            FiledTo = ParseDate(Get(q, "to")),
            Search = Get(q, "q"),
            Event = Get(q, "event"),
            EventFrom = ParseDate(Get(q, "eventFrom")),
            EventTo = ParseDate(Get(q, "eventTo")),
        };
    }

    private static string? Get(Dictionary<string, StringValues> q, string key) =>
        q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int? ParseInt(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
