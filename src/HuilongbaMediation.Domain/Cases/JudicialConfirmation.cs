using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 司法确认: whether the parties mean to ask the court to confirm the agreement, and when they applied and with
/// what result. Each recording replaces the current state; every one stays in the history.
/// </summary>
public sealed class JudicialConfirmation
{
    /// <summary>The parties said they intend to apply; the case then shows the countdown to the deadline.</summary>
    public bool IntendsToApply { get; private set; }

    public DateOnly? AppliedOn { get; private set; }

    public string? Court { get; private set; }

    /// <summary>The court's case number for the confirmation (调确字号).</summary>
    public string? CourtCaseNumber { get; private set; }

    public string? Result { get; private set; }

    /// <summary>The date of the court's decision (<see cref="Result"/>).</summary>
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>裁定结论, once decided.</summary>
    public JudicialOutcome? Outcome { get; private set; }

    /// <summary>When the application (<see cref="AppliedOn"/>) was entered; an application dated in a closed month and entered after it counts as 补报.</summary>
    public DateTime? AppliedRecordedAtUtc { get; private set; }

    /// <summary>When the decision (<see cref="Outcome"/>, <see cref="DecidedOn"/>) was entered, for 补报 likewise.</summary>
    public DateTime? DecidedRecordedAtUtc { get; private set; }

    /// <summary>
    /// The new state from a recording. An application or decision the recording leaves as it was keeps the time it was
    /// first entered; a new or changed one is entered now.
    /// </summary>
    internal static JudicialConfirmation From(JudicialConfirmationInput input, JudicialConfirmation? previous, DateTime nowUtc)
    {
        var next = From(input);
        next.AppliedRecordedAtUtc = next.AppliedOn is null ? null
            : previous is not null && previous.AppliedOn == next.AppliedOn ? previous.AppliedRecordedAtUtc : nowUtc;
        next.DecidedRecordedAtUtc = next.Outcome is null ? null
            : previous is not null && previous.Outcome == next.Outcome && previous.DecidedOn == next.DecidedOn ? previous.DecidedRecordedAtUtc : nowUtc;
        return next;
    }

    private static JudicialConfirmation From(JudicialConfirmationInput input) => new()
    {
        IntendsToApply = input.IntendsToApply,
        AppliedOn = input.AppliedOn,
        Court = Text.Clean(input.Court),
        CourtCaseNumber = Text.Clean(input.CourtCaseNumber),
        Result = Text.Clean(input.Result),
        DecidedOn = input.DecidedOn,
        Outcome = input.DecidedOn is null ? null : input.Outcome,
    };
}
