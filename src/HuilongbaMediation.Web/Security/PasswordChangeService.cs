using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Security;

/// <summary>What the 修改密码 form sends; the field names are the keys of its refusals.</summary>
public sealed class PasswordInput
{
    public string Current { get; set; } = "";

    public string New { get; set; } = "";

    public string Confirm { get; set; } = "";
}

/// <summary>
/// 修改密码: checks the form, changes the password (clearing a reset's must-change flag in the same update), writes the
/// security log, and ends every session of the user, the current one included, so that whoever held a copy of any of
/// their cookies is out and the user signs in again with the new password. A wrong current password counts toward the
/// lockout as a wrong sign-in does: after as many as the sign-in allows, the account locks and its sessions end.
/// </summary>
public sealed class PasswordChangeService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SessionStore sessions,
    SecurityLogWriter log,
    IStringLocalizer<Resources.SharedResource> l)
{
    public async Task<Result> ChangeAsync(HttpContext http, PasswordInput input, CancellationToken ct = default)
    {
        var errors = Check(input);
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Result.Forbidden(l["Password.NotSignedIn"]);
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        // The flag goes with the new password in ChangePasswordAsync's one update of the user.
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, input.Current, input.New);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            return await RefusedAsync(http, user, result, ct);
        }

        await users.ResetAccessFailedCountAsync(user);
        await log.WriteAsync(http, SecurityEventKind.PasswordChanged, null, mustChange ? "重置后首次设置" : null, ct);
        await EndEverySessionAsync(user, ct);
        return Result.Done(l["Password.Changed"]);
    }

    private List<FieldError> Check(PasswordInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(input.Current))
        {
            errors.Add(new FieldError(nameof(PasswordInput.Current), l["Password.CurrentRequired"]));
        }

        if (string.IsNullOrEmpty(input.New))
        {
            errors.Add(new FieldError(nameof(PasswordInput.New), l["Password.NewRequired"]));
        }
        else if (input.New != input.Confirm)
        {
            errors.Add(new FieldError(nameof(PasswordInput.Confirm), l["Password.Mismatch"]));
        }
        else if (input.New == input.Current)
        {
            errors.Add(new FieldError(nameof(PasswordInput.New), l["Password.Same"]));
        }

        return errors;
    }

    private async Task<Result> RefusedAsync(HttpContext http, AppUser user, IdentityResult result, CancellationToken ct)
    {
        if (!result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            return Result.Invalid([.. result.Errors.Select(e => new FieldError(nameof(PasswordInput.New), e.Description))]);
        }

        // A wrong current password is a guess at the password, as a wrong sign-in is.
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await log.WriteAsync(http, SecurityEventKind.LockedOut, null, "修改密码时多次输错当前密码", ct);
            await EndEverySessionAsync(user, ct);
            return Result.Forbidden(l["Password.LockedOut"]);
        }

        return Result.Invalid(nameof(PasswordInput.Current), l["Password.CurrentWrong"]);
    }

    private async Task EndEverySessionAsync(AppUser user, CancellationToken ct)
    {
        await sessions.EndAllAsync(user.Id, SessionEndReason.Revoked, ct);
        await signIn.SignOutAsync();
    }
}
