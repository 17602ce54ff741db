using System.Globalization;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Localization;

/// <summary>
/// The UI speaks Chinese first, English second. The culture comes from the user's choice (a cookie set by the
/// 中文 / English switch), else the configured default; the browser's Accept-Language is not consulted, so a
/// town office PC with an English browser still gets Chinese.
/// </summary>
public sealed class CultureOptions
{
    public const string Section = "Culture";

    public static readonly string[] Supported = ["zh-CN", "en-US"];

    /// <summary>The culture of a user who has not chosen one: zh-CN unless configured otherwise.</summary>
    public string Default { get; set; } = "zh-CN";

    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static RequestLocalizationOptions RequestLocalization(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<CultureOptions>>().Value.Default;
        var defaultCulture = Supported.Contains(configured, StringComparer.OrdinalIgnoreCase) ? configured : Supported[0];
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(defaultCulture)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }
}

public static class CultureEndpoint
{
    /// <summary>
    /// <c>GET /culture?c=en-US&amp;redirect=/admin/users</c>: remembers the choice for a year and goes back to the
    /// page. A full page load follows, because a Blazor circuit keeps the culture it started with.
    /// </summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (string? c, string? redirect, HttpContext context) =>
        {
            if (c is not null && CultureOptions.Supported.Contains(c, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }

            return Results.LocalRedirect(LocalUrl.OrHome(redirect));
        }).AllowAnonymous();
}
