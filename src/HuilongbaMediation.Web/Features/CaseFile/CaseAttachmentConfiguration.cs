using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>How an attachment is stored (picked up by ApplyConfigurationsFromAssembly); indexes are named after their query.</summary>
internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("CaseAttachments");
        builder.Property(a => a.FileName).HasMaxLength(AttachmentRules.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.StoredName).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedById).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UploadedByName).HasMaxLength(CaseValidator.NameMaxLength).IsRequired();
        builder.HasOne<MediationCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.StoredName).IsUnique().HasDatabaseName("IX_CaseAttachments_ByStoredName");
        builder.HasIndex(a => new { a.CaseId, a.Item }).HasDatabaseName("IX_CaseAttachments_CaseFileContents");
        builder.HasIndex(a => new { a.CaseId, a.Sha256 }).HasDatabaseName("IX_CaseAttachments_SameFileInCase");
    }
}
