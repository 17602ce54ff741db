using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>
/// Demo mode: one user per role, shown on the sign-in page, and the demo town's cases. Never a side effect of the
/// environment: it is on only when Demo:Enabled=true is given (the README's quick start, the E2E host).
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>With <see cref="Enabled"/>: also generate the demo cases (on by default; tests that count cases turn it off).</summary>
    public bool Cases { get; set; } = true;
}

/// <summary>A demo account as the sign-in page lists it.</summary>
public sealed record DemoAccount(string UserName, string Password, string DisplayName, UserRole Role, string? VillageCode);

public sealed class DemoSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    DemoCaseGenerator cases,
    IOptions<DemoOptions> options,
    TimeProvider clock)
{
    /// <summary>Shared by the demo accounts listed on the sign-in page.</summary>
    public const string Password = "hshs-demo-2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("zhangmin", Password, "张敏", UserRole.Mediator, ReferenceData.WuyunshanVillage),
        new("liqiang", Password, "李强", UserRole.VillageHead, ReferenceData.WuyunshanVillage),
        new("wangfang", Password, "王芳", UserRole.JudicialOffice, null),
        new("admin", Password, "刘洋", UserRole.Admin, null),
    ];

    /// <summary>
    /// The other mediators of the demo town, so the roster looks like the real one: most villages have their three,
    /// 大桥村 is one short and 物流园片区, which belongs to no village, has a single mediator. They never sign in
    /// (a random password), but they can be assigned to cases.
    /// </summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string VillageCode)> RosterMediators =
    [
        ("zhoutao", "周涛", ReferenceData.WuyunshanVillage),
        ("wuxia", "吴霞", ReferenceData.WuyunshanVillage),
        ("chenjianguo", "陈建国", "huilongba"),
        ("yangli", "杨丽", "huilongba"),
        ("huangzhiqiang", "黄志强", "huilongba"),
        ("liuguilan", "刘桂兰", "dashuigou"),
        ("zhaoyong", "赵勇", "dashuigou"),
        ("sunhong", "孙红", "dashuigou"),
        ("maxiaojun", "马晓军", "daqiao"),
        ("hejing", "何静", "daqiao"),
        ("luoping", "罗平", "julongcheng"),
        ("tangmin", "唐敏", "julongcheng"),
        ("xiebin", "谢斌", "julongcheng"),
        ("denghui", "邓辉", "wuliuyuan"),
    ];

    /// <summary>The demo town's 专职 mediators; the others are 兼职, as in most villages.</summary>
    private static readonly HashSet<string> FullTimeMediators = ["zhangmin", "denghui", "luoping"];

    /// <summary>
    /// Seeds a demo database: one that is marked, or one that start-up has just created (<paramref name="createdNow"/>),
    /// which is marked in the same transaction as its demo users. Any other database is refused with a
    /// <see cref="StartupException"/> and left untouched.
    /// </summary>
    public async Task SeedAsync(bool createdNow = false, CancellationToken ct = default)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await DemoDatabase.MarkOrRefuseAsync(db, createdNow, clock.GetUtcNow().UtcDateTime, ct);
            await SeedUsersAsync(ct);
            await tx.CommitAsync(ct);
        }

        if (options.Value.Cases)
        {
            await cases.GenerateAsync(ct); // only while the database has no cases
        }
    }

    private async Task SeedUsersAsync(CancellationToken ct)
    {
        var villages = await db.Villages.Where(v => v.Code != null).ToDictionaryAsync(v => v.Code!, v => v.Id, ct);
        var all = Accounts.Concat(RosterMediators.Select(m =>
            new DemoAccount(m.UserName, $"demo-{Guid.NewGuid():N}", m.DisplayName, UserRole.Mediator, m.VillageCode)));
        foreach (var account in all)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                VillageId = account.VillageCode is null ? null : villages[account.VillageCode],
                FullTime = FullTimeMediators.Contains(account.UserName),
            };
            var created = await UserAccounts.CreateAsync(users, db, user, account.Password, account.Role, ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo user {account.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }
    }
}
