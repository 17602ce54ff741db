namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// The items of a 卷宗's 卷内目录, in the Ministry of Justice's order (DOMAIN.md "The case file"). The value is the
/// item's 序号; the database stores the name.
/// </summary>
public enum CaseFileItem
{
    /// <summary>申请书或受理登记表</summary>
    ApplicationOrIntakeForm = 1,

    /// <summary>权利义务告知书</summary>
    RightsAndDutiesNotice = 2,

    /// <summary>身份证明</summary>
    IdentityProof = 3,

    /// <summary>授权委托书</summary>
    PowerOfAttorney = 4,

    /// <summary>调查记录</summary>
    InvestigationRecord = 5,

    /// <summary>证据材料</summary>
    Evidence = 6,

    /// <summary>调解记录: the sessions the system holds count.</summary>
    MediationRecord = 7,

    /// <summary>调解协议书: the agreement the system holds counts, written or oral.</summary>
    Agreement = 8,

    /// <summary>履行凭证</summary>
    PerformanceProof = 9,

    /// <summary>回访记录: the follow-up visits the system holds count.</summary>
    FollowUpRecord = 10,

    /// <summary>司法确认材料</summary>
    JudicialConfirmation = 11,

    /// <summary>卷宗情况说明</summary>
    CaseFileNote = 12,
}
