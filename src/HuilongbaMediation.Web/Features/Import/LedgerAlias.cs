using HuilongbaMediation.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>What an alias stands for: a village or area, a dispute category, or an outcome of mediation.</summary>
public enum AliasKind
{
    Village,
    Category,
    Outcome,
}

/// <summary>
/// A way the town's ledgers write a village, a category or an outcome (五云山 → 五云山村, 相邻纠纷 → 邻里, 调解不成 → 移交):
/// seeded with the usual forms, visible to the office and extended by admins. <see cref="Alias"/> is kept in its
/// compared form (<see cref="LedgerText.Key"/>), so 五云山（村） and 五云山(村) are one alias.
/// </summary>
public sealed class LedgerAlias
{
    public const int AliasMaxLength = 50;

    public int Id { get; set; }

    public AliasKind Kind { get; set; }

    public string Alias { get; set; } = "";

    /// <summary>The village's or category's id, for those kinds.</summary>
    public int? TargetId { get; set; }

    /// <summary>The outcome, for <see cref="AliasKind.Outcome"/>.</summary>
    public LedgerOutcome? Outcome { get; set; }

    /// <summary>Seeded with the app: shown as 内置 and not removable (the next start would add it again).</summary>
    public bool IsBuiltIn { get; set; }
}

internal sealed class LedgerAliasConfiguration : IEntityTypeConfiguration<LedgerAlias>
{
    public void Configure(EntityTypeBuilder<LedgerAlias> builder)
    {
        builder.ToTable("LedgerAliases");
        builder.Property(a => a.Alias).HasMaxLength(LedgerAlias.AliasMaxLength).IsRequired();
        builder.HasIndex(a => new { a.Kind, a.Alias }).IsUnique().HasDatabaseName("IX_LedgerAliases_OneMeaningPerAlias");
    }
}
