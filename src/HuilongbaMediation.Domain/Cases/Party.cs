using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 当事人: a person or organisation in the dispute. Two addresses, because many residents were resettled from
/// their old village: 户籍地址 (registered) and 现住址 (where they live now). <see cref="IdNumber"/> and
/// <see cref="Phone"/> are shown through <see cref="Masking"/> unless revealed on the record. The other details are the
/// ones the official forms ask for (申请书, 协议书, 司法确认申请书): for a person 性别, 民族, 出生日期 or 年龄, 职业; for an
/// organisation its 法定代表人; and a 委托代理人 with the scope of the authorisation.
/// </summary>
public sealed class Party
{
    public int Id { get; internal set; }

    public PartyRole Role { get; private set; }

    public PartyKind Kind { get; private set; }

    /// <summary>姓名 or 单位名称.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Persons only.</summary>
    public Gender? Gender { get; private set; }

    /// <summary>公民身份号码, upper-case X; persons only.</summary>
    public string? IdNumber { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>户籍地址</summary>
    public string? RegisteredAddress { get; private set; }

    /// <summary>现住址</summary>
    public string? CurrentAddress { get; private set; }

    /// <summary>民族 (persons), one of <see cref="Ethnicities.All"/>.</summary>
    public string? Ethnicity { get; private set; }

    /// <summary>出生日期 (persons), when entered; see <see cref="BirthDateKnown"/>.</summary>
    public DateOnly? BirthDate { get; private set; }

    /// <summary>年龄 (persons) as entered when the birth date is not known.</summary>
    public int? Age { get; private set; }

    /// <summary>职业 (persons).</summary>
    public string? Occupation { get; private set; }

    /// <summary>法定代表人（负责人） of an organisation.</summary>
    public string? LegalRepresentative { get; private set; }

    /// <summary>The legal representative's 职务.</summary>
    public string? LegalRepresentativeTitle { get; private set; }

    /// <summary>委托代理人: who acts for the party, if anyone (the 卷宗 then needs an 授权委托书).</summary>
    public string? AgentName { get; private set; }

    /// <summary>The agent's relation to the party or their work unit (与当事人关系或工作单位).</summary>
    public string? AgentRelationship { get; private set; }

    /// <summary>代理权限: required with <see cref="AgentName"/>.</summary>
    public AgentAuthority? AgentAuthority { get; private set; }

    /// <summary>代理事项: what a specially authorised agent may do.</summary>
    public string? AgentScope { get; private set; }

    /// <summary>The birth date entered, else the one the identity number carries.</summary>
    public DateOnly? BirthDateKnown => BirthDate ?? Common.IdNumber.BirthDateOf(IdNumber);

    /// <summary>Age on <paramref name="day"/>: from the birth date when known, else as entered.</summary>
    public int? AgeOn(DateOnly day) => BirthDateKnown is { } born ? Common.IdNumber.AgeOn(born, day) : Age;

    public bool HasAgent => AgentName is not null;

    internal string? PersonalData(PersonalDataField field) => field switch
    {
        PersonalDataField.IdNumber => IdNumber,
        PersonalDataField.Phone => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    internal static Party From(PartyDraft draft) => new()
    {
        Role = draft.Role,
        Kind = draft.Kind,
        Name = Text.Required(draft.Name),
        Gender = draft.Gender,
        IdNumber = Text.Clean(draft.IdNumber)?.ToUpperInvariant(),
        Phone = Text.Clean(draft.Phone),
        RegisteredAddress = Text.Clean(draft.RegisteredAddress),
        CurrentAddress = Text.Clean(draft.CurrentAddress),
        Ethnicity = Text.Clean(draft.Ethnicity),
        BirthDate = draft.BirthDate,
        Age = draft.Age,
        Occupation = Text.Clean(draft.Occupation),
        LegalRepresentative = Text.Clean(draft.LegalRepresentative),
        LegalRepresentativeTitle = Text.Clean(draft.LegalRepresentativeTitle),
        AgentName = Text.Clean(draft.AgentName),
        AgentRelationship = Text.Clean(draft.AgentRelationship),
        AgentAuthority = Text.Clean(draft.AgentName) is null ? null : draft.AgentAuthority,
        AgentScope = Text.Clean(draft.AgentName) is null ? null : Text.Clean(draft.AgentScope),
    };
}
