using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>安排调解: a coming session the parties are asked to: day, time, venue and the place in words.</summary>
public sealed class ScheduledSession
{
    public int Id { get; private set; }

    public DateOnly On { get; private set; }

    public TimeOnly At { get; private set; }

    public int VenueId { get; private set; }

    /// <summary>The venue's name when it was arranged (a venue renamed later does not change what the parties were told).</summary>
    public string VenueName { get; private set; } = "";

    /// <summary>地点说明: an address, a room.</summary>
    public string? Place { get; private set; }

    public string RecordedById { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    internal static ScheduledSession From(ScheduleSessionInput input, string recordedById, DateTime recordedAtUtc) => new()
    {
        On = input.On,
        At = input.At,
        VenueId = input.VenueId,
        VenueName = Text.Required(input.VenueName),
        Place = Text.Clean(input.Place),
        RecordedById = recordedById,
        RecordedAtUtc = recordedAtUtc,
    };
}
