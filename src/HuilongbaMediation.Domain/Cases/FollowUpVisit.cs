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

    /// <summary>回访对象</summary>
    public string? VisitedPerson { get; private set; }

    /// <summary>当事人满意度</summary>
    public Satisfaction? Satisfaction { get; private set; }

    /// <summary>When it was recorded: tells the visits of the current resolution from those of an earlier one.</summary>
    public DateTime RecordedAtUtc { get; private set; }

    internal static FollowUpVisit From(FollowUpInput input, string recordedById, DateTime recordedAtUtc) => new()
    {
        VisitedOn = input.VisitedOn,
        Performance = input.Performance,
        Notes = Text.Clean(input.Notes),
        VisitedPerson = Text.Clean(input.VisitedPerson),
        Satisfaction = input.Satisfaction,
        RecordedById = recordedById,
        RecordedAtUtc = recordedAtUtc,
    };
}
