using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>The month's form (人民调解工作统计表), its .xlsx, and the monthly sign-off (台账清零).</summary>
public static class MonthlyFormRegistration
{
    public static IServiceCollection AddMonthlyForm(this IServiceCollection services) =>
        services
            .AddScoped<MonthlyFormService>()
            .AddScoped<MonthCloseService>();

    public static void MapMonthlyFormEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reports/monthly.xlsx", StatisticalFormAsync).RequireAuthorization(Policies.Oversight);

    /// <summary>
    /// 人民调解工作统计表 as .xlsx (<c>?period=2026-03</c>, <c>2026-Q1</c> or <c>2026</c>; <c>&amp;scope=committee</c> for a line
    /// per committee), as the signed-in user may see it.
    /// </summary>
    internal static async Task<IResult> StatisticalFormAsync(HttpContext http, MonthlyFormService forms, SecurityLogWriter log)
    {
        if (FormPeriod.Parse(http.Request.Query["period"]) is not { } period)
        {
            return Results.BadRequest("统计期间无效：请用 2026-03、2026-Q1 或 2026 的格式");
        }

        if (ParseScope(http.Request.Query["scope"]) is not { } scope)
        {
            return Results.BadRequest("统计范围无效：请用 village 或 committee");
        }

        if (await forms.GetAsync(http.User.ToActor(), period, scope, http.RequestAborted) is not { } form)
        {
            return Results.Forbid();
        }

        var name = StatisticalFormWorkbook.FileName(form);
        await log.WriteAsync(http, SecurityEventKind.Export, name, http.Request.QueryString.Value?.TrimStart('?'), http.RequestAborted);
        var unit = form.Town is null ? $"回龙坝镇{form.Rows[0].Name}人民调解委员会" : "回龙坝镇司法所";
        return Results.File(StatisticalFormWorkbook.Create(form, unit), StatisticalFormWorkbook.ContentType, name);
    }

    /// <summary>The <c>scope</c> query parameter: absent or <c>village</c> for a line per village, <c>committee</c> for one per committee.</summary>
    public static FormScope? ParseScope(string? scope) => scope?.Trim().ToLowerInvariant() switch
    {
        null or "" or "village" => FormScope.Village,
        "committee" => FormScope.Committee,
        _ => null,
    };
}
