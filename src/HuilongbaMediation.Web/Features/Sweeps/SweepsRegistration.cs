namespace HuilongbaMediation.Web.Features.Sweeps;

/// <summary>Dispute sweeps (矛盾纠纷排查) and their findings.</summary>
public static class SweepsRegistration
{
    public static IServiceCollection AddSweeps(this IServiceCollection services) => services.AddScoped<SweepService>();
}
