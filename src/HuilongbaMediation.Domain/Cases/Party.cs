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

    internal static Party From(PartyDraft draft)
    {
        var party = new Party();
        party.Apply(draft);
        return party;
    }

    /// <summary>The party as a draft (what a correction starts from and compares with).</summary>
    internal PartyDraft ToDraft() => new()
    {
        Role = Role,
        Kind = Kind,
        Name = Name,
        Gender = Gender,
        IdNumber = IdNumber,
        Phone = Phone,
        RegisteredAddress = RegisteredAddress,
        CurrentAddress = CurrentAddress,
        Ethnicity = Ethnicity,
        BirthDate = BirthDate,
        Age = Age,
        Occupation = Occupation,
        LegalRepresentative = LegalRepresentative,
        LegalRepresentativeTitle = LegalRepresentativeTitle,
        AgentName = AgentName,
        AgentRelationship = AgentRelationship,
        AgentAuthority = AgentAuthority,
        AgentScope = AgentScope,
    };

    /// <summary>
    /// The fields <paramref name="draft"/> would change, old → new, as the history shows them: identity numbers and
    /// phones masked. Empty when the draft says what the party already says.
    /// </summary>
    internal IReadOnlyList<PartyFieldChange> ChangesTo(PartyDraft draft)
    {
        var after = From(draft);
        var changes = new List<PartyFieldChange>();
        void Compare(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new PartyFieldChange(field, from, to));
            }
        }

        // Masked both sides; a change hidden by the mask (the middle digits) still says that it changed.
        void Personal(string field, string? from, string? to, Func<string?, string?> mask)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                var (shownFrom, shownTo) = (mask(from), mask(to));
                changes.Add(new PartyFieldChange(field, shownFrom, shownFrom == shownTo ? shownTo + "（中间位已更正）" : shownTo));
            }
        }

        Compare("当事人身份", Role.ToLabel(), after.Role.ToLabel());
        Compare("个人或单位", Kind.ToLabel(), after.Kind.ToLabel());
        Compare("姓名或名称", Name, after.Name);
        Compare("性别", Gender?.ToLabel(), after.Gender?.ToLabel());
        Personal("身份证号", IdNumber, after.IdNumber, Masking.IdNumber);
        Personal("联系电话", Phone, after.Phone, Masking.Phone);
        Compare("户籍地址", RegisteredAddress, after.RegisteredAddress);
        Compare("现住址", CurrentAddress, after.CurrentAddress);
        Compare("民族", Ethnicity, after.Ethnicity);
        Compare("出生日期", BirthDate?.ToLabel(), after.BirthDate?.ToLabel());
        Compare("年龄", Age?.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("职业", Occupation, after.Occupation);
        Compare("法定代表人", LegalRepresentative, after.LegalRepresentative);
        Compare("法定代表人职务", LegalRepresentativeTitle, after.LegalRepresentativeTitle);
        Compare("委托代理人", AgentName, after.AgentName);
        Compare("代理人与当事人关系", AgentRelationship, after.AgentRelationship);
        Compare("代理权限", AgentAuthority?.ToLabel(), after.AgentAuthority?.ToLabel());
        Compare("代理事项", AgentScope, after.AgentScope);
        return changes;
    }

    /// <summary>Sets every detail from the draft (filing, and a correction after filing).</summary>
    internal void Apply(PartyDraft draft)
    {
        var hasAgent = Text.Clean(draft.AgentName) is not null;
        Role = draft.Role;
        Kind = draft.Kind;
        Name = Text.Required(draft.Name);
        Gender = draft.Gender;
        IdNumber = Text.Clean(draft.IdNumber)?.ToUpperInvariant();
        Phone = Text.Clean(draft.Phone);
        RegisteredAddress = Text.Clean(draft.RegisteredAddress);
        CurrentAddress = Text.Clean(draft.CurrentAddress);
        Ethnicity = Text.Clean(draft.Ethnicity);
        BirthDate = draft.BirthDate;
        Age = draft.Age;
        Occupation = Text.Clean(draft.Occupation);
        LegalRepresentative = Text.Clean(draft.LegalRepresentative);
        LegalRepresentativeTitle = Text.Clean(draft.LegalRepresentativeTitle);
        AgentName = Text.Clean(draft.AgentName);
        AgentRelationship = Text.Clean(draft.AgentRelationship);
        AgentAuthority = hasAgent ? draft.AgentAuthority : null;
        AgentScope = hasAgent ? Text.Clean(draft.AgentScope) : null;
    }
}
