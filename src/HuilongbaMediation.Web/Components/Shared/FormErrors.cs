using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;

namespace HuilongbaMediation.Web.Components.Shared;

/// <summary>
/// The messages a form shows beside its fields, from one place: the form's own check while the user types (only for
/// fields they have been to, and for every field once they have submitted), and the server's refusal, which wins and
/// stays on its field until that field is edited.
/// <para>
/// MudBlazor runs its own validation on every change and blur; a field given only <c>Error</c>/<c>ErrorText</c>
/// parameters loses a message the moment that validation finds nothing (a refusal without a reason). So each field
/// also gets <see cref="Check{T}"/> as its <c>Validation</c>: MudBlazor's own pass then finds our message too.
/// </para>
/// </summary>
public sealed class FormErrors
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private IReadOnlyList<FieldError> _local = [];
    private List<FieldError> _server = [];

    /// <summary>The user pressed the form's button: every field speaks from now on.</summary>
    public bool Submitted { get; private set; }

    /// <summary>The form's own check of its current values (the domain's validator, run on the client's copy).</summary>
    public void Checked(IReadOnlyList<FieldError> errors) => _local = errors;

    /// <summary>The user changed <paramref name="field"/>: it speaks from now on, and the server's old word on it is void.</summary>
    public void Edited(string field)
    {
        _touched.Add(field);
        _server.RemoveAll(e => e.Field == field);
    }

    /// <summary>Fields whose paths start with <paramref name="prefix"/> are forgotten (a removed party renumbers the rest).</summary>
    public void Forget(string prefix)
    {
        _touched.RemoveWhere(f => f.StartsWith(prefix, StringComparison.Ordinal));
        _server.RemoveAll(e => e.Field.StartsWith(prefix, StringComparison.Ordinal));
    }

    public void Submitting()
    {
        Submitted = true;
        _server = [];
    }

    /// <summary>The server refused the form with these field errors.</summary>
    public void Refused(IReadOnlyList<FieldError> errors) => _server = [.. errors];

    /// <summary>Whether the form's own check finds anything wrong (what it finds is shown once <see cref="Submitting"/>).</summary>
    public bool HasLocalErrors => _local.Count > 0;

    /// <summary>The message beside <paramref name="field"/>, or null.</summary>
    public string? For(string field) =>
        First(_server, field) ?? (Submitted || _touched.Contains(field) ? First(_local, field) : null);

    public bool Has(string field) => For(field) is not null;

    /// <summary>
    /// The parameters that make a MudBlazor field of value type <typeparamref name="T"/> show <paramref name="field"/>'s
    /// message: <c>Error</c> and <c>ErrorText</c> for a message that comes or goes on a re-render (a refusal, another
    /// field's change), <c>Validation</c> so that MudBlazor's own pass on change and blur finds the same message, and
    /// <c>data-field</c> for tests. Use as <c>@attributes="_errors.Field&lt;string&gt;("Summary")"</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object> Field<T>(string field)
    {
        var message = For(field);
        return new Dictionary<string, object>
        {
            ["Error"] = message is not null,
            ["ErrorText"] = message ?? "",
            ["Validation"] = new Func<T?, string?>(_ => For(field)),
            ["data-field"] = field,
        };
    }

    /// <summary>The server's messages for fields the form does not show (e.g. a field that only the server checks).</summary>
    public IReadOnlyList<string> Elsewhere(Func<string, bool> isShown) =>
        [.. _server.Where(e => !isShown(e.Field)).Select(e => e.Message).Distinct()];

    /// <summary>
    /// What a refused <paramref name="result"/> says that no field of the form shows: its message, unless it refused
    /// fields, then the messages of the fields the form does not show (<paramref name="isShown"/>).
    /// </summary>
    public IReadOnlyList<string> Refusals(Result? result, Func<string, bool> isShown) =>
        result is not { Succeeded: false } refused ? []
        : refused.Outcome != Outcome.Invalid || refused.Errors.Count == 0 ? [refused.Message]
        : Elsewhere(isShown);

    private static string? First(IEnumerable<FieldError> errors, string field) =>
        errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();
}
