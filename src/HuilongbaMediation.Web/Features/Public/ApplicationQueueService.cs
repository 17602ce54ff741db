using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>A row of the 在线申请 list.</summary>
public sealed record ApplicationRow(
    int Id, DateTime SubmittedAtUtc, string ApplicantName, string OtherPartyName, string? QueueName, string? ChosenName,
    HelpWanted HelpWanted, ApplicationStatus Status, int? CaseId, bool Overdue);

/// <summary>An application as staff read it (the applicant's phone and 身份证号 masked, as everywhere).</summary>
public sealed record ApplicationDetails(
    int Id, DateTime SubmittedAtUtc, ApplicationStatus Status, string ApplicantName, string ApplicantPhone, string? ApplicantIdNumber,
    int? ChosenVillageId, string? ChosenName, int? QueueVillageId, string? QueueName, string? VenueName, PartyKind OtherPartyKind,
    string OtherPartyName, string? OtherPartyPhone, string Story, string Request, HelpWanted HelpWanted, string? DeclineReason,
    string? DecidedByName, int? CaseId, string? CaseNumber, IReadOnlyList<ApplicationFileRow> Files, IReadOnlyList<StatusMessage> Messages);

public sealed record ApplicationFileRow(int Id, string FileName, long Size);

/// <summary>What turning an application into a case asks of the mediator: what the applicant cannot say (the category).</summary>
public sealed record AcceptApplicationInput(int CategoryId, int PeopleInvolved = 2);

