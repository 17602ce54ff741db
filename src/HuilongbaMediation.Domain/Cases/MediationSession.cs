using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 调解记录 or 调查记录: one session with the parties, recorded with the RecordSession trigger, with its date and time,
/// place, who came, what was said and who took the record down.
/// </summary>
public sealed class MediationSession
{
    public int Id { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public int VenueId { get; private set; }

    /// <summary>参加人员</summary>
    public string Attendees { get; private set; } = "";

    /// <summary>调解情况, including the terms of an oral agreement.</summary>
    public string Summary { get; private set; } = "";

    public string RecordedById { get; private set; } = "";

    /// <summary>调解 or 调查.</summary>
    public SessionKind Kind { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    /// <summary>记录人</summary>
    public string? Recorder { get; private set; }

    internal static MediationSession From(SessionInput input, string recordedById) => new()
    {
        Kind = input.Kind,
        StartTime = input.StartTime,
        EndTime = input.StartTime is null ? null : input.EndTime,
        Recorder = Text.Clean(input.Recorder),
        HeldOn = input.HeldOn,
        VenueId = input.VenueId,
        Attendees = Text.Required(input.Attendees),
        Summary = Text.Required(input.Summary),
        RecordedById = recordedById,
    };
}
