namespace HuilongbaMediation.Web.Components.Shared;

/// <summary>
/// A count of one circuit shared by a menu badge and the page that changes it: the page refreshes it after each
/// decision and the badge, which listens, shows the new number. Scoped, so it holds a number only, never a DbContext or
/// an entity. Each badge's count says what it counts (<see cref="CountAsync"/>).
/// </summary>
public abstract class CircuitCount
{
    public event Action? Changed;

    /// <summary>Null until first loaded.</summary>
    public int? Value { get; private set; }

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        Value = await CountAsync(ct);
        Changed?.Invoke();
    }

    protected abstract Task<int> CountAsync(CancellationToken ct);
}
