using HuilongbaMediation.Domain.Common;
using Stateless;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>The workflow triggers of a case: DOMAIN.md's workflow table as a Stateless machine.</summary>
public sealed partial class MediationCase
{
    private const string AcceptNeedsLead = "受理前须指定主办调解员";
    private const string ResolveNeedsSession = "调解成功前须至少记录一次调解";
    private const string ReopenNeedsUnperformedFollowUp = "重新调解须有本次调解成功后的回访记录表明协议未履行或部分履行";

    /// <summary>
    /// The triggers this actor may fire on the case now — state, guards and who together — in workflow-table
    /// order. The page shows exactly these buttons; the intent methods check the same again when fired.
    /// </summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(Actor actor) => Permitted(Machine(actor));

    /// <summary>受理: Filed → Mediating once a lead mediator is assigned; due <see cref="MediationDays"/> days after the date accepted.</summary>
    public WorkflowResult Accept(Actor actor, DateTime nowUtc, AcceptInput input) =>
        Fire(actor, nowUtc, CaseTrigger.Accept, new AcceptData(input.AcceptedOn, input.AcceptedOn.AddDays(MediationDays)), data =>
            Dated(nameof(input.AcceptedOn), "受理日期", data.AcceptedOn, nowUtc));

    /// <summary>不予受理: Filed → Declined, with the reason (already in court, not a civil dispute, ...).</summary>
    public WorkflowResult Decline(Actor actor, DateTime nowUtc, DeclineInput input) =>
        Fire(actor, nowUtc, CaseTrigger.Decline, input with { Reason = Text.Required(input.Reason) }, data =>
            [.. Dated(nameof(input.DeclinedOn), "不予受理日期", data.DeclinedOn, nowUtc), .. CaseValidator.Validate(data)]);

    /// <summary>记录调解: adds a session record; the case stays Mediating. Sessions may be entered out of order, but not before the mediation began.</summary>
    public WorkflowResult RecordSession(Actor actor, DateTime nowUtc, SessionInput session) =>
        Fire(actor, nowUtc, CaseTrigger.RecordSession, session, input =>
            [.. Dated(nameof(input.HeldOn), "调解日期", input.HeldOn, nowUtc, transitionsOnly: true), .. CaseValidator.Validate(input)]);

    /// <summary>调解成功: Mediating → Resolved with the agreement, once at least one session is recorded; it counts on the date signed.</summary>
    public WorkflowResult Resolve(Actor actor, DateTime nowUtc, AgreementInput agreement) =>
        Fire(actor, nowUtc, CaseTrigger.Resolve, new ResolveData(agreement), data =>
            [.. Dated(nameof(agreement.SignedOn), "协议日期", agreement.SignedOn, nowUtc), .. CaseValidator.Validate(data.Agreement, ChinaClock.Today(nowUtc))]);

    /// <summary>移交: Mediating → ReferralPending, to the target (移交去向 id) with a reason; urgent when there is a risk of violence.</summary>
    public WorkflowResult Refer(Actor actor, DateTime nowUtc, ReferInput input) =>
        Fire(actor, nowUtc, CaseTrigger.Refer, input with { Reason = Text.Required(input.Reason) }, data =>
            [.. Dated(nameof(input.ReferredOn), "移交日期", data.ReferredOn, nowUtc), .. CaseValidator.Validate(data)]);

    /// <summary>终止调解: Filed or Mediating → Terminated; the note is required when the reason is Other.</summary>
    public WorkflowResult Terminate(Actor actor, DateTime nowUtc, TerminateInput input) =>
        Fire(actor, nowUtc, CaseTrigger.Terminate, input with { Note = Text.Clean(input.Note) }, data =>
            [.. Dated(nameof(input.TerminatedOn), "终止日期", data.TerminatedOn, nowUtc), .. CaseValidator.Validate(data)]);

