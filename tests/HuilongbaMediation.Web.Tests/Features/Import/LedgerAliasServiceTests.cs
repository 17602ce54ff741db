using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Import;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Features.Import;

/// <summary>别名表: seeded with the usual forms, read by the import, extended by admins only.</summary>
public sealed class LedgerAliasServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private LedgerAliasService Aliases => _app.Get<LedgerAliasService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_usual_forms_are_there_for_the_office_to_see()
    {
        await _app.SignInAsUserAsync("wangfang");

        var rows = (await Aliases.ListAsync())!;

        Assert.Contains(rows, r => (r.Kind, r.Alias, r.Meaning, r.IsBuiltIn) == (AliasKind.Village, "物流园区", "物流园片区", true));
        Assert.Contains(rows, r => (r.Kind, r.Alias, r.Meaning) == (AliasKind.Category, "相邻纠纷", "邻里"));
        Assert.Contains(rows, r => (r.Kind, r.Alias, r.Meaning) == (AliasKind.Category, "欠薪", "劳动争议·拖欠农民工工资"));
        Assert.Contains(rows, r => (r.Kind, r.Alias, r.Meaning) == (AliasKind.Outcome, "调解不成", nameof(LedgerOutcome.Referred)));
        Assert.Equal(Outcome.Forbidden, (await Aliases.AddAsync(AliasKind.Village, "五云", await _app.VillageIdAsync("wuyunshan"), null)).Outcome);
    }

    [Fact]
    public async Task An_alias_an_admin_adds_is_read_by_the_next_import_and_can_be_removed()
    {
        await _app.SignInAsUserAsync("admin");
        var ledger = SampleLedgers.Village();
        var refused = (await _app.Get<LedgerImportService>().ImportAsync(new LedgerImportRequest(ledger, SampleLedgers.VillageFile)))!;
        Assert.Contains("打架斗殴", refused.Refused.Single().Reason, StringComparison.Ordinal);

        var added = await Aliases.AddAsync(AliasKind.Category, " 打架斗殴 ", await CategoryAsync("damages"), null);
        var again = (await _app.Get<LedgerImportService>().ImportAsync(new LedgerImportRequest(ledger, SampleLedgers.VillageFile)))!;

        Assert.True(added.Succeeded, added.ToString());
        Assert.Equal((1, 5, 0), (again.Imported, again.AlreadyPresent.Count, again.Refused.Count));
        var row = (await Aliases.ListAsync())!.Single(r => r.Alias == "打架斗殴");
        Assert.False(row.IsBuiltIn);
        Assert.True((await Aliases.RemoveAsync(row.Id)).Succeeded);
        Assert.Equal(Outcome.Invalid, (await Aliases.RemoveAsync((await Aliases.ListAsync())!.First(r => r.IsBuiltIn).Id)).Outcome);
    }

    [Fact]
    public async Task An_alias_may_not_mean_two_things_nor_repeat_a_name()
    {
        await _app.SignInAsUserAsync("admin");
        var daqiao = await _app.VillageIdAsync("daqiao");

        Assert.Equal("别名「物流园区」已在别名表中", (await Aliases.AddAsync(AliasKind.Village, "物流园区", daqiao, null)).ErrorFor(nameof(LedgerAlias.Alias)));
        Assert.Equal("「大桥村」本身就是名称，无需别名", (await Aliases.AddAsync(AliasKind.Village, "大桥村", daqiao, null)).ErrorFor(nameof(LedgerAlias.Alias)));
        Assert.Equal("请选择别名所指的对象", (await Aliases.AddAsync(AliasKind.Village, "大桥头", null, null)).ErrorFor(nameof(LedgerAlias.TargetId)));
    }

    private async Task<int> CategoryAsync(string code)
    {
        await using var db = await _app.DbAsync();
        return db.Categories.Single(c => c.Code == code).Id;
    }
}
