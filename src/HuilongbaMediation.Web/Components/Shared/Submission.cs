namespace HuilongbaMediation.Web.Components.Shared;

/// <summary>
/// One form instance's submission. <see cref="Key"/> is sent with every save, so the server recognises a second
/// submission of the same form (a double click, a retry over a slow network) and answers with the first one's result
/// instead of writing again; <see cref="RunAsync"/> ignores a click while a save is running, and <see cref="Busy"/>
/// disables the button meanwhile.
/// </summary>
public sealed class Submission
{
    /// <summary>Made when the form opens; the server keeps it with what the submission wrote.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    public bool Busy { get; private set; }

    /// <summary>Runs <paramref name="save"/> unless a save of this form is already running.</summary>
    public async Task RunAsync(Func<Guid, Task> save)
    {
        // Event handlers of one circuit start one after the other, so a second click sees Busy set by the first.
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            await save(Key);
        }
        finally
        {
            Busy = false;
        }
    }
}
