using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Web.Tests.Features.Admin;

public sealed class UserAdminServiceTests : IAsyncLifetime
{
    private const string GoodPassword = "tea-house-2026";
    private TestApp _app = default!;
    private int _wuyunshan;

    private UserAdminService Service => _app.Get<UserAdminService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _wuyunshan = await _app.VillageIdAsync(ReferenceData.WuyunshanVillage);
        _app.SignInAs(UserRole.Admin, userId: "the-admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_creates_a_mediator_of_a_village_who_can_then_sign_in()
    {
        var result = await Service.CreateAsync(Mediator("chenjing", "陈静"));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message).Append(result.Message)));
        var row = Assert.Single(await Service.ListAsync());
        Assert.Equal(("chenjing", "陈静", UserRole.Mediator, "五云山村", true, false),
            (row.UserName, row.DisplayName, row.Role, row.VillageName, row.IsActive, row.IsLockedOut));
        var user = await FindAsync("chenjing");
        Assert.True(await Users().CheckPasswordAsync(user, GoodPassword));
    }

    [Fact]
    public async Task Every_bad_field_gets_its_own_Chinese_message_and_no_user_is_written()
    {
        var result = await Service.CreateAsync(new UserInput
        {
            UserName = "a b",
            DisplayName = " ",
            Role = UserRole.VillageHead,
            VillageId = null,
            Password = "",
        });

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("用户名须为 3–32 个字母、数字或 . _ - @", result.ErrorFor("UserName"));
        Assert.Equal("请填写姓名", result.ErrorFor("DisplayName"));
        Assert.Equal("调解员和村（社区）负责人须选择所属村（社区）", result.ErrorFor("VillageId"));
        Assert.Equal("请填写密码", result.ErrorFor("Password"));
        Assert.Empty(await Service.ListAsync());
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u3000")]
    [InlineData("\u3164\uFEFF")]
    public async Task A_display_name_of_invisible_characters_only_is_refused_as_empty(string name)
    {
        var result = await Service.CreateAsync(Mediator("chenjing", name));

        Assert.Equal("请填写姓名", result.ErrorFor("DisplayName"));
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task Bidi_controls_are_stripped_from_a_display_name()
    {
        Assert.True((await Service.CreateAsync(Mediator("chenjing", "陈\u202E静"))).Succeeded);

        Assert.Equal("陈静", Assert.Single(await Service.ListAsync()).DisplayName);
    }

    [Theory]
    [InlineData("short-pw", "密码至少需要 10 个字符。")]
    [InlineData("1234567890", "密码过于常见，容易被猜中，请换一个。")]
    [InlineData("aaaaaaaaaaaa", "密码不能是同一个字符或几个字符的重复")]
    [InlineData("Huilongba2026", "密码不能是镇名、系统名加年份或数字")]
    [InlineData("chenjing-2026", "密码不能包含用户名。")]
    public async Task Weak_passwords_are_refused_beside_the_password_field_and_nothing_is_written(string password, string message)
    {
        var input = Mediator("chenjing", "陈静");
        input.Password = password;

        var result = await Service.CreateAsync(input);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains(message, result.ErrorFor("Password"), StringComparison.Ordinal);
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task A_taken_user_name_is_refused()
    {
        await Service.CreateAsync(Mediator("chenjing", "陈静"));

        var result = await Service.CreateAsync(Mediator("CHENJING", "另一个陈静"));

        Assert.Equal("用户名“CHENJING”已被使用", result.ErrorFor("UserName"));
        Assert.Single(await Service.ListAsync());
    }

    [Fact]
    public async Task Changing_role_and_village_renews_the_security_stamp_so_open_sessions_end()
    {
        await Service.CreateAsync(Mediator("chenjing", "陈静"));
        var user = await FindAsync("chenjing");
        var stamp = user.SecurityStamp;
        var input = new UserInput { DisplayName = "陈静", Role = UserRole.JudicialOffice, IsActive = true };

        var result = await Service.UpdateAsync(user.Id, input);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message).Append(result.Message)));
        var row = Assert.Single(await Service.ListAsync());
        Assert.Equal((UserRole.JudicialOffice, (int?)null), (row.Role, row.VillageId));
        Assert.NotEqual(stamp, (await FindAsync("chenjing")).SecurityStamp);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        await Service.CreateAsync(Mediator("chenjing", "陈静"));
        var user = await FindAsync("chenjing");

        await Service.UpdateAsync(user.Id, new UserInput { DisplayName = "陈静", Role = UserRole.Mediator, VillageId = _wuyunshan, IsActive = false });

        await using var scope = _app.Get<IServiceScopeFactory>().CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        Assert.False(await signIn.CanSignInAsync(await FindAsync("chenjing")));
        Assert.False(Assert.Single(await Service.ListAsync()).IsActive);
    }

    [Fact]
    public async Task An_admin_cannot_demote_themself()
    {
        await Service.CreateAsync(new UserInput { UserName = "boss", DisplayName = "管理员", Role = UserRole.Admin, Password = GoodPassword });
        var me = await FindAsync("boss");
        _app.SignInAs(UserRole.Admin, userId: me.Id);

        var result = await Service.UpdateAsync(me.Id, new UserInput { DisplayName = "管理员", Role = UserRole.Mediator, VillageId = _wuyunshan, IsActive = true });

        Assert.Equal("不能修改自己的角色或停用自己", result.ErrorFor("Role"));
        Assert.Equal(UserRole.Admin, Assert.Single(await Service.ListAsync()).Role);
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one_and_unlock_ends_a_lockout()
    {
        await Service.CreateAsync(Mediator("chenjing", "陈静"));
        var users = Users();
        var user = (await users.FindByNameAsync("chenjing"))!;
        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(user);
        }

        Assert.True(Assert.Single(await Service.ListAsync()).IsLockedOut);

        Assert.Equal("密码至少需要 10 个字符。", (await Service.ResetPasswordAsync(user.Id, "short")).ErrorFor("Password"));
        // The admin's snackbar says what happened: the message must survive the way to the page.
        Assert.Equal("密码已重置；该用户的登录已全部退出，下次登录时须自行设置新密码", (await Service.ResetPasswordAsync(user.Id, "new-tea-house-2027")).Message);
        Assert.Equal("已解锁", (await Service.UnlockAsync(user.Id)).Message);

        var row = Assert.Single(await Service.ListAsync());
        Assert.False(row.IsLockedOut);
        var reloaded = await FindAsync("chenjing");
        Assert.True(await Users().CheckPasswordAsync(reloaded, "new-tea-house-2027"));
        Assert.False(await Users().CheckPasswordAsync(reloaded, GoodPassword));
    }

    [Theory]
    [InlineData(UserRole.Mediator)]
    [InlineData(UserRole.VillageHead)]
    [InlineData(UserRole.JudicialOffice)]
    public async Task Only_an_admin_may_manage_users(UserRole role)
    {
        await Service.CreateAsync(Mediator("chenjing", "陈静"));
        var user = await FindAsync("chenjing");
        _app.SignInAs(role, villageId: _wuyunshan);

        Assert.Empty(await Service.ListAsync());
        Assert.Equal(Outcome.Forbidden, (await Service.CreateAsync(Mediator("intruder", "外人"))).Outcome);
        Assert.Equal(Outcome.Forbidden, (await Service.UpdateAsync(user.Id, new UserInput { DisplayName = "x", Role = UserRole.Admin })).Outcome);
        Assert.Equal(Outcome.Forbidden, (await Service.ResetPasswordAsync(user.Id, "another-password-1")).Outcome);
        Assert.Equal(Outcome.Forbidden, (await Service.UnlockAsync(user.Id)).Outcome);

        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.True(await Users().CheckPasswordAsync(await FindAsync("chenjing"), GoodPassword));
    }

    private UserInput Mediator(string userName, string name) =>
        new() { UserName = userName, DisplayName = name, Role = UserRole.Mediator, VillageId = _wuyunshan, Password = GoodPassword };

    private UserManager<AppUser> Users() =>
        _app.Get<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();

    private async Task<AppUser> FindAsync(string userName) => (await Users().FindByNameAsync(userName))!;
}
