using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Dashboard;

/// <summary>The oversight features' services and endpoints: statistics, dashboard, exports, reports, demo cases.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddOversight(this IServiceCollection services) =>
        services
            .AddScoped<StatisticsService>()
            .AddScoped<AnnualReportService>()
            .AddScoped<MonthlyForm.MonthlyFormService>()
            .AddScoped<Sweeps.SweepService>()
            .AddScoped<MonthlyForm.MonthCloseService>()
            .AddScoped<Trainings.TrainingService>()
            .AddScoped<DemoCaseGenerator>();

    public static void MapOversightEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/export.xlsx", (HttpContext http, StatisticsService statistics, IStringLocalizer<DashboardText> text, TimeProvider clock, SecurityLogWriter log) =>
                OversightEndpoints.DashboardExportAsync(http, statistics, text, clock, log, xlsx: true))
            .RequireAuthorization(Policies.Oversight);
        endpoints.MapGet("/dashboard/export.csv", (HttpContext http, StatisticsService statistics, IStringLocalizer<DashboardText> text, TimeProvider clock, SecurityLogWriter log) =>
                OversightEndpoints.DashboardExportAsync(http, statistics, text, clock, log, xlsx: false))
            .RequireAuthorization(Policies.Oversight);
        endpoints.MapGet("/reports/monthly.xlsx", OversightEndpoints.StatisticalFormAsync)
            .RequireAuthorization(Policies.Oversight);
        endpoints.MapGet("/reports/annual.docx", OversightEndpoints.AnnualReportAsync)
            .RequireAuthorization(Policies.AnnualReport);
    }
}
