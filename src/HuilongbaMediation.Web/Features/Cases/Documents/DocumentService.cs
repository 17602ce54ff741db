using System.Security.Claims;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>How a document left the system: the print view or the Word file.</summary>
public enum DocumentIssue
{
    Print,
    Docx,

    /// <summary>Part of the bound 卷宗 PDF.</summary>
    Bound,
}

/// <summary>A form of a case ready to print or send: its sheets and whether it is the original with full identity details.</summary>
public sealed record CaseDocumentFile(string CaseNumber, string Committee, IReadOnlyList<Sheet> Sheets, bool IsOriginal)
{
    public string FileName => SheetDocx.FileName(Sheets[0], CaseNumber);

    public byte[] Docx() => SheetDocx.Create(Sheets, Committee);
}

/// <summary>
/// The forms of a case (<see cref="CaseSheets"/>), for anyone who may read it. Who sees what (DOMAIN.md "The agreement"):
/// the forms the parties sign (申请书, 协议书, 司法确认申请书) carry the parties' full 身份证号, addresses and phones only for
/// the case's mediators and the judicial office (<see cref="MediationCase.MayHaveOriginals"/>), and each such issue is a
/// history entry of the case; anyone else who may read the case (a village head) gets a masked copy marked as not the
/// original. Every issue of every form is a line of the security log, written with the history entry in one transaction.
/// The user is a parameter: the Word file is served by an endpoint, outside any circuit.
/// </summary>
public sealed class DocumentService(IDbContextFactory<AppDbContext> dbFactory, IAuthorizationService authorization, SqliteWriteGate writeGate, TimeProvider clock)
{
    /// <summary>The forms this case has now; Forbidden before anything is told to a user who may not read it.</summary>
    /// <returns>The forms, and whether this user gets the originals of the forms the parties sign (else masked copies).</returns>
    public async Task<(Result<CaseRef> Result, IReadOnlyList<CaseDocument> Documents, bool Originals)> ListAsync(ClaimsPrincipal user, int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await Load(db).AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), [], false);
        }

        return !(await authorization.AuthorizeAsync(user, c, CaseOperations.Read)).Succeeded || user.ToActor() is not { } actor
            ? (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), [], false)
            : (Result.Made(new CaseRef(c.Id, c.Number, c.Version, c.Status)), CaseSheets.Available(c), c.MayHaveOriginals(actor));
    }

    /// <summary>
    /// One form of the case, issued to <paramref name="user"/> (written to the security log, and an original to the case's
    /// history). NotFound for a missing case and for a form the case does not have; Forbidden for a user who may not read it.
    /// </summary>
    /// <param name="original">The original was asked for (its link): Forbidden, and nothing issued, for a user who may
    /// not have it, instead of the masked copy.</param>
    public async Task<(Result<CaseRef> Result, CaseDocumentFile? File)> IssueAsync(
        ClaimsPrincipal user, SecurityActor who, int caseId, OfficialForm form, int? recordId, DocumentIssue how, CancellationToken ct = default, bool original = false)
    {
        var actor = user.ToActor();
        if (actor is null)
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await Load(db).Include(x => x.History).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (Result.NotFound(CaseMessages.NotFound).Of<CaseRef>(), null);
        }

        if (!(await authorization.AuthorizeAsync(user, c, CaseOperations.Read)).Succeeded)
        {
            return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var source = await SourceAsync(db, c, ct);
        var full = form.IsSignedByParties() && c.MayHaveOriginals(actor);
        if (original && form.IsSignedByParties() && !full)
        {
            return (Result.Forbidden(OriginalRefused).Of<CaseRef>(), null);
        }
        var sheets = CaseSheets.Build(source, form, recordId, full, Domain.Common.ChinaClock.Today(now));
        if (sheets is null)
        {
            return (Result.NotFound("此案件没有这份文书").Of<CaseRef>(), null);
        }

        var file = new CaseDocumentFile(c.Number, source.Committee, sheets, full);
        var way = how switch
        {
            DocumentIssue.Print => "打印",
            DocumentIssue.Docx => "下载 Word 文件",
            _ => "下载装订版 PDF",
        };
        if (full)
        {
            var recorded = c.RecordOriginalIssued(actor, now, new OriginalIssued(form.Title(), way));
            if (!recorded.IsOk)
            {
                return (Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>(), null);
            }
        }

        var kind = form.IsSignedByParties() ? full ? "，原件" : "，遮蔽副本" : "";
        var detail = how switch
        {
            DocumentIssue.Docx => $"{file.FileName}（下载{kind}）",
            DocumentIssue.Print => $"{form.Title()}（打印{kind}）",
            _ => $"{form.Title()}（装订版 PDF{kind}）",
        };
        db.SecurityLog.Add(SecurityEvent.Create(SecurityEventKind.Download, now, who, c.Number, detail));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Result.Made(new CaseRef(c.Id, c.Number, c.Version, c.Status)), file);
    }

    /// <summary>Why an original was refused.</summary>
    public const string OriginalRefused = "文书原件载有当事人完整身份信息，限本案调解员和司法所打印或下载；您可使用遮蔽副本。";

    private static IQueryable<MediationCase> Load(AppDbContext db) =>
        db.Cases.Include(x => x.Parties).Include(x => x.Mediators).Include(x => x.Sessions).Include(x => x.FollowUps).AsSplitQuery();

    private static async Task<CaseDocumentSource> SourceAsync(AppDbContext db, MediationCase c, CancellationToken ct)
    {
        var names = await db.Cases.AsNoTracking().Where(x => x.Id == c.Id).Select(x => new
        {
            Village = db.Villages.Where(v => v.Id == x.VillageId).Select(v => v.Name).Single(),
            Category = db.Categories.Where(v => v.Id == x.CategoryId).Select(v => v.Name).Single(),
            Source = db.CaseSources.Where(v => v.Id == x.SourceId).Select(v => v.Name).Single(),
            Committee = db.Committees.Where(v => v.Id == x.CommitteeId).Select(v => v.Name).SingleOrDefault(),
            FiledBy = db.Users.Where(u => u.Id == x.FiledById).Select(u => u.DisplayName).SingleOrDefault(),
        }).SingleAsync(ct);
        var venueIds = c.Sessions.Select(s => s.VenueId).Distinct().ToList();
        var userIds = c.FollowUps.Select(f => f.RecordedById).Concat(c.Sessions.Select(s => s.RecordedById)).Distinct().ToList();
        return new CaseDocumentSource(
            c,
            names.Village,
            names.Category,
            names.Source,
            names.Committee ?? "回龙坝镇人民调解委员会",
            names.FiledBy ?? "",
            await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct),
            await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct),
            [.. (await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Id).Select(a => new { a.Item, a.FileName }).ToListAsync(ct))
                .Select(a => (a.Item, a.FileName))]);
    }
}
