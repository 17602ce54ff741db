using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Months;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Domain.Trainings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Data;

/// <summary>How sweeps and their findings are stored; indexes named after the query they serve.</summary>
internal sealed class SweepConfiguration : IEntityTypeConfiguration<Sweep>
{
    public void Configure(EntityTypeBuilder<Sweep> builder)
    {
        builder.ToTable("Sweeps");
        builder.Property(s => s.SweptBy).HasMaxLength(CaseValidator.NoteMaxLength).IsRequired();
        builder.Property(s => s.Notes).HasMaxLength(CaseValidator.RecordMaxLength);
        builder.Property(s => s.RecordedById).HasMaxLength(450).IsRequired();
        builder.HasOne<Village>().WithMany().HasForeignKey(s => s.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SweepId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.SweptOn, s.VillageId }).HasDatabaseName("IX_Sweeps_OfMonth");
        builder.Ignore(s => s.IsZeroReport);
        builder.Property<Guid?>(SubmissionKey);
        builder.HasIndex(SubmissionKey).IsUnique().HasFilter($"\"{SubmissionKey}\" IS NOT NULL").HasDatabaseName("IX_Sweeps_Submission");
    }

    /// <summary>The sweep form's submission key (shadow property): a resend of the same form saves no second sweep.</summary>
    public const string SubmissionKey = nameof(SubmissionKey);
}

internal sealed class SweepFindingConfiguration : IEntityTypeConfiguration<SweepFinding>
{
    public void Configure(EntityTypeBuilder<SweepFinding> builder)
    {
        builder.ToTable("SweepFindings");
        builder.Property(f => f.Summary).HasMaxLength(CaseValidator.SummaryMaxLength).IsRequired();
        builder.Property(f => f.ApplicantName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.Property(f => f.RespondentName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.Property(f => f.PreventedNote).HasMaxLength(CaseValidator.NoteMaxLength);
        builder.HasOne<DisputeCategory>().WithMany().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MediationCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.CaseId).IsUnique().HasFilter("\"CaseId\" IS NOT NULL").HasDatabaseName("IX_SweepFindings_OneCasePerFinding");
    }
}

/// <summary>How trainings and their attendance are stored.</summary>
internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.ToTable("Trainings");
        builder.Property(t => t.Topic).HasMaxLength(CaseValidator.NoteMaxLength).IsRequired();
        builder.Property(t => t.Trainer).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.Property(t => t.RecordedById).HasMaxLength(450).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Attendees).WithOne().HasForeignKey(a => a.TrainingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(t => t.HeldOn).HasDatabaseName("IX_Trainings_OfPeriod");
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("TrainingAttendees");
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.DisplayName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.TrainingId }).IsUnique().HasDatabaseName("IX_TrainingAttendees_OfMediator");
    }
}

/// <summary>台账清零: one sign-off per village and month, with a reason per case still open.</summary>
internal sealed class MonthSignOffConfiguration : IEntityTypeConfiguration<MonthSignOff>
{
    public void Configure(EntityTypeBuilder<MonthSignOff> builder)
    {
        builder.ToTable("MonthSignOffs");
        builder.Property(s => s.SignedById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.SignedByName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.HasOne<Village>().WithMany().HasForeignKey(s => s.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Reasons).WithOne().HasForeignKey(r => r.SignOffId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Reasons).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.Month, s.VillageId }).IsUnique().HasDatabaseName("IX_MonthSignOffs_OnePerVillageAndMonth");
    }
}

internal sealed class SignOffReasonConfiguration : IEntityTypeConfiguration<SignOffReason>
{
    public void Configure(EntityTypeBuilder<SignOffReason> builder)
    {
        builder.ToTable("MonthSignOffReasons");
        builder.Property(r => r.Reason).HasMaxLength(CaseValidator.NoteMaxLength).IsRequired();
        builder.HasOne<MediationCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A closed month, with its form as reported.</summary>
internal sealed class ClosedMonthConfiguration : IEntityTypeConfiguration<ClosedMonth>
{
    public void Configure(EntityTypeBuilder<ClosedMonth> builder)
    {
        builder.ToTable("ClosedMonths");
        builder.Property(m => m.ClosedById).HasMaxLength(450).IsRequired();
        builder.Property(m => m.ClosedByName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.Property(m => m.Figures).IsRequired();
        builder.HasIndex(m => m.Month).IsUnique().HasDatabaseName("IX_ClosedMonths_OnePerMonth");
    }
}
