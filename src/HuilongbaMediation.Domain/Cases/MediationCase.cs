using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 纠纷案件: a dispute filed with the town's mediation network, from filing to its conclusion. Its state changes
/// only through the intent methods (<see cref="Accept"/>, <see cref="RecordSession"/>, ... and the recorded
/// actions), each of which checks who may do it, fires the workflow machine and writes one history entry; a
/// refused operation changes nothing. The web layer loads it with what the intent method reads (for a change: the
/// mediators, the sessions or follow-ups the current status's guards count, and of the history only the entries
/// <see cref="PreviousStep"/> and the reopening guard read), calls one intent method, bumps <see cref="Version"/> and saves.
/// </summary>
public sealed partial class MediationCase
{
    /// <summary>A mediation is to be concluded within one month of acceptance (DOMAIN.md "Deadlines").</summary>
    public const int MediationDays = 30;

    private readonly List<Party> _parties = [];
    private readonly List<CaseMediator> _mediators = [];
    private readonly List<MediationSession> _sessions = [];
    private readonly List<FollowUpVisit> _followUps = [];
    private readonly List<ScheduledSession> _scheduledSessions = [];
    private readonly List<HistoryEntry> _history = [];

    public int Id { get; private set; }

    /// <summary>案号, e.g. <c>（2026）回龙坝人调字第0001号</c>; empty until <see cref="AssignNumber"/>.</summary>
    public string Number { get; private set; } = "";

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>纠纷简要情况</summary>
    public string Summary { get; private set; } = "";

    /// <summary>申请事项: what the applicant asks for (the application form's 请求事项); optional.</summary>
    public string? Request { get; private set; }

    public int CategoryId { get; private set; }

    public int SourceId { get; private set; }

    /// <summary>The village or area the case belongs to; decides who sees it.</summary>
    public int VillageId { get; private set; }

    public int MediationKindId { get; private set; }

    /// <summary>Optional at filing; set by the first session when still empty.</summary>
    public int? VenueId { get; private set; }

    /// <summary>
    /// 调解组织: the people's mediation committee or station that handles the case (MediationCommittee id), whose name and
    /// seal line its documents carry. Null only for cases filed before committees were kept, until start-up fills it in.
    /// </summary>
    public int? CommitteeId { get; private set; }

    public decimal? AmountInvolved { get; private set; }

    public int PeopleInvolved { get; private set; }

    public RiskLevel RiskLevel { get; private set; }

    public string? RiskNote { get; private set; }

    /// <summary>登记日期</summary>
    public DateOnly FiledOn { get; private set; }

