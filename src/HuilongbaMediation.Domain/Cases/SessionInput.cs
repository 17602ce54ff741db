using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>What the RecordSession trigger carries: one session with the parties, recorded as 调解记录 or 调查记录.</summary>
/// <param name="HeldOn">The session's date: not before acceptance, not after today.</param>
/// <param name="VenueId">The venue (调解场所) id; the case's venue when it has none yet.</param>
/// <param name="Attendees">参加人员 (for an investigation: who was heard, and who else was there).</param>
/// <param name="Summary">调解情况 (or 调查情况), including the terms of an oral agreement.</param>
public sealed record SessionInput(DateOnly HeldOn, int VenueId, string Attendees, string Summary) : IHistoryData
{
    DateOnly? IHistoryData.EventDate => HeldOn;

    /// <summary>调解 (the default) or 调查: which record of the 卷宗 the session makes.</summary>
    public SessionKind Kind { get; init; }

    /// <summary>The time of day it began, as the record states it (9时30分).</summary>
    public TimeOnly? StartTime { get; init; }

    /// <summary>The time of day it ended; only with <see cref="StartTime"/>, and after it.</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>记录人: who took the record down.</summary>
    public string? Recorder { get; init; }

    /// <summary>The venue's name as the history tells it (the domain knows venues by id; the web layer names it).</summary>
    public string? VenueName { get; init; }

    string IHistoryData.Describe() =>
        (Kind == SessionKind.Investigation ? "调查；" : "")
        + $"调解日期 {HeldOn.ToLabel()}"
        + (StartTime is { } start ? $" {start.ToLabel()}" + (EndTime is { } end ? $"至{end.ToLabel()}" : "") : "")
        + (string.IsNullOrWhiteSpace(VenueName) ? "" : $"；调解场所：{VenueName.Trim()}")
        + $"；参加人员：{Attendees.Trim()}"
        + (Text.Clean(Recorder) is { } recorder ? $"；记录人：{recorder}" : "");
}
