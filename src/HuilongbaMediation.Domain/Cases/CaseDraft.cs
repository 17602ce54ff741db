using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// Everything needed to file a case (DOMAIN.md "A case"), as the filing form submits it. Checked by
/// <see cref="CaseValidator.Validate(CaseDraft, DateOnly)"/> and turned into a case by <see cref="MediationCase.File"/>.
/// </summary>
public sealed record CaseDraft : IHistoryData
{
    /// <summary>纠纷简要情况, 10–2000 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>申请事项: what the applicant asks for; optional, up to 500 characters.</summary>
    public string? Request { get; init; }

    /// <summary>纠纷类型 (DisputeCategory id).</summary>
    public required int CategoryId { get; init; }

    /// <summary>案件来源 (CaseSource id).</summary>
    public required int SourceId { get; init; }

    /// <summary>村、社区或片区 (Village id): decides who may see and act on the case.</summary>
    public required int VillageId { get; init; }

    /// <summary>调解类型 (MediationKind id).</summary>
    public required int MediationKindId { get; init; }

    /// <summary>调解场所 (Venue id): optional until the first session.</summary>
    public int? VenueId { get; init; }

    /// <summary>涉及金额 in yuan, ≥ 0, at most 2 decimals.</summary>
    public decimal? AmountInvolved { get; init; }

    /// <summary>涉及人数, ≥ 2; 5 or more is a group dispute.</summary>
    public required int PeopleInvolved { get; init; }

    public RiskLevel RiskLevel { get; init; }

    /// <summary>风险说明: required when the risk is high.</summary>
    public string? RiskNote { get; init; }

    /// <summary>登记日期: today or earlier.</summary>
    public required DateOnly FiledOn { get; init; }

    /// <summary>
    /// 调解组织: the people's mediation committee (or station) that handles the case (MediationCommittee id); the web layer
    /// fills in the default of the case's village when none is chosen.
    /// </summary>
    public int? CommitteeId { get; init; }

    /// <summary>At least one applicant and one respondent.</summary>
    public required IReadOnlyList<PartyDraft> Parties { get; init; }

    DateOnly? IHistoryData.EventDate => FiledOn;

    /// <summary>The draft as the history keeps it: identity numbers and phones masked.</summary>
    internal CaseDraft Masked() => this with
    {
        Parties = [.. Parties.Select(p => p with { IdNumber = Masking.IdNumber(p.IdNumber), Phone = Masking.Phone(p.Phone) })],
    };

    string IHistoryData.Describe() =>
        "登记纠纷；" + string.Join("；", Parties
            .GroupBy(p => p.Role)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key.ToLabel()}：{string.Join("、", g.Select(p => Text.Required(p.Name)))}"));
}

/// <summary>A party as entered on the filing form; see <see cref="Party"/>.</summary>
public sealed record PartyDraft
{
    public required PartyRole Role { get; init; }

    public required PartyKind Kind { get; init; }

    public required string Name { get; init; }

    public Gender? Gender { get; init; }

    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    public string? RegisteredAddress { get; init; }

    public string? CurrentAddress { get; init; }

    /// <summary>民族 (persons): one of <see cref="Ethnicities.All"/>.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>出生日期 (persons); with an identity number it must be the one the number carries.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>年龄 (persons), when the birth date is not known; 0–120.</summary>
    public int? Age { get; init; }

    /// <summary>职业 (persons).</summary>
    public string? Occupation { get; init; }

    /// <summary>法定代表人（负责人） (organisations).</summary>
    public string? LegalRepresentative { get; init; }

    /// <summary>The legal representative's 职务 (organisations).</summary>
    public string? LegalRepresentativeTitle { get; init; }

    /// <summary>委托代理人, if the party has one.</summary>
    public string? AgentName { get; init; }

    /// <summary>The agent's relation to the party or work unit.</summary>
    public string? AgentRelationship { get; init; }

    /// <summary>代理权限: required with an agent.</summary>
    public AgentAuthority? AgentAuthority { get; init; }

    /// <summary>代理事项: required for a special authorisation.</summary>
    public string? AgentScope { get; init; }
}
