namespace HuilongbaMediation.Web.Security.Sessions;

public enum IdlePhase
{
    /// <summary>Used recently: nothing to show; look again at <see cref="IdleDecision.NextCheckIn"/>.</summary>
    Active,

    /// <summary>The end is near: warn, with 继续使用; look again at the end.</summary>
    Warning,

    /// <summary>Idle for the whole limit: the session ends.</summary>
    Expired,
}

/// <param name="Phase">Where the session stands.</param>
/// <param name="EndsAtUtc">When it ends without further activity.</param>
/// <param name="NextCheckIn">When to decide again (zero once expired).</param>
public readonly record struct IdleDecision(IdlePhase Phase, DateTime EndsAtUtc, TimeSpan NextCheckIn);

/// <summary>The idle rule of a page, without the page: the last activity, the limit and the warning's lead decide.</summary>
public static class IdleClock
{
    public static IdleDecision Decide(DateTime lastActivityUtc, DateTime nowUtc, TimeSpan limit, TimeSpan warningLead)
    {
        var end = lastActivityUtc + limit;
        if (nowUtc >= end)
        {
            return new IdleDecision(IdlePhase.Expired, end, TimeSpan.Zero);
        }

        var warnAt = end - warningLead;
        return nowUtc >= warnAt
            ? new IdleDecision(IdlePhase.Warning, end, end - nowUtc)
            : new IdleDecision(IdlePhase.Active, end, warnAt - nowUtc);
    }
}
