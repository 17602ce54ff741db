using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>How an operation on a case ended. Only <see cref="Ok"/> changed anything.</summary>
public enum WorkflowResultKind
{
    /// <summary>Done; the case has a new history entry.</summary>
    Ok,

    /// <summary>This user may not do this on this case, in any state.</summary>
    Forbidden,

    /// <summary>Not possible in the case's current state, or a guard of the workflow failed.</summary>
    NotAllowedInState,

    /// <summary>What was entered is wrong; see <see cref="WorkflowResult.Errors"/>.</summary>
    Invalid,
}

/// <summary>
/// The outcome of a workflow operation. Expected refusals are results, not exceptions; a refused operation
/// leaves the case exactly as it was. Every refusal carries the triggers the user may fire now, so the page
/// can redraw its buttons.
/// </summary>
public class WorkflowResult
{
    private protected WorkflowResult(WorkflowResultKind kind, string message, IReadOnlyList<FieldError> errors, IReadOnlyList<CaseTrigger> permittedTriggers)
    {
        Kind = kind;
        Message = message;
        Errors = errors;
        PermittedTriggers = permittedTriggers;
    }

    public WorkflowResultKind Kind { get; }

    public bool IsOk => Kind == WorkflowResultKind.Ok;

    /// <summary>Why it was refused, in Chinese; empty when <see cref="IsOk"/>.</summary>
    public string Message { get; }

    /// <summary>The field errors of an <see cref="WorkflowResultKind.Invalid"/> result.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>On refusal: the triggers this user may fire on the case now, in workflow-table order.</summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers { get; }

    internal static WorkflowResult Ok { get; } = new(WorkflowResultKind.Ok, "", [], []);

    internal static WorkflowResult Forbidden(string message, IReadOnlyList<CaseTrigger> permittedTriggers) =>
        new(WorkflowResultKind.Forbidden, message, [], permittedTriggers);

    internal static WorkflowResult NotAllowedInState(string message, IReadOnlyList<CaseTrigger> permittedTriggers) =>
        new(WorkflowResultKind.NotAllowedInState, message, [], permittedTriggers);

    internal static WorkflowResult Invalid(IReadOnlyList<FieldError> errors, IReadOnlyList<CaseTrigger> permittedTriggers) =>
        new(WorkflowResultKind.Invalid, "请检查填写的内容", errors, permittedTriggers);

    public override string ToString() => IsOk ? "Ok" : $"{Kind}: {Message} {string.Join(" ", Errors)}";
}

/// <summary>A <see cref="WorkflowResult"/> that produces a value when it succeeds (the filed case, a revealed number).</summary>
public sealed class WorkflowResult<T> : WorkflowResult
{
    private readonly T? _value;

    private WorkflowResult(WorkflowResult result, T? value)
        : base(result.Kind, result.Message, result.Errors, result.PermittedTriggers) => _value = value;

    /// <summary>The value of a successful result.</summary>
    /// <exception cref="InvalidOperationException">The operation was refused.</exception>
    public T Value => IsOk ? _value! : throw new InvalidOperationException($"The operation was refused: {this}");

    internal static WorkflowResult<T> Success(T value) => new(Ok, value);

    internal static WorkflowResult<T> Failure(WorkflowResult refusal) =>
        refusal.IsOk ? throw new ArgumentException("Not a refusal.", nameof(refusal)) : new(refusal, default);
}
