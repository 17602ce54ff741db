using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Committees;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// The use cases of a case: file it, assign its mediators, fire each trigger, record what the workflow records,
/// reveal personal data. Each write is one operation: the signed-in user, one DbContext, the case read with what the
/// step checks (<see cref="CaseLoading"/>), a read-permission check, the domain call (which checks who may do what in
/// which state), one SaveChanges that stores the change with its history entry in one transaction. A change of an
/// existing case reads outside the write gate and holds it only for SaveChanges. A write names the version the user
/// saw; when the case has moved on since (before the read, or between the read and the write), the user gets
/// <see cref="Outcome.Conflict"/> and nothing is written.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IAuthorizationService authorization,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    SecurityLogWriter securityLog)
{
    /// <summary>
    /// 登记: validates the draft, numbers the case in its year of filing and saves it in status Filed, with its lead
    /// mediator in the same transaction: a mediator who files a case leads it; the village head or the judicial office
    /// may name one (<paramref name="leadMediatorId"/>, optional). A refused lead refuses the filing: nothing is half-written.
    /// </summary>
    /// <param name="submission">The filing form's key (<see cref="Components.Shared.Submission"/>): a second submission
    /// of the same form returns the case the first one filed instead of filing it again.</param>
    /// <param name="alsoInTransaction">What else the filing writes, in its transaction, once the case has its id (a sweep's
    /// finding links to the case filed from it); a refusal it returns refuses the filing too.</param>
    public async Task<Result<CaseRef>> FileAsync(
        CaseDraft draft,
        string? leadMediatorId = null,
        Guid submission = default,
        CancellationToken ct = default,
        Func<AppDbContext, MediationCase, Task<Result<CaseRef>?>>? alsoInTransaction = null)
    {
        var actor = await currentUser.GetActorAsync();
        if (actor is null)
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var filed = MediationCase.File(draft, actor, now, ChinaClock.Today(now));
        if (!filed.IsOk)
        {
            return Result.From(filed).Of<CaseRef>();
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RepeatedAsync(db, submission, ct) is { } repeated)
        {
            return repeated;
        }

        var references = await ReferenceErrorsAsync(db, draft, ct);
        if (references.Count > 0)
        {
            return Result.Invalid(references).Of<CaseRef>();
        }

        if (draft.CommitteeId is null && (await CommitteeDefaults.LoadAsync(db, ct)).For(draft.VillageId) is { } committee)
        {
            // Nobody chose a committee: the village's own handles it (the town's for an area such as the 物流园片区).
            filed = MediationCase.File(draft with { CommitteeId = committee }, actor, now, ChinaClock.Today(now));
        }

        var @case = filed.Value;
        var lead = actor.Role == UserRole.Mediator ? actor.UserId : Text(leadMediatorId);
        if (lead is not null)
        {
            var (assignment, refusal) = await AssignmentAsync(db, actor, draft.VillageId, lead, [], ct);
            if ((refusal ?? Applied(@case.AssignMediators(actor, now, assignment!))) is { } refused)
            {
                return refused;
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = @case.FiledOn.Year;
        await db.Database.LockYearAsync(year, ct);
        var last = await db.Cases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        @case.AssignNumber(year, last + 1);
        db.Cases.Add(@case);
        KeepSubmission(db, submission);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (submission != Guid.Empty && DatabaseEngine.ViolatesUnique(ex, "IX_CaseHistory_Submission"))
        {
            // Without a write gate (PostgreSQL) the same form sent twice at once can pass RepeatedAsync twice: the
            // database keeps one, and this one answers with the case the other filed.
            if (await RepeatedAfterAsync(submission, ct) is { } other)
            {
                return other;
            }

            throw;
        }
        if (alsoInTransaction is not null)
        {
            if (await alsoInTransaction(db, @case) is { } refused)
            {
                return refused; // the transaction is rolled back: no case either
            }

            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Result.Made(Ref(@case));
    }

    /// <summary>指派调解员: a lead and any assistants, each an active mediator (of the case's village, for a village head).</summary>
    public Task<Result<CaseRef>> AssignMediatorsAsync(
        int caseId, int version, string leadUserId, IReadOnlyList<string> assistantUserIds, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, async (db, @case, actor, now) =>
        {
            var (assignment, refusal) = await AssignmentAsync(db, actor, @case.VillageId, leadUserId, assistantUserIds, ct);
            return refusal ?? Applied(@case.AssignMediators(actor, now, assignment!));
        }, ct);

    public Task<Result<CaseRef>> AcceptAsync(int caseId, int version, AcceptInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.Accept(actor, now, input), ct);

    public Task<Result<CaseRef>> DeclineAsync(int caseId, int version, DeclineInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.Decline(actor, now, input), ct);

    public Task<Result<CaseRef>> RecordSessionAsync(int caseId, int version, SessionInput session, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, async (db, @case, actor, now) =>
            await db.Venues.Where(v => v.Id == session.VenueId && v.IsActive).Select(v => v.Name).SingleOrDefaultAsync(ct) is { } venue
                ? Applied(@case.RecordSession(actor, now, session with { VenueName = venue }))
                : Result.Invalid(nameof(SessionInput.VenueId), "请选择调解场所").Of<CaseRef>(), ct);

    /// <summary>安排调解: the venue must be an active one; the history and the applicant's status page name it.</summary>
    public Task<Result<CaseRef>> ScheduleSessionAsync(int caseId, int version, ScheduleSessionInput session, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, async (db, @case, actor, now) =>
        {
            if (await db.Venues.Where(v => v.Id == session.VenueId && v.IsActive).Select(v => v.Name).SingleOrDefaultAsync(ct) is not { } venue)
            {
                return Result.Invalid(nameof(ScheduleSessionInput.VenueId), "请选择调解场所").Of<CaseRef>();
            }

            var scheduled = session with { VenueName = venue };
            var refused = Applied(@case.ScheduleSession(actor, now, scheduled));
            if (refused is null)
            {
                // A case that came from an online application tells its applicant (the outbox, in this transaction).
                await Public.ApplicationNotices.SessionScheduledAsync(db, @case.Id, scheduled, now, ct);
            }

            return refused;
        }, ct);

    public Task<Result<CaseRef>> ResolveAsync(int caseId, int version, AgreementInput agreement, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.Resolve(actor, now, agreement), ct);

    public Task<Result<CaseRef>> ReferAsync(int caseId, int version, ReferInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, async (db, @case, actor, now) =>
            await db.ReferralTargets.AnyAsync(t => t.Id == input.TargetId && t.IsActive, ct)
                ? Applied(@case.Refer(actor, now, input))
                : Result.Invalid(nameof(ReferInput.TargetId), "请选择移交去向").Of<CaseRef>(), ct);

    public Task<Result<CaseRef>> TerminateAsync(int caseId, int version, TerminateInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.Terminate(actor, now, input), ct);

    public Task<Result<CaseRef>> ApproveReferralAsync(int caseId, int version, ApproveReferralInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.ApproveReferral(actor, now, input), ct);

    public Task<Result<CaseRef>> ReturnReferralAsync(int caseId, int version, ReturnReferralInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.ReturnReferral(actor, now, input), ct);

    public Task<Result<CaseRef>> ReopenAsync(int caseId, int version, ReopenInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.Reopen(actor, now, input), ct);

    public Task<Result<CaseRef>> ExtendDeadlineAsync(int caseId, int version, ExtendDeadlineInput input, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.ExtendDeadline(actor, now, input), ct);

    public Task<Result<CaseRef>> RecordFollowUpAsync(int caseId, int version, FollowUpInput visit, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.RecordFollowUp(actor, now, visit), ct);

    public Task<Result<CaseRef>> RecordJudicialConfirmationAsync(int caseId, int version, JudicialConfirmationInput confirmation, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.RecordJudicialConfirmation(actor, now, confirmation), ct);

    /// <summary>更正当事人信息: a party's details after filing, checked as at filing; a blank identity number or phone keeps the one on record.</summary>
    public Task<Result<CaseRef>> CorrectPartyAsync(int caseId, int version, PartyCorrection correction, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.CorrectParty(actor, now, correction), ct, parties: true);

    /// <summary>追加当事人: a party (a 第三人, usually) joins the case after filing.</summary>
    public Task<Result<CaseRef>> AddPartyAsync(int caseId, int version, PartyDraft party, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, (@case, actor, now) => @case.AddParty(actor, now, party), ct, parties: true);

    /// <summary>变更调解组织: another active committee or station handles the case; the history names both.</summary>
    public Task<Result<CaseRef>> AssignCommitteeAsync(int caseId, int version, int committeeId, Guid submission = default, CancellationToken ct = default) =>
        ChangeAsync(caseId, version, submission, async (db, @case, actor, now) =>
        {
            var names = await db.Committees.Where(c => c.Id == committeeId || c.Id == @case.CommitteeId)
                .Select(c => new { c.Id, c.Name, c.IsActive }).ToListAsync(ct);
            return names.FirstOrDefault(c => c.Id == committeeId && c.IsActive) is { } chosen
                ? Applied(@case.AssignCommittee(actor, now, new AssignCommitteeInput(committeeId)
                {
                    CommitteeName = chosen.Name,
                    PreviousName = names.FirstOrDefault(c => c.Id == @case.CommitteeId)?.Name,
                }))
                : Result.Invalid(nameof(AssignCommitteeInput.CommitteeId), "请选择调解组织").Of<CaseRef>();
        }, ct);

    /// <summary>
    /// 显示: a party's full 身份证号 or phone, for the judicial office and the case's mediators only. The reveal is
    /// written into the history and, in the same transaction, into the security log (which names the party and the
    /// field, never the value). It does not change the case, so it needs no version and never conflicts.
    /// </summary>
    public async Task<(Result<CaseRef> Result, string? Value)> RevealPersonalDataAsync(int caseId, int partyId, PersonalDataField field, CancellationToken ct = default)
    {
        string? value = null;
        var result = await ChangeAsync(caseId, expectedVersion: null, submission: default, async (db, @case, actor, now) =>
        {
            var revealed = @case.RevealPersonalData(actor, now, partyId, field);
            if (!revealed.IsOk)
            {
                return Applied(revealed);
            }

            value = revealed.Value;
            var party = @case.Parties.Single(p => p.Id == partyId).Name;
            db.SecurityLog.Add(await securityLog.NewAsync(SecurityEventKind.Reveal, @case.Number, $"当事人 {party} 的{field.ToLabel()}"));
            return null;
        }, ct, parties: true);
        return (result, result.Succeeded ? value : null);
    }

    private Task<Result<CaseRef>> ChangeAsync(
        int caseId, int? expectedVersion, Guid submission, Func<MediationCase, Actor, DateTime, WorkflowResult> change, CancellationToken ct, bool parties = false) =>
        ChangeAsync(caseId, expectedVersion, submission, (_, @case, actor, now) => Task.FromResult(Applied(change(@case, actor, now))), ct, parties);

    /// <summary>
    /// The one write path of an existing case; <paramref name="change"/> returns null when it applied. A null
    /// <paramref name="expectedVersion"/> is for what does not change the case itself (a reveal): no version check, no new version.
    /// A <paramref name="submission"/> already kept with an earlier write is answered with the case as it is now, and nothing is written.
    /// <paramref name="parties"/>: the step reads or changes the case's parties (<see cref="CaseLoading"/> says what else is loaded).
    /// </summary>
    private async Task<Result<CaseRef>> ChangeAsync(
        int caseId,
        int? expectedVersion,
        Guid submission,
        Func<AppDbContext, MediationCase, Actor, DateTime, Task<Result<CaseRef>?>> change,
        CancellationToken ct,
        bool parties = false)
    {
        var principal = await currentUser.GetPrincipalAsync();
        var actor = principal.ToActor();
        if (actor is null)
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        // Everything is read before the write gate, without a transaction: the UPDATE of the case names the version
        // read (Version is the concurrency token), so whatever changed the case since is refused at SaveChanges as a
        // conflict, and the gate holds writers back only for the write itself. A reveal names no version and moves none
        // (it only adds to the history: other users' pages stay current), so nothing would refuse it stale: it reads
        // inside the gate, as every write did before.
        using var reading = expectedVersion is null ? await writeGate.EnterAsync(ct) : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One connection for the step's reads and its write (closed with the context), not one opened per query: on
        // SQLite each open runs the connection's set-up again (its PRAGMA, EF's functions). No lock is held by an open
        // connection outside a transaction; the write's transaction begins at SaveChanges, behind the gate.
        await db.Database.OpenConnectionAsync(ct);
        var @case = await CaseLoading.ForChangeAsync(db, caseId, parties, ct);
        if (@case is null)
        {
            return Result.NotFound(CaseMessages.NotFound).Of<CaseRef>();
        }

        if (!(await authorization.AuthorizeAsync(principal, @case, CaseOperations.Read)).Succeeded)
        {
            return Result.Forbidden(CaseMessages.Forbidden).Of<CaseRef>();
        }

        if (await RepeatedAsync(db, submission, ct) is { } repeated)
        {
            return repeated;
        }

        if (expectedVersion is { } version && version != @case.Version)
        {
            return Result.Conflict(CaseMessages.Conflict).Of<CaseRef>();
        }

        var refused = await change(db, @case, actor, clock.GetUtcNow().UtcDateTime);
        if (refused is not null)
        {
            return refused;
        }

        if (expectedVersion is not null)
        {
            @case.Version++;
        }

        KeepSubmission(db, submission);
        using var writer = reading is null ? await writeGate.EnterAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct); // one transaction: the case, its history entry and whatever else the step adds
        }
        catch (DbUpdateConcurrencyException)
        {
            // The case moved on since it was read: the same form sent twice is answered with what the first one wrote.
            return await RepeatedAfterAsync(submission, ct) ?? Result.Conflict(CaseMessages.Conflict).Of<CaseRef>();
        }
        catch (DbUpdateException) when (submission != Guid.Empty)
        {
            // The same form's earlier write landed first and its key is taken (the history's insert comes before the
            // case's update): answered with what that one wrote.
            if (await RepeatedAfterAsync(submission, ct) is { } other)
            {
                return other;
            }

            throw;
        }

        return Result.Made(Ref(@case));
    }

    /// <summary>
    /// The lead and assistants as the domain's assignment, each an active mediator; a village head assigns only
    /// mediators of the case's village. Null and the refusal when one of them is not.
    /// </summary>
    private static async Task<(MediatorAssignment? Assignment, Result<CaseRef>? Refusal)> AssignmentAsync(
        AppDbContext db, Actor actor, int villageId, string leadUserId, IReadOnlyList<string> assistantUserIds, CancellationToken ct)
    {
        var ids = assistantUserIds.Prepend(leadUserId).Distinct(StringComparer.Ordinal).ToList();
        var mediatorRole = db.Roles.Where(r => r.Name == nameof(UserRole.Mediator)).Select(r => r.Id);
        var mediators = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && mediatorRole.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.VillageId })
            .ToDictionaryAsync(u => u.Id, ct);
        if (!mediators.ContainsKey(leadUserId))
        {
            return (null, Result.Invalid(nameof(MediatorAssignment.Lead), "主办调解员须为在岗的调解员").Of<CaseRef>());
        }

        if (ids.FirstOrDefault(id => !mediators.ContainsKey(id)) is not null)
        {
            return (null, Result.Invalid(nameof(MediatorAssignment.Assistants), "协办调解员须为在岗的调解员").Of<CaseRef>());
        }

        if (actor.Role == UserRole.VillageHead && mediators.Values.Any(m => m.VillageId != villageId))
        {
            return (null, Result.Invalid(nameof(MediatorAssignment.Lead), "村（社区）负责人只能指派本村（社区）的调解员").Of<CaseRef>());
        }

        return (new MediatorAssignment(
            new MediatorRef(leadUserId, mediators[leadUserId].DisplayName),
            [.. ids.Skip(1).Select(id => new MediatorRef(id, mediators[id].DisplayName))]), null);
    }

    /// <summary>The case an earlier write of this form submission wrote, as it is now; null for a new submission.</summary>
    private static async Task<Result<CaseRef>?> RepeatedAsync(AppDbContext db, Guid submission, CancellationToken ct)
    {
        if (submission == Guid.Empty)
        {
            return null;
        }

        var earlier = await db.CaseHistory
            .Where(h => EF.Property<Guid?>(h, HistoryEntryConfiguration.SubmissionKey) == submission)
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new CaseRef(c.Id, c.Number, c.Version, c.Status))
            .SingleOrDefaultAsync(ct);
        return earlier is null ? null : Result.Made(earlier);
    }

    /// <summary>After a write was refused at SaveChanges: the case an earlier write of the same submission wrote, read afresh.</summary>
    private async Task<Result<CaseRef>?> RepeatedAfterAsync(Guid submission, CancellationToken ct)
    {
        if (submission == Guid.Empty)
        {
            return null;
        }

        await using var fresh = await dbFactory.CreateDbContextAsync(ct);
        return await RepeatedAsync(fresh, submission, ct);
    }

    /// <summary>Keeps the submission's key on the first history entry this write adds (a filing with its lead adds two).</summary>
    private static void KeepSubmission(AppDbContext db, Guid submission)
    {
        if (submission == Guid.Empty)
        {
            return;
        }

        var added = db.ChangeTracker.Entries<HistoryEntry>().FirstOrDefault(e => e.State == EntityState.Added)
            ?? throw new InvalidOperationException("A write with a submission key must add a history entry.");
        added.Property(HistoryEntryConfiguration.SubmissionKey).CurrentValue = submission;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Null when the domain applied the change; the refusal otherwise.</summary>
    private static Result<CaseRef>? Applied(WorkflowResult result) => result.IsOk ? null : Result.From(result).Of<CaseRef>();

    private static CaseRef Ref(MediationCase @case) => new(@case.Id, @case.Number, @case.Version, @case.Status);

    /// <summary>The reference rows a draft names must exist and be active (a forged or stale form could name others).</summary>
    private static async Task<List<FieldError>> ReferenceErrorsAsync(AppDbContext db, CaseDraft draft, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!await db.Categories.AnyAsync(x => x.Id == draft.CategoryId && x.IsActive, ct))
        {
            errors.Add(new(nameof(CaseDraft.CategoryId), "请选择纠纷类型"));
        }

        if (!await db.CaseSources.AnyAsync(x => x.Id == draft.SourceId && x.IsActive, ct))
        {
            errors.Add(new(nameof(CaseDraft.SourceId), "请选择案件来源"));
        }

        if (!await db.Villages.AnyAsync(x => x.Id == draft.VillageId && x.IsActive, ct))
        {
            errors.Add(new(nameof(CaseDraft.VillageId), "请选择村（社区）或片区"));
        }

        if (!await db.MediationKinds.AnyAsync(x => x.Id == draft.MediationKindId && x.IsActive, ct))
        {
            errors.Add(new(nameof(CaseDraft.MediationKindId), "请选择调解类型"));
        }

        if (draft.VenueId is { } venue && !await db.Venues.AnyAsync(x => x.Id == venue && x.IsActive, ct))
        {
            errors.Add(new(nameof(CaseDraft.VenueId), "请选择调解场所"));
        }

        if (draft.CommitteeId is { } committee && !await db.Committees.AnyAsync(x => x.Id == committee && x.IsActive, ct))
        {
            errors.Add(new(nameof(CaseDraft.CommitteeId), "请选择调解组织"));
        }

        return errors;
    }
}

