using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>A case as its page shows it. Personal data is masked; the full value needs <see cref="CaseService.RevealPersonalDataAsync"/>.</summary>
public sealed record CaseDetails(
    int Id,
    string Number,
    CaseStatus Status,
    int Version,
    string Summary,
    string? Request,
    string Village,
    string Category,
    string Source,
    string MediationKind,
    int? VenueId,
    string? Venue,
    decimal? AmountInvolved,
    int PeopleInvolved,
    RiskLevel RiskLevel,
    string? RiskNote,
    DateOnly FiledOn,
    DateOnly? AcceptedOn,
    DateOnly? DueOn,
    DateOnly? ConcludedOn,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<MediatorView> Mediators,
    IReadOnlyList<HistoryView> History,
    IReadOnlyList<SessionView> Sessions,
    AgreementView? Agreement,
    ReferralView? Referral,
    IReadOnlyList<CaseTrigger> PermittedTriggers,
    IReadOnlyList<CaseAction> PermittedActions,
    LedgerView? Ledger = null,
    string? Committee = null)
{
    public MediatorView? Lead => Mediators.FirstOrDefault(m => m.IsLead);
}

public sealed record PartyView(
    int Id, PartyRole Role, PartyKind Kind, string Name, Gender? Gender, string? IdNumber, string? Phone, string? RegisteredAddress, string? CurrentAddress)
{
    public static PartyView Masked(Party p) =>
        new(p.Id, p.Role, p.Kind, p.Name, p.Gender, Masking.IdNumber(p.IdNumber), Masking.Phone(p.Phone), p.RegisteredAddress, p.CurrentAddress);
}

public sealed record MediatorView(string UserId, string DisplayName, bool IsLead);

/// <summary>A step of the history: the date it happened and, for the audit trail, when and by whom it was recorded.</summary>
public sealed record HistoryView(DateOnly OccurredOn, DateTime AtUtc, string ActorName, CaseStatus? From, CaseStatus To, string Action, string Details, string? ImportedFrom);

/// <summary>The ledger row an imported case came from, its own number there, and its mediators as the ledger names them.</summary>
public sealed record LedgerView(string Source, string? Number, string? Mediators);

public sealed record SessionView(DateOnly HeldOn, string Venue, string Attendees, string Summary);

public sealed record AgreementView(AgreementKind Kind, string Terms, string? PerformanceManner, DateOnly? PerformanceDeadline, DateOnly SignedOn, DateOnly EffectiveOn);

public sealed record ReferralView(string Target, string Reason, bool Urgent, DateOnly ReferredOn, string? ReceivingBody, string? ReceiptNumber, string? ReturnComment);