/// <summary>
/// The town's side of the online applications: each village's queue for its mediators and head, the 司法所's for all
/// (物流园片区 and 不清楚 wait there to be routed); open, route, reply, turn into a case through <see cref="CaseService"/>,
/// or decline with a reason the applicant reads. Every read and write checks <see cref="MayHandle"/> on the server.
/// </summary>
public sealed class ApplicationQueueService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    CaseService cases,
    SecurityLogWriter securityLog)
{
    /// <summary>An application nobody has handled for this many days is overdue on the home pages.</summary>
    public const int OverdueDays = 3;

    public const string NotFound = "找不到这份在线申请，或您无权查看";

    /// <summary>Who may see and handle an application: the judicial office, and the mediators and head of its queue's village.</summary>
    public static bool MayHandle(Actor actor, int? queueVillageId) =>
        actor.Role == UserRole.JudicialOffice || (actor.Role.BelongsToVillage() && actor.VillageId is not null && actor.VillageId == queueVillageId);

    /// <summary>The badge's number: applications waiting in the user's queue.</summary>
    public async Task<int> WaitingCountAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetActorAsync();
        if (actor is null || !Capability.HandleApplications.Allows(actor))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Visible(db, actor).CountAsync(a => a.Status == ApplicationStatus.Received, ct);
    }

    /// <summary>The user's queue: waiting applications first (oldest first), then those decided in the last 90 days.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetActorAsync();
        if (actor is null || !Capability.HandleApplications.Allows(actor))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-90);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Visible(db, actor)
            .Where(a => a.Status == ApplicationStatus.Received || a.DecidedAtUtc > since)
            .Select(a => new
            {
                a.Id,
                a.SubmittedAtUtc,
                a.ApplicantName,
                a.OtherPartyName,
                a.HelpWanted,
                a.Status,
                a.CaseId,
                a.HandledAtUtc,
                Queue = db.Villages.Where(v => v.Id == a.QueueVillageId).Select(v => v.Name).FirstOrDefault(),
                Chosen = db.Villages.Where(v => v.Id == a.ChosenVillageId).Select(v => v.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new ApplicationRow(r.Id, r.SubmittedAtUtc, r.ApplicantName, r.OtherPartyName, r.Queue, r.Chosen, r.HelpWanted, r.Status, r.CaseId,
                r.Status == ApplicationStatus.Received && IsOverdue(r.SubmittedAtUtc, r.HandledAtUtc, now)))
            .OrderBy(r => r.Status != ApplicationStatus.Received).ThenBy(r => r.Status == ApplicationStatus.Received ? r.SubmittedAtUtc.Ticks : -r.SubmittedAtUtc.Ticks)];
    }

    /// <summary>The waiting applications of the user's queue that nobody has handled for <see cref="OverdueDays"/> days (home page).</summary>
    public async Task<IReadOnlyList<ApplicationRow>> OverdueAsync(CancellationToken ct = default) =>
        [.. (await ListAsync(ct)).Where(r => r.Overdue)];

    /// <summary>Untouched (no routing, reply or decision) for <see cref="OverdueDays"/> days since it came or was last handled.</summary>
    public static bool IsOverdue(DateTime submittedAtUtc, DateTime? handledAtUtc, DateTime nowUtc) =>
        (handledAtUtc ?? submittedAtUtc) <= nowUtc.AddDays(-OverdueDays);

    /// <summary>
    /// The online application a case was made from, for the case page: its id and the help the applicant asked for.
    /// Shown to whoever may read the case (the page checked that); the application itself opens only for its queue.
    /// </summary>
    public async Task<(int Id, HelpWanted Help)?> OriginOfCaseAsync(int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var origin = await db.OnlineApplications.AsNoTracking().Where(a => a.CaseId == caseId).Select(a => new { a.Id, a.HelpWanted }).FirstOrDefaultAsync(ct);
        return origin is null ? null : (origin.Id, origin.HelpWanted);
    }

    /// <summary>The choices of the page: categories for a new case, villages and areas to route to.</summary>
    public async Task<(IReadOnlyList<PublicChoice> Categories, IReadOnlyList<PublicChoice> Villages)> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => new PublicChoice(c.Id, c.Name)).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.SortOrder).ThenBy(v => v.Id).Select(v => new PublicChoice(v.Id, v.Name)).ToListAsync(ct);
        return (categories, villages);
    }

    /// <summary>Opens an application; the opening is written to the security log (a citizen's personal information).</summary>
    public async Task<Result<ApplicationDetails>> OpenAsync(int id, CancellationToken ct = default)
    {
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.OnlineApplications.AsNoTracking().Include(x => x.Files).Include(x => x.Messages).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (actor is null || a is null || !MayHandle(actor, a.QueueVillageId))
        {
            return Result.NotFound(NotFound).Of<ApplicationDetails>();
        }

        var names = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var venue = a.VenueId is { } venueId ? await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).SingleOrDefaultAsync(ct) : null;
        var caseNumber = a.CaseId is { } caseId ? await db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleOrDefaultAsync(ct) : null;
        await securityLog.WriteAsync(SecurityEventKind.ApplicationOpened, $"在线申请 {a.Id}", $"申请人 {a.ApplicantName}", ct);
        var files = a.Files.ToDictionary(f => f.Id, f => f.FileName);
        return Result.Made(new ApplicationDetails(
            a.Id, a.SubmittedAtUtc, a.Status, a.ApplicantName, Masking.Phone(a.ApplicantPhone)!, Masking.IdNumber(a.ApplicantIdNumber),
            a.ChosenVillageId, a.ChosenVillageId is { } c ? names.GetValueOrDefault(c) : null,
            a.QueueVillageId, a.QueueVillageId is { } q ? names.GetValueOrDefault(q) : null, venue,
            a.OtherPartyKind, a.OtherPartyName, Masking.Phone(a.OtherPartyPhone), a.Story, a.Request, a.HelpWanted, a.DeclineReason,
            a.DecidedByName, a.CaseId, caseNumber,
            [.. a.Files.OrderBy(f => f.Id).Select(f => new ApplicationFileRow(f.Id, f.FileName, f.Size))],
            [.. a.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id).Select(m => new StatusMessage(m.FromApplicant, m.AuthorName, m.Text, m.AtUtc, m.FileId is { } f && files.TryGetValue(f, out var n) ? n : null))]));
    }

    /// <summary>
    /// 受理并立案: files a case through <see cref="CaseService.FileAsync"/> (applicant and other party, summary, 申请事项, source
    /// 当事人申请·线上, venue 线上调解（和顺云茶馆）, the village of the queue) and, in the same transaction, marks the application
    /// accepted and writes the applicant's notification. A mediator who does it leads the case.
    /// </summary>
    public async Task<Result<CaseRef>> AcceptAsync(int id, AcceptApplicationInput input, Guid submission = default, CancellationToken ct = default)
    {
        var actor = await currentUser.GetActorAsync();
        OnlineApplication? a;
        int sourceId;
        int kindId;
        int? venueId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            a = await db.OnlineApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (actor is null || a is null || !MayHandle(actor, a.QueueVillageId))
            {
                return Result.NotFound(NotFound).Of<CaseRef>();
            }

            if (a.Status != ApplicationStatus.Received)
            {
                return Result.Conflict("这份申请已经处理过了").Of<CaseRef>();
            }

            if (a.QueueVillageId is null)
            {
                return Result.Invalid("Village", "请先把申请转给一个村（社区）或片区，再受理").Of<CaseRef>();
            }

            sourceId = await db.CaseSources.Where(s => s.Code == ReferenceData.OnlineApplicationSource).Select(s => s.Id).SingleAsync(ct);
            kindId = await db.MediationKinds.Where(k => k.Code == "people").Select(k => k.Id).SingleAsync(ct);
            venueId = await db.Venues.Where(v => v.Code == ReferenceData.OnlineTeahouseVenue && v.IsActive).Select(v => (int?)v.Id).SingleOrDefaultAsync(ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new CaseDraft
        {
            Summary = a.Story,
            Request = a.Request,
            CategoryId = input.CategoryId,
            SourceId = sourceId,
            VillageId = a.QueueVillageId.Value,
            MediationKindId = kindId,
            VenueId = venueId,
            PeopleInvolved = input.PeopleInvolved,
            FiledOn = ChinaClock.Today(now),
            Parties =
            [
                new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = a.ApplicantName, Phone = a.ApplicantPhone, IdNumber = a.ApplicantIdNumber },
                new PartyDraft { Role = PartyRole.Respondent, Kind = a.OtherPartyKind, Name = a.OtherPartyName, Phone = a.OtherPartyPhone },
            ],
        };
        return await cases.FileAsync(draft, submission: submission, ct: ct, alsoInTransaction: async (db, @case) =>
        {
            var tracked = await db.OnlineApplications.SingleAsync(x => x.Id == id, ct);
            if (tracked.Status != ApplicationStatus.Received)
            {
                return Result.Conflict("这份申请已经处理过了").Of<CaseRef>();
            }

            tracked.Status = ApplicationStatus.Accepted;
            tracked.CaseId = @case.Id;
            tracked.DecidedAtUtc = tracked.HandledAtUtc = now;
            tracked.DecidedByName = actor.DisplayName;
            var lead = @case.LeadMediator;
            var phone = lead is null ? null : await db.Users.Where(u => u.Id == lead.UserId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
            db.ApplicationNotifications.Add(new ApplicationNotification
            {
                ApplicationId = id,
                CreatedAtUtc = now,
                Text = "您的调解申请已受理。" + (lead is null ? "" : $"调解员：{lead.DisplayName}" + (string.IsNullOrWhiteSpace(phone) ? "。" : $"，联系电话：{phone}。")),
            });
            return null;
        });
    }

    /// <summary>不予受理: with a reason the applicant reads on the status page.</summary>
    public Task<Result> DeclineAsync(int id, string? reason, CancellationToken ct = default) =>
        ChangeAsync(id, (a, actor, now) =>
        {
            var text = Text.Clean(reason);
            if (text is null || text.Length > ApplicationRules.ReasonMaxLength)
            {
                return Result.Invalid("Reason", text is null ? "请写明不予受理的理由，申请人会看到它" : $"理由不能超过 {ApplicationRules.ReasonMaxLength} 个字");
            }

            a.Status = ApplicationStatus.Declined;
            a.DeclineReason = text;
            a.DecidedAtUtc = a.HandledAtUtc = now;
            a.DecidedByName = actor.DisplayName;
            return null;
        }, ct);

    /// <summary>转给: another village's (or area's) queue, or the 司法所's (null).</summary>
    public Task<Result> RouteAsync(int id, int? villageId, CancellationToken ct = default) =>
        ChangeAsync(id, async (db, a, actor, now) =>
        {
            if (villageId is { } v && !await db.Villages.AnyAsync(x => x.Id == v && x.IsActive, ct))
            {
                return Result.Invalid("Village", "请选择要转给的村（社区）或片区");
            }

            if (villageId == a.QueueVillageId)
            {
                return Result.Invalid("Village", "申请已经在这里了");
            }

            a.QueueVillageId = villageId;
            a.HandledAtUtc = now;
            return null;
        }, ct);

    /// <summary>回复: a message the applicant reads on the status page.</summary>
    public Task<Result> ReplyAsync(int id, string? message, CancellationToken ct = default) =>
        ChangeAsync(id, (a, actor, now) =>
        {
            var text = Text.Clean(message);
            if (text is null || text.Length > ApplicationRules.MessageMaxLength)
            {
                return Result.Invalid("Reply", text is null ? "请写下回复的内容" : $"回复不能超过 {ApplicationRules.MessageMaxLength} 个字");
            }

            a.Messages.Add(new ApplicationMessage { FromApplicant = false, AuthorName = actor.DisplayName, Text = text, AtUtc = now });
            a.HandledAtUtc = now;
            return null;
        }, ct);

    /// <summary>A file of an application, for a user who may handle it; the download goes to the security log.</summary>
    public async Task<(ApplicationFile File, int ApplicationId)?> FileForDownloadAsync(System.Security.Claims.ClaimsPrincipal user, int id, int fileId, CancellationToken ct)
    {
        var actor = user.ToActor();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queue = await db.OnlineApplications.Where(a => a.Id == id).Select(a => new { a.QueueVillageId }).SingleOrDefaultAsync(ct);
        if (actor is null || queue is null || !MayHandle(actor, queue.QueueVillageId))
        {
            return null;
        }

        var file = await db.Set<ApplicationFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ApplicationId == id, ct);
        return file is null ? null : (file, id);
    }

    private Task<Result> ChangeAsync(int id, Func<OnlineApplication, Actor, DateTime, Result?> change, CancellationToken ct) =>
        ChangeAsync(id, (_, a, actor, now) => Task.FromResult(change(a, actor, now)), ct);

    private async Task<Result> ChangeAsync(int id, Func<AppDbContext, OnlineApplication, Actor, DateTime, Task<Result?>> change, CancellationToken ct)
    {
        var actor = await currentUser.GetActorAsync();
        if (actor is null)
        {
            return Result.NotFound(NotFound);
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var a = await db.OnlineApplications.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !MayHandle(actor, a.QueueVillageId))
        {
            return Result.NotFound(NotFound);
        }

        if (a.Status != ApplicationStatus.Received)
        {
            return Result.Conflict("这份申请已经处理过了");
        }

        if (await change(db, a, actor, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Done();
    }

    private static IQueryable<OnlineApplication> Visible(AppDbContext db, Actor actor) =>
        actor.Role == UserRole.JudicialOffice ? db.OnlineApplications : db.OnlineApplications.Where(a => a.QueueVillageId == actor.VillageId);
}
