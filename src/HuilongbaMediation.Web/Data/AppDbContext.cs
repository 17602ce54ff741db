using HuilongbaMediation.Domain.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>The one database of the app: Identity's tables, the reference data and (later) the cases.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Village> Villages => Set<Village>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<DisputeCategory> Categories => Set<DisputeCategory>();

    public DbSet<CaseSource> CaseSources => Set<CaseSource>();

    public DbSet<ReferralTarget> ReferralTargets => Set<ReferralTarget>();

    public DbSet<MediationKind> MediationKinds => Set<MediationKind>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads well and reordering an enum cannot corrupt it.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
