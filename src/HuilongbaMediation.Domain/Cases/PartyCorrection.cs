using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>
/// What CorrectParty carries: a party's details as they should read, entered on the same fields as at filing. The
/// screens never hold a full identity number or phone, so a blank <see cref="PartyDraft.IdNumber"/> or
/// <see cref="PartyDraft.Phone"/> keeps the one on record; <see cref="ClearIdNumber"/> and <see cref="ClearPhone"/>
/// remove it (a number entered for the wrong person).
/// </summary>
public sealed record PartyCorrection
{
    /// <summary>The party of the case to correct.</summary>
    public required int PartyId { get; init; }

    /// <summary>The details as they should read; a blank identity number or phone keeps the one on record.</summary>
    public required PartyDraft Party { get; init; }

    /// <summary>Removes the identity number on record (ignored when a new one is entered).</summary>
    public bool ClearIdNumber { get; init; }

    /// <summary>Removes the phone on record (ignored when a new one is entered).</summary>
    public bool ClearPhone { get; init; }
}

/// <summary>What AssignCommittee carries: the committee (or station) that handles the case from now on.</summary>
/// <param name="CommitteeId">A MediationCommittee id, active.</param>
public sealed record AssignCommitteeInput(int CommitteeId)
{
    /// <summary>The committee's name, filled in by the web layer for the history (the domain knows committees by id).</summary>
    public string? CommitteeName { get; init; }

    /// <summary>The name of the committee that handled the case until now, for the history; null when it had none.</summary>
    public string? PreviousName { get; init; }
}

/// <summary>One field of a party that a correction changed, old → new, as the history shows it (identity numbers and phones masked).</summary>
public sealed record PartyFieldChange(string Field, string? From, string? To);

internal sealed record PartyCorrectedData(int PartyId, string PartyName, IReadOnlyList<PartyFieldChange> Changes) : IHistoryData
{
    public string Describe() =>
        $"更正当事人{PartyName}的信息：" + string.Join("；", Changes.Select(c => $"{c.Field} {Shown(c.From)} → {Shown(c.To)}"));

    private static string Shown(string? value) => value ?? "（空）";
}

internal sealed record PartyAddedData(PartyDraft Party) : IHistoryData
{
    public string Describe() => $"追加当事人：{Party.Role.ToLabel()} {Text.Required(Party.Name)}";
}

internal sealed record CommitteeAssignedData(int? FromId, string? From, int ToId, string? To) : IHistoryData
{
    public string Describe() => $"调解组织由 {From ?? "（未指定）"} 变更为 {To ?? ToId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
