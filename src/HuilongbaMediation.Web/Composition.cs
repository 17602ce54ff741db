using HuilongbaMediation.Web.Components;
using HuilongbaMediation.Web.Components.Account;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Home;
using HuilongbaMediation.Web.Features.Import;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Localization;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace HuilongbaMediation.Web;

/// <summary>The composition root: the services and the request pipeline of the app.</summary>
public static class Composition
{
    public static void AddHuilongbaServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = DatabaseStartup.ResolveConnectionString(builder.Configuration, builder.Environment.ContentRootPath);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            // Top centre: on a phone the bottom is where dialogs keep their buttons.
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 2;
            config.SnackbarConfiguration.ClearAfterNavigation = true;
        });

        services.AddLocalization();
        services.Configure<CultureOptions>(builder.Configuration.GetSection(CultureOptions.Section));
        services.AddTransient<MudLocalizer, AppMudLocalizer>();

        // One short-lived context per operation (IDbContextFactory); Identity's stores use the scoped one.
        services.AddDbContextFactory<AppDbContext>(o =>
        {
            o.UseSqlite(connectionString);
            if (!builder.Environment.IsProduction())
            {
                // A page of rows without an order is a different page each time: make it an error wherever tests run.
                o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning, CoreEventId.FirstWithoutOrderByAndFilterWarning));
            }
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "hm.auth";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization(Policies.Add);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = false;
                // OWASP ASVS V6.2: length over composition; common passwords refused by CommonPasswordValidator.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
        // A changed role or village (security stamp) reaches the user's cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Sign-in cookies survive a restart: the key ring lives beside the database, not in the user's home.
        services.AddDataProtection()
            .SetApplicationName("HuilongbaMediation")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseStartup.DataFolder(connectionString), "keys")));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ReferenceAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<HomeService>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseListService>();
        services.AddScoped<CaseFormOptions>();
        services.AddScoped<DuplicatePartyService>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IAuthorizationHandler, CaseAuthorizationHandler>();
        services.AddCaseFile();
        services.AddOversight();
        services.AddReferralsAndDeadlines();
        services.AddLedgers();
    }

    /// <summary>Checks and migrates the database and seeds reference data (and, in demo mode, the demo users).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseStartup.PrepareAsync(db);
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<LedgerAliasSeeder>().SeedAsync();
        if (seedDemo && scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    public static void UseHuilongbaPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(CultureOptions.RequestLocalization(app.Services));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCultureEndpoint();
        app.MapCaseFileEndpoints();
        app.MapOversightEndpoints();
        app.MapReferralsEndpoints();
        app.MapLedgerEndpoints();
    }
}
