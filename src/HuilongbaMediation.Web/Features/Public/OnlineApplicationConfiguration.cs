using HuilongbaMediation.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Features.Public;

internal sealed class OnlineApplicationConfiguration : IEntityTypeConfiguration<OnlineApplication>
{
    public void Configure(EntityTypeBuilder<OnlineApplication> builder)
    {
        builder.ToTable("OnlineApplications");
        builder.Property(a => a.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.CodeHash).IsUnique().HasDatabaseName("IX_OnlineApplications_CodeHash_for_lookup");
        builder.Property(a => a.ContentHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.ContentHash).HasDatabaseName("IX_OnlineApplications_ContentHash_for_repeats");
        builder.HasIndex(a => new { a.Status, a.QueueVillageId }).HasDatabaseName("IX_OnlineApplications_Status_Queue_for_queues");
        builder.HasIndex(a => a.CaseId).HasDatabaseName("IX_OnlineApplications_CaseId_for_case_page");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.HelpWanted).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.OtherPartyKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ApplicantName).HasMaxLength(ApplicationRules.NameMaxLength).IsRequired();
        builder.Property(a => a.ApplicantPhone).HasMaxLength(20).IsRequired();
        builder.Property(a => a.ApplicantIdNumber).HasMaxLength(18);
        builder.Property(a => a.OtherPartyName).HasMaxLength(ApplicationRules.NameMaxLength).IsRequired();
        builder.Property(a => a.OtherPartyPhone).HasMaxLength(20);
        builder.Property(a => a.Story).HasMaxLength(ApplicationRules.StoryMaxLength).IsRequired();
        builder.Property(a => a.Request).HasMaxLength(ApplicationRules.RequestMaxLength).IsRequired();
        builder.Property(a => a.ConsentVersion).HasMaxLength(20).IsRequired();
        builder.Property(a => a.DecidedByName).HasMaxLength(50);
        builder.Property(a => a.DeclineReason).HasMaxLength(ApplicationRules.ReasonMaxLength);
        builder.HasOne<Village>().WithMany().HasForeignKey(a => a.ChosenVillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(a => a.QueueVillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Venue>().WithMany().HasForeignKey(a => a.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Cases.MediationCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Files).WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Messages).WithOne().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Notifications).WithOne().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationFileConfiguration : IEntityTypeConfiguration<ApplicationFile>
{
    public void Configure(EntityTypeBuilder<ApplicationFile> builder)
    {
        builder.ToTable("OnlineApplicationFiles");
        builder.Property(f => f.FileName).HasMaxLength(200).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(50).IsRequired();
        builder.Property(f => f.StoredName).HasMaxLength(32).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
    }
}

internal sealed class ApplicationMessageConfiguration : IEntityTypeConfiguration<ApplicationMessage>
{
    public void Configure(EntityTypeBuilder<ApplicationMessage> builder)
    {
        builder.ToTable("OnlineApplicationMessages");
        builder.Property(m => m.AuthorName).HasMaxLength(50);
        builder.Property(m => m.Text).HasMaxLength(ApplicationRules.MessageMaxLength).IsRequired();
    }
}

internal sealed class ApplicationNotificationConfiguration : IEntityTypeConfiguration<ApplicationNotification>
{
    public void Configure(EntityTypeBuilder<ApplicationNotification> builder)
    {
        builder.ToTable("OnlineApplicationNotifications");
        builder.Property(n => n.Text).HasMaxLength(500).IsRequired();
        builder.Property(n => n.Channel).HasMaxLength(20);
        builder.HasIndex(n => n.SentAtUtc).HasDatabaseName("IX_OnlineApplicationNotifications_SentAtUtc_for_outbox");
    }
}
