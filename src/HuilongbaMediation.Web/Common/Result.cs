using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Common;

/// <summary>How a use case ended, as the page needs to know it.</summary>
public enum Outcome
{
    /// <summary>Saved (with its history entry, where the operation has one).</summary>
    Done,

    /// <summary>No such thing.</summary>
    NotFound,

    /// <summary>This user may not see it, or may not do this to it.</summary>
    Forbidden,

    /// <summary>Not possible in the case's current state.</summary>
    NotAllowedInState,

    /// <summary>Bad input; see <see cref="Result.Errors"/>, one message per field.</summary>
    Invalid,

    /// <summary>Someone else changed it after this user loaded it: reload and try again.</summary>
    Conflict,
}

/// <summary>
/// The result of every use case. Nothing was written unless <see cref="Outcome"/> is Done. <see cref="Errors"/> name
/// the input's field (<c>nameof</c> of the input record's property, or a path such as <c>Parties[1].Name</c>) and say
/// what is wrong with it, shown beside that field (<c>FormErrors</c>); <see cref="Message"/> is for the whole operation
/// (a snackbar or an alert). Messages are Chinese, written where the rule lives (see the README's decisions).
/// </summary>
public record Result(Outcome Outcome, string Message, IReadOnlyList<FieldError> Errors)
{
    public const string CheckTheForm = "请检查填写的内容";

    public bool Succeeded => Outcome == Outcome.Done;

    public string? ErrorFor(string field) =>
        Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    /// <summary>Done, saying <paramref name="message"/> (e.g. 已保存).</summary>
    public static Result Done(string message = "") => new(Outcome.Done, message, []);

    /// <summary>
    /// Done, with what it made (the case and its new version). Not an overload of <see cref="Done"/>: a localized
    /// message passed there must never be taken for a value.
    /// </summary>
    public static Result<T> Made<T>(T value, string message = "") => new(Outcome.Done, message, [], value);

    public static Result NotFound(string message) => new(Outcome.NotFound, message, []);

    public static Result Forbidden(string message) => new(Outcome.Forbidden, message, []);

    public static Result Conflict(string message) => new(Outcome.Conflict, message, []);

    public static Result Invalid(IReadOnlyList<FieldError> errors, string message = CheckTheForm) =>
        new(Outcome.Invalid, message, errors);

    public static Result Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    /// <summary>A refusal of the domain, kept as it is.</summary>
    public static Result From(WorkflowResult refusal) => new(
        refusal.Kind switch
        {
            WorkflowResultKind.Forbidden => Outcome.Forbidden,
            WorkflowResultKind.NotAllowedInState => Outcome.NotAllowedInState,
            WorkflowResultKind.Invalid => Outcome.Invalid,
            _ => throw new ArgumentException("Not a refusal.", nameof(refusal)),
        },
        refusal.Message,
        refusal.Errors);

    /// <summary>This refusal as the result of an operation that yields a <typeparamref name="T"/> when it succeeds.</summary>
    public Result<T> Of<T>() => Succeeded
        ? throw new InvalidOperationException("A successful result carries its value: use Result.Made(value).")
        : new Result<T>(Outcome, Message, Errors, default);
}

/// <summary>A <see cref="Result"/> that carries what the operation made (e.g. the case and its new version).</summary>
public record Result<T>(Outcome Outcome, string Message, IReadOnlyList<FieldError> Errors, T? Value)
    : Result(Outcome, Message, Errors)
{
    public static implicit operator Result<T>(T value) => Made(value);
}
