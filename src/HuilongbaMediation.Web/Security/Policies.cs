using HuilongbaMediation.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace HuilongbaMediation.Web.Security;

/// <summary>The role names (the <see cref="UserRole"/> names) as constants for attributes.</summary>
public static class Roles
{
    public const string Mediator = nameof(UserRole.Mediator);
    public const string VillageHead = nameof(UserRole.VillageHead);
    public const string JudicialOffice = nameof(UserRole.JudicialOffice);
    public const string Admin = nameof(UserRole.Admin);
}

/// <summary>
/// The authorization policies: one per <see cref="Capability"/>, named after it, each asking <see cref="Access"/>.
/// Pages say <c>[Authorize(Policy = Policies.X)]</c>, endpoints <c>.RequireAuthorization(Policies.X)</c>; services ask
/// <see cref="Access"/> again, because a page's policy protects only the page.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(Capability.SignedIn);
    public const string FileCases = nameof(Capability.FileCases);
    public const string Oversight = nameof(Capability.Oversight);
    public const string ReviewReferrals = nameof(Capability.ReviewReferrals);
    public const string AnnualReport = nameof(Capability.AnnualReport);
    public const string ImportLedgers = nameof(Capability.ImportLedgers);
    public const string Administration = nameof(Capability.Administer);
    public const string RecordSweeps = nameof(Capability.RecordSweeps);
    public const string RecordTrainings = nameof(Capability.RecordTrainings);
    public const string SignOffMonths = nameof(Capability.SignOffMonths);
    public const string HandleApplications = nameof(Capability.HandleApplications);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var capability in Enum.GetValues<Capability>())
        {
            options.AddPolicy(capability.ToString(), p => p
                .RequireAuthenticatedUser()
                .RequireAssertion(context => capability.Allows(context.User.ToActor())));
        }

        // Everything needs sign-in unless it says otherwise ([AllowAnonymous]): a page that forgets its
        // attribute is closed, not open.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
