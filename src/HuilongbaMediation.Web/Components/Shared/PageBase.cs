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

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
