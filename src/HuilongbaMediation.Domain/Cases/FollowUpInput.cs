using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>What RecordFollowUp carries: a follow-up visit (回访).</summary>
/// <param name="VisitedOn">Not before the agreement's date, not after today.</param>
/// <param name="Performance">履行情况; Partial or None allows reopening the case.</param>
/// <param name="Notes">回访情况, up to 500 characters.</param>
public sealed record FollowUpInput(DateOnly VisitedOn, PerformanceStatus Performance, string? Notes) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => VisitedOn;

    /// <summary>回访对象: whom the mediator visited or called (a party, a relative).</summary>
    public string? VisitedPerson { get; init; }

    /// <summary>当事人满意度 with the mediation and its outcome.</summary>
    public Satisfaction? Satisfaction { get; init; }
    PerformanceStatus? IHistoryData.Performance => Performance;

    string IHistoryData.Describe() =>
        $"回访日期 {VisitedOn.ToLabel()}"
        + (Text.Clean(VisitedPerson) is { } person ? $"；回访对象：{person}" : "")
        + $"；履行情况：{Performance.ToLabel()}"
        + (Satisfaction is { } satisfaction && Enum.IsDefined(satisfaction) ? $"；满意度：{satisfaction.ToLabel()}" : "")
        + (Text.Clean(Notes) is { } notes ? $"；{notes}" : "");
}
