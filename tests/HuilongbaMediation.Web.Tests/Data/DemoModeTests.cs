using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>Demo data never enters a real database, and a demo database never serves as a real one (issue 9, item 1).</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task Demo_mode_marks_the_database_it_creates_and_lists_its_accounts()
    {
        await using var temp = new TempFolder();

        await using var app = await TestApp.StartAsync(demo: true, dataFolder: temp.Path);

        await using var db = await app.DbAsync();
        Assert.True(await DemoDatabase.IsMarkedAsync(db));
        Assert.Equal(DemoSeeder.Accounts.Count + DemoSeeder.RosterMediators.Count, await db.Users.CountAsync());
        Assert.True(app.Get<DemoMode>().IsDemoDatabase);
    }

    [Fact]
    public async Task Demo_mode_refuses_a_database_with_an_admin_made_outside_it_and_adds_nobody()
    {
        await using var temp = new TempFolder();
        await using (var real = await TestApp.StartAsync(dataFolder: temp.Path))
        {
            await using var scope = real.NewScope();
            var created = await UserAccounts.CreateAsync(
                scope.Get<UserManager<AppUser>>(), scope.Get<AppDbContext>(), new AppUser { UserName = "boss", DisplayName = "boss" }, "a long passphrase 7", UserRole.Admin);
            Assert.True(created.Succeeded);
        }

        var ex = await Assert.ThrowsAsync<StartupException>(() => TestApp.StartAsync(demo: true, dataFolder: temp.Path));

        Assert.Contains("已有非演示模式创建的用户或案件", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        await using var check = await TestApp.StartAsync(dataFolder: temp.Path);
        await using var db = await check.DbAsync();
        Assert.Equal(["boss"], await db.Users.Select(u => u.UserName!).ToListAsync());
        Assert.False(await DemoDatabase.IsMarkedAsync(db));
    }

    [Fact]
    public async Task Demo_mode_refuses_an_empty_database_it_did_not_create()
    {
        await using var temp = new TempFolder();
        await (await TestApp.StartAsync(dataFolder: temp.Path)).DisposeAsync(); // made outside demo mode, nobody in it yet

        var ex = await Assert.ThrowsAsync<StartupException>(() => TestApp.StartAsync(demo: true, dataFolder: temp.Path));

        Assert.Contains("不是演示数据库", ex.Message, StringComparison.Ordinal);
        await using var check = await TestApp.StartAsync(dataFolder: temp.Path);
        await using var db = await check.DbAsync();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task A_demo_database_is_refused_when_the_app_serves_without_demo_mode()
    {
        await using var temp = new TempFolder();
        await (await TestApp.StartAsync(demo: true, dataFolder: temp.Path)).DisposeAsync();

        var ex = await Assert.ThrowsAsync<StartupException>(() => TestApp.StartAsync(demo: false, dataFolder: temp.Path, serving: true));

        Assert.Contains("是演示数据库", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--Demo:Enabled=true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_database_served_without_demo_mode_lists_no_demo_accounts()
    {
        await using var temp = new TempFolder();

        await using var app = await TestApp.StartAsync(demo: false, dataFolder: temp.Path, serving: true);

        Assert.False(app.Get<DemoMode>().IsDemoDatabase);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
