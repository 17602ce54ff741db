using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Months;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.MonthlyForm;
using HuilongbaMediation.Web.Features.Sweeps;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.MonthlyForm;

/// <summary>台账清零 and closed months: sign-off with reasons, closing in order, and a closed month's form frozen, with 补报.</summary>
public sealed class MonthCloseTests : IAsyncLifetime
{
    private TestApp _app = default!;

    private static DateOnly Today => ChinaClock.Today(DateTime.UtcNow);

    private static DateOnly LastMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    private MonthCloseService Months => _app.Get<MonthCloseService>();

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> FileAsync(DateOnly filedOn)
    {
        var draft = await CaseDrafts.ValidAsync(_app) with { FiledOn = filedOn };
        var result = await _app.Get<CaseService>().FileAsync(draft);
        Assert.Equal(Outcome.Done, result.Outcome);
        return result.Value!.Id;
    }

    private async Task SignEveryVillageAsync(DateOnly month, int openCaseId)
    {
        foreach (var village in (await Months.ReviewAsync(month))!.Villages)
        {
            var (errors, refusal) = await Months.SignAsync(village.VillageId, month, [.. village.Open.Select(o => new OpenCaseReason(o.CaseId, "双方仍在协商，已约定下周再次调解"))]);
            Assert.Empty(errors);
            Assert.Null(refusal);
        }

        Assert.Contains((await Months.ReviewAsync(month))!.Villages.SelectMany(v => v.Open), o => o.CaseId == openCaseId && o.Reason is not null);
    }

    private static decimal? Filed(StatisticalForm form) => form.Town!.Cells[0].Value;

    [Fact]
    public async Task A_closed_month_does_not_change_and_a_late_event_counts_in_the_next_month_as_a_late_report()
    {
        await _app.SignInAsUserAsync("wangfang");
        var early = await FileAsync(LastMonth.AddDays(3));
        await SignEveryVillageAsync(LastMonth, early);
        Assert.Null(await Months.CloseAsync(LastMonth));
        var forms = _app.Get<MonthlyFormService>();
        var closed = (await forms.GetAsync(FormPeriod.MonthOf(LastMonth)))!;
        Assert.Equal((1m, "王芳"), (Filed(closed), closed.Closed?.ClosedBy));
        var thisMonthBefore = Filed((await forms.GetAsync(FormPeriod.MonthOf(Today)))!);

        // Entered now, dated in the closed month.
        var late = await FileAsync(LastMonth.AddDays(10));

        var closedAfter = (await forms.GetAsync(FormPeriod.MonthOf(LastMonth)))!;
        var next = (await forms.GetAsync(FormPeriod.MonthOf(Today)))!;
        Assert.Equal(closed.Town!.Cells.Select(c => c.Value), closedAfter.Town!.Cells.Select(c => c.Value));
        Assert.Equal(thisMonthBefore + 1, Filed(next));
        var line = Assert.Single(next.Late!);
        Assert.Equal((late, "登记", LastMonth.AddDays(10)), (line.CaseId, line.Action, line.OccurredOn));
        Assert.Empty(closedAfter.Late!);

        // The live count of the closed month's dates has moved on; the form as reported has not.
        await using var db = await _app.DbAsync();
        Assert.Equal(2, await db.Cases.CountAsync(c => c.FiledOn >= LastMonth && c.FiledOn < LastMonth.AddMonths(1)));
    }

    [Fact]
    public async Task A_judicial_decision_and_a_sweep_settlement_dated_in_a_closed_month_count_in_the_next_month_as_late_reports()
    {
        await _app.SignInAsUserAsync("wangfang");
        var cases = _app.Get<CaseService>();
        var sweeps = _app.Get<SweepService>();
        var draft = await CaseDrafts.ValidAsync(_app) with { FiledOn = LastMonth.AddDays(1) };
        var c = Done(await cases.FileAsync(draft, await _app.UserIdAsync("zhangmin")));
        c = Done(await cases.AcceptAsync(c.Id, c.Version, new AcceptInput(LastMonth.AddDays(1))));
        c = Done(await cases.RecordSessionAsync(c.Id, c.Version, new SessionInput(LastMonth.AddDays(2), await CaseDrafts.VenueIdAsync(_app), "王大明、李小红", "双方陈述了各自意见。")));
        c = Done(await cases.ResolveAsync(c.Id, c.Version, AgreedCases.Written with { SignedOn = LastMonth.AddDays(3), PerformanceDeadline = LastMonth.AddDays(10) }));
        var (sweepId, errors, _) = await sweeps.RecordAsync(new SweepInput
        {
            VillageId = draft.VillageId,
            SweptOn = LastMonth.AddDays(2),
            SweptBy = "张敏",
            Findings = [new FindingInput { Summary = "两户村民因院坝排水沟堵塞互相指责，已有争吵。", CategoryId = draft.CategoryId, ApplicantName = "王大华", RespondentName = "赵小林" }],
        });
        Assert.Empty(errors);
        var open = await FileAsync(LastMonth.AddDays(4));
        await SignEveryVillageAsync(LastMonth, open);
        Assert.Null(await Months.CloseAsync(LastMonth));
        var forms = _app.Get<MonthlyFormService>();
        var closed = (await forms.GetAsync(FormPeriod.MonthOf(LastMonth)))!;
        var closedByCommittee = (await forms.GetAsync(FormPeriod.MonthOf(LastMonth), FormScope.Committee))!;
        var before = (await forms.GetAsync(FormPeriod.MonthOf(Today)))!;

        // Entered now, dated in the closed month: the court's decision on an application, and a finding settled.
        Done(await cases.RecordJudicialConfirmationAsync(c.Id, c.Version, new JudicialConfirmationInput(
            true, LastMonth.AddDays(5), "陈家桥人民法庭", "确认调解协议有效", LastMonth.AddDays(20), JudicialOutcome.Confirmed)));
        await using (var db = await _app.DbAsync())
        {
            var findingId = await db.SweepFindings.Where(f => f.SweepId == sweepId).Select(f => f.Id).SingleAsync();
            var (settleErrors, refusal) = await sweeps.MarkPreventedAsync(findingId, "经调解员现场劝导，双方当场和解", LastMonth.AddDays(6));
            Assert.Empty(settleErrors);
            Assert.Null(refusal);
        }

        var closedAfter = (await forms.GetAsync(FormPeriod.MonthOf(LastMonth)))!;
        var next = (await forms.GetAsync(FormPeriod.MonthOf(Today)))!;
        Assert.Equal(closed.Town!.Cells.Select(x => x.Value), closedAfter.Town!.Cells.Select(x => x.Value));
        Assert.Equal(
            closedByCommittee.Rows.SelectMany(r => r.Cells.Select(x => x.Value)),
            (await forms.GetAsync(FormPeriod.MonthOf(LastMonth), FormScope.Committee))!.Rows.SelectMany(r => r.Cells.Select(x => x.Value)));
        foreach (var label in new[] { "申请", "确认有效", "化解（防止）纠纷" })
        {
            Assert.Equal(Figure(before, label) + 1, Figure(next, label));
        }

        Assert.Equal(
            [(c.Id, "申请司法确认", LastMonth.AddDays(5)), (null, "排查发现纠纷化解", LastMonth.AddDays(6)), (c.Id, "司法确认裁定", LastMonth.AddDays(20))],
            next.Late!.Where(l => l.Action != "登记" && l.Action != "调解成功").Select(l => (l.CaseId, l.Action, l.OccurredOn)));
        Assert.Empty(closedAfter.Late!);
    }