    /// <summary>审核通过: ReferralPending → ReferralApproved, naming the receiving body and, when known, its receipt number.</summary>
    public WorkflowResult ApproveReferral(Actor actor, DateTime nowUtc, ApproveReferralInput input) =>
        Fire(
            actor,
            nowUtc,
            CaseTrigger.ApproveReferral,
            input with { ReceivingBody = Text.Required(input.ReceivingBody), ReceiptNumber = Text.Clean(input.ReceiptNumber) },
            data => [.. Dated(nameof(input.ApprovedOn), "审核通过日期", data.ApprovedOn, nowUtc), .. CaseValidator.Validate(data)]);

    /// <summary>退回重调: ReferralPending → Mediating, with the judicial office's comment. The due date is unchanged.</summary>
    public WorkflowResult ReturnReferral(Actor actor, DateTime nowUtc, ReturnReferralInput input) =>
        Fire(actor, nowUtc, CaseTrigger.ReturnReferral, input with { Comment = Text.Required(input.Comment) }, data =>
            [.. Dated(nameof(input.ReturnedOn), "退回日期", data.ReturnedOn, nowUtc), .. CaseValidator.Validate(data)]);

    /// <summary>
    /// 重新调解: Resolved → Mediating after a follow-up visit since the resolution found the agreement not or
    /// only partly performed; mediation is due again 30 days from the date reopened.
    /// </summary>
    public WorkflowResult Reopen(Actor actor, DateTime nowUtc, ReopenInput input) =>
        Fire(actor, nowUtc, CaseTrigger.Reopen, new ReopenData(Text.Required(input.Reason), input.ReopenedOn, input.ReopenedOn.AddDays(MediationDays)), data =>
            [.. Dated(nameof(input.ReopenedOn), "重新调解日期", data.ReopenedOn, nowUtc), .. CaseValidator.Validate(data)]);

    /// <summary>
    /// The workflow machine over this case, acting as <paramref name="actor"/>: its state is <see cref="Status"/> itself
    /// (external storage), so it is never stale, and it belongs to this case alone. It is configured once per case and
    /// kept: configuring costs more than firing (Stateless reads each guard's method by reflection, under a lock every
    /// thread shares), and a story plays several steps on the same case. Guards ask who may fire (the actor of the
    /// current call) and the table's conditions, without side effects; entry actions apply what each trigger carries.
    /// </summary>
    internal StateMachine<CaseStatus, CaseTrigger> Machine(Actor actor)
    {
        _actor = actor;
        return _machine ??= Configure();
    }

    /// <summary>The actor of the current call, for the kept machine's guards and entry actions.</summary>
    private Actor _actor = null!;

    private StateMachine<CaseStatus, CaseTrigger>? _machine;

    /// <summary>What the current <see cref="Fire"/> writes to the history when its transition completes.</summary>
    private Action<StateMachine<CaseStatus, CaseTrigger>.Transition>? _completed;

