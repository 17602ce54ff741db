namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// What moves a case through the workflow, in the order of DOMAIN.md's workflow table (the order in which the
/// UI shows the buttons).
/// </summary>
public enum CaseTrigger
{
    /// <summary>受理: Filed → Mediating.</summary>
    Accept,

    /// <summary>不予受理: Filed → Declined.</summary>
    Decline,

    /// <summary>记录调解: Mediating → Mediating, adding a session record.</summary>
    RecordSession,

    /// <summary>调解成功: Mediating → Resolved, with an agreement.</summary>
    Resolve,

    /// <summary>移交: Mediating → ReferralPending.</summary>
    Refer,

    /// <summary>终止调解: Filed or Mediating → Terminated.</summary>
    Terminate,

    /// <summary>审核通过: ReferralPending → ReferralApproved (judicial office).</summary>
    ApproveReferral,

    /// <summary>退回重调: ReferralPending → Mediating (judicial office).</summary>
    ReturnReferral,

    /// <summary>重新调解: Resolved → Mediating, after a follow-up found the agreement not performed.</summary>
    Reopen,
}
