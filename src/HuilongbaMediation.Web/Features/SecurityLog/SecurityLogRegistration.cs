using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>The security log's services, its clean-up, and its export endpoint.</summary>
public static class SecurityLogRegistration
{
    public const string ExportRoute = "/admin/security-log/export.csv";

    public static IServiceCollection AddSecurityLog(this IServiceCollection services)
    {
        services.AddScoped<ClientInfo>();
        services.AddScoped<CircuitHandler, ClientInfoCircuitHandler>();
        services.AddScoped<SecurityLogWriter>();
        services.AddScoped<SecurityLogService>();
        services.AddHostedService<SecurityMaintenance>();
        return services;
    }

    public static void MapSecurityLogEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ExportRoute, async (
                HttpContext http, SecurityLogService logs, SecurityLogWriter log, IStringLocalizer<SecurityText> text, TimeProvider clock) =>
            {
                if (!SecurityLogService.MayRead(http.User))
                {
                    return Results.Forbid();
                }

                var filter = SecurityLogFilter.Parse(http.Request.Query);
                await log.WriteAsync(http, SecurityEventKind.Export, LogText.OfLog("Log.Title"), filter.ToQuery().TrimStart('?'), http.RequestAborted);
                http.Response.Headers.CacheControl = "no-store";
                var name = SecurityLogService.FileName(ChinaClock.Today(clock.GetUtcNow().UtcDateTime));
                return Results.Stream(
                    body => logs.WriteCsvAsync(filter, body, kind => text[$"Kind.{kind}"], http.RequestAborted), "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(Policies.Administration);
}