    private StateMachine<CaseStatus, CaseTrigger> Configure()
    {
        var machine = new StateMachine<CaseStatus, CaseTrigger>(() => Status, status => Status = status);
        machine.OnTransitionCompleted(transition => _completed?.Invoke(transition));
        var accept = machine.SetTriggerParameters<AcceptData>(CaseTrigger.Accept);
        var decline = machine.SetTriggerParameters<DeclineInput>(CaseTrigger.Decline);
        var recordSession = machine.SetTriggerParameters<SessionInput>(CaseTrigger.RecordSession);
        var resolve = machine.SetTriggerParameters<ResolveData>(CaseTrigger.Resolve);
        var refer = machine.SetTriggerParameters<ReferInput>(CaseTrigger.Refer);
        var terminate = machine.SetTriggerParameters<TerminateInput>(CaseTrigger.Terminate);
        var approveReferral = machine.SetTriggerParameters<ApproveReferralInput>(CaseTrigger.ApproveReferral);
        var returnReferral = machine.SetTriggerParameters<ReturnReferralInput>(CaseTrigger.ReturnReferral);
        var reopen = machine.SetTriggerParameters<ReopenData>(CaseTrigger.Reopen);

        Tuple<Func<bool>, string> Who(CaseTrigger trigger) =>
            Guard(() => CaseAccess.MayFire(this, _actor, trigger), CaseAccess.Describe(trigger));

        machine.Configure(CaseStatus.Filed)
            .PermitIf(CaseTrigger.Accept, CaseStatus.Mediating, Who(CaseTrigger.Accept), Guard(() => LeadMediator is not null || _importing is not null, AcceptNeedsLead))
            .PermitIf(CaseTrigger.Decline, CaseStatus.Declined, Who(CaseTrigger.Decline))
            .PermitIf(CaseTrigger.Terminate, CaseStatus.Terminated, Who(CaseTrigger.Terminate));

        machine.Configure(CaseStatus.Mediating)
            .OnEntryFrom(accept, data => (AcceptedOn, DueOn) = (data.AcceptedOn, data.DueOn), "记录受理日期和办结期限")
            .OnEntryFrom(recordSession, session => AddSession(session, _actor), "添加调解记录")
            .OnEntryFrom(returnReferral, data => Referral!.Return(data), "记录退回意见")
            .OnEntryFrom(reopen, data => (ReopenReason, DueOn, ConcludedOn) = (data.Reason, data.DueOn, null), "记录重新调解理由并重设办结期限")
            .PermitReentryIf(CaseTrigger.RecordSession, Who(CaseTrigger.RecordSession))
            .PermitIf(CaseTrigger.Resolve, CaseStatus.Resolved, Who(CaseTrigger.Resolve), Guard(() => _sessions.Count > 0 || _importing is not null, ResolveNeedsSession))
            .PermitIf(CaseTrigger.Refer, CaseStatus.ReferralPending, Who(CaseTrigger.Refer))
            .PermitIf(CaseTrigger.Terminate, CaseStatus.Terminated, Who(CaseTrigger.Terminate));

        machine.Configure(CaseStatus.Resolved)
            .OnEntryFrom(resolve, data => (Agreement, ConcludedOn) = (Agreement.From(data.Agreement), data.Agreement.SignedOn), "保存调解协议")
            .PermitIf(CaseTrigger.Reopen, CaseStatus.Mediating, Who(CaseTrigger.Reopen), Guard(FollowUpFoundAgreementUnperformed, ReopenNeedsUnperformedFollowUp));

        machine.Configure(CaseStatus.ReferralPending)
            .SubstateOf(CaseStatus.Referred)
            .OnEntryFrom(refer, data => Referral = Referral.From(data), "记录移交去向和理由")
            .PermitIf(CaseTrigger.ApproveReferral, CaseStatus.ReferralApproved, Who(CaseTrigger.ApproveReferral))
            .PermitIf(CaseTrigger.ReturnReferral, CaseStatus.Mediating, Who(CaseTrigger.ReturnReferral));

        machine.Configure(CaseStatus.ReferralApproved)
            .SubstateOf(CaseStatus.Referred)
            .OnEntryFrom(approveReferral, data => { Referral!.Approve(data); ConcludedOn = data.ApprovedOn; }, "记录接收单位和回执编号");

        machine.Configure(CaseStatus.Declined)
            .OnEntryFrom(decline, data => (DeclineReason, ConcludedOn) = (data.Reason, data.DeclinedOn), "记录不予受理理由");

        machine.Configure(CaseStatus.Terminated)
            .OnEntryFrom(terminate, data => (TerminationReason, TerminationNote, ConcludedOn) = (data.Reason, data.Note, data.TerminatedOn), "记录终止原因");

        return machine;
    }

