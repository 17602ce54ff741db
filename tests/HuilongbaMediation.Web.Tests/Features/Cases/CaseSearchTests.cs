using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>The demo town three times over (about 1,100 cases), for the search's tests.</summary>
public sealed class SearchTown : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(demo: true);
        await App.Get<DemoCaseGenerator>().GenerateAsync(scale: 3);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The case list's 搜索 through the index (FTS5 on SQLite, pg_trgm and gram indexes on PostgreSQL), on either engine:
/// every term finds exactly the cases the old scan (a substring of the number, the summary or a party's name) found,
/// within what the user may read; the total is capped; the index follows corrections and rollbacks.
/// </summary>
public sealed class CaseSearchTests(SearchTown town) : IClassFixture<SearchTown>
{
    private readonly TestApp _app = town.App;

    /// <summary>The old search, as it was: every case's number, summary and party names read and tested.</summary>
    internal static Task<List<int>> ScannedAsync(AppDbContext db, Actor actor, string term) =>
        db.Cases.AsNoTracking().VisibleTo(actor)
            .Where(c => c.Number.Contains(term) || c.Summary.Contains(term) || c.Parties.Any(p => p.Name.Contains(term)))
            .Select(c => c.Id).OrderBy(id => id).ToListAsync();

    internal static Task<List<int>> SearchedAsync(AppDbContext db, Actor actor, string term) =>
        db.Cases.AsNoTracking().VisibleTo(actor).Matching(db, new CaseFilter { Search = term }, actor, TestClock.Today)
            .Select(c => c.Id).OrderBy(id => id).ToListAsync();

