using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>What RecordJudicialConfirmation carries: the state of the parties' application for judicial confirmation.</summary>
/// <param name="IntendsToApply">The parties said they will apply.</param>
/// <param name="AppliedOn">Within 30 days of the agreement taking effect, not after today.</param>
/// <param name="Court">The court applied to; required with <paramref name="AppliedOn"/>.</param>
/// <param name="Result">The court's decision, once applied.</param>
public sealed record JudicialConfirmationInput(bool IntendsToApply, DateOnly? AppliedOn, string? Court, string? Result) : IHistoryData
{
    string IHistoryData.Describe() => string.Join("；", new[]
    {
        IntendsToApply ? "当事人有意申请司法确认" : "当事人无意申请司法确认",
        AppliedOn is { } applied ? $"申请日期 {applied.ToLabel()}" : null,
        Text.Clean(Court) is { } court ? $"法院：{court}" : null,
        Text.Clean(Result) is { } result ? $"结果：{result}" : null,
    }.OfType<string>());
}
