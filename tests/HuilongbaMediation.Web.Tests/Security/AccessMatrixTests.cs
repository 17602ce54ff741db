using System.Security.Claims;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HuilongbaMediation.Web.Tests.Security;

/// <summary>
/// Who may reach every page and endpoint, from the app's own route table, for every kind of user, against a second
/// statement of the rules written here: a new page or endpoint that is not in <see cref="Expected"/> fails, and so does
/// one whose policy lets in someone the table does not (or keeps out someone it lets in).
/// </summary>
public sealed class AccessMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestApp _app = default!;

    /// <summary>Who reaches what, in words: each route and the people it admits.</summary>
    private static readonly Dictionary<string, Who> Expected = new(StringComparer.Ordinal)
    {
        // Anyone, signed in or not.
        ["/account/login"] = Who.Anyone,
        ["/account/access-denied"] = Who.Anyone,
        ["/not-found"] = Who.Anyone,
        ["/error"] = Who.Anyone,
        ["/culture"] = Who.Anyone,
        ["/preferences/text-size"] = Who.Anyone,
        ["/account/logout"] = Who.Anyone,
        ["/healthz"] = Who.Anyone,
        ["/apply"] = Who.Anyone,
        ["/track"] = Who.Anyone,

        // MapStaticAssets' fallback in Development for files added to wwwroot after the build; the published files are
        // mapped one by one and are public (static files are left out above), so this one may stay behind sign-in.
        ["/{**path:file}"] = Who.Authenticated,

        // Every signed-in user, and a user who must first choose a new password (to do just that).
        ["/account/password"] = Who.Authenticated,

        // Every signed-in user (each case is checked on its own: CaseAccess).
        ["/"] = Who.SignedIn,
        ["/cases"] = Who.SignedIn,
        ["/cases/{Id:int}"] = Who.SignedIn,
        ["/cases/{Id:int}/file"] = Who.SignedIn,
        ["/cases/{id:int}/file.pdf"] = Who.SignedIn,
        ["/cases/{Id:int}/documents/{Form}/print"] = Who.SignedIn,
        ["/cases/{id:int}/documents/{form}.docx"] = Who.SignedIn,
        ["/cases/{id:int}/files/{fileId:int}"] = Who.SignedIn,
        ["/cases/export.xlsx"] = Who.SignedIn,
        ["/cases/export.csv"] = Who.SignedIn,
        ["/cases/ledger.xlsx"] = Who.SignedIn,

        ["/cases/new"] = Who.Mediator | Who.OtherVillageMediator | Who.VillageHead | Who.JudicialOffice,
        ["/referrals"] = Who.JudicialOffice,
        ["/dashboard"] = Who.VillageHead | Who.JudicialOffice | Who.Admin,
        ["/dashboard/export.xlsx"] = Who.VillageHead | Who.JudicialOffice | Who.Admin,
        ["/dashboard/export.csv"] = Who.VillageHead | Who.JudicialOffice | Who.Admin,
        ["/sweeps"] = Who.Mediator | Who.OtherVillageMediator | Who.VillageHead | Who.JudicialOffice,
        ["/trainings"] = Who.JudicialOffice,
        ["/month"] = Who.VillageHead | Who.JudicialOffice,
        ["/reports/monthly"] = Who.VillageHead | Who.JudicialOffice | Who.Admin,
        ["/reports/monthly.xlsx"] = Who.VillageHead | Who.JudicialOffice | Who.Admin,
        ["/reports/annual"] = Who.JudicialOffice | Who.Admin,
        ["/reports/annual.docx"] = Who.JudicialOffice | Who.Admin,
        ["/import"] = Who.JudicialOffice | Who.Admin,
        ["/import/refused/{id:guid}.xlsx"] = Who.JudicialOffice | Who.Admin,
        ["/admin/aliases"] = Who.JudicialOffice | Who.Admin,
        ["/admin/users"] = Who.Admin,
        ["/admin/villages"] = Who.Admin,
        ["/admin/venues"] = Who.Admin,
        ["/admin/committees"] = Who.Admin,
        ["/admin/backups"] = Who.Admin,
        ["/admin/security-log"] = Who.Admin,
        ["/admin/security-log/export.csv"] = Who.Admin,
        ["/admin/posters"] = Who.Admin,
        ["/applications"] = Who.Mediator | Who.OtherVillageMediator | Who.VillageHead | Who.JudicialOffice,
        ["/applications/{Id:int}"] = Who.Mediator | Who.OtherVillageMediator | Who.VillageHead | Who.JudicialOffice,
        ["/applications/{id:int}/files/{fileId:int}"] = Who.Mediator | Who.OtherVillageMediator | Who.VillageHead | Who.JudicialOffice,
    };

    [Flags]
    private enum Who
    {
        Nobody = 0,
        Mediator = 1,
        OtherVillageMediator = 2,
        VillageHead = 4,
        JudicialOffice = 8,
        Admin = 16,
        MustChangePassword = 32,
        Anonymous = 64,
        SignedIn = Mediator | OtherVillageMediator | VillageHead | JudicialOffice | Admin,
        Authenticated = SignedIn | MustChangePassword,
        Anyone = Authenticated | Anonymous,
    }

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_page_and_endpoint_admits_exactly_whom_the_table_says()
    {
        var routes = Routes();
        var authorization = _app.Get<IAuthorizationService>();
        var policies = _app.Get<IAuthorizationPolicyProvider>();
        var problems = new List<string>();

        foreach (var (pattern, endpoint) in routes)
        {
            if (!Expected.TryGetValue(pattern, out var expected))
            {
                problems.Add($"{pattern}: not in the access table — say who may reach it.");
                continue;
            }

            var admitted = Who.Nobody;
            foreach (var who in Enum.GetValues<Who>().Where(w => w != Who.Nobody && (w & (w - 1)) == 0))
            {
                if (await AdmitsAsync(endpoint, Principal(who), authorization, policies))
                {
                    admitted |= who;
                }
            }

            if (admitted != expected)
            {
                problems.Add($"{pattern}: admits {admitted}, the table says {expected}.");
            }
        }

        foreach (var missing in Expected.Keys.Except(routes.Select(r => r.Pattern)))
        {
            problems.Add($"{missing}: in the table but not a route any more.");
        }

        output.WriteLine($"{routes.Count} routes checked for {Enum.GetValues<Who>().Count(w => w != Who.Nobody && (w & (w - 1)) == 0)} kinds of user.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_page_names_a_policy_of_the_capability_table_or_says_it_is_public()
    {
        await Task.CompletedTask;
        var pages = Routes().Where(r => r.Endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata")).ToList();
        var policyNames = Enum.GetNames<Capability>().ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(pages);
        foreach (var (pattern, endpoint) in pages)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            Assert.True(anonymous || named.Count > 0 || pattern == "/account/password", $"{pattern} names no policy: add [Authorize(Policy = Policies.X)] or [AllowAnonymous].");
            Assert.All(named, p => Assert.Contains(p!, policyNames));
            Assert.DoesNotContain(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => !string.IsNullOrEmpty(a.Roles)); // roles are not capabilities
        }
    }

    /// <summary>The app's routes (pages and endpoints) as the running app maps them, static files left out.</summary>
    private List<(string Pattern, RouteEndpoint Endpoint)> Routes() =>
        _app.MapRoutes().DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.StartsWith("_", StringComparison.Ordinal))
            .Where(e => e.Metadata.All(m => m.GetType().Name != "StaticAssetDescriptor"))
            .Select(e => (Normalize(e.RoutePattern.RawText!), e))
            .DistinctBy(r => r.Item1)
            .ToList();

    private static string Normalize(string raw) => raw.StartsWith('/') ? raw : "/" + raw;

    private static async Task<bool> AdmitsAsync(RouteEndpoint endpoint, ClaimsPrincipal user, IAuthorizationService authorization, IAuthorizationPolicyProvider policies)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            ?? await policies.GetFallbackPolicyAsync();
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    private static ClaimsPrincipal Principal(Who who)
    {
        if (who == Who.Anonymous)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var (role, village) = who switch
        {
            Who.Mediator or Who.MustChangePassword => (UserRole.Mediator, (int?)3),
            Who.OtherVillageMediator => (UserRole.Mediator, 1),
            Who.VillageHead => (UserRole.VillageHead, 3),
            Who.JudicialOffice => (UserRole.JudicialOffice, null),
            _ => (UserRole.Admin, (int?)null),
        };
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"user-{who}"),
            new(ClaimTypes.Name, who.ToString()),
            new(ClaimTypes.Role, role.ToString()),
            new(AppClaims.DisplayName, who.ToString()),
        };
        if (village is { } v)
        {
            claims.Add(new Claim(AppClaims.VillageId, v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (who == Who.MustChangePassword)
        {
            claims.Add(new Claim(AppClaims.MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
