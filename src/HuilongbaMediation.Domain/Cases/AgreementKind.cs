namespace HuilongbaMediation.Domain.Cases;

/// <summary>The form of a mediation agreement (人民调解法 第二十八条).</summary>
public enum AgreementKind
{
    /// <summary>书面（调解协议书）: a written agreement with the contents of 第二十九条.</summary>
    Written,

    /// <summary>口头协议: an oral agreement, its terms recorded in the case.</summary>
    Oral,
}
