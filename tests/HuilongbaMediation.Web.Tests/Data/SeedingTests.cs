using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Data;

public sealed class SeedingTests
{
    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var before = await CountsAsync(app);

        await app.Get<ReferenceDataSeeder>().SeedAsync();
        await app.Get<DemoSeeder>().SeedAsync();

        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal((6, 7, 4, 16, 8, 8, 4, 18), before); // 8 sources: 主动调解·排查发现 for cases from sweeps, 当事人申请·线上 for online applications
    }

    [Fact]
    public async Task A_seeded_village_renamed_by_an_admin_is_not_seeded_again()
    {
        await using var app = await TestApp.StartAsync();
        await using (var db = await app.DbAsync())
        {
            var village = await db.Villages.SingleAsync(v => v.Code == ReferenceData.WuyunshanVillage);
            village.Name = "五云山村（无诉讼村）";
            await db.SaveChangesAsync();
        }

        await app.Get<ReferenceDataSeeder>().SeedAsync();

        await using var check = await app.DbAsync();
        Assert.Equal(6, await check.Villages.CountAsync());
        Assert.False(await check.Villages.AnyAsync(v => v.Name == "五云山村"));
    }

    [Fact]
    public async Task The_logistics_park_is_an_area_and_the_two_labour_rows_share_a_statistics_group()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.DbAsync();

        var park = await db.Villages.SingleAsync(v => v.Name == "物流园片区");
        Assert.Equal(Domain.Reference.VillageKind.Area, park.Kind);
        var labour = await db.Categories.Where(c => c.StatisticsGroup == "劳动争议").Select(c => c.Name).ToListAsync();
        Assert.Equal(["劳动争议·其他", "劳动争议·拖欠农民工工资"], labour.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Demo_mode_seeds_one_user_per_role_and_village_roles_belong_to_Wuyunshan()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var users = app.Get<UserManager<AppUser>>();
        var wuyunshan = await app.VillageIdAsync(ReferenceData.WuyunshanVillage);

        foreach (var account in DemoSeeder.Accounts)
        {
            var user = await users.FindByNameAsync(account.UserName);
            Assert.NotNull(user);
            Assert.Equal([account.Role.ToString()], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, account.Password));
            Assert.Equal(account.Role.BelongsToVillage() ? wuyunshan : null, user.VillageId);
            Assert.True(user.LockoutEnabled);
        }
    }

    [Fact]
    public async Task Outside_demo_mode_nobody_has_a_default_password()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await using var db = await app.DbAsync();

        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(4, await db.Roles.CountAsync());
    }

    private static async Task<(int, int, int, int, int, int, int, int)> CountsAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return (await db.Villages.CountAsync(), await db.Venues.CountAsync(), await db.MediationKinds.CountAsync(),
            await db.Categories.CountAsync(), await db.CaseSources.CountAsync(), await db.ReferralTargets.CountAsync(),
            await db.Roles.CountAsync(), await db.Users.CountAsync());
    }
}