    /// <summary>受理日期, as entered with the Accept transition.</summary>
    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>办结期限: accepted on + 30 days; later when extended; reset to 30 days on reopening.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>
    /// The date of the transition into a concluded state (Resolved: the agreement's date; ReferralApproved, Declined,
    /// Terminated: the date entered with it); null while the case is open (Filed, Mediating, ReferralPending).
    /// </summary>
    public DateOnly? ConcludedOn { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>Concurrency token: the web layer bumps it on every save and refuses stale writes.</summary>
    public int Version { get; set; }

    public string FiledById { get; private set; } = "";

    /// <summary>不予受理理由, when declined.</summary>
    public string? DeclineReason { get; private set; }

    public TerminationReason? TerminationReason { get; private set; }

    /// <summary>Required when <see cref="TerminationReason"/> is Other.</summary>
    public string? TerminationNote { get; private set; }

    /// <summary>The latest referral, from request to approval or return.</summary>
    public Referral? Referral { get; private set; }

    /// <summary>重新调解理由 of the latest reopening.</summary>
    public string? ReopenReason { get; private set; }

    /// <summary>The agreement of the latest resolution.</summary>
    public Agreement? Agreement { get; private set; }

    public JudicialConfirmation? JudicialConfirmation { get; private set; }

    /// <summary>Where an imported case came from (台账导入); null for a case filed in the app.</summary>
    public LedgerRecord? Ledger { get; private set; }

    public IReadOnlyList<Party> Parties => _parties;

    public IReadOnlyList<CaseMediator> Mediators => _mediators;

    public IReadOnlyList<MediationSession> Sessions => _sessions;

    public IReadOnlyList<FollowUpVisit> FollowUps => _followUps;

    /// <summary>安排调解: the sessions arranged for the parties to come to, in the order they were arranged.</summary>
    public IReadOnlyList<ScheduledSession> ScheduledSessions => _scheduledSessions;

    /// <summary>
    /// Append-only; see <see cref="HistoryEntry"/>. Whole when the case is read for its page; loaded for a change, it holds
    /// only the entries the checks read (the latest dated step, the latest dated change of status, the latest resolution)
    /// and what the change appends, so nothing here may read more of it than those.
    /// </summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>The lead mediator (主办), if assigned.</summary>
    public CaseMediator? LeadMediator => _mediators.FirstOrDefault(m => m.IsLead);

    /// <summary>
    /// Files a new case: checks that the actor may file for its village and that the draft is valid, then
    /// returns the case in status Filed with its first history entry, "File". <paramref name="today"/> is the
    /// China date the draft is checked against, normally <see cref="ChinaClock.Today"/> of <paramref name="nowUtc"/>.
    /// The case has no number yet: the web layer calls <see cref="AssignNumber"/> in the same transaction.
    /// </summary>
    public static WorkflowResult<MediationCase> File(CaseDraft draft, Actor actor, DateTime nowUtc, DateOnly today) =>
        File(draft, actor, nowUtc, today, ledger: null);

    private static WorkflowResult<MediationCase> File(CaseDraft draft, Actor actor, DateTime nowUtc, DateOnly today, LedgerRecord? ledger)
    {
        ChinaClock.RequireUtc(nowUtc);
        if (!CaseAccess.CanFile(actor, draft.VillageId))
        {
            return WorkflowResult<MediationCase>.Failure(WorkflowResult.Forbidden("只能登记本村（社区）或片区的纠纷；系统管理员不登记纠纷", []));
        }

        var errors = CaseValidator.Validate(draft, today);
        if (errors.Count > 0)
        {
            return WorkflowResult<MediationCase>.Failure(WorkflowResult.Invalid(errors, []));
        }

        var @case = new MediationCase
        {
            Summary = Text.Required(draft.Summary),
            Request = Text.Clean(draft.Request),
            CategoryId = draft.CategoryId,
            SourceId = draft.SourceId,
            VillageId = draft.VillageId,
            MediationKindId = draft.MediationKindId,
            VenueId = draft.VenueId,
            CommitteeId = draft.CommitteeId,
            AmountInvolved = draft.AmountInvolved,
            PeopleInvolved = draft.PeopleInvolved,
            RiskLevel = draft.RiskLevel,
            RiskNote = Text.Clean(draft.RiskNote),
            FiledOn = draft.FiledOn,
            Status = CaseStatus.Filed,
            FiledById = actor.UserId,
            Ledger = ledger,
            _importing = ledger,
        };
        @case._parties.AddRange(draft.Parties.Select(Party.From));
        @case.AppendHistory(actor, nowUtc, from: null, CaseStatus.Filed, nameof(CaseAction.File), draft.Masked());
        return WorkflowResult<MediationCase>.Success(@case);
    }

    /// <summary>
    /// Gives the case its number. The web layer picks the sequence (max + 1 for the year of filing) inside the
    /// filing transaction; a case is numbered once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The case already has a number.</exception>
    /// <exception cref="ArgumentException"><paramref name="year"/> is not the year the case was filed on.</exception>
    /// <param name="ledgerNumber">An imported case's own number from its ledger, kept as its 案号 (the sequence is still the year's next).</param>
    public void AssignNumber(int year, int sequence, string? ledgerNumber = null)
    {
        if (Number.Length > 0)
        {
            throw new InvalidOperationException($"The case already has the number {Number}.");
        }

        if (year != FiledOn.Year)
        {
            throw new ArgumentException($"A case filed on {FiledOn:O} is numbered in {FiledOn.Year}, not {year}.", nameof(year));
        }

        (Number, Year, Sequence) = (Text.Clean(ledgerNumber) ?? CaseNumber.Format(year, sequence), year, sequence);
    }

    private void AppendHistory(Actor actor, DateTime nowUtc, CaseStatus? from, CaseStatus to, string action, IHistoryData data) =>
        _history.Add(HistoryEntry.Create(actor, nowUtc, from, to, action, data, _importing?.Label));
}
