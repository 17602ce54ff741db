using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// One line of a case's history (办理记录): every transition and every recorded action writes exactly one, in the
/// same transaction. Append-only: nothing edits or removes an entry. The statistics count events from here
/// (e.g. Resolved = Resolve entries in the period).
/// </summary>
public sealed class HistoryEntry
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>Null only for the first entry, "File".</summary>
    public CaseStatus? FromStatus { get; private set; }

    /// <summary>Equal to <see cref="FromStatus"/> for RecordSession and the recorded actions.</summary>
    public CaseStatus ToStatus { get; private set; }

    /// <summary>A <see cref="CaseTrigger"/> or <see cref="CaseAction"/> name.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What it carried, as a readable Chinese sentence.</summary>
    public string Details { get; private set; } = "";

    /// <summary>What it carried, as JSON (personal data masked).</summary>
    public string Data { get; private set; } = "";

    internal static HistoryEntry Create(Actor actor, DateTime nowUtc, CaseStatus? from, CaseStatus to, string action, IHistoryData data) => new()
    {
        AtUtc = ChinaClock.RequireUtc(nowUtc),
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        FromStatus = from,
        ToStatus = to,
        Action = action,
        // What a trigger carried is stored as it was entered; bidi controls never reach the history (Text.cs).
        Details = Text.StripBidiControls(data.Describe()),
        Data = Text.StripBidiControls(JsonSerializer.Serialize(data, data.GetType(), JsonOptions)),
    };
}
