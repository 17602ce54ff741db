namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// Where a case stands in the workflow (DOMAIN.md "The workflow"). <see cref="Referred"/> is a superstate and is
/// never stored: a referred case is in <see cref="ReferralPending"/> or <see cref="ReferralApproved"/>.
/// </summary>
public enum CaseStatus
{
    /// <summary>已登记: filed, waiting to be accepted or declined.</summary>
    Filed,

    /// <summary>调解中: accepted and being mediated; due 30 days after acceptance.</summary>
    Mediating,

    /// <summary>调解成功: an agreement was reached; follow-up visits and judicial confirmation are recorded here.</summary>
    Resolved,

    /// <summary>已移交: the superstate of the two referral states.</summary>
    Referred,

    /// <summary>移交待审核: a mediator asked to refer the case; the judicial office reviews it.</summary>
    ReferralPending,

    /// <summary>已移交: the judicial office approved the referral; the receiving body has the case.</summary>
    ReferralApproved,

    /// <summary>不予受理: declined at filing (already in court, not a civil dispute, ...).</summary>
    Declined,

    /// <summary>已终止: mediation ended without agreement (withdrawn, a party refused, other).</summary>
    Terminated,
}
