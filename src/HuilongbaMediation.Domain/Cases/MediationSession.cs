using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>调解记录: one mediation session, recorded with the RecordSession trigger.</summary>
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

    internal static MediationSession From(SessionInput input, string recordedById) => new()
    {
        HeldOn = input.HeldOn,
        VenueId = input.VenueId,
        Attendees = Text.Required(input.Attendees),
        Summary = Text.Required(input.Summary),
        RecordedById = recordedById,
    };
}
