using System.Data.Common;
using System.Net;
using System.Text;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Exports;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using HuilongbaMediation.Web.Tests.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HuilongbaMediation.Web.Tests.Features.SecurityLog;

/// <summary>The security log (安全日志) on a real database (SQLite, or PostgreSQL in its run) with the demo users.</summary>
public sealed class SecurityLogTests : IAsyncLifetime
{
    private const string IdNumber = "11010519491231002X";
    private const string Mobile = "13812341234";
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reveal_is_logged_with_the_case_and_the_party_but_no_id_number_or_phone_ever_enters_the_log()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var (_, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        var applicant = details!.Parties.First(p => p.Name == "王大明");
        var cases = _app.Get<CaseService>();

        var (_, id) = await cases.RevealPersonalDataAsync(c.Id, applicant.Id, PersonalDataField.IdNumber);
        var (_, phone) = await cases.RevealPersonalDataAsync(c.Id, applicant.Id, PersonalDataField.Phone);
        // Personal data typed where the log would see it: a search of the case list exported, a phone as a user name.
        await ExportAsync($"?q={IdNumber}");
        await ExportAsync("?q=138%201234%201234");
        await _app.Get<SecurityLogWriter>().WriteAsync(SecurityEvent.Create(
            SecurityEventKind.SignInFailed, TestClock.Start.UtcDateTime, new SecurityActor(null, Mobile, "127.0.0.1"), null, "用户名不存在"));

        Assert.Equal((IdNumber, Mobile), (id, phone));
        await using var db = await _app.DbAsync();
        var reveals = await db.SecurityLog.Where(e => e.Kind == SecurityEventKind.Reveal).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [(c.Number, "当事人 王大明 的身份证号", "zhangmin"), (c.Number, "当事人 王大明 的联系电话", "zhangmin")],
            reveals.Select(e => (e.Subject, e.Detail, e.UserName)));
        var everything = await AllTextAsync(db);
        Assert.DoesNotContain(IdNumber, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Mobile, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("138 1234 1234", everything, StringComparison.Ordinal);
        Assert.Contains("q=110*************2X", everything, StringComparison.Ordinal); // the search is still recognisable, masked
    }

    [Fact]
    public async Task A_refused_reveal_is_not_logged()
    {
        var c = await AgreedCases.AssignedAsync(_app);
        var (_, details) = await _app.Get<CaseReader>().GetAsync(c.Id);
        await _app.SignInAsUserAsync("liqiang"); // the village head may read the case, not reveal

        var (refused, _) = await _app.Get<CaseService>().RevealPersonalDataAsync(c.Id, details!.Parties[0].Id, PersonalDataField.IdNumber);

        Assert.False(refused.Succeeded);
        await using var db = await _app.DbAsync();
        Assert.Empty(db.SecurityLog);
    }

    [Theory]
    [InlineData("13812341234", "138******34")]
    [InlineData("电话13812341234", "电话138******34")]
    [InlineData("q=500106199001011234&state=Mediating", "q=500*************34&state=Mediating")]
    [InlineData("023-65123456", "023******56")]
    [InlineData("from=2026-01-01&to=2026-06-30", "from=2026-01-01&to=2026-06-30")]
    [InlineData("（2026）回龙坝人调字第0001号", "（2026）回龙坝人调字第0001号")]
    [InlineData("d2719d1234567ab", "d2719d1234567ab")]
    [InlineData("王\u202E大明", "王大明")]
    public void Text_is_scrubbed_of_long_numbers_and_bidi_controls_but_dates_and_case_numbers_stay(string text, string stored) =>
        Assert.Equal(stored, SecurityEvent.Scrub(text, 200));

