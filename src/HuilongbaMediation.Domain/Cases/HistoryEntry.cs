using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// One line of a case's history (办理记录): every transition and every recorded action writes exactly one, in the
/// same transaction. Append-only: nothing edits or removes an entry. The statistics count events from here
/// (e.g. Resolved = Resolve entries in the period) on <see cref="OccurredOn"/>, the date the step happened; <see cref="AtUtc"/>
/// is when it was recorded, for the audit trail.
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

    /// <summary>When the step was recorded (the audit trail).</summary>
    public DateTime AtUtc { get; private set; }

    /// <summary>
    /// The date the step happened, as entered with it (受理日期, 调解日期, 协议日期, ...); the China date of <see cref="AtUtc"/> for a
    /// step that is a decision taken in the app (assigning mediators, extending the deadline, revealing personal data).
    /// </summary>
    public DateOnly OccurredOn { get; private set; }

    /// <summary>The due date (办结期限) this step set: Accept, Reopen and ExtendDeadline; null for the others.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The kind of the agreement a Resolve reached; null for the other steps.</summary>
    public AgreementKind? AgreementKind { get; private set; }

    /// <summary>协议金额 of a Resolve's agreement (the statistical form sums it); null for the other steps.</summary>
    public decimal? AgreedAmount { get; private set; }

    /// <summary>A Resolve marked 防止群体性上访; false for the other steps.</summary>
    public bool PreventedGroupPetition { get; private set; }

    /// <summary>What a follow-up visit (RecordFollowUp) found; null for the other steps.</summary>
    public PerformanceStatus? Performance { get; private set; }

    /// <summary>For a step imported from a ledger: the file and row it came from (<c>2022年台账.xlsx 第5行</c>); null otherwise.</summary>
    public string? ImportedFrom { get; private set; }

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

    internal static HistoryEntry Create(Actor actor, DateTime nowUtc, CaseStatus? from, CaseStatus to, string action, IHistoryData data, string? importedFrom) => new()
    {
        AtUtc = ChinaClock.RequireUtc(nowUtc),
        OccurredOn = data.EventDate ?? ChinaClock.Today(nowUtc),
        DueOn = data.NewDueDate,
        AgreementKind = data.Agreement,
        AgreedAmount = data.AgreedAmount,
        PreventedGroupPetition = data.PreventedGroupPetition,
        Performance = data.Performance,
        ImportedFrom = importedFrom,
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
