namespace HuilongbaMediation.Web.Localization;

/// <summary>Marker for MudBlazorTexts.resx: MudBlazor's own texts (pager, dialogs, pickers) in Chinese.</summary>
public sealed class MudBlazorTexts;
