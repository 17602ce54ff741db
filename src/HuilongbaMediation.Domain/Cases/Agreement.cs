using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 调解协议: what the parties agreed when the case was resolved. A written agreement (调解协议书) carries the
/// contents of 人民调解法 第二十九条; an oral one at least its terms. A case resolved again after reopening
/// holds its latest agreement; earlier ones stay in the history.
/// </summary>
public sealed class Agreement
{
    /// <summary>How long the parties have, from <see cref="EffectiveOn"/>, to apply for judicial confirmation (第三十三条).</summary>
    public const int JudicialConfirmationDays = 30;

    public AgreementKind Kind { get; private set; }

    /// <summary>主要事实</summary>
    public string? Facts { get; private set; }

    /// <summary>争议事项</summary>
    public string? MattersInDispute { get; private set; }

    /// <summary>各方责任</summary>
    public string? Responsibilities { get; private set; }

    /// <summary>协议内容</summary>
    public string Terms { get; private set; } = "";

    /// <summary>履行方式</summary>
    public string? PerformanceManner { get; private set; }

    /// <summary>履行期限</summary>
    public DateOnly? PerformanceDeadline { get; private set; }

    public DateOnly SignedOn { get; private set; }

    /// <summary>生效日期: the signing date unless given otherwise.</summary>
    public DateOnly EffectiveOn { get; private set; }

    /// <summary>记录人</summary>
    public string? Recorder { get; private set; }
    /// <summary>协议金额 (元), when the agreement settles an amount.</summary>
    public decimal? AgreedAmount { get; private set; }

    /// <summary>The last day on which the parties may apply for judicial confirmation.</summary>
    public DateOnly JudicialConfirmationDeadline => EffectiveOn.AddDays(JudicialConfirmationDays);

    internal static Agreement From(AgreementInput input) => new()
    {
        Kind = input.Kind,
        Facts = Text.Clean(input.Facts),
        MattersInDispute = Text.Clean(input.MattersInDispute),
        Responsibilities = Text.Clean(input.Responsibilities),
        Terms = Text.Required(input.Terms),
        PerformanceManner = Text.Clean(input.PerformanceManner),
        PerformanceDeadline = input.PerformanceDeadline,
        SignedOn = input.SignedOn,
        EffectiveOn = input.EffectiveOn ?? input.SignedOn,
        Recorder = Text.Clean(input.Recorder),
        AgreedAmount = input.AgreedAmount,
    };
}
