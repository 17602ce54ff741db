namespace HuilongbaMediation.Domain.Cases;

/// <summary>A party's personal data that is masked by default and may be revealed, on the record.</summary>
public enum PersonalDataField
{
    /// <summary>身份证号</summary>
    IdNumber,

    /// <summary>联系电话</summary>
    Phone,
}
