namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// A test that needs a browser. xunit 2 has no dynamic skip, so the attribute sets <see cref="FactAttribute.Skip"/>
/// itself when no Chromium can be launched, unless E2E_REQUIRED=1, in which case the test runs and fails with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class E2EFactAttribute : FactAttribute
{
    public E2EFactAttribute()
    {
        if (BrowserSupport.SkipReason is { } reason)
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
        if (BrowserSupport.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
