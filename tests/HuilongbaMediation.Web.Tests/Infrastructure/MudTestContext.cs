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
        // Generous: a wait costs only as long as the page takes, and CI runs these a second time on PostgreSQL on a
        // loaded 2-core machine, where 5 s was once not enough for a page that reads through the database.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
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
