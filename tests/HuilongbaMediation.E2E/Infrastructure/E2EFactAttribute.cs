using HuilongbaMediation.Tests.Shared;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// A test that needs a browser. xunit 2 has no dynamic skip, so the attribute sets <see cref="FactAttribute.Skip"/>
/// itself when no Chromium can be launched, unless E2E_REQUIRED=1, in which case the test runs and fails with the reason;
/// likewise in the PostgreSQL run without a server (<see cref="E2EEngine.SkipReason"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class E2EFactAttribute : FactAttribute
{
    public E2EFactAttribute()
    {
        if ((BrowserSupport.SkipReason ?? E2EEngine.SkipReason) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The <see cref="E2EFactAttribute"/> of a theory.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class E2ETheoryAttribute : TheoryAttribute
{
    public E2ETheoryAttribute()
    {
        if ((BrowserSupport.SkipReason ?? E2EEngine.SkipReason) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A test of the collection's app without a browser: skipped only in the PostgreSQL run without a server.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AppFactAttribute : FactAttribute
{
    public AppFactAttribute()
    {
        if (E2EEngine.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The <see cref="AppFactAttribute"/> of a theory.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AppTheoryAttribute : TheoryAttribute
{
    public AppTheoryAttribute()
    {
        if (E2EEngine.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A browser test of several servers on one PostgreSQL database: runs in the PostgreSQL run (HM_TEST_ENGINE=PostgreSQL)
/// and is skipped with the reason in the SQLite one.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresE2EFactAttribute : FactAttribute
{
    public PostgresE2EFactAttribute()
    {
        if (!E2EEngine.IsPostgres)
        {
            Skip = $"Runs on PostgreSQL only: {PostgresServer.EngineVariable}=PostgreSQL with {PostgresServer.ServerVariable} (.ci/with-postgres).";
        }
        else if ((BrowserSupport.SkipReason ?? E2EEngine.SkipReason) is { } reason)
        {
            Skip = reason;
        }
    }
}
