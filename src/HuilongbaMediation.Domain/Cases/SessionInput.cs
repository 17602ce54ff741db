namespace HuilongbaMediation.Domain.Cases;

/// <summary>What the RecordSession trigger carries: one mediation session (调解记录).</summary>
/// <param name="HeldOn">The session's date: not before acceptance, not after today.</param>
/// <param name="VenueId">The venue (调解场所) id; the case's venue when it has none yet.</param>
/// <param name="Attendees">参加人员.</param>
/// <param name="Summary">调解情况, including the terms of an oral agreement.</param>
public sealed record SessionInput(DateOnly HeldOn, int VenueId, string Attendees, string Summary) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => HeldOn;

    /// <summary>The venue's name as the history tells it (the domain knows venues by id; the web layer names it).</summary>
    public string? VenueName { get; init; }

    string IHistoryData.Describe() =>
        $"调解日期 {HeldOn.ToLabel()}" + (string.IsNullOrWhiteSpace(VenueName) ? "" : $"；调解场所：{VenueName.Trim()}") + $"；参加人员：{Attendees.Trim()}";
}
