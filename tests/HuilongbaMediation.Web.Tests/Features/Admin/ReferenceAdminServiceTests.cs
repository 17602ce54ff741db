using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Admin;

public sealed class ReferenceAdminServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private ReferenceAdminService Service => _app.Get<ReferenceAdminService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_village_which_appears_last_in_the_list()
    {
        _app.SignInAs(UserRole.Admin);

        var result = await Service.AddAsync(ReferenceKind.Village, new ReferenceItemInput { Name = "  石院子村 ", Kind = VillageKind.Village });

        Assert.Equal((Outcome.Done, "已保存"), (result.Outcome, result.Message));
        var rows = await Service.ListAsync(ReferenceKind.Village);
        Assert.Equal(7, rows.Count);
        Assert.Equal(("石院子村", VillageKind.Village, true, false), (rows[^1].Name, rows[^1].Kind!.Value, rows[^1].IsActive, rows[^1].Seeded));
    }

    [Fact]
    public async Task A_duplicate_or_empty_name_is_refused_beside_the_name_field_and_nothing_is_written()
    {
        _app.SignInAs(UserRole.Admin);

        var duplicate = await Service.AddAsync(ReferenceKind.Village, new ReferenceItemInput { Name = "大桥村" });
        var empty = await Service.AddAsync(ReferenceKind.Venue, new ReferenceItemInput { Name = "   " });
        var tooLong = await Service.AddAsync(ReferenceKind.Venue, new ReferenceItemInput { Name = new string('茶', 51) });

        Assert.Equal(Outcome.Invalid, duplicate.Outcome);
        Assert.Equal("已有名为“大桥村”的条目", duplicate.ErrorFor("Name"));
        Assert.Equal("请填写名称", empty.ErrorFor("Name"));
        Assert.Equal("名称不能超过 50 个字", tooLong.ErrorFor("Name"));
        Assert.Equal(6, (await Service.ListAsync(ReferenceKind.Village)).Count);
        Assert.Equal(7, (await Service.ListAsync(ReferenceKind.Venue)).Count);
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\u3000\u3000")]
    [InlineData("\uFEFF\u2060\u202E")]
    public async Task A_name_of_invisible_characters_only_is_refused_as_empty(string name)
    {
        _app.SignInAs(UserRole.Admin);

        var result = await Service.AddAsync(ReferenceKind.Village, new ReferenceItemInput { Name = name });

        Assert.Equal("请填写名称", result.ErrorFor("Name"));
        Assert.Equal(6, (await Service.ListAsync(ReferenceKind.Village)).Count);
    }

    [Fact]
    public async Task Bidi_controls_are_stripped_from_a_name()
    {
        _app.SignInAs(UserRole.Admin);

        Assert.True((await Service.AddAsync(ReferenceKind.Venue, new ReferenceItemInput { Name = "\u202E石院子茶馆\u2066" })).Succeeded);

        Assert.Equal("石院子茶馆", (await Service.ListAsync(ReferenceKind.Venue))[^1].Name);
    }

    [Fact]
    public async Task Renaming_keeps_the_row_and_its_seed_code()
    {
        _app.SignInAs(UserRole.Admin);
        var venue = (await Service.ListAsync(ReferenceKind.Venue)).First(v => v.Name == "上门调解");

        var result = await Service.UpdateAsync(ReferenceKind.Venue, venue.Id, new ReferenceItemInput { Name = "上门调解（入户）" });

        Assert.True(result.Succeeded);
        await using var db = await _app.DbAsync();
        var renamed = await db.Venues.SingleAsync(v => v.Id == venue.Id);
        Assert.Equal(("上门调解（入户）", "home-visit"), (renamed.Name, renamed.Code));
    }

    [Fact]
    public async Task Deactivating_and_reactivating_a_venue()
    {
        _app.SignInAs(UserRole.Admin);
        var venue = (await Service.ListAsync(ReferenceKind.Venue))[0];

        Assert.Equal(Outcome.Done, (await Service.SetActiveAsync(ReferenceKind.Venue, venue.Id, false)).Outcome);
        Assert.False((await Service.ListAsync(ReferenceKind.Venue))[0].IsActive);
        Assert.True((await Service.SetActiveAsync(ReferenceKind.Venue, venue.Id, true)).Succeeded);
        Assert.True((await Service.ListAsync(ReferenceKind.Venue))[0].IsActive);
        Assert.Equal(Outcome.NotFound, (await Service.SetActiveAsync(ReferenceKind.Venue, 9999, false)).Outcome);
    }

    [Theory]
    [InlineData(UserRole.Mediator)]
    [InlineData(UserRole.VillageHead)]
    [InlineData(UserRole.JudicialOffice)]
    public async Task Only_an_admin_may_change_reference_data(UserRole role)
    {
        _app.SignInAs(role, villageId: 1);

        var add = await Service.AddAsync(ReferenceKind.Village, new ReferenceItemInput { Name = "新村" });
        var rename = await Service.UpdateAsync(ReferenceKind.Village, 1, new ReferenceItemInput { Name = "改名村" });
        var deactivate = await Service.SetActiveAsync(ReferenceKind.Village, 1, false);

        Assert.All([add, rename, deactivate], r => Assert.Equal(Outcome.Forbidden, r.Outcome));
        await using var db = await _app.DbAsync();
        Assert.Equal(6, await db.Villages.CountAsync(v => v.IsActive));
        Assert.False(await db.Villages.AnyAsync(v => v.Name == "改名村" || v.Name == "新村"));
    }

    [Fact]
    public async Task Committees_are_seeded_one_per_village_and_community_plus_the_town_the_stations_and_the_industry_committees()
    {
        _app.SignInAs(UserRole.Admin);

        var rows = await Service.ListAsync(ReferenceKind.Committee);

        await using var db = await _app.DbAsync();
        var villages = await db.Villages.Where(v => v.Kind != VillageKind.Area).Select(v => new { v.Id, v.Name }).ToListAsync();
        Assert.All(villages, v => Assert.Single(rows, r => r.CommitteeKind == CommitteeKind.Village && r.VillageId == v.Id && r.Name == $"回龙坝镇{v.Name}人民调解委员会"));
        Assert.DoesNotContain(rows, r => r.VillageName == "物流园片区");
        Assert.Contains(rows, r => r.Name == "回龙坝镇人民调解委员会" && r.CommitteeKind == CommitteeKind.Town);
        Assert.Equal(2, rows.Count(r => r.CommitteeKind == CommitteeKind.Station && r.Name.Contains("红岩市民综合调解站", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.Name == "重庆市交通运输人民调解委员会" && r.CommitteeKind == CommitteeKind.Industry);
        Assert.Contains(rows, r => r.Name == "货运诉调对接工作室" && r.CommitteeKind == CommitteeKind.Industry);
        Assert.Equal(villages.Count + 5, rows.Count);
    }

    [Fact]
    public async Task An_admin_adds_a_village_committee_only_with_its_village_and_the_kind_is_kept()
    {
        _app.SignInAs(UserRole.Admin);
        await using var db = await _app.DbAsync();
        var area = await db.Villages.SingleAsync(v => v.Kind == VillageKind.Area);
        var village = await db.Villages.FirstAsync(v => v.Kind == VillageKind.Village);

        var withoutVillage = await Service.AddAsync(ReferenceKind.Committee, new ReferenceItemInput { Name = "某村调委会", CommitteeKind = CommitteeKind.Village });
        var ofAnArea = await Service.AddAsync(ReferenceKind.Committee, new ReferenceItemInput { Name = "片区调委会", CommitteeKind = CommitteeKind.Village, VillageId = area.Id });
        var station = await Service.AddAsync(ReferenceKind.Committee, new ReferenceItemInput { Name = "一站式调解站", CommitteeKind = CommitteeKind.Station, VillageId = village.Id });

        Assert.Equal("村（居）调委会须选择所属村（社区）", withoutVillage.ErrorFor("VillageId"));
        Assert.Equal("村（居）调委会须选择所属村（社区）", ofAnArea.ErrorFor("VillageId"));
        Assert.True(station.Succeeded);
        var rows = await Service.ListAsync(ReferenceKind.Committee);
        Assert.DoesNotContain(rows, r => r.Name is "某村调委会" or "片区调委会");
        Assert.Equal((CommitteeKind.Station, (int?)null), (rows[^1].CommitteeKind!.Value, rows[^1].VillageId));
    }
}
