using System.Security.Claims;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace HuilongbaMediation.Web.Tests.Security;

/// <summary>A user whose password an administrator reset: no data for them until they chose their own (the pages are the E2E's).</summary>
public sealed class MustChangePasswordTests
{
    [Fact]
    public void A_principal_that_must_change_its_password_is_no_actor_so_no_service_or_download_answers_it()
    {
        ClaimsPrincipal Principal(params Claim[] extra) => new(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, "u1"), new(ClaimTypes.Role, nameof(UserRole.JudicialOffice)), .. extra], "test"));

        Assert.NotNull(Principal().ToActor());
        Assert.Null(Principal(new Claim(AppClaims.MustChangePassword, "true")).ToActor());
    }

    [Fact]
    public async Task The_flag_set_by_a_reset_reaches_the_sign_in_principal()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await using var scope = app.NewScope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync("zhangmin"))!;
        var factory = scope.Get<IUserClaimsPrincipalFactory<AppUser>>();
        Assert.False((await factory.CreateAsync(user)).HasClaim(AppClaims.MustChangePassword, "true"));

        user.MustChangePassword = true;
        await users.UpdateAsync(user);

        Assert.True((await factory.CreateAsync(user)).HasClaim(AppClaims.MustChangePassword, "true"));
    }
}
