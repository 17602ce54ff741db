using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Components.Shared;
using MudBlazor;

namespace HuilongbaMediation.Web.Features.Cases.Components.Commands;

/// <summary>Opens a command's form as a dialog, from the case page or the referral review page alike.</summary>
public static class CommandDialogs
{
    /// <summary>The result the form closed with (done, or a conflict); null when the user cancelled.</summary>
    public static async Task<Result<CaseRef>?> ShowAsync(this IDialogService dialogs, CaseCommand command, string title, CommandCase target, CaseOptions? options = null)
    {
        var parameters = new DialogParameters
        {
            [nameof(CommandForm.Case)] = target,
            [nameof(CommandForm.Options)] = options,
        };
        var dialog = await dialogs.ShowAsync(command.Form, title, parameters, command.Wide ? DialogDefaults.WideForm : DialogDefaults.Form);
        return await dialog.Result is { Canceled: false, Data: Result<CaseRef> result } ? result : null;
    }
}
