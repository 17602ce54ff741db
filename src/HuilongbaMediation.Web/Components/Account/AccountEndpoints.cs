using System.Security.Claims;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HuilongbaMediation.Web.Components.Account;

public static class AccountEndpoints
{
    public const string LogoutRoute = "/account/logout";

    /// <summary>
    /// POST /account/logout, from the form in the app bar with its antiforgery token (checked here: a minimal-API
    /// endpoint without form parameters is not checked by the antiforgery middleware). 退出 ends every session of the
    /// user on the server, on every device, and every open page of them goes to the sign-in page.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(LogoutRoute, async (
            HttpContext http,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<AppUser> signInManager,
            [FromServices] SessionStore sessions,
            [FromServices] SecurityLogWriter log) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await sessions.EndAllAsync(userId, SessionEndReason.SignedOut, http.RequestAborted);
                await log.WriteAsync(http, SecurityEventKind.SignOut, null, null, http.RequestAborted);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/account/login?reason=signed-out");
        }).AllowAnonymous();
}
