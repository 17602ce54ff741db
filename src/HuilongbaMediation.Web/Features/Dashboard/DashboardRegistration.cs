using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>The dashboard: its statistics and its downloads.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddScoped<StatisticsService>().AddSingleton<FigureCounterRebuilder>();

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/export.xlsx", (HttpContext http, StatisticsService statistics, IStringLocalizer<DashboardText> text, TimeProvider clock, SecurityLogWriter log) =>
                DashboardEndpoints.DashboardExportAsync(http, statistics, text, clock, log, xlsx: true))
            .RequireAuthorization(Policies.Oversight);
        endpoints.MapGet("/dashboard/export.csv", (HttpContext http, StatisticsService statistics, IStringLocalizer<DashboardText> text, TimeProvider clock, SecurityLogWriter log) =>
                DashboardEndpoints.DashboardExportAsync(http, statistics, text, clock, log, xlsx: false))
            .RequireAuthorization(Policies.Oversight);
    }
}
