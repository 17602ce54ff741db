using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HuilongbaMediation.Web.Features.Cases.Components.Commands;

/// <summary>
/// The base of the per-command forms: each binds one input record of the domain, saves it through
/// <see cref="CaseService"/> in <see cref="SaveAsync"/>, and renders its fields inside a <see cref="CommandDialog"/>,
/// which holds the buttons, the submission key and the refusals no field shows. Fields speak through
/// <see cref="FormErrors"/>: the server's message for a field stays beside it until the field is edited.
/// </summary>
public abstract partial class CommandForm : ComponentBase
{
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);
    private Result<CaseRef>? _result;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The case the command writes, at the version the page was built from.</summary>
    [Parameter, EditorRequired] public CommandCase Case { get; set; } = default!;

    /// <summary>The choices the fields offer (venues, referral targets, mediators); forms that offer none do without.</summary>
    [Parameter] public CaseOptions? Options { get; set; }

    [Inject] protected CaseService Cases { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The command this form serves (its label, its button's colour).</summary>
    public abstract CaseCommand Command { get; }

    /// <summary>A line above the fields, when the command needs explaining.</summary>
    public virtual string? Hint => null;

    /// <summary>Today in 回龙坝: every event date defaults to it.</summary>
    protected DateOnly Today { get; private set; }

    protected FormErrors Errors { get; } = new();

    internal Submission Submission { get; } = new();

    /// <summary>What the server refused that no field of this form shows.</summary>
    internal IReadOnlyList<string> Refusals => Errors.Refusals(_result, path => _shown.Contains(path) || ShowsBesideField(path));

    /// <summary>Fields a form shows through a component of its own (a party editor), besides those of <see cref="Shown{TValue}"/>.</summary>
    protected virtual bool ShowsBesideField(string field) => false;

    /// <summary>Saves the form's input record for <see cref="Case"/> with the form's submission key.</summary>
    protected abstract Task<Result<CaseRef>> SaveAsync(Guid submission);

    protected override void OnInitialized() => Today = ChinaClock.Today(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Saves; closes with the result when it is done or the case changed meanwhile, else shows why beside the fields.</summary>
    internal Task SubmitAsync() => Submission.RunAsync(async key =>
    {
        Errors.Submitting();
        _result = await SaveAsync(key);
        Errors.Refused(_result.Errors);
        if (_result.Succeeded || _result.Outcome == Outcome.Conflict)
        {
            Dialog.Close(DialogResult.Ok(_result));
        }
    });

    internal void Cancel() => Dialog.Cancel();

    /// <summary>A field the user changes no longer shows the message of the last refusal.</summary>
    protected void Changed(string field, Action set)
    {
        set();
        Errors.Edited(field);
    }

    /// <summary>A field of this form: the server's refusal of it shows beside it, and nowhere else.</summary>
    protected IReadOnlyDictionary<string, object> Shown<TValue>(string field)
    {
        _shown.Add(field);
        return Errors.Field<TValue>(field);
    }

    protected static DateTime? AsDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    protected static DateOnly? AsDate(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
