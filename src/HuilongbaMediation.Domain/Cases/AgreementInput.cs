namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// What the Resolve trigger carries: the agreement. Written agreements need the contents of 人民调解法
/// 第二十九条 (facts, matters in dispute, responsibilities, terms, manner of performance); oral ones their terms.
/// </summary>
public sealed record AgreementInput
{
    public required AgreementKind Kind { get; init; }

    /// <summary>主要事实 (required for written agreements).</summary>
    public string? Facts { get; init; }

    /// <summary>争议事项 (required for written agreements).</summary>
    public string? MattersInDispute { get; init; }

    /// <summary>各方责任 (required for written agreements).</summary>
    public string? Responsibilities { get; init; }

    /// <summary>协议内容 (always required).</summary>
    public required string Terms { get; init; }

    /// <summary>履行方式 (required for written agreements).</summary>
    public string? PerformanceManner { get; init; }

    /// <summary>履行期限: not before signing.</summary>
    public DateOnly? PerformanceDeadline { get; init; }

    /// <summary>The date the agreement was reached or signed: not before acceptance, not after today.</summary>
    public required DateOnly SignedOn { get; init; }

    /// <summary>生效日期 when it differs from <see cref="SignedOn"/>.</summary>
    public DateOnly? EffectiveOn { get; init; }

    /// <summary>记录人: who wrote the agreement down (the agreement names them beside the mediators).</summary>
    public string? Recorder { get; init; }
    /// <summary>协议金额 (元): what the agreement settles, which the statistical form sums; not the claim at filing. Optional, ≥ 0.</summary>
    public decimal? AgreedAmount { get; init; }

    /// <summary>防止群体性上访: the resolution defused a group petition (the statistical form counts it in 件 and 人).</summary>
    public bool PreventedGroupPetition { get; init; }
}
