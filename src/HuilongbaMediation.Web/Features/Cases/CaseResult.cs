using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>How a case operation ended, as the page needs to know it.</summary>
public enum CaseOutcome
{
    /// <summary>Saved, with its history entry.</summary>
    Done,

    /// <summary>No such case.</summary>
    NotFound,

    /// <summary>This user may not read the case, or may not do this on it.</summary>
    Forbidden,

    /// <summary>Not possible in the case's current state (see <see cref="CaseResult.AllowedTriggers"/>).</summary>
    NotAllowedInState,

    /// <summary>Bad input; see <see cref="CaseResult.Errors"/>, one message per field.</summary>
    Invalid,

    /// <summary>Someone else changed the case after this user loaded it: reload and try again.</summary>
    Conflict,
}

/// <summary>
/// The typed result of every case operation. Nothing was written unless <see cref="Outcome"/> is Done.
/// <see cref="Case"/> names the case and its new version after a write, so the page can go on without reloading.
/// </summary>
public record CaseResult(
    CaseOutcome Outcome,
    string Message,
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<CaseTrigger> AllowedTriggers,
    CaseRef? Case = null)
{
    public const string ConflictMessage = "案件已被他人修改，请刷新后重试";

    public bool Succeeded => Outcome == CaseOutcome.Done;

    public string? ErrorFor(string field) =>
        Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    public static CaseResult Done(CaseRef @case) => new(CaseOutcome.Done, "", [], [], @case);

    public static CaseResult NotFound() => new(CaseOutcome.NotFound, "案件不存在", [], []);

    public static CaseResult Forbidden(string message = "您无权查看或办理此案件") => new(CaseOutcome.Forbidden, message, [], []);

    public static CaseResult Conflict() => new(CaseOutcome.Conflict, ConflictMessage, [], []);

    public static CaseResult Invalid(IReadOnlyList<FieldError> errors) => new(CaseOutcome.Invalid, "请检查填写的内容", errors, []);

    public static CaseResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    /// <summary>A refusal of the domain, kept as it is.</summary>
    public static CaseResult From(WorkflowResult refusal) => new(
        refusal.Kind switch
        {
            WorkflowResultKind.Forbidden => CaseOutcome.Forbidden,
            WorkflowResultKind.NotAllowedInState => CaseOutcome.NotAllowedInState,
            WorkflowResultKind.Invalid => CaseOutcome.Invalid,
            _ => throw new ArgumentException("Not a refusal.", nameof(refusal)),
        },
        refusal.Message,
        refusal.Errors,
        refusal.PermittedTriggers);
}

/// <summary>A case as a write leaves it: its id, number and new version.</summary>
public sealed record CaseRef(int Id, string Number, int Version, CaseStatus Status);
