using System.Security.Claims;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Accessibility;

/// <summary>
/// 大字模式 (large text, 适老化): the whole app's text at 150%, by the reader's choice. A signed-in user's choice is kept
/// with their account, so it follows them to every device; before sign-in (and on the public pages) a cookie keeps it.
/// The page's <c>&lt;html&gt;</c> carries the class <see cref="CssClass"/>, and app.css scales from there.
/// </summary>
public static class TextSize
{
    public const string CssClass = "text-large";

    public const string Cookie = "hm.text";

    private const string Large = "large";

    /// <summary>Whether this request's reader chose large text: the account's choice when signed in, else the cookie's.</summary>
    public static async Task<bool> IsLargeAsync(HttpContext context, IDbContextFactory<AppDbContext> dbFactory)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
            return await db.Users.Where(u => u.Id == userId).Select(u => u.LargeText).FirstOrDefaultAsync(context.RequestAborted);
        }

        return FromCookie(context);
    }

    /// <summary>The choice kept in this browser (before sign-in).</summary>
    public static bool FromCookie(HttpContext context) => context.Request.Cookies[Cookie] == Large;

    /// <summary>
    /// <c>POST /preferences/text-size</c> (a form with its antiforgery token): large=true|false, returnUrl = the page to go
    /// back to. A full page load follows, as with the language switch, so that every part of the page is drawn anew.
    /// </summary>
    public static void MapTextSizeEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/preferences/text-size", async ([FromForm] bool large, [FromForm] string? returnUrl, HttpContext context, IDbContextFactory<AppDbContext> dbFactory) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LargeText, large), context.RequestAborted);
            }

            // The cookie too: the sign-in page after 退出 keeps the reader's size.
            context.Response.Cookies.Append(Cookie, large ? Large : "normal", new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
            });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
}
