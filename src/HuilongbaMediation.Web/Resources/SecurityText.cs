namespace HuilongbaMediation.Web.Resources;

/// <summary>
/// Marker for the texts of the security log page (安全日志): SecurityText.resx (Chinese, neutral) and
/// SecurityText.en.resx. The components of Features/SecurityLog get it as <c>T</c>.
/// </summary>
public sealed class SecurityText;
