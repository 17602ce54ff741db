namespace HuilongbaMediation.Domain.Cases;

/// <summary>A person party's gender, as on the statistical form.</summary>
public enum Gender
{
    /// <summary>男</summary>
    Male,

    /// <summary>女</summary>
    Female,
}
