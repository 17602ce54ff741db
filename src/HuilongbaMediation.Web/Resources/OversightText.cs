namespace HuilongbaMediation.Web.Resources;

/// <summary>
/// Marker for the texts of referral review, deadlines and early warning: OversightText.resx (Chinese, neutral) and
/// OversightText.en.resx. The components of Features/Referrals get it as <c>T</c>.
/// </summary>
public sealed class OversightText;
