using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Security.Sessions;

/// <summary>
/// A signed-in session, held on the server: the sign-in cookie carries only a random key, whose SHA-256 is
/// <see cref="Id"/>. A session ends when its row is gone: 退出, a password change or reset, a change of role, village
/// or status, or no activity for the idle limit. A row whose security stamp is no longer the user's is dead too.
/// </summary>
public sealed class UserSession
{
    /// <summary>SHA-256 (hex) of the cookie's key: the table alone does not let anyone forge a cookie.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The authentication ticket (the user's claims), as the cookie would have held it.</summary>
    public byte[] Ticket { get; set; } = [];

    /// <summary>The user's security stamp at sign-in (or at the ticket's last renewal).</summary>
    public string? SecurityStamp { get; set; }

    /// <summary>保持登录 was ticked: the idle limit is <see cref="SecurityOptions.RememberMeHours"/>.</summary>
    public bool IsPersistent { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime LastActivityUtc { get; set; }

    /// <summary>The ticket's own expiry (the sign-in cookie's lifetime).</summary>
    public DateTime? ExpiresUtc { get; set; }

    public string? ClientAddress { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasDatabaseName("IX_UserSessions_ByUser");
        builder.HasIndex(s => s.LastActivityUtc).HasDatabaseName("IX_UserSessions_ForCleanUp");
    }
}
