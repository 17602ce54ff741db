namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>The cases: filing, the one write path, reading, the list and the filing form's options.</summary>
public static class CasesRegistration
{
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services
            .AddScoped<CaseService>()
            .AddScoped<UpcomingSessionService>()
            .AddScoped<CaseReader>()
            .AddScoped<CaseListService>()
            .AddScoped<CaseFormOptions>()
            .AddScoped<DuplicatePartyService>();
}
