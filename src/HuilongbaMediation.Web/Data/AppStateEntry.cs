using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// A fact about the database itself, not about the town: that it is a demo database, how the last backup went.
/// One row per key; the value is text (JSON where it has parts).
/// </summary>
public sealed class AppStateEntry
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>The keys of <see cref="AppStateEntry"/>.</summary>
public static class AppStateKeys
{
    /// <summary>Written with the first demo seed, in its transaction: this database was made by demo mode.</summary>
    public const string DemoDatabase = "demo-database";

    /// <summary>The outcome of the last backup run (JSON of <c>BackupRun</c>).</summary>
    public const string LastBackupRun = "backup-last-run";

    /// <summary>
    /// Written with the drop of the triggers and indexes that a bulk load (the generator's, <c>SqliteBulkLoad</c>) builds
    /// again when it ends, and removed with that build: while it is there, a load was stopped half-way (JSON: the tables
    /// and the indexes to make again).
    /// </summary>
    public const string UnfinishedLoad = "bulk-load-unfinished";
}

internal sealed class AppStateEntryConfiguration : IEntityTypeConfiguration<AppStateEntry>
{
    public void Configure(EntityTypeBuilder<AppStateEntry> builder)
    {
        builder.ToTable("AppState");
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(64);
        builder.Property(x => x.Value).HasMaxLength(4000).IsRequired();
    }
}
