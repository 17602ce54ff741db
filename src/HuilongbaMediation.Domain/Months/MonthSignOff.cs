using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Months;

/// <summary>An open case of the month and why it is still open, as the village head explains it at sign-off.</summary>
public sealed record OpenCaseReason(int CaseId, string Reason);

/// <summary>
/// 台账清零: a village head (or the judicial office) has reviewed the village's month — filed, concluded, each case
/// still open with its reason, the overdue ones explained — and signed it off. One per village and month.
/// </summary>
public sealed class MonthSignOff
{
    private readonly List<SignOffReason> _reasons = [];

    public int Id { get; private set; }

    public int VillageId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public string SignedById { get; private set; } = "";

    public string SignedByName { get; private set; } = "";

    public DateTime SignedAtUtc { get; private set; }

    public IReadOnlyList<SignOffReason> Reasons => _reasons;

    /// <summary>Whether the actor may sign off this village's month: its village head, or the judicial office.</summary>
    public static bool MaySign(Actor actor, int villageId) =>
        actor.Role == UserRole.JudicialOffice || (actor.Role == UserRole.VillageHead && actor.VillageId == villageId);

    /// <summary>
    /// Signs off the month after it has ended; every open case needs a reason (field <c>Reasons[caseId]</c>).
    /// </summary>
    public static (MonthSignOff? SignOff, IReadOnlyList<FieldError> Errors, bool Forbidden) Sign(
        int villageId, DateOnly month, IReadOnlyCollection<int> openCaseIds, IReadOnlyList<OpenCaseReason> reasons, Actor actor, DateTime nowUtc)
    {
        ChinaClock.RequireUtc(nowUtc);
        if (!MaySign(actor, villageId))
        {
            return (null, [], true);
        }

        var errors = new FieldErrors();
        errors.AddIf(month.AddMonths(1) > ChinaClock.Today(nowUtc), nameof(Month), "本月尚未结束，月末后才能签认");
        foreach (var id in openCaseIds)
        {
            errors.Text($"Reasons[{id}]", reasons.FirstOrDefault(r => r.CaseId == id)?.Reason, "未结原因", CaseValidator.NoteMaxLength);
        }

        if (errors.Errors.Count > 0)
        {
            return (null, errors.Errors, false);
        }

        var signOff = new MonthSignOff
        {
            VillageId = villageId,
            Month = month,
            SignedById = actor.UserId,
            SignedByName = actor.DisplayName,
            SignedAtUtc = nowUtc,
        };
        signOff._reasons.AddRange(reasons.Where(r => openCaseIds.Contains(r.CaseId)).Select(r => new SignOffReason(r.CaseId, Text.Required(r.Reason))));
        return (signOff, [], false);
    }
}

/// <summary>Why a case was still open at a sign-off.</summary>
public sealed class SignOffReason(int caseId, string reason)
{
    public int Id { get; private set; }

    public int SignOffId { get; private set; }

    public int CaseId { get; private set; } = caseId;

    public string Reason { get; private set; } = reason;
}

/// <summary>
/// A month the judicial office has closed for the town: its statistical form as reported is kept
/// (<see cref="Figures"/>, JSON written by the web layer) and never changes. An event entered later with a date in a
/// closed month counts in the first open month, as 补报.
/// </summary>
public sealed class ClosedMonth
{
    public int Id { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public string ClosedById { get; private set; } = "";

    public string ClosedByName { get; private set; } = "";

    public DateTime ClosedAtUtc { get; private set; }

    /// <summary>The form as reported, serialized.</summary>
    public string Figures { get; private set; } = "";

    public static ClosedMonth Close(DateOnly month, string figures, Actor actor, DateTime nowUtc) => new()
    {
        Month = month,
        ClosedById = actor.UserId,
        ClosedByName = actor.DisplayName,
        ClosedAtUtc = ChinaClock.RequireUtc(nowUtc),
        Figures = figures,
    };
}
