namespace HuilongbaMediation.Web.Resources;

/// <summary>Marker for the case pages' texts: CasesText.resx (Chinese, neutral) and CasesText.en.resx.</summary>
public sealed class CasesText;