/// <summary>
/// How a case is loaded: whole for its page (<see cref="Whole"/>); for a change (<see cref="ForChangeAsync"/>) the case
/// row with what the step's checks read, never a list that grows with the case's age. What the domain reads:
/// <list type="bullet">
/// <item>the mediators, always: who may do what (CaseAccess);</item>
/// <item>the sessions of a case in mediation (调解成功 needs one) and the follow-up visits of a resolved case (重新调解 needs
/// one since the resolution): the guards of the status's triggers, which the refusal's permitted list asks too;</item>
/// <item>of the history, only the entries the date checks and the reopening guard read: the latest dated step, the latest
/// dated change of status, and the latest resolution (MediationCase.PreviousStep, FollowUpFoundAgreementUnperformed);</item>
/// <item>the parties, only for the steps on parties (更正, 追加, 显示).</item>
/// </list>
/// Scheduled sessions are only ever added to. What a step adds is inserted; what is not loaded is never touched.
/// </summary>
internal static class CaseLoading
{
    /// <summary>The history's actions whose date is an event date that later steps may not precede (MediationCase.PreviousStep).</summary>
    private static readonly string[] DatedActions =
        [nameof(CaseAction.File), nameof(CaseAction.RecordFollowUp), .. Enum.GetNames<CaseTrigger>()];

