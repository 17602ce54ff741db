using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>The SecurityLog table; its append-only triggers are created by the migration (<see cref="SecurityLogTriggers"/>).</summary>
internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable(SecurityLogTriggers.Table, t =>
        {
            // Declared so that EF knows the table has triggers (it then never relies on RETURNING after UPDATE/DELETE).
            t.HasTrigger(SecurityLogTriggers.NoUpdate);
            t.HasTrigger(SecurityLogTriggers.NoEarlyDelete);
        });
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(SecurityEvent.UserNameMaxLength).IsRequired();
        builder.Property(e => e.ClientAddress).HasMaxLength(SecurityEvent.AddressMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(SecurityEvent.SubjectMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(SecurityEvent.DetailMaxLength);
        builder.HasIndex(e => e.AtUtc).HasDatabaseName("IX_SecurityLog_ByTime");
        builder.HasIndex(e => new { e.Kind, e.AtUtc }).HasDatabaseName("IX_SecurityLog_ByKindAndTime");
        builder.HasIndex(e => new { e.UserName, e.AtUtc }).HasDatabaseName("IX_SecurityLog_ByUserAndTime");
    }
}

/// <summary>
/// The database's own guard of the log: no UPDATE at all, no DELETE of a line younger than the minimum retention
/// (<see cref="MinimumRetentionDays"/>). Only the retention clean-up deletes, and only older lines.
/// </summary>
public static class SecurityLogTriggers
{
    public const string Table = "SecurityLog";
    public const string NoUpdate = "SecurityLog_NoUpdate";
    public const string NoEarlyDelete = "SecurityLog_NoDeleteWithinRetention";

    /// <summary>等保 2.0 二级: audit records kept at least six months.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>For the migration that creates the table.</summary>
    public static readonly string CreateSql =
        $"""
        CREATE TRIGGER "{NoUpdate}" BEFORE UPDATE ON "{Table}"
        BEGIN SELECT RAISE(ABORT, 'The security log is append-only: its lines cannot be changed.'); END;
        CREATE TRIGGER "{NoEarlyDelete}" BEFORE DELETE ON "{Table}"
        WHEN OLD."AtUtc" > strftime('%Y-%m-%d %H:%M:%f', 'now', '-{MinimumRetentionDays} days')
        BEGIN SELECT RAISE(ABORT, 'Security log lines are kept at least {MinimumRetentionDays} days.'); END;
        """;

    public static readonly string DropSql = $"""DROP TRIGGER IF EXISTS "{NoUpdate}"; DROP TRIGGER IF EXISTS "{NoEarlyDelete}";""";

    /// <summary>The same two rules on PostgreSQL (its first migration), as trigger functions.</summary>
    public static readonly string PostgresCreateSql =
        $"""
        CREATE FUNCTION "{NoUpdate}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'The security log is append-only: its lines cannot be changed.'; END $$;
        CREATE TRIGGER "{NoUpdate}" BEFORE UPDATE ON "{Table}" FOR EACH ROW EXECUTE FUNCTION "{NoUpdate}"();
        CREATE FUNCTION "{NoEarlyDelete}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD."AtUtc" > now() - interval '{MinimumRetentionDays} days' THEN
            RAISE EXCEPTION 'Security log lines are kept at least {MinimumRetentionDays} days.';
          END IF;
          RETURN OLD;
        END $$;
        CREATE TRIGGER "{NoEarlyDelete}" BEFORE DELETE ON "{Table}" FOR EACH ROW EXECUTE FUNCTION "{NoEarlyDelete}"();
        """;

    public static readonly string PostgresDropSql =
        $"""
        DROP TRIGGER IF EXISTS "{NoUpdate}" ON "{Table}"; DROP FUNCTION IF EXISTS "{NoUpdate}"();
        DROP TRIGGER IF EXISTS "{NoEarlyDelete}" ON "{Table}"; DROP FUNCTION IF EXISTS "{NoEarlyDelete}"();
        """;
}
