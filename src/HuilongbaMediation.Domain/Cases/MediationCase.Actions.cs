using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>The recorded actions of a case: history entries without a change of status.</summary>
public sealed partial class MediationCase
{
    /// <summary>The recorded actions this actor may take on the case now (status and who), for the page's other buttons.</summary>
    public IReadOnlyList<CaseAction> PermittedActions(Actor actor) =>
        [.. Enum.GetValues<CaseAction>().Where(action => IsAllowedIn(action, Status) && CaseAccess.MayRecord(this, actor, action))];

    /// <summary>
    /// 指派调解员: replaces the case's mediators (Filed, Mediating). The village head of the case's village and the
    /// judicial office assign anyone; a mediator of the village may take an unassigned filed case as its lead.
    /// </summary>
    public WorkflowResult AssignMediators(Actor actor, DateTime nowUtc, MediatorAssignment assignment) =>
        Record(actor, nowUtc, CaseAction.AssignMediators, CaseAccess.MayAssign(this, actor, assignment), assignment, CaseValidator.Validate, data =>
        {
            _mediators.Clear();
            _mediators.Add(CaseMediator.From(data.Lead, isLead: true));
            _mediators.AddRange(data.Assistants.Select(assistant => CaseMediator.From(assistant, isLead: false)));
        });

    /// <summary>延长办结期限: moves the due date of a case in mediation later, to today or after, with a reason (judicial office).</summary>
    public WorkflowResult ExtendDeadline(Actor actor, DateTime nowUtc, ExtendDeadlineInput input) =>
        Record(
            actor,
            nowUtc,
            CaseAction.ExtendDeadline,
            CaseAccess.MayRecord(this, actor, CaseAction.ExtendDeadline),
            new ExtendDeadlineData(DueOn.GetValueOrDefault(), input.NewDueOn, Text.Required(input.Reason)),
            data => CaseValidator.Validate(data, ChinaClock.Today(nowUtc)),
            data => DueOn = data.NewDueOn);

    /// <summary>记录回访: a follow-up visit on a resolved case's agreement.</summary>
    public WorkflowResult RecordFollowUp(Actor actor, DateTime nowUtc, FollowUpInput visit) =>
        Record(
            actor,
            nowUtc,
            CaseAction.RecordFollowUp,
            CaseAccess.MayRecord(this, actor, CaseAction.RecordFollowUp),
            visit,
            input => [.. Dated(nameof(input.VisitedOn), "回访日期", input.VisitedOn, nowUtc, transitionsOnly: true), .. CaseValidator.Validate(input)],
            input => _followUps.Add(FollowUpVisit.From(input, actor.UserId, nowUtc)));

    /// <summary>记录司法确认: the parties' intention, application (within 30 days of the agreement taking effect) and result.</summary>
    public WorkflowResult RecordJudicialConfirmation(Actor actor, DateTime nowUtc, JudicialConfirmationInput confirmation) =>
        Record(
            actor,
            nowUtc,
            CaseAction.RecordJudicialConfirmation,
            CaseAccess.MayRecord(this, actor, CaseAction.RecordJudicialConfirmation),
            confirmation,
            input => CaseValidator.Validate(input, Agreement!, ChinaClock.Today(nowUtc)),
            input => JudicialConfirmation = JudicialConfirmation.From(input, JudicialConfirmation, nowUtc));

    /// <summary>安排调解: the date, time and place of a coming session of a case in mediation (today or later).</summary>
    public WorkflowResult ScheduleSession(Actor actor, DateTime nowUtc, ScheduleSessionInput input) =>
        Record(
            actor,
            nowUtc,
            CaseAction.ScheduleSession,
            CaseAccess.MayRecord(this, actor, CaseAction.ScheduleSession),
            input,
            data => CaseValidator.Validate(data, ChinaClock.Today(nowUtc)),
            data => _scheduledSessions.Add(ScheduledSession.From(data, actor.UserId, nowUtc)));

    /// <summary>
    /// Shows a party's identity number or phone in full, for the judicial office and the case's mediators only,
    /// and records in the history who saw whose.
    /// </summary>
    public WorkflowResult<string> RevealPersonalData(Actor actor, DateTime nowUtc, int partyId, PersonalDataField field)
    {
        var party = _parties.FirstOrDefault(p => p.Id == partyId);
        var result = Record(
            actor,
            nowUtc,
            CaseAction.RevealPersonalData,
            CaseAccess.MayRecord(this, actor, CaseAction.RevealPersonalData),
            new RevealData(partyId, party?.Name ?? "", field),
            data => CaseValidator.Validate(data, party),
            _ => { });
        return result.IsOk ? WorkflowResult<string>.Success(party!.PersonalData(field)!) : WorkflowResult<string>.Failure(result);
    }

    /// <summary>
    /// 出具文书原件: records that the actor printed or downloaded a document the parties sign, with their full identity
    /// numbers, addresses and phones (the judicial office and the case's mediators only). Refused, with nothing written,
    /// for anyone else: the web layer asks this before it hands the original out.
    /// </summary>
    public WorkflowResult RecordOriginalIssued(Actor actor, DateTime nowUtc, OriginalIssued issue) =>
        Record(actor, nowUtc, CaseAction.IssueOriginal, CaseAccess.MayRecord(this, actor, CaseAction.IssueOriginal), issue, CaseValidator.Validate, _ => { });

