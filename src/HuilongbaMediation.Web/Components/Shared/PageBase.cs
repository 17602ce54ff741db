using HuilongbaMediation.Web.Features.Live;
using Microsoft.AspNetCore.Components;

namespace HuilongbaMediation.Web.Components.Shared;

/// <summary>
/// A page (or a panel of one) whose reads stop when the user leaves it: pass <see cref="Leaving"/> to every read, and
/// a slow list or dashboard the user has already left stops querying the database. Writes take no such token: a save
/// the user started finishes. Blazor ignores the cancelled task of a component that is gone.
/// </summary>
public abstract class PageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _leaving = new();

    protected PageBase() => Leaving = _leaving.Token;

    /// <summary>Cancelled when the component leaves the page.</summary>
    protected CancellationToken Leaving { get; }

    /// <summary>The circuit's live updates; absent where they are not registered (a test of something else).</summary>
    [CascadingParameter] private LiveUpdates? Live { get; set; }

    /// <summary>
    /// Calls <paramref name="refresh"/> (on the component's dispatcher, then renders) after each burst of case changes
    /// this user may see, until the component leaves the page. The refresh re-reads through the page's own service.
    /// </summary>
    protected void RefreshOnCaseChanges(Func<LiveBatch, Task> refresh)
    {
        if (Live is null)
        {
            return;
        }

        var watching = Live.Watch(batch => InvokeAsync(async () =>
        {
            if (Leaving.IsCancellationRequested)
            {
                return;
            }

            await refresh(batch);
            StateHasChanged();
        }));
        Leaving.Register(watching.Dispose);
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