    /// <summary>
    /// The case row, its mediators and the three history entries the domain reads, in one compiled query (one statement,
    /// EF's pipeline once): the latest dated step, the latest dated change of status, the latest resolution. At most three
    /// mediators times three entries come back; tracked, the entries join the case's history (EF's fix-up) in the order
    /// they were written.
    /// </summary>
    private static readonly Func<AppDbContext, int, CancellationToken, Task<MediationCase?>> CaseRow =
        EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken _) => db.Cases
            .Include(c => c.Mediators)
            .Include(c => c.History
                .Where(h =>
                    h.Id == db.CaseHistory.Where(x => x.CaseId == id && DatedActions.Contains(x.Action))
                        .OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.Id).Select(x => x.Id).FirstOrDefault()
                    || h.Id == db.CaseHistory.Where(x => x.CaseId == id && DatedActions.Contains(x.Action) && (x.FromStatus == null || x.FromStatus != x.ToStatus))
                        .OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.Id).Select(x => x.Id).FirstOrDefault()
                    || h.Id == db.CaseHistory.Where(x => x.CaseId == id && x.Action == nameof(CaseTrigger.Resolve))
                        .OrderByDescending(x => x.AtUtc).ThenByDescending(x => x.Id).Select(x => x.Id).FirstOrDefault())
                .OrderBy(h => h.Id))
            .AsSingleQuery()
            .SingleOrDefault(c => c.Id == id));

    /// <summary>A case's sessions (the guard of 调解成功), compiled: tracked, they join the case's <c>Sessions</c>.</summary>
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<MediationSession>> SessionsOf =
        EF.CompileAsyncQuery<AppDbContext, int, MediationSession>((db, id) => db.Set<MediationSession>().Where(s => EF.Property<int>(s, "CaseId") == id).OrderBy(s => s.Id));

    /// <summary>A case's follow-up visits (the guard of 重新调解), compiled: tracked, they join the case's <c>FollowUps</c>.</summary>
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<FollowUpVisit>> FollowUpsOf =
        EF.CompileAsyncQuery<AppDbContext, int, FollowUpVisit>((db, id) => db.Set<FollowUpVisit>().Where(f => EF.Property<int>(f, "CaseId") == id).OrderBy(f => f.Id));

    public static IQueryable<MediationCase> Whole(AppDbContext db) =>
        db.Cases
            .Include(c => c.Parties)
            .Include(c => c.Mediators)
            .Include(c => c.Sessions)
            .Include(c => c.FollowUps)
            .Include(c => c.ScheduledSessions)
            .Include(c => c.History)
            .AsSplitQuery();

    /// <summary>The case, tracked, with what a change of it reads (see the class); null when there is no such case.</summary>
    public static async Task<MediationCase?> ForChangeAsync(AppDbContext db, int caseId, bool parties, CancellationToken ct)
    {
        var @case = await CaseRow(db, caseId, ct);
        if (@case is null)
        {
            return null;
        }

        if (parties)
        {
            await db.Entry(@case).Collection(c => c.Parties).LoadAsync(ct);
        }

        if (@case.Status == CaseStatus.Mediating)
        {
            await foreach (var _ in SessionsOf(db, caseId).WithCancellation(ct))
            {
            }
        }
        else if (@case.Status == CaseStatus.Resolved)
        {
            await foreach (var _ in FollowUpsOf(db, caseId).WithCancellation(ct))
            {
            }
        }

        return @case;
    }
}
