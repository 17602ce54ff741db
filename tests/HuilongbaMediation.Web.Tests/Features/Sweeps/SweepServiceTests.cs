using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Sweeps;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Sweeps;

/// <summary>矛盾纠纷排查 on a real SQLite file: recording, 零报告, a finding filed as a case in one step, prevented, who may.</summary>
public sealed class SweepServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private int _wuyunshan;
    private int _wuliuyuan;
    private int _neighbour;

    private SweepService Sweeps => _app.Get<SweepService>();

    private DateOnly Today => ChinaClock.Today(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _wuyunshan = await _app.VillageIdAsync(ReferenceData.WuyunshanVillage);
        _wuliuyuan = await _app.VillageIdAsync("wuliuyuan");
        await using var db = await _app.DbAsync();
        _neighbour = await db.Categories.Where(c => c.Code == "neighbour").Select(c => c.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private SweepInput Input(int village, params FindingInput[] findings) =>
        new() { VillageId = village, SweptOn = Today, SweptBy = "张敏、李强", Findings = findings };

    private FindingInput Finding(string summary = "两户村民因院坝排水沟堵塞互相指责，已有争吵。") =>
        new() { Summary = summary, CategoryId = _neighbour, ApplicantName = "王大华", RespondentName = "赵小林", PeopleInvolved = 3 };

    [Fact]
    public async Task A_finding_becomes_a_case_in_one_step_with_its_village_source_and_parties()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var (sweepId, errors, _) = await Sweeps.RecordAsync(Input(_wuyunshan, Finding()));
        Assert.Empty(errors);
        var findingId = (await Sweeps.MonthAsync(Today))!.Sweeps.Single(s => s.Id == sweepId).Findings.Single().Id;

        var result = await Sweeps.FileCaseAsync(findingId, Guid.NewGuid());

        Assert.Equal(Outcome.Done, result.Outcome);
        await using var db = await _app.DbAsync();
        var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Mediators).SingleAsync(c => c.Id == result.Value!.Id);
        var source = await db.CaseSources.SingleAsync(s => s.Id == @case.SourceId);
        Assert.Equal((ReferenceData.SweepFindingSource, "主动调解·排查发现"), (source.Code, source.Name));
        Assert.Equal((_wuyunshan, _neighbour, 3, Today), (@case.VillageId, @case.CategoryId, @case.PeopleInvolved, @case.FiledOn));
        Assert.Equal(["王大华", "赵小林"], @case.Parties.OrderBy(p => p.Role).Select(p => p.Name));
        Assert.Equal("张敏", @case.LeadMediator?.DisplayName); // the mediator who filed it leads it
        var finding = await db.SweepFindings.SingleAsync(f => f.Id == findingId);
        Assert.Equal((FindingOutcome.CaseFiled, (int?)@case.Id), (finding.Outcome, finding.CaseId));

        // The same finding cannot become a second case: the refusal rolls the second case back too.
        var count = await db.Cases.CountAsync();
        var again = await Sweeps.FileCaseAsync(findingId);
        Assert.Equal(Outcome.Invalid, again.Outcome);
        await using var after = await _app.DbAsync();
        Assert.Equal(count, await after.Cases.CountAsync());
    }

    [Fact]
    public async Task A_month_without_findings_is_a_zero_report_and_a_village_without_a_sweep_is_missing()
    {
        await _app.SignInAsUserAsync("wangfang");
        Assert.Contains("物流园片区", await Sweeps.MissingThisMonthAsync());

        var (id, errors, _) = await Sweeps.RecordAsync(Input(_wuliuyuan));

        Assert.NotNull(id);
        Assert.Empty(errors);
        var month = (await Sweeps.MonthAsync(Today))!;
        Assert.Equal(SweepStatus.ZeroReport, month.Villages.Single(v => v.VillageId == _wuliuyuan).Status);
        Assert.Equal(SweepStatus.Missing, month.Villages.Single(v => v.VillageId == _wuyunshan).Status);
        Assert.DoesNotContain("物流园片区", await Sweeps.MissingThisMonthAsync());
        Assert.Contains("五云山村", await Sweeps.MissingThisMonthAsync());
    }

    [Fact]
    public async Task A_sweep_form_sent_twice_saves_one_sweep()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var key = Guid.NewGuid();

        var first = await Sweeps.RecordAsync(Input(_wuyunshan, Finding()), key);
        var again = await Sweeps.RecordAsync(Input(_wuyunshan, Finding()), key);

        Assert.NotNull(first.SweepId);
        Assert.Equal(first.SweepId, again.SweepId);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Sweeps.CountAsync(s => s.VillageId == _wuyunshan));
        Assert.Equal(1, await db.SweepFindings.CountAsync());

        // A new form (a new key) is a new sweep.
        var other = await Sweeps.RecordAsync(Input(_wuyunshan), Guid.NewGuid());
        Assert.NotEqual(first.SweepId, other.SweepId);
        Assert.Equal(2, await db.Sweeps.CountAsync(s => s.VillageId == _wuyunshan));
    }

    [Fact]
    public async Task A_finding_is_settled_on_the_date_given_never_in_the_future_nor_before_the_sweep()
    {
        await _app.SignInAsUserAsync("liqiang");
        var (sweepId, _, _) = await Sweeps.RecordAsync(Input(_wuyunshan, Finding()) with { SweptOn = Today.AddDays(-5) });
        var findingId = (await Sweeps.MonthAsync(Today.AddDays(-5)))!.Sweeps.Single(s => s.Id == sweepId).Findings.Single().Id;

        var (future, _) = await Sweeps.MarkPreventedAsync(findingId, "当场化解", Today.AddDays(1));
        var (early, _) = await Sweeps.MarkPreventedAsync(findingId, "当场化解", Today.AddDays(-6));
        var (ok, refusal) = await Sweeps.MarkPreventedAsync(findingId, "当场化解", Today.AddDays(-3));

        Assert.Equal("SettledOn", Assert.Single(future).Field);
        Assert.StartsWith("化解日期不能晚于今天", future[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("化解日期不能早于排查日期", Assert.Single(early).Message, StringComparison.Ordinal);
        Assert.Empty(ok);
        Assert.Null(refusal);
        await using var db = await _app.DbAsync();
        var finding = await db.SweepFindings.SingleAsync(f => f.Id == findingId);
        Assert.Equal((FindingOutcome.Prevented, (DateOnly?)Today.AddDays(-3)), (finding.Outcome, finding.SettledOn));
        // Stamped by the app's clock (the tests' fake one, started with the run): now, not some other time.
        Assert.InRange(finding.SettledAtUtc!.Value, TestClock.Start.UtcDateTime, _app.Get<TimeProvider>().GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_finding_may_be_marked_prevented_with_a_note()
    {
        await _app.SignInAsUserAsync("liqiang");
        var (sweepId, _, _) = await Sweeps.RecordAsync(Input(_wuyunshan, Finding()));
        var findingId = (await Sweeps.MonthAsync(Today))!.Sweeps.Single(s => s.Id == sweepId).Findings.Single().Id;

        var (withoutNote, _) = await Sweeps.MarkPreventedAsync(findingId, " ");
        var (errors, refusal) = await Sweeps.MarkPreventedAsync(findingId, "经调解员现场劝导，双方当场和解");

        Assert.Equal([new FieldError("PreventedNote", "请填写化解情况")], withoutNote);
        Assert.Empty(errors);
        Assert.Null(refusal);
        var finding = (await Sweeps.MonthAsync(Today))!.Sweeps.Single(s => s.Id == sweepId).Findings.Single();
        Assert.Equal((FindingOutcome.Prevented, "经调解员现场劝导，双方当场和解", (DateOnly?)Today), (finding.Outcome, finding.PreventedNote, finding.SettledOn));
        Assert.Equal(Outcome.Invalid, (await Sweeps.FileCaseAsync(findingId)).Outcome);
    }

    [Fact]
    public async Task Each_bad_field_gets_its_message_and_nothing_is_written()
    {
        await _app.SignInAsUserAsync("zhangmin");

        var (id, errors, _) = await Sweeps.RecordAsync(Input(_wuyunshan, Finding("太短")) with { SweptOn = Today.AddDays(1), SweptBy = " " });

        Assert.Null(id);
        Assert.Equal(["SweptOn", "SweptBy", "Findings[0].Summary"], errors.Select(e => e.Field));
        Assert.Equal($"排查日期不能晚于今天（{Today.ToLabel()}）", errors[0].Message);
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.Sweeps.CountAsync());
    }

    [Fact]
    public async Task A_mediator_sweeps_only_their_own_village_and_the_judicial_office_any()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var (_, _, refusal) = await Sweeps.RecordAsync(Input(_wuliuyuan));
        Assert.NotNull(refusal);
        Assert.Equal([_wuyunshan], (await Sweeps.MonthAsync(Today))!.Villages.Select(v => v.VillageId));

        await _app.SignInAsUserAsync("wangfang");
        var (sweepId, _, _) = await Sweeps.RecordAsync(Input(_wuliuyuan, Finding()));
        var findingId = (await Sweeps.MonthAsync(Today))!.Sweeps.Single(s => s.Id == sweepId).Findings.Single().Id;

        await _app.SignInAsUserAsync("zhangmin");
        Assert.Equal(Outcome.Forbidden, (await Sweeps.FileCaseAsync(findingId)).Outcome);
        Assert.NotNull((await Sweeps.MarkPreventedAsync(findingId, "已化解")).Refusal);

        await _app.SignInAsUserAsync("admin");
        Assert.Null(await Sweeps.MonthAsync(Today));
    }
}
