namespace HuilongbaMediation.Domain.Cases;

/// <summary>What a recorded session was: the two records of a 卷宗 that a meeting with the parties produces.</summary>
public enum SessionKind
{
    /// <summary>调解: the parties brought together (or met in turn) to mediate; its record is the 人民调解记录 (调解笔录).</summary>
    Mediation,

    /// <summary>调查: finding out the facts (a party or witness heard, a site visited); its record is the 人民调解调查记录.</summary>
    Investigation,
}
