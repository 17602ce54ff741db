using System.Text.Json;

namespace HuilongbaMediation.Web.Features.Live;

/// <summary>
/// What the app tells open pages when a case's change has committed: which case, its village and committee (so a page
/// can skip what is plainly outside its user's scope), the step (a <c>CaseTrigger</c> or <c>CaseAction</c> name) and
/// who took it. Never the case's content: a page that receives one re-reads the case through its own service, which
/// checks that its user may see it. A null <see cref="CaseId"/> stands for many cases at once (an import, or changes
/// that may have been missed while the servers' connection was down): pages refresh their lists, and nobody gets a notice.
/// </summary>
public sealed record CaseChange(int? CaseId, int? VillageId, int? CommitteeId, string Action, string ActorId, string ActorName)
{
    /// <summary>More cases than this in one write are announced as one change of many cases.</summary>
    public const int ManyCases = 50;

    /// <summary>After the notifications may have been lost (the database connection dropped): refresh everything once.</summary>
    public static CaseChange Resync { get; } = new(null, null, null, "Resync", "", "");

    public static CaseChange Many(CaseChange first) => first with { CaseId = null, VillageId = null, CommitteeId = null };

    public string ToJson() => JsonSerializer.Serialize(this);

    public static CaseChange? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CaseChange>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
