namespace HuilongbaMediation.Web.Resources;

/// <summary>
/// Marker for the texts of the 卷宗 and the agreement's print view: CaseFileText.resx is Chinese (the neutral
/// language), CaseFileText.en.resx English. Components inject it as <c>Texts</c>.
/// </summary>
public sealed class CaseFileText;
