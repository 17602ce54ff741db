using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// How a case is stored. The domain keeps its collections in private fields behind read-only lists, so EF writes
/// them through the fields; the agreement, the referral and the judicial-confirmation record are owned columns
/// of the case row. Indexes are named after the query they serve.
/// </summary>
internal sealed class MediationCaseConfiguration : IEntityTypeConfiguration<MediationCase>
{
    /// <summary>Money is stored as integer fen: SQLite cannot compare decimals in SQL (PITFALLS.md).</summary>
    internal static readonly ValueConverter<decimal, long> Fen = new(v => (long)Math.Round(v * 100m), v => v / 100m);

    public void Configure(EntityTypeBuilder<MediationCase> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Number).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique().HasDatabaseName("IX_Cases_ByNumber");
        builder.HasIndex(c => new { c.Year, c.Sequence }).IsUnique().HasDatabaseName("IX_Cases_NextNumberOfYear");
        // A village's cases in a state, and its list by status then filing date (the list's order by status).
        builder.HasIndex(c => new { c.VillageId, c.Status, c.FiledOn }).HasDatabaseName("IX_Cases_ListByVillageAndState");
        builder.HasIndex(c => new { c.Status, c.DueOn }).HasDatabaseName("IX_Cases_OverdueByState");
        builder.HasIndex(c => c.FiledOn).HasDatabaseName("IX_Cases_FiledInPeriod");
        // The list by status then filing date, either way: walked, where the ties of a status (most cases are 调解成功) were sorted.
        builder.HasIndex(c => new { c.Status, c.FiledOn }).HasDatabaseName("IX_Cases_ListByState");
        // A village's list newest first (a 村负责人's, and a search among its cases) walks this index and stops at the page.
        builder.HasIndex(c => new { c.VillageId, c.FiledOn }).HasDatabaseName("IX_Cases_ListOfVillage");

        builder.Property(c => c.Summary).HasMaxLength(CaseValidator.SummaryMaxLength).IsRequired();
        builder.Property(c => c.RiskNote).HasMaxLength(CaseValidator.NoteMaxLength);
        builder.Property(c => c.Request).HasMaxLength(CaseValidator.NoteMaxLength);
        builder.Property(c => c.AmountInvolved).HasConversion(Fen);
        builder.Property(c => c.FiledById).HasMaxLength(450).IsRequired();
        builder.Property(c => c.DeclineReason).HasMaxLength(CaseValidator.ReasonMaxLength);
        builder.Property(c => c.TerminationNote).HasMaxLength(CaseValidator.ReasonMaxLength);
        builder.Property(c => c.ReopenReason).HasMaxLength(CaseValidator.ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasOne<DisputeCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseSource>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MediationKind>().WithMany().HasForeignKey(c => c.MediationKindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Venue>().WithMany().HasForeignKey(c => c.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MediationCommittee>().WithMany().HasForeignKey(c => c.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CommitteeId).HasDatabaseName("IX_Cases_ByCommittee");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.FiledById).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(c => c.Agreement, a =>
        {
            a.Property(x => x.Terms).HasMaxLength(CaseValidator.RecordMaxLength);
            a.Property(x => x.Facts).HasMaxLength(CaseValidator.RecordMaxLength);
            a.Property(x => x.MattersInDispute).HasMaxLength(CaseValidator.RecordMaxLength);
            a.Property(x => x.Responsibilities).HasMaxLength(CaseValidator.RecordMaxLength);
            a.Property(x => x.PerformanceManner).HasMaxLength(CaseValidator.RecordMaxLength);
            a.Property(x => x.Recorder).HasMaxLength(CaseValidator.NameMaxLength);
            a.Property(x => x.AgreedAmount).HasConversion(Fen);
        });
        builder.OwnsOne(c => c.Referral, r =>
        {
            r.Property(x => x.Reason).HasMaxLength(CaseValidator.ReasonMaxLength);
            r.Property(x => x.ReceivingBody).HasMaxLength(CaseValidator.NameMaxLength * 2);
            r.Property(x => x.ReceiptNumber).HasMaxLength(CaseValidator.NameMaxLength);
            r.Property(x => x.ReturnComment).HasMaxLength(CaseValidator.ReasonMaxLength);
            r.HasOne<ReferralTarget>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => new { x.Urgent, x.ReferredOn }).HasDatabaseName("IX_Cases_ReferralReviewQueue");
        });
        builder.OwnsOne(c => c.Ledger, l =>
        {
            l.Property(x => x.FileName).HasMaxLength(LedgerRecord.FileNameMaxLength).IsRequired();
            l.Property(x => x.RowKey).HasMaxLength(64).IsRequired();
            l.Property(x => x.Number).HasMaxLength(LedgerRecord.NumberMaxLength);
            l.Property(x => x.Mediators).HasMaxLength(LedgerRecord.MediatorsMaxLength);
            l.HasIndex(x => x.RowKey).IsUnique().HasDatabaseName("IX_Cases_LedgerRowAlreadyImported");
            l.Ignore(x => x.Label);
        });
        builder.OwnsOne(c => c.JudicialConfirmation, j =>
        {
            j.Property(x => x.Court).HasMaxLength(CaseValidator.NameMaxLength * 2);
            j.Property(x => x.CourtCaseNumber).HasMaxLength(CaseValidator.NameMaxLength);
            j.Property(x => x.Result).HasMaxLength(CaseValidator.ReasonMaxLength);
        });

        builder.HasMany(c => c.Parties).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Mediators).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sessions).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.FollowUps).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ScheduledSessions).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        foreach (var collection in new[] { nameof(MediationCase.Parties), nameof(MediationCase.Mediators), nameof(MediationCase.Sessions), nameof(MediationCase.FollowUps), nameof(MediationCase.ScheduledSessions), nameof(MediationCase.History) })
        {
            builder.Navigation(collection).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.Ignore(c => c.LeadMediator);
    }
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("CaseParties");
        builder.Property(p => p.Name).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.Property(p => p.IdNumber).HasMaxLength(18);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.RegisteredAddress).HasMaxLength(CaseValidator.AddressMaxLength);
        builder.Property(p => p.CurrentAddress).HasMaxLength(CaseValidator.AddressMaxLength);
        builder.Property(p => p.Ethnicity).HasMaxLength(20);
        builder.Property(p => p.Occupation).HasMaxLength(CaseValidator.NameMaxLength);
        builder.Property(p => p.LegalRepresentative).HasMaxLength(CaseValidator.NameMaxLength);
        builder.Property(p => p.LegalRepresentativeTitle).HasMaxLength(CaseValidator.NameMaxLength);
        builder.Property(p => p.AgentName).HasMaxLength(CaseValidator.NameMaxLength);
        builder.Property(p => p.AgentRelationship).HasMaxLength(CaseValidator.NameMaxLength);
        builder.Property(p => p.AgentScope).HasMaxLength(CaseValidator.AgentScopeMaxLength);
        builder.Ignore(p => p.BirthDateKnown);
        builder.Ignore(p => p.HasAgent);
        builder.HasIndex(p => p.IdNumber).HasDatabaseName("IX_CaseParties_SameParty");
        builder.HasIndex(p => p.Name).HasDatabaseName("IX_CaseParties_SearchByName");
    }
}

