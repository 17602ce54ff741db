using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

public sealed class CaseNumberingTests
{
    [Fact]
    public async Task Two_hundred_cases_filed_at_once_get_numbers_1_to_200_of_their_year()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        await app.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(app);

        // Each filing from its own scope, as from 200 circuits at the same moment.
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            await using var scope = app.NewScope();
            return await scope.Get<CaseService>().FileAsync(draft with { Summary = $"{draft.Summary}（第{i}件）" });
        }));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await AssertNumberedAsync(app, 200);
    }

    [Fact]
    public async Task Two_processes_filing_into_one_file_still_number_without_gaps_or_duplicates()
    {
        // Two app instances over one SQLite file have two write gates, like the web app and the CLI:
        // the database's own writer lock and busy timeout must keep numbering right.
        await using var first = await TestApp.StartAsync(demo: true);
        await using var second = await TestApp.StartAsync(demo: true, dataFolder: first.DataFolder);
        await first.SignInAsUserAsync("zhangmin");
        await second.SignInAsUserAsync("zhangmin");
        var draft = await CaseDrafts.ValidAsync(first);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var app = i % 2 == 0 ? first : second;
            await using var scope = app.NewScope();
            return await scope.Get<CaseService>().FileAsync(draft);
        }));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await AssertNumberedAsync(first, 60);
    }

    private static async Task AssertNumberedAsync(TestApp app, int count)
    {
        var year = TestClock.Today.Year;
        await using var db = await app.DbAsync();
        var numbers = await db.Cases.OrderBy(c => c.Sequence).Select(c => new { c.Year, c.Sequence, c.Number }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, count), numbers.Select(n => n.Sequence));
        Assert.All(numbers, n => Assert.Equal((year, CaseNumber.Format(year, n.Sequence)), (n.Year, n.Number)));
        Assert.Equal(count, await db.CaseHistory.CountAsync(h => h.Action == nameof(CaseAction.File)));
    }
}
