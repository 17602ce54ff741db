using Microsoft.AspNetCore.Components.Endpoints;

namespace HuilongbaMediation.Web.Security;

/// <summary>
/// After an administrator's reset, every page leads to 修改密码 until the user has chosen a new password. (No data
/// reaches such a user anyway: <see cref="AppClaims.ToActor"/> gives them no actor, so every service and download
/// refuses; this sends them where they can do something about it.)
/// </summary>
public static class MustChangePasswordMiddleware
{
    public const string ChangePasswordPath = "/account/password";

    /// <summary>The pages such a user may still see: changing the password, signing in again, and the error pages.</summary>
    private static readonly string[] Open = [ChangePasswordPath, "/account/login", "/account/access-denied", "/error", "/not-found"];

    public static void UseMustChangePassword(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(AppClaims.MustChangePassword, "true")
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && !Open.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)))
        {
            var returnUrl = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
            context.Response.Redirect($"{ChangePasswordPath}?returnUrl={returnUrl}");
            return;
        }

        await next(context);
    });
}
