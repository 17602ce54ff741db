using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HuilongbaMediation.Web.Security;

/// <summary>Creating a user with its role in one transaction, so that no user is left without a role.</summary>
public static class UserAccounts
{
    /// <param name="users">A UserManager whose store uses <paramref name="db"/> (same DI scope).</param>
    /// <param name="db">The scope's context; the transaction is opened on it, or joined when one is open (the demo seed's).</param>
    /// <param name="user">The new user, without password.</param>
    /// <param name="password">Checked by Identity's validators (length, common passwords).</param>
    /// <param name="role">The one role the user gets.</param>
    /// <param name="beforeCommit">What else must be saved with the user (the security log's line), in the same transaction.</param>
    public static async Task<IdentityResult> CreateAsync(
        UserManager<AppUser> users, AppDbContext db, AppUser user, string password, UserRole role, CancellationToken ct = default,
        Func<Task>? beforeCommit = null)
    {
        user.LockoutEnabled = true;
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role.ToString());
        }

        if (result.Succeeded && tx is not null)
        {
            if (beforeCommit is not null)
            {
                await beforeCommit();
            }

            await tx.CommitAsync(ct);
        }

        return result;
    }
}
