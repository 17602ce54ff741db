namespace HuilongbaMediation.Web.Features.Admin;

/// <summary>Administration: users, and the reference lists (villages, venues).</summary>
public static class AdminRegistration
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services
            .AddScoped<ReferenceAdminService>()
            .AddScoped<UserAdminService>();
}