    private static decimal? Figure(StatisticalForm form, string label) => form.Town!.Cells[form.Columns.ToList().FindIndex(c => c.Label == label)].Value;

    private static CaseRef Done(Result<CaseRef> result)
    {
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" ", result.Errors)}");
        return result.Value!;
    }

    [Fact]
    public async Task A_village_head_signs_their_village_off_with_a_reason_for_each_open_case()
    {
        await _app.SignInAsUserAsync("wangfang");
        var open = await FileAsync(LastMonth.AddDays(1));
        var head = await _app.SignInAsUserAsync("liqiang");

        var review = (await Months.ReviewAsync(LastMonth))!;
        var village = Assert.Single(review.Villages);
        Assert.Equal((head.VillageId, 1, 0), ((int?)village.VillageId, village.Filed, village.Concluded));
        Assert.Equal([open], village.Open.Select(o => o.CaseId));
        Assert.False(review.MayClose);

        var (errors, _) = await Months.SignAsync(village.VillageId, LastMonth, []);
        Assert.Equal([new FieldError($"Reasons[{open}]", "请填写未结原因")], errors);
        var (ok, refusal) = await Months.SignAsync(village.VillageId, LastMonth, [new OpenCaseReason(open, "被申请人外出务工，月底返乡后调解")]);
        Assert.Empty(ok);
        Assert.Null(refusal);
        Assert.Equal("李强", (await Months.ReviewAsync(LastMonth))!.Villages.Single().SignedBy);

        // Another village's month, the current month and a second signature are refused.
        var other = await _app.VillageIdAsync("wuliuyuan");
        Assert.NotNull((await Months.SignAsync(other, LastMonth, [])).Refusal);
        Assert.Equal("Month", Assert.Single((await Months.SignAsync(village.VillageId, new DateOnly(Today.Year, Today.Month, 1), [new OpenCaseReason(open, "仍在调解")])).Errors).Field);
        Assert.NotNull((await Months.SignAsync(village.VillageId, LastMonth, [new OpenCaseReason(open, "再次签认")])).Refusal);
        Assert.Equal("只有司法所可以关账", await Months.CloseAsync(LastMonth));
    }

    [Fact]
    public async Task The_office_closes_a_month_only_when_every_village_has_signed_and_in_order()
    {
        await _app.SignInAsUserAsync("wangfang");

        Assert.StartsWith("以下村（社区）尚未签认：", await Months.CloseAsync(LastMonth), StringComparison.Ordinal);
        Assert.Equal("该月尚未结束，月末后才能关账", await Months.CloseAsync(new DateOnly(Today.Year, Today.Month, 1)));

        var twoMonthsAgo = LastMonth.AddMonths(-1);
        foreach (var village in (await Months.ReviewAsync(twoMonthsAgo))!.Villages)
        {
            Assert.Empty((await Months.SignAsync(village.VillageId, twoMonthsAgo, [])).Errors); // nothing open: no reasons needed
        }

        Assert.Null(await Months.CloseAsync(twoMonthsAgo));
        Assert.Equal("该月已关账", await Months.CloseAsync(twoMonthsAgo));
        Assert.StartsWith("以下村（社区）尚未签认", await Months.CloseAsync(LastMonth), StringComparison.Ordinal);
        Assert.Equal("须按月份顺序关账：请先关闭上一个月", await Months.CloseAsync(LastMonth.AddMonths(-3)));
    }
}
