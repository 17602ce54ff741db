using System.Security.Claims;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.CaseFile;

/// <summary>
/// The 卷宗 of a case: its cover and 卷内目录, and the attachments filed under its items. Every method loads the one
/// case, checks that the user may read it (and, to change the file, <see cref="CaseFileAccess"/>) and answers with a
/// <see cref="Result<CaseRef>"/>; nothing is written unless it is Done. Attachments change neither the case nor its
/// history (which only the domain writes), so they need no case version.
/// </summary>
public sealed class CaseFileService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IAuthorizationService authorization,
    SqliteWriteGate writeGate,
    CaseFileStore store,
    TimeProvider clock,
    ILogger<CaseFileService> logger)
{
    private const string UploadForbidden = "只有本案调解员、本村（社区）负责人或司法所可以上传卷宗材料";

    public async Task<(Result<CaseRef> Result, CaseFileView? View)> GetAsync(int caseId, CancellationToken ct = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.ToActor() is not { } actor)
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Parties)
            .Include(x => x.Mediators)
            .Include(x => x.Sessions)
            .Include(x => x.FollowUps)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), null);
        }

        if (!await MayReadAsync(principal, c))
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        var category = await db.Categories.Where(x => x.Id == c.CategoryId).Select(x => x.Name).SingleAsync(ct);
        var attachments = (await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.Item, a => new AttachmentView(
                a.Id, a.FileName, a.ContentType, a.Size, a.UploadedByName, a.UploadedAtUtc, CaseFileAccess.MayDelete(a, actor)));
        var records = RecordsOf(c).ToLookup(r => r.Item, r => r.Record);
        var entries = Enum.GetValues<CaseFileItem>()
            .Select(item => new CaseFileEntry(item, [.. records[item].OrderBy(r => r.Date)], [.. attachments[item]], CaseFileRequirements.IsRequired(item, c)))
            .ToList();
        return (Result.Made(Ref(c)), new CaseFileView(c.Id, CoverOf(c, category), entries, CaseFileAccess.MayUpload(c, actor)));
    }

    /// <summary>
    /// Files a scan or photo under an item. Refused, with a message for the file field, when it is over 10 MB, is not
    /// a PDF, JPG or PNG by its content, or has an extension that does not match. The file is written under a
    /// temporary name first and moved to its stored name only once its row is saved, inside the transaction that
    /// commits the row: a failure on the way leaves neither a row without a file nor a file without a row.
    /// </summary>
    /// <param name="fileAgain">
    /// The user has been told that the same file (by SHA-256) is already in this 卷宗 and wants it filed again. Without
    /// it such an upload is answered with <see cref="SameFileFound"/>, naming the one already filed, and nothing is stored.
    /// </param>
    public async Task<Result<CaseRef>> UploadAsync(
        int caseId, CaseFileItem item, string fileName, Stream content, bool fileAgain = false, CancellationToken ct = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.ToActor() is not { } actor)
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        if (!Enum.IsDefined(item))
        {
            return Result.Invalid(nameof(CaseAttachment.Item), "请选择卷内目录中的材料项").Of<CaseRef>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().Include(x => x.Mediators).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return Result.NotFound(CaseMessages.NotFound).Of<CaseRef>();
        }

        if (!await MayReadAsync(principal, c))
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        if (!CaseFileAccess.MayUpload(c, actor))
        {
            return Result.Forbidden(UploadForbidden).Of<CaseRef>();
        }

        // Authorized before reading: a refused user's upload is never read, let alone stored.
        var bytes = await AttachmentRules.ReadAsync(content, ct);
        if (bytes is null)
        {
            return AttachmentRules.TooLarge();
        }

        var name = AttachmentRules.CleanFileName(fileName);
        var (type, refusal) = AttachmentRules.Check(name, bytes);
        if (refusal is not null)
        {
            return refusal;
        }

        var sha256 = CaseFileStore.Sha256Of(bytes);
        var attachment = CaseAttachment.Create(caseId, item, name, type!, bytes.Length, sha256, actor, clock.GetUtcNow().UtcDateTime);
        var temporary = await store.WriteTemporaryAsync(caseId, bytes, ct);
        try
        {
            using var writer = await writeGate.EnterAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!fileAgain && await db.CaseAttachments.AsNoTracking()
                    .Where(a => a.CaseId == caseId && a.Sha256 == sha256).OrderBy(a => a.Id).FirstOrDefaultAsync(ct) is { } same)
            {
                return new SameFileFound(new AttachmentView(
                    same.Id, same.FileName, same.ContentType, same.Size, same.UploadedByName, same.UploadedAtUtc, CaseFileAccess.MayDelete(same, actor)), same.Item);
            }

            db.CaseAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            var stored = store.PathOf(caseId, attachment.StoredName);
            File.Move(temporary, stored);
            try
            {
                await tx.CommitAsync(ct);
            }
            catch
            {
                File.Delete(stored);
                throw;
            }
        }
        finally
        {
            File.Delete(temporary); // nothing left to delete once it was moved
        }

        return Result.Made(Ref(c));
    }

    /// <summary>Takes an attachment out of the 卷宗: its row, then its file.</summary>
    public async Task<Result<CaseRef>> DeleteAsync(int caseId, int attachmentId, CancellationToken ct = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.ToActor() is not { } actor)
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await db.Cases.AsNoTracking().Include(x => x.Mediators).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        var attachment = await db.CaseAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct);
        if (c is null || attachment is null)
        {
            return Result.NotFound(CaseMessages.NotFound).Of<CaseRef>();
        }

        if (!await MayReadAsync(principal, c))
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        if (!CaseFileAccess.MayDelete(attachment, actor))
        {
            return Result.Forbidden("只有上传人或司法所可以删除卷宗材料").Of<CaseRef>();
        }

        db.CaseAttachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        try
        {
            File.Delete(store.PathOf(caseId, attachment.StoredName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The row is gone, so the file is no longer served or listed; only disk space is lost.
            logger.LogWarning(ex, "Attachment {AttachmentId} of case {CaseId} was deleted but its file could not be removed", attachmentId, caseId);
        }

        return Result.Made(Ref(c));
    }

    /// <summary>
    /// The file of an attachment, for the download endpoint. It takes the request's user: an endpoint runs outside
    /// any circuit, where the authentication state provider has no user.
    /// </summary>
    public async Task<(Result<CaseRef> Result, AttachmentFile? File)> OpenAsync(ClaimsPrincipal user, int caseId, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().Include(x => x.Mediators).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        var attachment = await db.CaseAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct);
        if (c is null || attachment is null)
        {
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), null);
        }

        if (!await MayReadAsync(user, c))
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        var path = store.PathOf(caseId, attachment.StoredName);
        if (!File.Exists(path))
        {
            logger.LogError("The file of attachment {AttachmentId} of case {CaseId} is missing", attachmentId, caseId);
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), null);
        }

        return (Result.Made(Ref(c)), new AttachmentFile(path, attachment.ContentType, attachment.FileName));
    }

    private async Task<bool> MayReadAsync(ClaimsPrincipal principal, MediationCase c) =>
        (await authorization.AuthorizeAsync(principal, c, CaseOperations.Read)).Succeeded;

    private static CaseRef Ref(MediationCase c) => new(c.Id, c.Number, c.Version, c.Status);

    private static CaseFileCover CoverOf(MediationCase c, string category)
    {
        string FirstOf(PartyRole role) => c.Parties.Where(p => p.Role == role).OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefault() ?? "";
        CaseFileRetention? retention = c.Status switch
        {
            CaseStatus.Resolved => CaseFileRetention.Long,
            CaseStatus.Declined or CaseStatus.Terminated or CaseStatus.ReferralApproved => CaseFileRetention.Short,
            _ => null,
        };
        return new CaseFileCover(
            c.Number,
            FirstOf(PartyRole.Applicant),
            FirstOf(PartyRole.Respondent),
            category,
            [.. c.Mediators.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id).Select(m => m.DisplayName)],
            c.LeadMediator?.DisplayName,
            c.FiledOn,
            c.ConcludedOn,
            retention);
    }

    /// <summary>The records the system holds that count as items of the 卷内目录 (DOMAIN.md "The case file").</summary>
    private static IEnumerable<(CaseFileItem Item, CaseRecordRef Record)> RecordsOf(MediationCase c)
    {
        foreach (var session in c.Sessions)
        {
            yield return (CaseFileItem.MediationRecord, new CaseRecordRef(CaseRecordKind.Session, session.HeldOn));
        }

        if (c.Agreement is { } agreement)
        {
            var kind = agreement.Kind == AgreementKind.Written ? CaseRecordKind.WrittenAgreement : CaseRecordKind.OralAgreement;
            yield return (CaseFileItem.Agreement, new CaseRecordRef(kind, agreement.SignedOn));
        }

        foreach (var visit in c.FollowUps)
        {
            yield return (CaseFileItem.FollowUpRecord, new CaseRecordRef(CaseRecordKind.FollowUp, visit.VisitedOn, visit.Performance));
        }
    }
}

/// <summary>
/// An upload not filed because the same content (SHA-256) is already in the case's 卷宗, as <paramref name="Existing"/>
/// under <paramref name="Item"/>. The page asks the user, and files it again only on their yes.
/// </summary>
public sealed record SameFileFound(AttachmentView Existing, CaseFileItem Item) : Result<CaseRef>(
    Outcome.Invalid,
    $"本卷宗已有同一文件“{Existing.FileName}”",
    [new FieldError(AttachmentRules.FileField, $"本卷宗已有同一文件“{Existing.FileName}”")],
    null);
