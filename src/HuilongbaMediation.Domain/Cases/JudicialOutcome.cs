namespace HuilongbaMediation.Domain.Cases;

/// <summary>The court's decision on an application for judicial confirmation (司法确认).</summary>
public enum JudicialOutcome
{
    /// <summary>确认有效: the court confirmed the agreement valid.</summary>
    Confirmed,

    /// <summary>驳回申请: the court rejected the application (the agreement was not confirmed).</summary>
    Rejected,
}