    [Fact]
    public async Task Every_term_finds_the_cases_the_scan_found_for_the_office_and_for_a_village_head()
    {
        await using var db = await _app.DbAsync();
        var texts = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Number, c.Summary }).ToListAsync();
        var names = await db.Set<Party>().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Name).ToListAsync();
        Assert.True(texts.Count > 1000, $"the town has {texts.Count} cases");

        // Random substrings (1 to 6 characters) of real summaries, names and numbers, whole names, and terms that
        // could trip an index: query syntax, LIKE's wildcards, quotes, spaces, a character outside the BMP.
        var random = new Random(16);
        string Cut(string s)
        {
            var length = Math.Min(s.Length, random.Next(1, 7));
            var start = random.Next(0, s.Length - length + 1);
            return s.Substring(start, length);
        }

        var terms = new List<string>
        {
            "王", "纠纷", "村", "无此当事人", "号", "2", "%", "_", "\\", "\"", "\"王\"", "王 OR 李", "NEAR(王 李)", "王*", "a", "A", " ", "、", "𠀀", "（",
            "纠纷 ", "民调", "ABC",
        };
        for (var i = 0; i < 60; i++)
        {
            terms.Add(Cut(texts[random.Next(texts.Count)].Summary));
            terms.Add(Cut(names[random.Next(names.Count)]));
            terms.Add(names[random.Next(names.Count)]);
            terms.Add(Cut(texts[random.Next(texts.Count)].Number));
        }

        var office = await _app.ActorAsync("wangfang");
        var villageHead = await _app.ActorAsync("liqiang");
        Assert.Equal(UserRole.VillageHead, villageHead.Role);
        var found = 0;
        foreach (var term in terms.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            foreach (var actor in new[] { office, villageHead })
            {
                var scanned = await ScannedAsync(db, actor, term);
                Assert.True(scanned.SequenceEqual(await SearchedAsync(db, actor, term)), $"“{term}” as {actor.Role}");
                found += scanned.Count;
            }
        }

        Assert.True(found > 1000, "the terms found cases");
    }

    [Fact]
    public async Task A_village_head_finds_only_their_village_s_cases_even_by_a_name_found_elsewhere()
    {
        var villageHead = await _app.ActorAsync("liqiang");
        await using var db = await _app.DbAsync();
        var elsewhere = await db.Cases.AsNoTracking().Where(c => c.VillageId != villageHead.VillageId)
            .Select(c => c.Parties.OrderBy(p => p.Id).Select(p => p.Name).First()).FirstAsync();
        await _app.SignInAsUserAsync("liqiang");

        var page = await _app.Get<CaseListService>().ListAsync(new CaseListRequest(new CaseFilter { Search = elsewhere }, PageSize: CaseListService.MaxPageSize));

        var villages = await db.Cases.AsNoTracking().Where(c => page.Rows.Select(r => r.Id).Contains(c.Id)).Select(c => c.VillageId).Distinct().ToListAsync();
        Assert.All(villages, v => Assert.Equal(villageHead.VillageId, v));
        Assert.Equal((await ScannedAsync(db, villageHead, elsewhere)).Count, page.Total);
    }

    [Fact]
    public async Task A_search_matching_more_than_the_cap_says_so_and_pages_within_it()
    {
        await _app.SignInAsUserAsync("wangfang");
        var office = await _app.ActorAsync("wangfang");
        await using var db = await _app.DbAsync();
        // The commonest of a few common characters of the demo's summaries and numbers.
        var (term, all) = (string.Empty, new List<int>());
        foreach (var common in new[] { "，", "。", "的", "号", "调" })
        {
            var matching = await ScannedAsync(db, office, common);
            (term, all) = matching.Count > all.Count ? (common, matching) : (term, all);
        }

        Assert.True(all.Count > CaseListService.SearchTotalCap, $"“{term}” matches {all.Count} cases");
        var list = _app.Get<CaseListService>();

        var first = await list.ListAsync(new CaseListRequest(new CaseFilter { Search = term }));
        var last = await list.ListAsync(new CaseListRequest(new CaseFilter { Search = term }, Page: (CaseListService.SearchTotalCap / 25) - 1));

        Assert.Equal((CaseListService.SearchTotalCap, true, 25), (first.Total, first.TotalCapped, first.Rows.Count));
        Assert.Equal(25, last.Rows.Count);
        Assert.All(first.Rows.Concat(last.Rows), r => Assert.Contains(r.Id, all));

        var few = await list.ListAsync(new CaseListRequest(new CaseFilter { Search = "无此当事人" }));
        Assert.Equal((0, false), (few.Total, few.TotalCapped));
    }

    [Fact]
    public async Task A_term_in_very_many_cases_pages_in_the_list_s_order_as_a_rare_one_does()
    {
        await _app.SignInAsUserAsync("wangfang");
        var office = await _app.ActorAsync("wangfang");
        await using var db = await _app.DbAsync();
        const string common = "调"; // in every case number (回龙坝人调字)
        var all = await ScannedAsync(db, office, common);
        var index = CaseSearchIndex.Of(db);
        // On SQLite the page is then found by walking the cases in the list's order (the walk's own path); on PostgreSQL the planner chooses.
        Assert.Equal(!db.Database.IsNpgsql(), await index.IsCommonAsync(db, common, default));
        Assert.False(await index.IsCommonAsync(db, "无此当事人", default));

        var list = _app.Get<CaseListService>();
        var matching = db.Cases.AsNoTracking().Where(c => all.Contains(c.Id));
        var orders = new (CaseSort Sort, bool Descending, IQueryable<MediationCase> Expected)[]
        {
            (CaseSort.FiledOn, true, matching.OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id)),
            (CaseSort.FiledOn, false, matching.OrderBy(c => c.FiledOn).ThenByDescending(c => c.Id)),
            (CaseSort.Number, true, matching.OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).ThenByDescending(c => c.Id)),
            (CaseSort.DueOn, false, matching.OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenByDescending(c => c.Id)),
        };
        foreach (var (sort, descending, expected) in orders)
        {
            foreach (var page in new[] { 0, 1, (CaseListService.SearchTotalCap / 25) - 1 })
            {
                var shown = await list.ListAsync(new CaseListRequest(new CaseFilter { Search = common }, Page: page, Sort: sort, Descending: descending));
                var want = await expected.Skip(page * 25).Take(25).Select(c => c.Id).ToListAsync();
                Assert.True(want.SequenceEqual(shown.Rows.Select(r => r.Id)), $"{sort} {(descending ? "desc" : "asc")}, page {page + 1}");
                Assert.Equal((CaseListService.SearchTotalCap, true), (shown.Total, shown.TotalCapped));
            }
        }
    }

    /// <summary>
    /// Among the cases a 村负责人 sees, the index proves "more than n" (so the list may say 1,000+ without testing the
    /// matches) exactly when the cases' own numbers and summaries hold the term more than n times: never on a party's
    /// name alone (a party's entry is not a case's), never when it cannot tell (PostgreSQL: the list then counts).
    /// </summary>
    [Fact]
    public async Task Among_a_village_s_cases_the_index_proves_more_than_n_exactly_when_the_cases_text_holds_it_more_than_n_times()
    {
        var head = await _app.SignInAsUserAsync("liqiang");
        await using var db = await _app.DbAsync();
        var village = db.Cases.AsNoTracking().VisibleTo(head);
        var index = CaseSearchIndex.Of(db);
        var name = await village.SelectMany(c => c.Parties).Select(p => p.Name).OrderBy(n => n).FirstAsync();
        foreach (var term in new[] { "调", "王", "纠纷", name, "无此当事人" })
        {
            var inText = await village.CountAsync(c => c.Number.Contains(term) || c.Summary.Contains(term));
            foreach (var n in new[] { 0, inText - 1, inText, inText + 1, 50 }.Where(n => n >= 0).Distinct())
            {
                var proved = await index.ProvesMoreThanAsync(db, village, term, n, default);
                Assert.True(proved == (!db.Database.IsNpgsql() && inText > n), $"“{term}”: {inText} cases' texts hold it, n = {n}, proved: {proved}");
            }
        }
    }

    /// <summary>
    /// What the list shows for a term — each page's rows in the list's order, and the total or "1,000+" — is what the plain
    /// scan (every visible case tested, sorted, counted) gives: for a term in every case (调, in each number: the walk, and
    /// the total proved by the index alone), a common surname, a word and a rare name; as the office, as the office with a
    /// village chosen (the total then counted, not proved) and as a village head; on the first pages (each case tested in
    /// the list's order) and deeper ones (the candidates looked up).
    /// </summary>
    [Fact]
    public async Task Each_page_and_total_are_the_plain_scan_s_for_common_and_rare_terms_whoever_asks()
    {
        await using var db = await _app.DbAsync();
        var rare = await db.Set<Party>().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Name).Skip(500).FirstAsync();
        var village = await db.Villages.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var list = _app.Get<CaseListService>();
        var index = CaseSearchIndex.Of(db);
        Assert.Equal(!db.Database.IsNpgsql(), await index.IsCommonAsync(db, "调", default));
        Assert.Equal(!db.Database.IsNpgsql(), await index.ProvesMoreThanAsync(db, "调", CaseListService.SearchTotalCap, default));
        Assert.False(await index.ProvesMoreThanAsync(db, rare, CaseListService.SearchTotalCap, default));
        foreach (var (who, villageId) in new[] { ("wangfang", (int?)null), ("wangfang", village), ("liqiang", null) })
        {
            var actor = await _app.SignInAsUserAsync(who);
            foreach (var term in new[] { "调", "王", "纠纷", rare })
            {
                var filter = new CaseFilter { Search = term, VillageId = villageId };
                var scanned = db.Cases.AsNoTracking().VisibleTo(actor).Matching(db, filter with { Search = null }, actor, TestClock.Today)
                    .Where(c => c.Number.Contains(term) || c.Summary.Contains(term) || c.Parties.Any(p => p.Name.Contains(term)));
                var count = await scanned.CountAsync();
                foreach (var (sort, descending) in new[] { (CaseSort.FiledOn, true), (CaseSort.Number, false) })
                {
                    var ordered = sort == CaseSort.FiledOn
                        ? scanned.OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id)
                        : scanned.OrderBy(c => c.Year).ThenBy(c => c.Sequence).ThenByDescending(c => c.Id);
                    foreach (var page in new[] { 0, 3, 4, 30 })
                    {
                        var shown = await list.ListAsync(new CaseListRequest(filter, Page: page, Sort: sort, Descending: descending));
                        var want = await ordered.Skip(page * 25).Take(25).Select(c => c.Id).ToListAsync();
                        var what = $"“{term}” as {who}{(villageId is null ? "" : " in one village")}, {sort}, page {page + 1}";
                        Assert.True(want.SequenceEqual(shown.Rows.Select(r => r.Id)), what);
                        Assert.Equal((Math.Min(count, CaseListService.SearchTotalCap), count > CaseListService.SearchTotalCap), (shown.Total, shown.TotalCapped));
                    }
                }
            }
        }
    }

    [Fact]
    public async Task A_corrected_name_is_found_by_the_new_name_and_no_longer_by_the_old()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var (_, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var party = details!.Parties.Single(p => p.Role == PartyRole.Applicant);
        var form = PartyForm.From(party);
        var old = party.Name;
        form.Name = "司马相如";

        var done = await _app.Get<CaseService>().CorrectPartyAsync(c.Id, c.Version, new PartyCorrection { PartyId = party.Id, Party = form.ToDraft() });

        Assert.True(done.Succeeded, done.Message);
        var actor = await _app.ActorAsync("wangfang");
        await using var db = await _app.DbAsync();
        foreach (var term in new[] { "司马相如", "司马", "马" })
        {
            Assert.Contains(c.Id, await SearchedAsync(db, actor, term));
        }

        Assert.DoesNotContain(c.Id, await SearchedAsync(db, actor, old));
        Assert.DoesNotContain(c.Id, await SearchedAsync(db, actor, old[1..]));
        Assert.Equal(await ScannedAsync(db, actor, old), await SearchedAsync(db, actor, old));
    }

    [Fact]
    public async Task An_added_party_and_an_edited_summary_are_found_and_a_deleted_case_is_not()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var added = new PartyDraft { Role = PartyRole.ThirdParty, Kind = PartyKind.Person, Name = "上官婉儿", Phone = "13700001111" };
        var done = await _app.Get<CaseService>().AddPartyAsync(c.Id, c.Version, added);
        Assert.True(done.Succeeded, done.Message);
        var actor = await _app.ActorAsync("wangfang");
        await using var db = await _app.DbAsync();
        Assert.Equal([c.Id], await SearchedAsync(db, actor, "上官婉儿"));
        Assert.Equal([c.Id], await SearchedAsync(db, actor, "婉儿"));

        await db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Summary, "鱼塘承包期满后的续包纠纷，涉及鳜鱼苗"));
        Assert.Equal([c.Id], await SearchedAsync(db, actor, "鳜鱼苗"));
        Assert.Equal([c.Id], await SearchedAsync(db, actor, "鳜"));

        await db.Cases.Where(x => x.Id == c.Id).ExecuteDeleteAsync();
        Assert.Empty(await SearchedAsync(db, actor, "上官婉儿"));
        Assert.Empty(await SearchedAsync(db, actor, "鳜"));
    }

    [Fact]
    public async Task A_write_rolled_back_leaves_nothing_in_the_index()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var actor = await _app.ActorAsync("wangfang");
        await using (var db = await _app.DbAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Summary, "回滚之前的独有词语"));
            await db.Set<Party>().Where(p => EF.Property<int?>(p, "CaseId") == c.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "慕容复"));
            Assert.Equal([c.Id], await SearchedAsync(db, actor, "独有词语"));
            Assert.Equal([c.Id], await SearchedAsync(db, actor, "慕容"));
            await transaction.RollbackAsync();
        }

        await using var after = await _app.DbAsync();
        Assert.Empty(await SearchedAsync(after, actor, "独有词语"));
        Assert.Empty(await SearchedAsync(after, actor, "慕容"));
        Assert.Empty(await SearchedAsync(after, actor, "独"));
        Assert.Contains(c.Id, await SearchedAsync(after, actor, "王大明"));
    }
}
