using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Pages;

/// <summary>bUnit over the real case services of a <see cref="TestApp"/> (real SQLite), as the app's signed-in user.</summary>
public abstract class CasePageContext : MudTestContext
{
    protected TestApp App { get; private set; } = default!;

    protected override async Task SetUpAsync()
    {
        App = await TestApp.StartAsync(demo: true);
        Services.AddSingleton(App.Get<CaseService>());
        Services.AddSingleton(App.Get<CaseReader>());
        Services.AddSingleton(App.Get<CaseListService>());
        Services.AddSingleton(App.Get<CaseFormOptions>());
        Services.AddSingleton(App.Get<DuplicatePartyService>());
        Services.AddSingleton(App.Get<EarlyWarningService>());
        Services.AddSingleton(App.Get<Web.Features.Public.ApplicationQueueService>());
        Services.AddSingleton(App.Get<CurrentUser>());
        Services.AddSingleton(App.Get<Web.Features.Cases.Documents.DocumentService>());
        Services.AddSingleton(App.Clock);
        await ArrangeAsync();
    }

    protected override Task TearDownAsync() => App.DisposeAsync().AsTask();

    protected virtual Task ArrangeAsync() => Task.CompletedTask;
}
