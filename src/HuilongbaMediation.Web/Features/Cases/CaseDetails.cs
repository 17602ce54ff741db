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
    string? Committee = null,
    int? CommitteeId = null)
{
    public MediatorView? Lead => Mediators.FirstOrDefault(m => m.IsLead);
}

/// <summary>
/// A party as the case page shows it: the details the forms use, the identity number and phone masked for everyone (the
/// full value is a recorded reveal), and the addresses in full only for those who may have the original documents (the
/// case's mediators and the judicial office), shortened to the village or street for anyone else.
/// </summary>
public sealed record PartyView(
    int Id, PartyRole Role, PartyKind Kind, string Name, Gender? Gender, string? IdNumber, string? Phone, string? RegisteredAddress, string? CurrentAddress)
{
    public string? Ethnicity { get; init; }

    /// <summary>出生日期 as entered (a correction starts from it).</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>年龄 as entered, when the birth date is not known.</summary>
    public int? Age { get; init; }

    /// <summary>出生日期 as entered or as the identity number carries it (what the page and the forms show).</summary>
    public DateOnly? BornOn { get; init; }

    /// <summary>Age today: from the birth date when known, else as entered.</summary>
    public int? AgeToday { get; init; }

    public string? Occupation { get; init; }

    public string? LegalRepresentative { get; init; }

    public string? LegalRepresentativeTitle { get; init; }

    public string? AgentName { get; init; }

    public string? AgentRelationship { get; init; }

    public AgentAuthority? AgentAuthority { get; init; }

    public string? AgentScope { get; init; }

    /// <summary>Whether the addresses are shown shortened (the viewer may not have the originals).</summary>
    public bool AddressesShortened { get; init; }

    /// <summary>The party for the page: <paramref name="fullAddresses"/> for those who may have the originals.</summary>
    public static PartyView For(Party p, bool fullAddresses, DateOnly today) =>
        new(
            p.Id,
            p.Role,
            p.Kind,
            p.Name,
            p.Gender,
            Masking.IdNumber(p.IdNumber),
            Masking.Phone(p.Phone),
            fullAddresses ? p.RegisteredAddress : Masking.Address(p.RegisteredAddress),
            fullAddresses ? p.CurrentAddress : Masking.Address(p.CurrentAddress))
        {
            Ethnicity = p.Ethnicity,
            BirthDate = p.BirthDate,
            Age = p.Age,
            BornOn = p.BirthDateKnown,
            AgeToday = p.AgeOn(today),
            Occupation = p.Occupation,
            LegalRepresentative = p.LegalRepresentative,
            LegalRepresentativeTitle = p.LegalRepresentativeTitle,
            AgentName = p.AgentName,
            AgentRelationship = p.AgentRelationship,
            AgentAuthority = p.AgentAuthority,
            AgentScope = p.AgentScope,
            AddressesShortened = !fullAddresses,
        };
}

public sealed record MediatorView(string UserId, string DisplayName, bool IsLead);

/// <summary>A step of the history: the date it happened and, for the audit trail, when and by whom it was recorded.</summary>
public sealed record HistoryView(DateOnly OccurredOn, DateTime AtUtc, string ActorName, CaseStatus? From, CaseStatus To, string Action, string Details, string? ImportedFrom);

/// <summary>The ledger row an imported case came from, its own number there, and its mediators as the ledger names them.</summary>
public sealed record LedgerView(string Source, string? Number, string? Mediators);

public sealed record SessionView(DateOnly HeldOn, string Venue, string Attendees, string Summary);

public sealed record AgreementView(AgreementKind Kind, string Terms, string? PerformanceManner, DateOnly? PerformanceDeadline, DateOnly SignedOn, DateOnly EffectiveOn);

public sealed record ReferralView(string Target, string Reason, bool Urgent, DateOnly ReferredOn, string? ReceivingBody, string? ReceiptNumber, string? ReturnComment);
