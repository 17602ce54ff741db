using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// bUnit with MudBlazor's services, the app's localization, and the UI culture the test names (Chinese unless
/// told otherwise). IAsyncLifetime because MudBlazor's services are async-disposable only (MudBlazor#12403).
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    protected MudTestContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(5);
        Services.AddMudServices();
        Services.AddLocalization();
    }

    Task IAsyncLifetime.InitializeAsync() => SetUpAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUiCulture;
        await DisposeAsync();
        await TearDownAsync();
    }

    /// <summary>Before each test: register services (before the first render) and arrange data.</summary>
    protected virtual Task SetUpAsync() => Task.CompletedTask;

    /// <summary>After each test, once the components are disposed.</summary>
    protected virtual Task TearDownAsync() => Task.CompletedTask;
}
