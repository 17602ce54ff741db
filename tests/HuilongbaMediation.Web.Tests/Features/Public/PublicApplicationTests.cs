using System.Text;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Public;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Web.Tests.Features.Public;

/// <summary>和顺云茶馆 on a real SQLite file: apply, look up, the code lock, repeats, the honeypot, accept into a case, 安排调解.</summary>
public sealed class PublicApplicationTests : IAsyncLifetime
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    private TestApp _app = default!;
    private int _wuyunshan;
    private int _wuliuyuan;

    private PublicApplicationService Public => _app.Get<PublicApplicationService>();

    private ApplicationQueueService Queue => _app.Get<ApplicationQueueService>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(demo: true);
        _wuyunshan = await _app.VillageIdAsync(ReferenceData.WuyunshanVillage);
        _wuliuyuan = await _app.VillageIdAsync("wuliuyuan");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ApplyInput Input(int? village, string phone = "13812345678", string story = "老板拖欠我三个月工资，一共八千元，多次催要都不给。") => new()
    {
        Name = "陈小红",
        Phone = phone,
        Village = village?.ToString() ?? ApplicationRules.UnknownVillage,
        OtherKind = nameof(PartyKind.Organization),
        OtherName = "某某物流有限公司",
        OtherPhone = "023-65432100",
        Story = story,
        Request = "支付拖欠工资 8000 元",
        Help = nameof(HelpWanted.PhoneOrVideo),
        Consent = true,
    };

    private static UploadedFile Photo(string name = "欠条.jpg") => new(name, Jpeg.Length, () => new MemoryStream(Jpeg));

    [Fact]
    public async Task An_application_is_followed_with_its_code_and_the_phones_last_four_digits_and_shows_nothing_of_the_other_party()
    {
        var submitted = await Public.SubmitAsync(Input(_wuyunshan), [Photo()]);
        Assert.True(submitted.Succeeded, submitted.Message);

        var view = await Public.LookupAsync(submitted.Value!.ToLowerInvariant(), "5678");

        Assert.NotNull(view);
        Assert.Equal(["已收到", "已受理", "调解时间和地点", "结果"], view.Steps.Select(s => s.Title));
        Assert.DoesNotContain(view.Steps, s => s.Text?.Contains("物流", StringComparison.Ordinal) == true);
        await using var db = await _app.DbAsync();
        var stored = await db.OnlineApplications.Include(a => a.Files).SingleAsync();
        Assert.Equal(_wuyunshan, stored.QueueVillageId);
        Assert.NotEqual(submitted.Value, stored.CodeHash); // only the hash is kept
        Assert.True(File.Exists(_app.Get<ApplicationFileStore>().PathOf(stored.Id, Assert.Single(stored.Files).StoredName)));
    }

    [Fact]
    public async Task The_logistics_park_and_not_sure_go_to_the_judicial_offices_queue()
    {
        Assert.True((await Public.SubmitAsync(Input(_wuliuyuan), [])).Succeeded);
        Assert.True((await Public.SubmitAsync(Input(null, phone: "13900001111"), [])).Succeeded);

        await using var db = await _app.DbAsync();
        Assert.All(await db.OnlineApplications.ToListAsync(), a => Assert.Null(a.QueueVillageId));
    }

    [Fact]
    public async Task Five_wrong_phone_digits_lock_the_code_and_a_locked_code_answers_as_an_unknown_one()
    {
        var code = (await Public.SubmitAsync(Input(_wuyunshan), [])).Value!;
        for (var i = 0; i < ApplicationRules.MaxFailedLookups; i++)
        {
            Assert.Null(await Public.LookupAsync(code, "0000"));
        }

        Assert.Null(await Public.LookupAsync(code, "5678")); // locked: the right digits too
        Assert.Null(await Public.LookupAsync(TrackingCode.New(), "5678")); // no such code: the same answer
        await using var db = await _app.DbAsync();
        Assert.True((await db.OnlineApplications.SingleAsync()).LockedUntilUtc > _app.Clock.GetUtcNow().UtcDateTime.AddHours(23));
    }

    [Fact]
    public async Task Right_digits_before_the_fifth_wrong_ones_reset_the_count()
    {
        var code = (await Public.SubmitAsync(Input(_wuyunshan), [])).Value!;
        for (var i = 0; i < ApplicationRules.MaxFailedLookups - 1; i++)
        {
            Assert.Null(await Public.LookupAsync(code, "0000"));
        }

        Assert.NotNull(await Public.LookupAsync(code, "5678"));
        Assert.Null(await Public.LookupAsync(code, "0000"));
        Assert.NotNull(await Public.LookupAsync(code, "5678"));
    }

    [Fact]
    public async Task The_same_application_sent_twice_is_refused_and_kept_once()
    {
        Assert.True((await Public.SubmitAsync(Input(_wuyunshan), [])).Succeeded);
        var again = await Public.SubmitAsync(Input(_wuyunshan), []);

        Assert.False(again.Succeeded);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.OnlineApplications.CountAsync());
    }

    [Fact]
    public async Task A_phone_is_limited_to_three_applications_a_day()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await Public.SubmitAsync(Input(_wuyunshan, story: $"第{i}件事：邻居家的水管漏水流到我家，墙都泡坏了。"), [])).Succeeded);
        }

        var fourth = await Public.SubmitAsync(Input(_wuyunshan, story: "第四件事：楼上装修噪音太大，晚上十点还在施工。"), []);

        Assert.False(fourth.Succeeded);
        Assert.NotNull(fourth.ErrorFor(nameof(ApplyInput.Phone)));
    }

    [Fact]
    public async Task A_filled_honeypot_is_shown_a_code_and_nothing_is_kept()
    {
        var input = Input(_wuyunshan);
        input.Website = "http://spam.example";

        var result = await Public.SubmitAsync(input, []);

        Assert.True(result.Succeeded);
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.OnlineApplications.CountAsync());
    }

    [Fact]
    public async Task Every_bad_field_gets_its_own_message_and_nothing_is_kept()
    {
        var input = new ApplyInput { Phone = "12345", IdNumber = "500106199001011230", Village = "99999", OtherKind = "Person", Story = "太短", Help = "Teleport" };

        var result = await Public.SubmitAsync(input, [new UploadedFile("病毒.exe", 4, () => new MemoryStream(Encoding.ASCII.GetBytes("MZ!!")))]);

        Assert.False(result.Succeeded);
        foreach (var field in new[] { "Name", "Phone", "IdNumber", "Village", "OtherName", "Story", "Request", "Help", "Consent", ApplicationRules.FilesField })
        {
            Assert.NotNull(result.ErrorFor(field));
        }

        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.OnlineApplications.CountAsync());
    }

    [Fact]
    public async Task A_mediator_of_the_village_turns_it_into_a_case_and_the_applicant_sees_the_mediator_and_the_session()
    {
        var code = (await Public.SubmitAsync(Input(_wuyunshan), [Photo()])).Value!;
        var mediator = await _app.SignInAsUserAsync("zhangmin");
        Assert.Equal(1, await Queue.WaitingCountAsync());
        var id = (await Queue.ListAsync()).Single().Id;
        await using var categories = await _app.DbAsync();
        var labour = await categories.Categories.Where(c => c.Code == CategoryCodes.LabourWages).Select(c => c.Id).SingleAsync();

        var made = await Queue.AcceptAsync(id, new AcceptApplicationInput(labour));

        Assert.True(made.Succeeded, made.Message);
        Assert.Equal(0, await Queue.WaitingCountAsync());
        await using (var db = await _app.DbAsync())
        {
            var @case = await db.Cases.Include(c => c.Parties).Include(c => c.Mediators).SingleAsync(c => c.Id == made.Value!.Id);
            Assert.Equal(ReferenceData.OnlineApplicationSource, await db.CaseSources.Where(s => s.Id == @case.SourceId).Select(s => s.Code).SingleAsync());
            Assert.Equal(ReferenceData.OnlineTeahouseVenue, await db.Venues.Where(v => v.Id == @case.VenueId).Select(v => v.Code).SingleAsync());
            Assert.Equal("支付拖欠工资 8000 元", @case.Request);
            Assert.Equal(["陈小红", "某某物流有限公司"], @case.Parties.OrderBy(p => p.Role).Select(p => p.Name));
            Assert.Equal(mediator.UserId, @case.LeadMediator!.UserId);
            Assert.Equal(1, await db.ApplicationNotifications.CountAsync());
        }

        var cases = _app.Get<CaseService>();
        var accepted = await cases.AcceptAsync(made.Value!.Id, made.Value.Version, new AcceptInput(_app.Today));
        Assert.True(accepted.Succeeded, accepted.Message);
        await using (var db = await _app.DbAsync())
        {
            var venue = await db.Venues.Where(v => v.Code == "teahouse-huilongba").Select(v => v.Id).SingleAsync();
            var scheduled = await cases.ScheduleSessionAsync(accepted.Value!.Id, accepted.Value.Version, new ScheduleSessionInput(_app.Today.AddDays(2), new TimeOnly(14, 30), venue, "二楼调解室"));
            Assert.True(scheduled.Succeeded, scheduled.Message);
            Assert.Equal(2, await db.ApplicationNotifications.CountAsync());
        }

        var upcoming = Assert.Single(await _app.Get<UpcomingSessionService>().ForMeAsync());
        Assert.Equal((_app.Today.AddDays(2), "二楼调解室"), (upcoming.On, upcoming.Place));
        await _app.SignInAsUserAsync("wangfang");
        Assert.Single(await _app.Get<UpcomingSessionService>().ForMeAsync());
        Assert.Empty(await Queue.OverdueAsync());

        var view = await Public.LookupAsync(code, "5678");
        Assert.Contains("张敏", view!.Steps[1].Text, StringComparison.Ordinal);
        Assert.Contains("14时30分", view.Steps[2].Text, StringComparison.Ordinal);
        Assert.Contains("二楼调解室", view.Steps[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_nobody_handles_for_three_days_is_overdue_and_a_reply_makes_it_current()
    {
        Assert.True((await Public.SubmitAsync(Input(_wuyunshan), [])).Succeeded);
        await using (var db = await _app.DbAsync())
        {
            await db.OnlineApplications.ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAtUtc, _app.Clock.GetUtcNow().UtcDateTime.AddDays(-ApplicationQueueService.OverdueDays).AddMinutes(-1)));
        }

        await _app.SignInAsUserAsync("zhangmin");
        var overdue = Assert.Single(await Queue.OverdueAsync());
        Assert.True((await Queue.ReplyAsync(overdue.Id, "您好，我明天上午给您打电话。")).Succeeded);
        Assert.Empty(await Queue.OverdueAsync());
    }

    [Fact]
    public async Task Scheduling_a_session_in_the_past_is_refused_beside_its_date()
    {
        await _app.SignInAsUserAsync("zhangmin");
        var code = (await Public.SubmitAsync(Input(_wuyunshan), [])).Value!;
        await using var db = await _app.DbAsync();
        var labour = await db.Categories.Where(c => c.Code == CategoryCodes.LabourWages).Select(c => c.Id).SingleAsync();
        var venue = await db.Venues.Where(v => v.Code == "teahouse-huilongba").Select(v => v.Id).SingleAsync();
        var made = (await Queue.AcceptAsync((await Queue.ListAsync()).Single().Id, new AcceptApplicationInput(labour))).Value!;
        var accepted = (await _app.Get<CaseService>().AcceptAsync(made.Id, made.Version, new AcceptInput(_app.Today))).Value!;

        var refused = await _app.Get<CaseService>().ScheduleSessionAsync(accepted.Id, accepted.Version, new ScheduleSessionInput(_app.Today.AddDays(-1), new TimeOnly(9, 0), venue, null));

        Assert.NotNull(refused.ErrorFor(nameof(ScheduleSessionInput.On)));
        Assert.NotNull(code);
    }

    [Fact]
    public async Task Another_villages_mediator_cannot_see_or_handle_it_and_the_judicial_office_routes_it()
    {
        Assert.True((await Public.SubmitAsync(Input(_wuliuyuan), [])).Succeeded);
        await _app.SignInAsUserAsync("zhangmin");
        Assert.Empty(await Queue.ListAsync());
        await using var db = await _app.DbAsync();
        var id = await db.OnlineApplications.Select(a => a.Id).SingleAsync();
        Assert.False((await Queue.OpenAsync(id)).Succeeded);
        Assert.False((await Queue.DeclineAsync(id, "不属于民间纠纷")).Succeeded);

        await _app.SignInAsUserAsync("wangfang");
        Assert.True((await Queue.RouteAsync(id, _wuyunshan)).Succeeded);

        await _app.SignInAsUserAsync("zhangmin");
        Assert.True((await Queue.OpenAsync(id)).Succeeded);
        Assert.True(await db.SecurityLog.AnyAsync(e => e.Kind == Web.Features.SecurityLog.SecurityEventKind.ApplicationOpened));
    }

    [Fact]
    public async Task A_declined_application_shows_its_reason_to_the_applicant_and_is_purged_after_the_retention()
    {
        var code = (await Public.SubmitAsync(Input(_wuyunshan), [Photo()])).Value!;
        await _app.SignInAsUserAsync("zhangmin");
        var id = (await Queue.ListAsync()).Single().Id;
        Assert.NotNull((await Queue.DeclineAsync(id, " ")).ErrorFor("Reason"));
        Assert.True((await Queue.DeclineAsync(id, "已向法院起诉，请等待法院处理")).Succeeded);

        var view = await Public.LookupAsync(code, "5678");
        Assert.Contains("已向法院起诉", view!.Steps[^1].Text, StringComparison.Ordinal);

        var scopes = _app.Get<IServiceScopeFactory>();
        Assert.Equal(0, await ApplicationPurge.PurgeAsync(scopes, _app.Clock, default));
        var later = new ShiftedClock(_app.Clock, TimeSpan.FromDays(ApplicationRules.RetentionDays + 1));
        Assert.Equal(1, await ApplicationPurge.PurgeAsync(scopes, later, default));
        Assert.False(Directory.Exists(_app.Get<ApplicationFileStore>().FolderOf(id)));
    }

    [Fact]
    public async Task Every_online_figure_equals_a_direct_count_and_the_annual_report_says_how_many_came_online()
    {
        await _app.SignInAsUserAsync("zhangmin");
        await using var db0 = await _app.DbAsync();
        var labour = await db0.Categories.Where(c => c.Code == CategoryCodes.LabourWages).Select(c => c.Id).SingleAsync();
        var stories = new[] { "甲：邻居家的水管漏水流到我家，墙都泡坏了。", "乙：楼上装修噪音太大，晚上十点还在施工。", "丙：老板拖欠我两个月工资，一直不给。", "丁：物业乱收停车费，每月多收一百元。" };
        for (var i = 0; i < stories.Length; i++)
        {
            Assert.True((await Public.SubmitAsync(Input(_wuyunshan, phone: $"1391234000{i}", story: stories[i]), [])).Succeeded);
        }

        var ids = (await Queue.ListAsync()).Select(r => r.Id).ToList();
        var made = (await Queue.AcceptAsync(ids[0], new AcceptApplicationInput(labour))).Value!;
        Assert.True((await Queue.AcceptAsync(ids[1], new AcceptApplicationInput(labour))).Succeeded);
        Assert.True((await Queue.DeclineAsync(ids[2], "不属于民间纠纷")).Succeeded);
        var cases = _app.Get<CaseService>();
        var accepted = (await cases.AcceptAsync(made.Id, made.Version, new AcceptInput(_app.Today))).Value!;
        Assert.True((await cases.TerminateAsync(accepted.Id, accepted.Version, new TerminateInput(TerminationReason.ApplicantWithdrew, null, _app.Today))).Succeeded);

        var year = _app.Today.Year;
        var figures = await _app.Get<OnlineApplicationStatistics>().CountAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

        // The direct count: every application and its case, loaded and counted here.
        await using var db = await _app.DbAsync();
        var all = await db.OnlineApplications.AsNoTracking().ToListAsync();
        var statusOf = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Status);
        Assert.Equal(all.Count, figures.Received);
        Assert.Equal(all.Count(a => a.CaseId is not null), figures.Accepted);
        Assert.Equal(all.Count(a => a.DeclineReason is not null), figures.Declined);
        Assert.Equal(all.Count(a => a.CaseId is null && a.DeclineReason is null), figures.Waiting);
        Assert.Equal(all.Count(a => a.CaseId is { } c && statusOf[c] == CaseStatus.Terminated), figures.Terminated);
        Assert.Equal(all.Count(a => a.CaseId is { } c && statusOf[c] is CaseStatus.Filed or CaseStatus.Mediating), figures.InProgress);
        Assert.Equal((4, 2, 1, 1, 1, 1), (figures.Received, figures.Accepted, figures.Declined, figures.Waiting, figures.Terminated, figures.InProgress));

        await _app.SignInAsUserAsync("wangfang");
        var report = await _app.Get<Web.Features.Reports.AnnualReportService>().GetAsync(year);
        Assert.Contains("通过“和顺云茶馆”在线申请调解4件，受理立案2件", report!.Paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_made_from_an_application_lands_under_applications_and_the_online_venue_on_the_statistical_form()
    {
        await _app.SignInAsUserAsync("zhangmin");
        Assert.True((await Public.SubmitAsync(Input(_wuyunshan), [])).Succeeded);
        await using var db = await _app.DbAsync();
        var labour = await db.Categories.Where(c => c.Code == CategoryCodes.LabourWages).Select(c => c.Id).SingleAsync();
        var made = (await Queue.AcceptAsync((await Queue.ListAsync()).Single().Id, new AcceptApplicationInput(labour))).Value!;
        var cases = _app.Get<CaseService>();
        var step = (await cases.AcceptAsync(made.Id, made.Version, new AcceptInput(_app.Today))).Value!;
        var venue = await db.Venues.Where(v => v.Code == ReferenceData.OnlineTeahouseVenue).Select(v => v.Id).SingleAsync();
        step = (await cases.RecordSessionAsync(step.Id, step.Version, new SessionInput(_app.Today, venue, "陈小红、张敏", "视频调解，公司同意分两次支付。"))).Value!;
        var resolved = await cases.ResolveAsync(step.Id, step.Version, new AgreementInput { Kind = AgreementKind.Oral, SignedOn = _app.Today, Terms = "公司于月底前分两次支付8000元。" });
        Assert.True(resolved.Succeeded, resolved.Message);

        await _app.SignInAsUserAsync("wangfang");
        var form = (await _app.Get<Web.Features.MonthlyForm.MonthlyFormService>().GetAsync(Web.Features.MonthlyForm.FormPeriod.MonthOf(_app.Today)))!;
        decimal? Town(Func<Web.Features.MonthlyForm.FormColumn, bool> column) => form.Town!.Cells[form.Columns.ToList().FindIndex(c => column(c))].Value;

        Assert.Equal(1, Town(c => c.Label == SourceGroups.Application));
        Assert.Equal(1, Town(c => c.Label == "其中：当事人申请·线上"));
        Assert.Equal(1, Town(c => c.Label == "线上调解（和顺云茶馆）"));
    }

    [Fact]
    public async Task There_is_a_poster_for_each_teahouse_and_station_leading_to_the_form_with_its_venue()
    {
        var posters = await _app.Get<Posters>().AllAsync("https://tiaojie.example.cn/");
        await using var db = await _app.DbAsync();
        var places = await db.Venues.Where(v => v.Code!.StartsWith("teahouse-") || v.Code == "hongyan-station").ToDictionaryAsync(v => v.Id, v => v.Name);

        Assert.Equal(places.OrderBy(p => p.Key).Select(p => p.Value), posters.OrderBy(p => p.VenueId).Select(p => p.VenueName));
        Assert.All(posters, p =>
        {
            Assert.Equal($"https://tiaojie.example.cn/apply?venue={p.VenueId}", p.Url);
            var png = Convert.FromBase64String(p.QrPngDataUri["data:image/png;base64,".Length..]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        });
    }

    private sealed class ShiftedClock(TimeProvider inner, TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + by;
    }
}
