namespace HuilongbaMediation.Web.Resources;

/// <summary>
/// Marker for the UI texts: SharedResource.resx is Chinese (the neutral language), SharedResource.en.resx English.
/// Components get it as <c>L</c> from _Imports.razor.
/// </summary>
public sealed class SharedResource;