    /// <summary>
    /// Checks who, then state and guards, then the carried data, and only then fires: a refusal changes nothing.
    /// The history entry is appended once the transition, entry actions included, has completed.
    /// </summary>
    private WorkflowResult Fire<TData>(Actor actor, DateTime nowUtc, CaseTrigger trigger, TData data, Func<TData, IReadOnlyList<FieldError>> validate)
        where TData : IHistoryData
    {
        ChinaClock.RequireUtc(nowUtc);
        var machine = Machine(actor);
        if (!CaseAccess.MayFire(this, actor, trigger))
        {
            return WorkflowResult.Forbidden($"「{trigger.ToLabel()}」{CaseAccess.Describe(trigger)}", Permitted(machine));
        }

        if (!machine.CanFire(trigger, out var unmetGuards))
        {
            var message = unmetGuards is { Count: > 0 } ? string.Join("；", unmetGuards) : NotInThisStatus(trigger.ToLabel());
            return WorkflowResult.NotAllowedInState(message, Permitted(machine));
        }

        var errors = validate(data);
        if (errors.Count > 0)
        {
            return WorkflowResult.Invalid(errors, Permitted(machine));
        }

        _completed = transition => AppendHistory(actor, nowUtc, transition.Source, transition.Destination, transition.Trigger.ToString(), data);
        try
        {
            machine.Fire(new StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<TData>(trigger), data);
        }
        finally
        {
            _completed = null;
        }

        return WorkflowResult.Ok;
    }

    /// <summary>
    /// The rule for every event date: not in the future, and not before the previous step (the filing, or the latest
    /// dated step since). A session or follow-up visit may be entered out of order, so it is held only to the latest
    /// change of status (<paramref name="transitionsOnly"/>).
    /// </summary>
    private IReadOnlyList<FieldError> Dated(string field, string label, DateOnly date, DateTime nowUtc, bool transitionsOnly = false)
    {
        var today = ChinaClock.Today(nowUtc);
        if (date > today)
        {
            return [new FieldError(field, $"{label}不能晚于今天（{today.ToLabel()}）")];
        }

        var (previousOn, previousLabel) = PreviousStep(transitionsOnly);
        return date < previousOn ? [new FieldError(field, $"{label}不能早于{previousLabel}（{previousOn.ToLabel()}）")] : [];
    }

    /// <summary>The latest dated step of the history, and what its date is called (登记日期, 受理日期, ...).</summary>
    internal (DateOnly On, string Label) PreviousStep(bool transitionsOnly = false)
    {
        var (on, action) = (FiledOn, nameof(CaseAction.File));
        foreach (var entry in _history)
        {
            var dated = entry.Action == nameof(CaseAction.File) || entry.Action == nameof(CaseAction.RecordFollowUp) || Enum.IsDefined(typeof(CaseTrigger), entry.Action);
            var transition = entry.FromStatus is null || entry.FromStatus != entry.ToStatus;
            if (dated && (transition || !transitionsOnly) && entry.OccurredOn >= on)
            {
                (on, action) = (entry.OccurredOn, entry.Action);
            }
        }

        return (on, Labels.EventDateLabel(action));
    }

    private static IReadOnlyList<CaseTrigger> Permitted(StateMachine<CaseStatus, CaseTrigger> machine) =>
        [.. Enum.GetValues<CaseTrigger>().Where(machine.CanFire)];

    private string NotInThisStatus(string operation) => $"「{Status.ToLabel()}」的案件不能「{operation}」";

    private static Tuple<Func<bool>, string> Guard(Func<bool> condition, string description) => Tuple.Create(condition, description);

    private void AddSession(SessionInput session, Actor actor)
    {
        _sessions.Add(MediationSession.From(session, actor.UserId));
        VenueId ??= session.VenueId;
    }

    /// <summary>
    /// Reopening needs a follow-up visit recorded since the latest resolution that found the agreement not, or
    /// only partly, performed: visits of an earlier resolution do not count again.
    /// </summary>
    private bool FollowUpFoundAgreementUnperformed()
    {
        var resolvedAtUtc = _history.Where(h => h.Action == nameof(CaseTrigger.Resolve)).Select(h => h.AtUtc).DefaultIfEmpty().Max();
        return _followUps.Any(f => f.RecordedAtUtc >= resolvedAtUtc && f.Performance != PerformanceStatus.Full);
    }
}