    /// <summary>
    /// 更正当事人信息: a party's details corrected after filing, checked as at filing; the history says what changed, old → new,
    /// with identity numbers and phones masked. A blank identity number or phone keeps the one on record (the screens
    /// never hold it in full) unless the correction clears it.
    /// </summary>
    public WorkflowResult CorrectParty(Actor actor, DateTime nowUtc, PartyCorrection correction)
    {
        var party = _parties.FirstOrDefault(p => p.Id == correction.PartyId);
        var draft = correction.Party with
        {
            IdNumber = Text.Clean(correction.Party.IdNumber) ?? (correction.ClearIdNumber ? null : party?.IdNumber),
            Phone = Text.Clean(correction.Party.Phone) ?? (correction.ClearPhone ? null : party?.Phone),
        };
        return Record(
            actor,
            nowUtc,
            CaseAction.CorrectParty,
            CaseAccess.MayRecord(this, actor, CaseAction.CorrectParty),
            new PartyCorrectedData(correction.PartyId, party?.Name ?? "", party?.ChangesTo(draft) ?? []),
            data => party is null
                ? [new FieldError(nameof(correction.PartyId), "此案件没有这名当事人")]
                : [.. CaseValidator.Validate(draft, _parties.Where(p => p != party).Select(p => p.Role), ChinaClock.Today(nowUtc)),
                    .. data.Changes.Count == 0 ? [new FieldError(nameof(correction.Party), "没有需要更正的内容")] : Array.Empty<FieldError>()],
            _ => party!.Apply(draft));
    }

    /// <summary>追加当事人: a party (usually a 第三人) joins the case after filing, checked as at filing.</summary>
    public WorkflowResult AddParty(Actor actor, DateTime nowUtc, PartyDraft party) =>
        Record(
            actor,
            nowUtc,
            CaseAction.AddParty,
            CaseAccess.MayRecord(this, actor, CaseAction.AddParty),
            new PartyAddedData(party with { IdNumber = Masking.IdNumber(Text.Clean(party.IdNumber)), Phone = Masking.Phone(Text.Clean(party.Phone)) }),
            _ => CaseValidator.Validate(party, _parties.Select(p => p.Role), ChinaClock.Today(nowUtc)),
            _ => _parties.Add(Party.From(party)));

    /// <summary>变更调解组织: another committee or station handles the case; its documents carry that committee's name and seal line.</summary>
    public WorkflowResult AssignCommittee(Actor actor, DateTime nowUtc, AssignCommitteeInput input) =>
        Record(
            actor,
            nowUtc,
            CaseAction.AssignCommittee,
            CaseAccess.MayRecord(this, actor, CaseAction.AssignCommittee),
            new CommitteeAssignedData(CommitteeId, input.PreviousName, input.CommitteeId, input.CommitteeName),
            _ => CaseValidator.Validate(input, CommitteeId),
            _ => CommitteeId = input.CommitteeId);

    /// <summary>Whether the actor may have the originals of this case's documents (the judicial office and the case's mediators).</summary>
    public bool MayHaveOriginals(Actor actor) => CaseAccess.MayRecord(this, actor, CaseAction.IssueOriginal);

    private static bool IsAllowedIn(CaseAction action, CaseStatus status) => action switch
    {
        CaseAction.AssignMediators => status is CaseStatus.Filed or CaseStatus.Mediating,
        CaseAction.ExtendDeadline or CaseAction.ScheduleSession => status == CaseStatus.Mediating,
        CaseAction.RecordFollowUp or CaseAction.RecordJudicialConfirmation => status == CaseStatus.Resolved,
        CaseAction.RevealPersonalData or CaseAction.IssueOriginal => true,
        CaseAction.CorrectParty or CaseAction.AddParty or CaseAction.AssignCommittee => true, // who depends on the status: CaseAccess
        _ => false, // File happens only through MediationCase.File.
    };

    /// <summary>Checks who, then status, then the carried data; then applies it and appends the history entry.</summary>
    private WorkflowResult Record<TData>(
        Actor actor,
        DateTime nowUtc,
        CaseAction action,
        bool mayAct,
        TData data,
        Func<TData, IReadOnlyList<FieldError>> validate,
        Action<TData> apply)
        where TData : IHistoryData
    {
        ChinaClock.RequireUtc(nowUtc);
        if (!mayAct)
        {
            return WorkflowResult.Forbidden($"「{action.ToLabel()}」{CaseAccess.Describe(action)}", PermittedTriggers(actor));
        }

        if (!IsAllowedIn(action, Status))
        {
            return WorkflowResult.NotAllowedInState(NotInThisStatus(action.ToLabel()), PermittedTriggers(actor));
        }

        var errors = validate(data);
        if (errors.Count > 0)
        {
            return WorkflowResult.Invalid(errors, PermittedTriggers(actor));
        }

        apply(data);
        AppendHistory(actor, nowUtc, Status, Status, action.ToString(), data);
        return WorkflowResult.Ok;
    }
}
