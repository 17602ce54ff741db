namespace HuilongbaMediation.Domain.Cases;

/// <summary>Why mediation ended without agreement.</summary>
public enum TerminationReason
{
    /// <summary>当事人撤回申请</summary>
    ApplicantWithdrew,

    /// <summary>一方明确拒绝调解（人民调解法第十七条）</summary>
    PartyRefused,

    /// <summary>其他: a note saying what is required.</summary>
    Other,
}
