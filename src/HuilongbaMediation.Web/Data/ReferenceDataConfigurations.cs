using HuilongbaMediation.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Data;

/// <summary>The shared shape of every reference table: a unique name, an optional unique seed code, an order.</summary>
internal abstract class ReferenceItemConfiguration<T>(string table) : IEntityTypeConfiguration<T>
    where T : ReferenceItem
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(table);
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Code).HasMaxLength(64);
        builder.HasIndex(x => x.Name).IsUnique().HasDatabaseName($"IX_{table}_UniqueName");
        builder.HasIndex(x => x.Code).IsUnique().HasDatabaseName($"IX_{table}_SeedCode");
    }
}

internal sealed class VillageConfiguration() : ReferenceItemConfiguration<Village>("Villages");

internal sealed class VenueConfiguration() : ReferenceItemConfiguration<Venue>("Venues");

internal sealed class DisputeCategoryConfiguration() : ReferenceItemConfiguration<DisputeCategory>("DisputeCategories")
{
    public override void Configure(EntityTypeBuilder<DisputeCategory> builder)
    {
        base.Configure(builder);
        builder.Property(x => x.StatisticsGroup).HasMaxLength(50);
    }
}

internal sealed class CaseSourceConfiguration() : ReferenceItemConfiguration<CaseSource>("CaseSources");

internal sealed class ReferralTargetConfiguration() : ReferenceItemConfiguration<ReferralTarget>("ReferralTargets");

internal sealed class MediationKindConfiguration() : ReferenceItemConfiguration<MediationKind>("MediationKinds");

internal sealed class MediationCommitteeConfiguration() : ReferenceItemConfiguration<MediationCommittee>("MediationCommittees")
{
    public override void Configure(EntityTypeBuilder<MediationCommittee> builder)
    {
        base.Configure(builder);
        builder.HasOne<Village>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.VillageId).HasDatabaseName("IX_MediationCommittees_DefaultOfVillage");
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(50).IsRequired();
        builder.HasOne(x => x.Village).WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
