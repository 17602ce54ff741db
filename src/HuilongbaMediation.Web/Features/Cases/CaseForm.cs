using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>
/// The intake form's editable model. The domain's <see cref="CaseDraft"/> is immutable; the form binds to this and
/// turns it into a draft for validation (as the user types) and for filing. Field paths match the domain's errors.
/// </summary>
public sealed class CaseForm
{
    public string Summary { get; set; } = "";

    public string? Request { get; set; }

    public int? CategoryId { get; set; }

    public int? SourceId { get; set; }

    public int? VillageId { get; set; }

    public int? MediationKindId { get; set; }

    public int? VenueId { get; set; }

    /// <summary>调解组织; null: the village's own committee (the town's for an area) when filed.</summary>
    public int? CommitteeId { get; set; }

    public decimal? AmountInvolved { get; set; }

    public int PeopleInvolved { get; set; } = 2;

    public RiskLevel RiskLevel { get; set; } = RiskLevel.Low;

    public string? RiskNote { get; set; }

    public DateTime? FiledOn { get; set; }

    /// <summary>The lead mediator to assign right after filing (a mediator filing takes the case themself).</summary>
    public string? LeadMediatorId { get; set; }

    public List<PartyForm> Parties { get; } =
    [
        new() { Role = PartyRole.Applicant },
        new() { Role = PartyRole.Respondent },
    ];

    public CaseDraft ToDraft() => new()
    {
        Summary = Summary,
        Request = Request,
        CategoryId = CategoryId ?? 0,
        SourceId = SourceId ?? 0,
        VillageId = VillageId ?? 0,
        MediationKindId = MediationKindId ?? 0,
        VenueId = VenueId,
        CommitteeId = CommitteeId,
        AmountInvolved = AmountInvolved,
        PeopleInvolved = PeopleInvolved,
        RiskLevel = RiskLevel,
        RiskNote = RiskNote,
        FiledOn = FiledOn is { } d ? DateOnly.FromDateTime(d) : default,
        Parties = [.. Parties.Select(p => p.ToDraft())],
    };
}

public sealed class PartyForm
{
    public PartyRole Role { get; set; }

    public PartyKind Kind { get; set; } = PartyKind.Person;

    public string Name { get; set; } = "";

    public Gender? Gender { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? RegisteredAddress { get; set; }

    public string? CurrentAddress { get; set; }

    public string? Ethnicity { get; set; }

    /// <summary>出生日期, as the date picker holds it.</summary>
    public DateTime? BirthDate { get; set; }

    public int? Age { get; set; }

    public string? Occupation { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? LegalRepresentativeTitle { get; set; }

    /// <summary>Whether the form shows the 委托代理人's fields; without it they are not sent.</summary>
    public bool HasAgent { get; set; }

    public string? AgentName { get; set; }

    public string? AgentRelationship { get; set; }

    public AgentAuthority? AgentAuthority { get; set; }

    public string? AgentScope { get; set; }

    /// <summary>
    /// A party on record, to correct: every detail but the identity number and phone, which the page holds only masked
    /// (left blank, the ones on record are kept).
    /// </summary>
    public static PartyForm From(PartyView p) => new()
    {
        Role = p.Role,
        Kind = p.Kind,
        Name = p.Name,
        Gender = p.Gender,
        RegisteredAddress = p.RegisteredAddress,
        CurrentAddress = p.CurrentAddress,
        Ethnicity = p.Ethnicity,
        BirthDate = p.BirthDate?.ToDateTime(TimeOnly.MinValue),
        Age = p.Age,
        Occupation = p.Occupation,
        LegalRepresentative = p.LegalRepresentative,
        LegalRepresentativeTitle = p.LegalRepresentativeTitle,
        HasAgent = p.AgentName is not null,
        AgentName = p.AgentName,
        AgentRelationship = p.AgentRelationship,
        AgentAuthority = p.AgentAuthority,
        AgentScope = p.AgentScope,
    };

    /// <summary>The draft: a person's details for a person, an organisation's for an organisation, the agent only when there is one.</summary>
    public PartyDraft ToDraft()
    {
        var person = Kind == PartyKind.Person;
        return new()
        {
            Role = Role,
            Kind = Kind,
            Name = Name,
            Gender = person ? Gender : null,
            IdNumber = person ? IdNumber : null,
            Phone = Phone,
            RegisteredAddress = RegisteredAddress,
            CurrentAddress = CurrentAddress,
            Ethnicity = person ? Ethnicity : null,
            BirthDate = person && BirthDate is { } born ? DateOnly.FromDateTime(born) : null,
            Age = person ? Age : null,
            Occupation = person ? Occupation : null,
            LegalRepresentative = person ? null : LegalRepresentative,
            LegalRepresentativeTitle = person ? null : LegalRepresentativeTitle,
            AgentName = HasAgent ? AgentName : null,
            AgentRelationship = HasAgent ? AgentRelationship : null,
            AgentAuthority = HasAgent ? AgentAuthority : null,
            AgentScope = HasAgent && AgentAuthority == Domain.Cases.AgentAuthority.Special ? AgentScope : null,
        };
    }
}
