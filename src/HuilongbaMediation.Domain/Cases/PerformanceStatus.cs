namespace HuilongbaMediation.Domain.Cases;

/// <summary>What a follow-up visit found about the agreement's performance.</summary>
public enum PerformanceStatus
{
    /// <summary>全部履行</summary>
    Full,

    /// <summary>部分履行: allows reopening the case.</summary>
    Partial,

    /// <summary>未履行: allows reopening the case.</summary>
    None,
}
