using System.Diagnostics;
using System.Net;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>-- sign-in</c>: how long a sign-in attempt takes for a user name that does not exist, a wrong password, a
/// deactivated and a locked-out user, and the right password, through the app's own SignInManager on a real database.
/// The first four must not tell an attacker apart; the median of each is printed.
/// </summary>
internal static class SignInTiming
{
    private const int Runs = 21;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("hm-bench-signin-");
        try
        {
            await using var app = BenchmarkApp.Builder(folder).Build();
            await app.PrepareDatabaseAsync(seedDemo: true);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Users.Where(u => u.UserName == "liqiang").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
                await db.Users.Where(u => u.UserName == "wangfang").ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1)));
            }

            var cases = new (string Label, string User, string Password)[]
            {
                ("unknown user name", "nobody-here", "some-password-1"),
                ("known user, wrong password", "admin", "some-password-1"),
                ("deactivated user", "liqiang", "hshs-demo-2026"),
                ("locked-out user", "wangfang", "hshs-demo-2026"),
                ("right password", "zhangmin", "hshs-demo-2026"),
            };
            Console.WriteLine("| attempt | median | min | max |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            foreach (var (label, user, password) in cases)
            {
                var times = new List<double>();
                for (var i = 0; i < Runs + 1; i++)
                {
                    var ms = await TimeAsync(app.Services, user, password);
                    if (i > 0)
                    {
                        times.Add(ms); // the first is a warm-up
                    }

                    if (user == "admin")
                    {
                        await ResetFailuresAsync(app.Services, user); // stay below the lockout
                    }
                }

                times.Sort();
                Console.WriteLine($"| {label} | {times[times.Count / 2]:0.0} ms | {times[0]:0.0} ms | {times[^1]:0.0} ms |");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> TimeAsync(IServiceProvider services, string user, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = http;
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var clock = Stopwatch.StartNew();
        await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        accessor.HttpContext = null;
        return elapsed;
    }

    private static async Task ResetFailuresAsync(IServiceProvider services, string user)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.ResetAccessFailedCountAsync((await users.FindByNameAsync(user))!);
    }
}