    [Fact]
    public async Task The_log_cannot_be_changed_or_emptied_in_the_database_but_lines_past_the_retention_can_be_removed()
    {
        await using var db = await _app.DbAsync();
        db.SecurityLog.Add(SecurityEvent.Create(SecurityEventKind.SignIn, TestClock.Start.UtcDateTime, new SecurityActor("u", "zhangmin", "127.0.0.1")));
        db.SecurityLog.Add(SecurityEvent.Create(SecurityEventKind.SignIn, TestClock.Start.UtcDateTime.AddDays(-179), new SecurityActor("u", "liqiang", null)));
        db.SecurityLog.Add(SecurityEvent.Create(SecurityEventKind.SignIn, TestClock.Start.UtcDateTime.AddDays(-181), new SecurityActor("u", "wangfang", null)));
        await db.SaveChangesAsync();

        // Plain SQL both engines take (quoted names), refused by either engine's triggers (SqliteException, PostgresException).
        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"SecurityLog\" SET \"UserName\" = 'someone-else'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"SecurityLog\""));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("at least 180 days", delete.Message, StringComparison.Ordinal);
        Assert.Equal(3, await db.SecurityLog.CountAsync()); // the failed DELETE removed nothing

        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SecurityLog\" WHERE \"UserName\" = 'wangfang'"));
        Assert.Equal(["liqiang", "zhangmin"], await db.SecurityLog.OrderBy(e => e.UserName).Select(e => e.UserName).ToListAsync());
    }

    [Fact]
    public async Task The_daily_clean_up_removes_lines_older_than_the_retention_only()
    {
        await using (var db = await _app.DbAsync())
        {
            foreach (var days in new[] { 0, 100, 179, 181, 400 })
            {
                db.SecurityLog.Add(SecurityEvent.Create(SecurityEventKind.SignIn, TestClock.Start.UtcDateTime.AddDays(-days), new SecurityActor("u", $"user{days}", null)));
            }

            await db.SaveChangesAsync();
        }

        var (lines, _) = await _app.Get<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<SecurityMaintenance>().Single().RunOnceAsync();

        Assert.Equal(2, lines);
        await using var after = await _app.DbAsync();
        Assert.Equal(["user0", "user100", "user179"], (await after.SecurityLog.Select(e => e.UserName).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("90", "启动失败：Security:AuditRetentionDays 不能少于 180 天。")]
    [InlineData("179", "启动失败：Security:AuditRetentionDays 不能少于 180 天。")]
    public void A_retention_under_180_days_stops_the_app(string days, string message)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Security:AuditRetentionDays"] = days })
            .Build();

        var error = Assert.Throws<StartupException>(() => SecurityOptions.Read(configuration));

        Assert.Equal(message, $"启动失败：{error.Message}");
    }

    [Fact]
    public async Task Administrators_actions_on_users_are_logged_and_a_change_of_access_ends_the_users_sessions()
    {
        var admin = _app.SignInAs(UserRole.Admin, userId: await _app.UserIdAsync("admin"), name: "刘洋");
        _app.Auth.SignInAs(admin, "admin");
        var users = _app.Get<UserAdminService>();
        var zhangmin = await _app.UserIdAsync("zhangmin");
        var told = new List<SessionEndReason>();
        using var listening = _app.Get<SessionRegistry>().Register("some-session", zhangmin, r =>
        {
            told.Add(r);
            return Task.CompletedTask;
        });
        var wuyunshan = await _app.VillageIdAsync(ReferenceData.WuyunshanVillage);
        var daqiao = await _app.VillageIdAsync("daqiao");

        Assert.True((await users.CreateAsync(new UserInput { UserName = "chenjing", DisplayName = "陈静", Role = UserRole.Mediator, VillageId = wuyunshan, Password = "tea-house-2026" })).Succeeded);
        Assert.True((await users.UpdateAsync(zhangmin, new UserInput { DisplayName = "张敏", Role = UserRole.Mediator, VillageId = daqiao, IsActive = true })).Succeeded);
        Assert.Equal([SessionEndReason.Revoked], told);
        Assert.True((await users.UpdateAsync(zhangmin, new UserInput { DisplayName = "张敏", Role = UserRole.Mediator, VillageId = daqiao, IsActive = false })).Succeeded);
        Assert.True((await users.ResetPasswordAsync(await _app.UserIdAsync("liqiang"), "new-tea-house-2027")).Succeeded);
        Assert.True((await users.UnlockAsync(await _app.UserIdAsync("wangfang"))).Succeeded);

        await using var db = await _app.DbAsync();
        var lines = await db.SecurityLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                (SecurityEventKind.UserCreated, "chenjing", "陈静 · 调解员 · 五云山村 · 启用中"),
                (SecurityEventKind.UserChanged, "zhangmin", "张敏 · 调解员 · 五云山村 · 启用中 → 张敏 · 调解员 · 大桥村 · 启用中"),
                (SecurityEventKind.UserDeactivated, "zhangmin", "张敏 · 调解员 · 大桥村 · 启用中 → 张敏 · 调解员 · 大桥村 · 已停用"),
                (SecurityEventKind.PasswordReset, "liqiang", (string?)null),
                (SecurityEventKind.UserUnlocked, "wangfang", null),
            ],
            lines.Select(e => (e.Kind, e.Subject!, e.Detail)));
        Assert.All(lines, e => Assert.Equal(("admin", admin.UserId), (e.UserName, e.UserId)));
        Assert.True(await db.Users.Where(u => u.UserName == "liqiang" || u.UserName == "chenjing").AllAsync(u => u.MustChangePassword));
    }

    [Fact]
    public async Task A_name_change_alone_does_not_end_sessions()
    {
        var admin = _app.SignInAs(UserRole.Admin, userId: await _app.UserIdAsync("admin"));
        var zhangmin = await _app.UserIdAsync("zhangmin");
        var told = new List<SessionEndReason>();
        using var listening = _app.Get<SessionRegistry>().Register("some-session", zhangmin, r =>
        {
            told.Add(r);
            return Task.CompletedTask;
        });

        var result = await _app.Get<UserAdminService>().UpdateAsync(
            zhangmin, new UserInput { DisplayName = "张敏（调解）", Role = UserRole.Mediator, VillageId = await _app.VillageIdAsync(ReferenceData.WuyunshanVillage), IsActive = true });

        Assert.True(result.Succeeded);
        Assert.Empty(told);
        Assert.NotNull(admin);
    }

    [Fact]
    public async Task Reference_data_edits_are_logged()
    {
        _app.SignInAs(UserRole.Admin, userId: await _app.UserIdAsync("admin"));
        var references = _app.Get<ReferenceAdminService>();

        Assert.True((await references.AddAsync(ReferenceKind.Village, new ReferenceItemInput { Name = "石院子村", Kind = VillageKind.Village })).Succeeded);
        var added = (await references.ListAsync(ReferenceKind.Village))[^1];
        Assert.True((await references.UpdateAsync(ReferenceKind.Village, added.Id, new ReferenceItemInput { Name = "石院子社区", Kind = VillageKind.Community })).Succeeded);
        Assert.True((await references.SetActiveAsync(ReferenceKind.Village, added.Id, false)).Succeeded);

        await using var db = await _app.DbAsync();
        Assert.Equal(
            [("石院子村", "村（社区）与片区：新增"), ("石院子社区", "村（社区）与片区：更名，原名“石院子村”"), ("石院子社区", "村（社区）与片区：停用")],
            await db.SecurityLog.OrderBy(e => e.Id).Select(e => new ValueTuple<string, string>(e.Subject!, e.Detail!)).ToListAsync());
    }

    [Fact]
    public async Task Administrators_read_the_log_newest_first_filtered_and_paged_in_the_database_others_not_at_all()
    {
        await using (var db = await _app.DbAsync())
        {
            var start = ChinaClock.StartOfDayUtc(new DateOnly(2026, 11, 1));
            for (var i = 0; i < 60; i++)
            {
                var kind = i % 3 == 0 ? SecurityEventKind.SignInFailed : SecurityEventKind.SignIn;
                db.SecurityLog.Add(SecurityEvent.Create(kind, start.AddHours(i * 12), new SecurityActor(null, i % 2 == 0 ? "zhangmin" : "liqiang", "10.0.0.8")));
            }

            await db.SaveChangesAsync();
        }

        var logs = _app.Get<SecurityLogService>();
        _app.SignInAs(UserRole.JudicialOffice);
        Assert.Null(await logs.PageAsync(new SecurityLogFilter(), 0, 25));

        _app.SignInAs(UserRole.Admin);
        var all = await logs.PageAsync(new SecurityLogFilter(), 0, 25);
        var secondPage = await logs.PageAsync(new SecurityLogFilter(), 1, 25);
        var failuresOfZhangmin = await logs.PageAsync(new SecurityLogFilter(User: "zhang", Kind: SecurityEventKind.SignInFailed), 0, 100);
        var tenthToTwelfth = await logs.PageAsync(new SecurityLogFilter(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12)), 0, 100);

        Assert.Equal((60, 25), (all!.Total, all.Rows.Count));
        Assert.True(all.Rows.Zip(all.Rows.Skip(1)).All(p => p.First.AtUtc >= p.Second.AtUtc));
        Assert.True(all.Rows[^1].AtUtc > secondPage!.Rows[0].AtUtc);
        Assert.Equal(10, failuresOfZhangmin!.Total); // i = 0, 6, 12, … 54
        Assert.All(failuresOfZhangmin.Rows, r => Assert.Equal(("zhangmin", SecurityEventKind.SignInFailed), (r.UserName, r.Kind)));
        // China days 10–12 November: i from 18 (9th, 16:00 UTC = 10th 00:00 China) to 23.
        Assert.Equal(6, tenthToTwelfth!.Total);
    }

    [Fact]
    public async Task The_export_is_a_csv_in_china_time_with_chinese_columns_and_formulas_escaped()
    {
        await using (var db = await _app.DbAsync())
        {
            db.SecurityLog.Add(SecurityEvent.Create(SecurityEventKind.SignInFailed, new DateTime(2026, 11, 30, 0, 15, 2, DateTimeKind.Utc), new SecurityActor(null, "=cmd", "10.0.0.8"), null, "用户名不存在"));
            await db.SaveChangesAsync();
        }

        using var body = new MemoryStream();
        await _app.Get<SecurityLogService>().WriteCsvAsync(new SecurityLogFilter(), body, k => k.ToString());

        var csv = Encoding.UTF8.GetString(body.ToArray()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("时间,类型,用户,地址,对象,详情", lines[0]);
        Assert.Equal("2026-11-30 08:15:02,SignInFailed,\"'=cmd\",10.0.0.8,,用户名不存在", lines[1]);
    }

    private async Task ExportAsync(string query)
    {
        var http = new DefaultHttpContext
        {
            User = (await _app.Auth.GetAuthenticationStateAsync()).User,
            RequestServices = _app.Get<IServiceProvider>(),
        };
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.QueryString = new QueryString(query);
        http.Response.Body = new MemoryStream();
        var result = await CaseExportEndpoints.ExportAsync(http, _app.Get<CaseExportService>(), _app.Get<SecurityLogWriter>(), ExportFormat.Csv);
        await result.ExecuteAsync(http);
    }

    /// <summary>Every text of every line, as one string to search.</summary>
    private static async Task<string> AllTextAsync(AppDbContext db) =>
        string.Join("\n", (await db.SecurityLog.ToListAsync()).Select(e => string.Join("|", e.UserName, e.UserId, e.ClientAddress, e.Subject, e.Detail)));
}
