namespace HuilongbaMediation.Domain.Cases;

/// <summary>A party's standing in the dispute.</summary>
public enum PartyRole
{
    /// <summary>申请人: who asked for mediation.</summary>
    Applicant,

    /// <summary>被申请人: the other side.</summary>
    Respondent,

    /// <summary>第三人: affected by the outcome; optional.</summary>
    ThirdParty,
}
