using HuilongbaMediation.Web.Data;

namespace HuilongbaMediation.Web.Features.Live;

/// <summary>Live updates: the engine's bus (one per process), the interceptor every context carries, one <see cref="LiveUpdates"/> per circuit.</summary>
public static class LiveRegistration
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, DatabaseEngine engine)
    {
        services.AddSingleton(sp => engine.NewCaseChangeBus(sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<CaseChangeInterceptor>();
        services.AddScoped<LiveUpdates>();

        // Pages and the layout get the circuit's live updates as a cascading value (as the badges get their counts):
        // a component rendered where it is not registered (a test of something else) simply does not refresh itself.
        services.AddCascadingValue(sp => sp.GetRequiredService<LiveUpdates>());
        return services;
    }
}
