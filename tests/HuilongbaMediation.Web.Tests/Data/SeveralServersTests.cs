using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Components.Account;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Features.CaseFile;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace HuilongbaMediation.Web.Tests.Data;

/// <summary>
/// Two app servers on one PostgreSQL database, each with a data folder of its own unless a test shares one (issue 15,
/// item 3): what one server does, the other honours.
/// </summary>
public sealed partial class SeveralServersTests
{
    [PostgresFact]
    public async Task A_user_signed_in_on_one_server_is_signed_in_on_the_other()
    {
        await using var a = await TestApp.StartAsync(demo: true, services: RealSignIn);
        await using var b = await StartSecondServerAsync(a, a.DataFolder, RealSignIn);
        var (atA, atB) = (await a.ServeAsync(), await b.ServeAsync());

        // One browser behind a load balancer: its cookies go to both servers. (Kept by hand: outside Development the
        // app marks every cookie Secure, which HttpClient's own jar keeps back from plain HTTP on loopback.)
        var browser = new Browser();

        // Not signed in: B sends the browser to the sign-in page.
        using (var before = await browser.GetAsync(new Uri(atB, "/")))
        {
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
            Assert.Equal("/account/login", new Uri(atB, before.Headers.Location!).AbsolutePath);
        }

        // The sign-in form comes from B, its antiforgery token is checked by A, and A signs the user in.
        using var page = await browser.GetAsync(new Uri(atB, "/account/login"));
        var form = await page.Content.ReadAsStringAsync();
        using var signIn = await browser.PostAsync(new Uri(atA, "/account/login"), new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.UserName"] = "zhangmin",
            ["Input.Password"] = DemoSeeder.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(new Uri(atA, "/"), new Uri(atA, signIn.Headers.Location!));
        Assert.True(browser.Has("hm.auth"));

        // B reads A's cookie (the key ring in the database) and finds its session (the sessions' table): signed in.
        using var home = await browser.GetAsync(new Uri(atB, "/"));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("login-form", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The keys are in the database, not in the (shared) data folder.
        var keysFolder = Path.Combine(a.DataFolder, DatabaseStartup.KeysFolderName);
        Assert.False(Directory.Exists(keysFolder) && Directory.EnumerateFileSystemEntries(keysFolder).Any());
        await using var db = await a.DbAsync();
        Assert.NotEmpty(await ((PostgresAppDbContext)db).DataProtectionKeys.ToListAsync());

        // And what one server protects for a purpose, the other unprotects.
        var secret = a.Get<IDataProtectionProvider>().CreateProtector("test").Protect("回龙坝");
        Assert.Equal("回龙坝", b.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    [PostgresFact]
    public async Task An_attachment_filed_through_one_server_is_served_by_the_other_from_the_shared_folder()
    {
        await using var a = await TestApp.StartAsync(demo: true);
        await using var b = await StartSecondServerAsync(a, a.DataFolder);
        var c = await AgreedCases.ResolvedAsync(a);

        Assert.True((await a.Get<CaseFileService>().UploadAsync(c.Id, CaseFileItem.Evidence, "现场照片说明.pdf", new MemoryStream(SampleFiles.Pdf))).Succeeded);

        await b.SignInAsUserAsync("zhangmin");
        await using var db = await b.DbAsync();
        var attachment = await db.CaseAttachments.SingleAsync();
        var (result, file) = await b.Get<CaseFileService>().OpenAsync(await b.Get<CurrentUser>().GetPrincipalAsync(), c.Id, attachment.Id);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(SampleFiles.Pdf, await File.ReadAllBytesAsync(file!.Path));

        // A server starting beside the others tidies the shared folder, but leaves an upload still being written alone.
        var uploading = await a.Get<CaseFileStore>().WriteTemporaryAsync(c.Id, SampleFiles.Jpeg, default);
        await using (await StartSecondServerAsync(a, a.DataFolder))
        {
            Assert.True(File.Exists(uploading));
        }

        // One that is more than an hour old was left by a crash: it goes.
        File.SetLastWriteTimeUtc(uploading, a.Clock.GetUtcNow().UtcDateTime - CaseFileStore.SharedFolderGrace - TimeSpan.FromMinutes(1));
        await using (await StartSecondServerAsync(a, a.DataFolder))
        {
            Assert.False(File.Exists(uploading));
            Assert.True(File.Exists(file.Path));
        }
    }

    [PostgresFact]
    public async Task A_server_whose_data_folder_is_not_the_shared_one_does_not_start()
    {
        await using var a = await TestApp.StartAsync(demo: true);
        await using var own = new TempFolder();
        await using var elsewhere = await TestApp.StartAsync();

        var empty = await Assert.ThrowsAsync<StartupException>(() => StartSecondServerAsync(a, own.Path));
        Assert.Contains("不是数据库", empty.Message, StringComparison.Ordinal);
        Assert.Contains("同一个共享目录", empty.Message, StringComparison.Ordinal);

        // Another database's folder is refused too.
        var other = await Assert.ThrowsAsync<StartupException>(() => StartSecondServerAsync(a, elsewhere.DataFolder));
        Assert.Contains("属于另一个数据库", other.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_daily_job_runs_once_a_day_across_both_servers_and_never_on_both_at_once()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var a = await TestApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await using var b = await StartSecondServerAsync(a, a.DataFolder, s => s.AddSingleton<TimeProvider>(clock), demo: false);
        var (onA, onB) = (a.Get<ClusterJobs>(), b.Get<ClusterJobs>());
        var runs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Func<CancellationToken, Task> Work(string server) => _ =>
        {
            runs.Enqueue(server);
            return Task.CompletedTask;
        };

        // While A runs it, B neither starts it nor waits for it (the advisory lock across servers).
        var started = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var first = onA.RunDailyAsync("test-job", async _ =>
        {
            runs.Enqueue("A");
            started.SetResult();
            await finish.Task;
        });
        await started.Task;
        Assert.False(await onB.RunDailyAsync("test-job", Work("B")));
        Assert.False(await onB.TryRunAsync("test-job", Work("B")));
        Assert.True(await onB.RunDailyAsync("another-job", Work("B"))); // another job is not held up by it
        finish.SetResult();
        Assert.True(await first);

        // Done today: neither server repeats it, though nobody holds the lock any more.
        Assert.False(await onB.RunDailyAsync("test-job", Work("B")));
        Assert.False(await onA.RunDailyAsync("test-job", Work("A")));
        Assert.True(await onB.TryRunAsync("test-job", Work("B"))); // a job that is not daily runs whenever it is free

        // The next day in China: both wake up for it at once, one runs it. A run that fails is not the day's run.
        clock.Advance(TimeSpan.FromDays(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => onA.RunDailyAsync("test-job", _ => throw new InvalidOperationException("disk full")));
        var both = await Task.WhenAll(onA.RunDailyAsync("test-job", Work("A")), onB.RunDailyAsync("test-job", Work("B")));
        Assert.Single(both, ran => ran);

        Assert.Equal(["A", "B", "B", both[0] ? "A" : "B"], runs);
        await using var db = await a.DbAsync();
        var record = await db.AppState.SingleAsync(s => s.Key == ClusterJobs.LastRunKey("test-job"));
        Assert.Equal(ChinaClock.Today(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.Value);
    }

    [PostgresFact]
    public async Task The_security_clean_up_runs_on_one_server_a_day()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var a = await TestApp.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await using var b = await StartSecondServerAsync(a, a.DataFolder, s => s.AddSingleton<TimeProvider>(clock), demo: false);
        static SecurityMaintenance Job(TestApp app) => app.Get<IEnumerable<IHostedService>>().OfType<SecurityMaintenance>().Single();

        var today = await Task.WhenAll(Job(a).RunTodayAsync(), Job(b).RunTodayAsync());
        var again = await Task.WhenAll(Job(a).RunTodayAsync(), Job(b).RunTodayAsync());
        clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await Task.WhenAll(Job(b).RunTodayAsync(), Job(a).RunTodayAsync());

        Assert.Single(today, ran => ran);
        Assert.DoesNotContain(true, again);
        Assert.Single(tomorrow, ran => ran);
    }

    /// <summary>A second server on the first one's database, with <paramref name="dataFolder"/> (the shared one, or not).</summary>
    private static Task<TestApp> StartSecondServerAsync(TestApp first, string dataFolder, Action<IServiceCollection>? services = null, bool demo = true) =>
        TestApp.StartAsync(
            demo: demo,
            dataFolder: first.DataFolder,
            services: services,
            settings: new Dictionary<string, string?> { [DatabaseEngine.DataFolderKey] = dataFolder });

    /// <summary>Pages see the user of the sign-in cookie, as in production, not the tests' stand-in.</summary>
    private static void RealSignIn(IServiceCollection services) =>
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

    /// <summary>A browser's cookie jar over HttpClient, without redirects followed.</summary>
    private sealed class Browser
    {
        private readonly HttpClient _client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public bool Has(string cookie) => _cookies.ContainsKey(cookie);

        public Task<HttpResponseMessage> GetAsync(Uri uri) => SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));

        public Task<HttpResponseMessage> PostAsync(Uri uri, Dictionary<string, string> form) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            using (request)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
                }

                var response = await _client.SendAsync(request);
                foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
                {
                    var pair = header.Split(';')[0].Split('=', 2);
                    if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        _cookies.Remove(pair[0]);
                    }
                    else
                    {
                        _cookies[pair[0]] = pair[1];
                    }
                }

                return response;
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
