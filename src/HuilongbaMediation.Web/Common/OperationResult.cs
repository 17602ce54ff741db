namespace HuilongbaMediation.Web.Common;

public enum OperationStatus
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// What a use case did. <see cref="Errors"/> maps a field (the input's property name) to its message, shown beside
/// that field; <see cref="Message"/> is for the whole operation (a snackbar or an alert).
/// </summary>
public sealed record OperationResult(OperationStatus Status, IReadOnlyDictionary<string, string> Errors, string? Message = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Status == OperationStatus.Done;

    public static OperationResult Done(string? message = null) => new(OperationStatus.Done, NoErrors, message);

    public static OperationResult NotFound(string message) => new(OperationStatus.NotFound, NoErrors, message);

    public static OperationResult Forbidden(string message) => new(OperationStatus.Forbidden, NoErrors, message);

    public static OperationResult Conflict(string message) => new(OperationStatus.Conflict, NoErrors, message);

    public static OperationResult Invalid(IReadOnlyDictionary<string, string> errors, string? message = null) =>
        new(OperationStatus.Invalid, errors, message);

    public static OperationResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string> { [field] = message });

    /// <summary>The message for a field, for a MudBlazor input's ErrorText.</summary>
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}
