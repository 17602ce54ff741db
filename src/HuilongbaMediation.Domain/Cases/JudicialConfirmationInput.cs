using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>What RecordJudicialConfirmation carries: the state of the parties' application for judicial confirmation.</summary>
/// <param name="IntendsToApply">The parties said they will apply.</param>
/// <param name="AppliedOn">Within 30 days of the agreement taking effect, not after today.</param>
/// <param name="Court">The court applied to; required with <paramref name="AppliedOn"/>.</param>
/// <param name="Result">The court's decision, once applied.</param>
/// <param name="DecidedOn">The date of the court's decision: with <paramref name="Result"/>, not before <paramref name="AppliedOn"/>.</param>
/// <param name="Outcome">裁定结论, required with <paramref name="DecidedOn"/>: the statistical form counts 确认有效 and 驳回申请.</param>
public sealed record JudicialConfirmationInput(bool IntendsToApply, DateOnly? AppliedOn, string? Court, string? Result, DateOnly? DecidedOn = null, JudicialOutcome? Outcome = null) : IHistoryData
{
    /// <summary>The decision's date, else the application's; an intention alone is dated the day it is recorded.</summary>
    DateOnly? IHistoryData.EventDate => DecidedOn ?? AppliedOn;

    /// <summary>The court's case number (e.g. （2026）渝0106民特调确字第12号), once it has one; only after applying.</summary>
    public string? CourtCaseNumber { get; init; }

    string IHistoryData.Describe() => string.Join("；", new[]
    {
        IntendsToApply ? "当事人有意申请司法确认" : "当事人无意申请司法确认",
        AppliedOn is { } applied ? $"申请日期 {applied.ToLabel()}" : null,
        Text.Clean(Court) is { } court ? $"法院：{court}" : null,
        Text.Clean(CourtCaseNumber) is { } number ? $"案号：{number}" : null,
        Outcome is { } outcome ? $"裁定结论：{outcome.ToLabel()}" : null,
        Text.Clean(Result) is { } result ? $"结果：{result}" : null,
        DecidedOn is { } decided ? $"裁定日期 {decided.ToLabel()}" : null,
    }.OfType<string>());
}
