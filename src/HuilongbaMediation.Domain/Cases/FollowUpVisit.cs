using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>回访记录: a visit after resolution to see whether the agreement is being performed.</summary>
public sealed class FollowUpVisit
{
    public int Id { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public PerformanceStatus Performance { get; private set; }

    public string? Notes { get; private set; }

    public string RecordedById { get; private set; } = "";

    /// <summary>When it was recorded: tells the visits of the current resolution from those of an earlier one.</summary>
    public DateTime RecordedAtUtc { get; private set; }

    internal static FollowUpVisit From(FollowUpInput input, string recordedById, DateTime recordedAtUtc) => new()
    {
        VisitedOn = input.VisitedOn,
        Performance = input.Performance,
        Notes = Text.Clean(input.Notes),
        RecordedById = recordedById,
        RecordedAtUtc = recordedAtUtc,
    };
}
