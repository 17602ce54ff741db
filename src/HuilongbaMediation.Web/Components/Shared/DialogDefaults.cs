using MudBlazor;

namespace HuilongbaMediation.Web.Components.Shared;

/// <summary>Dialog options used across the app: forms are small, full width, and full screen on phones.</summary>
public static class DialogDefaults
{
    public static readonly DialogOptions Form = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
        CloseButton = true,
        BackdropClick = false,
    };
}
