namespace HuilongbaMediation.Domain.Cases;

/// <summary>Whether a party is a natural person or an organisation (company, committee, ...).</summary>
public enum PartyKind
{
    /// <summary>个人</summary>
    Person,

    /// <summary>单位</summary>
    Organization,
}
