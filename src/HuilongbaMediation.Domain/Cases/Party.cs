using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// 当事人: a person or organisation in the dispute. Two addresses, because many residents were resettled from
/// their old village: 户籍地址 (registered) and 现住址 (where they live now). <see cref="IdNumber"/> and
/// <see cref="Phone"/> are shown through <see cref="Masking"/> unless revealed on the record.
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
    };
}
