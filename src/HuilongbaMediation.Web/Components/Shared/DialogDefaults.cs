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

    /// <summary>A form with a grid of fields (a party's details): as wide as the filing form's party editor.</summary>
    public static readonly DialogOptions WideForm = new()
    {
        MaxWidth = MaxWidth.Medium,
        FullWidth = true,
        CloseOnEscapeKey = true,
        CloseButton = true,
        BackdropClick = false,
    };

    /// <summary>Shows a form dialog; the message it closed with (saved), or null when cancelled.</summary>
    public static async Task<string?> ShowFormAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Form);
        return await dialog.Result is { Canceled: false, Data: string message } ? message : null;
    }
}
