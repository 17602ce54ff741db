namespace HuilongbaMediation.Web.Features.Referrals;

/// <summary>Referral review, deadlines and early warning.</summary>
public static class ReferralsRegistration
{
    public static IServiceCollection AddReferralsAndDeadlines(this IServiceCollection services)
    {
        services.AddScoped<ReferralQueueService>();
        services.AddScoped<DeadlineService>();
        services.AddScoped<EarlyWarningService>();
        services.AddScoped<PendingReferralCount>();

        // The navigation badge gets the circuit's count as a cascading value, as it gets the authentication state:
        // the layout takes no dependency on this feature, and renders without the badge where it is not registered.
        services.AddCascadingValue(sp => sp.GetRequiredService<PendingReferralCount>());
        return services;
    }
}
