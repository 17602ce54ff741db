namespace HuilongbaMediation.Domain.Cases;

/// <summary>当事人满意度, as a follow-up visit records it.</summary>
public enum Satisfaction
{
    /// <summary>满意</summary>
    Satisfied,

    /// <summary>基本满意</summary>
    FairlySatisfied,

    /// <summary>不满意</summary>
    Dissatisfied,
}
