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

/// <summary>Page policies. Every page carries one; every service checks the user again on the server.</summary>
public static class Policies
{
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Users, villages and areas, venues.</summary>
    public const string Administration = nameof(Administration);

    public static void Add(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, signedIn);
        options.AddPolicy(Administration, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        // Everything needs sign-in unless it says otherwise ([AllowAnonymous]): a page that forgets its
        // attribute is closed, not open.
        options.FallbackPolicy = signedIn;
    }
}