internal sealed class CaseMediatorConfiguration : IEntityTypeConfiguration<CaseMediator>
{
    public void Configure(EntityTypeBuilder<CaseMediator> builder)
    {
        builder.ToTable("CaseMediators");
        builder.Property(m => m.DisplayName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.UserId).HasDatabaseName("IX_CaseMediators_MyCases");
    }
}

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> builder)
    {
        builder.ToTable("CaseSessions");
        builder.Property(s => s.Attendees).HasMaxLength(CaseValidator.NoteMaxLength).IsRequired();
        builder.Property(s => s.Summary).HasMaxLength(CaseValidator.RecordMaxLength).IsRequired();
        builder.Property(s => s.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Recorder).HasMaxLength(CaseValidator.NameMaxLength);
        builder.HasOne<Venue>().WithMany().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpVisitConfiguration : IEntityTypeConfiguration<FollowUpVisit>
{
    public void Configure(EntityTypeBuilder<FollowUpVisit> builder)
    {
        builder.ToTable("CaseFollowUps");
        builder.Property(f => f.Notes).HasMaxLength(CaseValidator.NoteMaxLength);
        builder.Property(f => f.VisitedPerson).HasMaxLength(CaseValidator.NameMaxLength);
        builder.Property(f => f.RecordedById).HasMaxLength(450).IsRequired();
    }
}

internal sealed class ScheduledSessionConfiguration : IEntityTypeConfiguration<ScheduledSession>
{
    public void Configure(EntityTypeBuilder<ScheduledSession> builder)
    {
        builder.ToTable("CaseScheduledSessions");
        builder.Property(s => s.VenueName).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Place).HasMaxLength(ScheduleSessionInput.PlaceMaxLength);
        builder.Property(s => s.RecordedById).HasMaxLength(450).IsRequired();
        builder.HasOne<Venue>().WithMany().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.On).HasDatabaseName("IX_CaseScheduledSessions_On_for_upcoming");
    }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("CaseHistory");
        builder.Property(h => h.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(h => h.ActorName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.Property(h => h.Action).HasMaxLength(40).IsRequired();
        builder.Property(h => h.Details).IsRequired();
        builder.Property(h => h.Data).IsRequired();
        builder.Property(h => h.ImportedFrom).HasMaxLength(LedgerRecord.FileNameMaxLength + 20);
        builder.Property(h => h.AgreedAmount).HasConversion(MediationCaseConfiguration.Fen);
        builder.HasIndex(h => new { h.CaseId, h.AtUtc }).HasDatabaseName("IX_CaseHistory_Timeline");
        builder.HasIndex(h => new { h.Action, h.OccurredOn }).HasDatabaseName("IX_CaseHistory_EventsInPeriod");
        builder.HasIndex(h => new { h.CaseId, h.OccurredOn }).HasDatabaseName("IX_CaseHistory_StateAsOf");

        // The form instance whose submission wrote this entry (CaseService): a second submission of the same form is
        // recognised by it and answered with the first one's result. Not the domain's business, so a shadow property.
        builder.Property<Guid?>(SubmissionKey);
        builder.HasIndex(SubmissionKey).IsUnique().HasFilter($"\"{SubmissionKey}\" IS NOT NULL").HasDatabaseName("IX_CaseHistory_Submission");
    }

    /// <summary>The shadow property holding the key of the form submission that wrote an entry.</summary>
    public const string SubmissionKey = nameof(SubmissionKey);
}
