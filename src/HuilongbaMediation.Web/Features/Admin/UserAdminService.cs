using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Admin;

public sealed record UserRow(
    string Id, string UserName, string DisplayName, UserRole Role, int? VillageId, string? VillageName, bool IsActive, bool IsLockedOut, bool FullTime = false, int TrainingsThisYear = 0);

/// <summary>A new user, or the editable part of an existing one (user name and password are set on creation only).</summary>
public sealed class UserInput
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public UserRole Role { get; set; } = UserRole.Mediator;

    public int? VillageId { get; set; }

    public string Password { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>专职 (full-time) mediator; otherwise 兼职. Only kept for mediators.</summary>
    public bool FullTime { get; set; }
}

/// <summary>
/// Users for the Admin: create, set role and village, deactivate, reset a password, unlock. There is no
/// self-registration. Each operation runs in its own DI scope (fresh UserManager and context) and one transaction,
/// which also holds its line of the security log. A change of role, village or status, and a password reset, end
/// every session of the user at once (their rows go in the same transaction; their open pages are told after it) and
/// renew the security stamp. A created or reset user must choose their own password at their next sign-in.
/// </summary>
public sealed partial class UserAdminService(
    IServiceScopeFactory scopes, CurrentUser currentUser, IStringLocalizer<SharedResource> l, SecurityLogWriter securityLog, SessionRegistry sessions)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        if (await AdminAsync() is null)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.VillageId,
                VillageName = u.Village == null ? null : u.Village.Name,
                u.IsActive,
                u.LockoutEnd,
                u.FullTime,
            })
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var trainings = await Trainings.TrainingService.CountsAsync(db, Domain.Common.ChinaClock.Today(now.UtcDateTime).Year, ct);
        return rows.Select(u => new UserRow(
                u.Id, u.UserName!, u.DisplayName, Enum.TryParse<UserRole>(u.Role, out var role) ? role : UserRole.Mediator,
                u.VillageId, u.VillageName, u.IsActive, u.LockoutEnd > now, u.FullTime, trainings.GetValueOrDefault(u.Id)))
            .ToList();
    }

    public async Task<Result> CreateAsync(UserInput input, CancellationToken ct = default)
    {
        if (await AdminAsync() is null)
        {
            return Result.Forbidden(l["Admin.Forbidden"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var errors = await ValidateAsync(db, input, creating: true, ct);
        if (errors.Count > 0)
        {
            return Result.Invalid(Fields(errors));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = Text.Required(input.DisplayName),
            VillageId = input.Role.BelongsToVillage() ? input.VillageId : null,
            IsActive = input.IsActive,
            FullTime = input.Role == UserRole.Mediator && input.FullTime,
            MustChangePassword = true, // the administrator knows this password; the user replaces it
        };
        var line = await securityLog.NewAsync(
            SecurityEventKind.UserCreated, user.UserName, await DescribeAsync(db, user.DisplayName, input.Role, user.VillageId, user.IsActive, ct));
        var result = await UserAccounts.CreateAsync(users, db, user, input.Password, input.Role, ct, async () =>
        {
            db.SecurityLog.Add(line);
            await db.SaveChangesAsync(ct);
        });
        return result.Succeeded ? Result.Done(l["Users.Created"]) : FromIdentity(result);
    }

    public async Task<Result> UpdateAsync(string id, UserInput input, CancellationToken ct = default)
    {
        var admin = await AdminAsync();
        if (admin is null)
        {
            return Result.Forbidden(l["Admin.Forbidden"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Result.NotFound(l["Users.NotFound"]);
        }

        var errors = await ValidateAsync(db, input, creating: false, ct);
        var currentRoles = await users.GetRolesAsync(user);
        if (user.Id == admin.UserId && (input.Role != UserRole.Admin || !input.IsActive))
        {
            errors[nameof(UserInput.Role)] = l["Users.CannotDemoteSelf"];
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(Fields(errors));
        }

        var before = await DescribeAsync(db, user.DisplayName, CurrentRole(currentRoles), user.VillageId, user.IsActive, ct);
        var villageId = input.Role.BelongsToVillage() ? input.VillageId : null;
        var roleChanged = !currentRoles.SequenceEqual([input.Role.ToString()]);
        // What the user may see changes: every session ends, on every device, at once.
        var accessChanged = roleChanged || user.VillageId != villageId || user.IsActive != input.IsActive;
        var deactivated = user.IsActive && !input.IsActive;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = Text.Required(input.DisplayName);
        user.VillageId = villageId;
        user.IsActive = input.IsActive;
        user.FullTime = input.Role == UserRole.Mediator && input.FullTime;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && roleChanged)
        {
            result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, input.Role.ToString());
            }
        }

        if (result.Succeeded && accessChanged)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }

        if (accessChanged)
        {
            await SessionStore.DeleteAllAsync(db, user.Id, ct);
        }

        var after = await DescribeAsync(db, user.DisplayName, input.Role, user.VillageId, user.IsActive, ct);
        if (after != before)
        {
            db.SecurityLog.Add(await securityLog.NewAsync(
                deactivated ? SecurityEventKind.UserDeactivated : SecurityEventKind.UserChanged, user.UserName, $"{before} → {after}"));
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        if (accessChanged)
        {
            await sessions.UserSessionsEndedAsync(user.Id, SessionEndReason.Revoked);
        }

        return Result.Done(l["Common.Saved"]);
    }

    public async Task<Result> ResetPasswordAsync(string id, string password, CancellationToken ct = default)
    {
        if (await AdminAsync() is null)
        {
            return Result.Forbidden(l["Admin.Forbidden"]);
        }

        if (string.IsNullOrEmpty(password))
        {
            return Result.Invalid(nameof(UserInput.Password), l["Users.PasswordRequired"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Result.NotFound(l["Users.NotFound"]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.MustChangePassword = true; // saved with the new password by ResetPasswordAsync's update
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }

        await SessionStore.DeleteAllAsync(db, user.Id, ct);
        db.SecurityLog.Add(await securityLog.NewAsync(SecurityEventKind.PasswordReset, user.UserName, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await sessions.UserSessionsEndedAsync(user.Id, SessionEndReason.Revoked);
        return Result.Done(l["Users.PasswordReset"]);
    }

    public async Task<Result> UnlockAsync(string id, CancellationToken ct = default)
    {
        if (await AdminAsync() is null)
        {
            return Result.Forbidden(l["Admin.Forbidden"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Result.NotFound(l["Users.NotFound"]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }

        db.SecurityLog.Add(await securityLog.NewAsync(SecurityEventKind.UserUnlocked, user.UserName, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Done(l["Users.Unlocked"]);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(AppDbContext db, UserInput input, bool creating, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (creating)
        {
            var userName = (input.UserName ?? "").Trim();
            if (userName.Length is < 3 or > 32 || !UserNamePattern().IsMatch(userName))
            {
                errors[nameof(UserInput.UserName)] = l["Users.UserNameInvalid"];
            }
            else if (await db.Users.AnyAsync(u => u.NormalizedUserName == userName.ToUpperInvariant(), ct))
            {
                errors[nameof(UserInput.UserName)] = string.Format(l["Users.UserNameTaken"], userName);
            }

            if (string.IsNullOrEmpty(input.Password))
            {
                errors[nameof(UserInput.Password)] = l["Users.PasswordRequired"];
            }
        }

        var displayName = Text.Required(input.DisplayName);
        if (displayName.Length == 0)
        {
            errors[nameof(UserInput.DisplayName)] = l["Users.DisplayNameRequired"];
        }
        else if (displayName.Length > 50)
        {
            errors[nameof(UserInput.DisplayName)] = string.Format(l["Reference.NameTooLong"], 50);
        }

        if (!Enum.IsDefined(input.Role))
        {
            errors[nameof(UserInput.Role)] = l["Users.RoleRequired"];
        }
        else if (input.Role.BelongsToVillage())
        {
            if (input.VillageId is not { } villageId)
            {
                errors[nameof(UserInput.VillageId)] = l["Users.VillageRequired"];
            }
            else if (!await db.Villages.AnyAsync(v => v.Id == villageId && v.IsActive, ct))
            {
                errors[nameof(UserInput.VillageId)] = l["Users.VillageInvalid"];
            }
        }

        return errors;
    }

    /// <summary>"调解员 · 五云山村 · 在用": the part of a user the security log records before and after a change.</summary>
    private async Task<string> DescribeAsync(AppDbContext db, string displayName, UserRole? role, int? villageId, bool active, CancellationToken ct)
    {
        var village = villageId is { } v ? await db.Villages.Where(x => x.Id == v).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return string.Join(" · ", new[]
        {
            displayName,
            role is { } r ? LogText.Of($"Role.{r}") : null,
            village,
            LogText.Of(active ? "Common.Active" : "Common.Inactive"),
        }.OfType<string>());
    }

    private static UserRole? CurrentRole(IList<string> roles) =>
        roles.Select(r => Enum.TryParse<UserRole>(r, out var role) ? role : (UserRole?)null).FirstOrDefault(r => r is not null);

    /// <summary>Identity's errors (already in Chinese, see ChineseIdentityErrorDescriber) placed beside their field.</summary>
    private static Result FromIdentity(IdentityResult result)
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(UserInput.Password)
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserInput.UserName)
                : "";
            errors[field] = errors.TryGetValue(field, out var earlier) ? $"{earlier} {error.Description}" : error.Description;
        }

        return Result.Invalid(Fields(errors));
    }

    private async Task<Actor?> AdminAsync() =>
        await currentUser.GetActorAsync() is { } actor && Capability.Administer.Allows(actor) ? actor : null;

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();

    /// <summary>Each message under its field; one under "" is about the whole form (the dialog shows it above its buttons).</summary>
    private static FieldError[] Fields(Dictionary<string, string> errors) =>
        [.. errors.Select(e => new FieldError(e.Key, e.Value))];
}
