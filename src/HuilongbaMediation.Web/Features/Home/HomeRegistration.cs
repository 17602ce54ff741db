namespace HuilongbaMediation.Web.Features.Home;

/// <summary>The home page: each role's work for today.</summary>
public static class HomeRegistration
{
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<HomeService>();
}
