namespace HuilongbaMediation.Domain.Cases;

/// <summary>风险等级: the risk that the dispute turns violent or criminal (民转刑); 高 puts it on the judicial office's watch list.</summary>
public enum RiskLevel
{
    /// <summary>低</summary>
    Low,

    /// <summary>中</summary>
    Medium,

    /// <summary>高</summary>
    High,
}
