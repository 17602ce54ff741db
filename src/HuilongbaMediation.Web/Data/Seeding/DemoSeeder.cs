using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>Demo mode (on by default in Development only): one user per role, shown on the sign-in page.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
}

/// <summary>A demo account as the sign-in page lists it.</summary>
public sealed record DemoAccount(string UserName, string Password, string DisplayName, UserRole Role, string? VillageCode);

public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users)
{
    /// <summary>Shared by the demo accounts: 12 characters, not on the common-password list.</summary>
    public const string Password = "hshs-demo-2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("zhangmin", Password, "张敏", UserRole.Mediator, ReferenceData.WuyunshanVillage),
        new("liqiang", Password, "李强", UserRole.VillageHead, ReferenceData.WuyunshanVillage),
        new("wangfang", Password, "王芳", UserRole.JudicialOffice, null),
        new("admin", Password, "系统管理员", UserRole.Admin, null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var villages = await db.Villages.Where(v => v.Code != null).ToDictionaryAsync(v => v.Code!, v => v.Id, ct);
        foreach (var account in Accounts)
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
