using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// The one database of the app: Identity's tables, the reference data and the cases. This type is the SQLite
/// engine's (its migrations in Data/Migrations name it); <see cref="PostgresAppDbContext"/> is the same model on
/// PostgreSQL with its own migration set (DatabaseEngine picks which one a factory makes).
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser, IdentityRole, string>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// For an engine's own context type: EF's context pool makes a type with the options of that type
    /// (<see cref="EngineDbContextFactory"/>), which are not <c>DbContextOptions&lt;AppDbContext&gt;</c>.
    /// </summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Village> Villages => Set<Village>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<DisputeCategory> Categories => Set<DisputeCategory>();

    public DbSet<CaseSource> CaseSources => Set<CaseSource>();

    public DbSet<ReferralTarget> ReferralTargets => Set<ReferralTarget>();

    public DbSet<MediationKind> MediationKinds => Set<MediationKind>();

    public DbSet<MediationCommittee> Committees => Set<MediationCommittee>();

    public DbSet<MediationCase> Cases => Set<MediationCase>();

    public DbSet<HistoryEntry> CaseHistory => Set<HistoryEntry>();

    public DbSet<Features.CaseFile.CaseAttachment> CaseAttachments => Set<Features.CaseFile.CaseAttachment>();

    public DbSet<AppStateEntry> AppState => Set<AppStateEntry>();

    public DbSet<Features.SecurityLog.SecurityEvent> SecurityLog => Set<Features.SecurityLog.SecurityEvent>();

    public DbSet<Security.Sessions.UserSession> UserSessions => Set<Security.Sessions.UserSession>();

    public DbSet<Features.Import.LedgerAlias> LedgerAliases => Set<Features.Import.LedgerAlias>();

    public DbSet<Domain.Sweeps.Sweep> Sweeps => Set<Domain.Sweeps.Sweep>();

    public DbSet<Domain.Sweeps.SweepFinding> SweepFindings => Set<Domain.Sweeps.SweepFinding>();

    public DbSet<Domain.Trainings.Training> Trainings => Set<Domain.Trainings.Training>();

    public DbSet<Domain.Months.MonthSignOff> MonthSignOffs => Set<Domain.Months.MonthSignOff>();

    public DbSet<Domain.Months.ClosedMonth> ClosedMonths => Set<Domain.Months.ClosedMonth>();

    public DbSet<Features.Public.OnlineApplication> OnlineApplications => Set<Features.Public.OnlineApplication>();

    /// <summary>The dashboard's monthly counters, kept by triggers (<see cref="Features.Dashboard.FigureCounterSql"/>).</summary>
    public DbSet<Features.Dashboard.FigureCounter> FigureCounters => Set<Features.Dashboard.FigureCounter>();

    /// <summary>How the open states change by month, kept by triggers (<see cref="Features.Dashboard.OpenStateDelta"/>).</summary>
    public DbSet<Features.Dashboard.OpenStateDelta> OpenStateDeltas => Set<Features.Dashboard.OpenStateDelta>();

    public DbSet<Features.Public.ApplicationNotification> ApplicationNotifications => Set<Features.Public.ApplicationNotification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads well and reordering an enum cannot corrupt it.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        // Times are UTC everywhere; SQLite returns them without a kind, so the converter puts it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>Stores a UTC DateTime as is and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
