namespace HuilongbaMediation.Web.Features.Import;

/// <summary>The ledger features' services and endpoints: import (with its alias table) and export in the town's layout.</summary>
public static class ImportRegistration
{
    public static IServiceCollection AddLedgers(this IServiceCollection services) =>
        services
            .AddScoped<LedgerImportService>()
            .AddScoped<LedgerAliasSeeder>()
            .AddScoped<LedgerAliasService>()
            .AddScoped<LedgerExportService>()
            .AddSingleton<RefusedRowsStore>();

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder endpoints) => LedgerEndpoints.Map(endpoints);
}
