using HuilongbaMediation.Web.Components;
using HuilongbaMediation.Web.Components.Account;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Home;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Localization;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

        builder.AddHuilongbaSecurityHeaders();
        var security = SecurityOptions.Read(builder.Configuration);
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
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
        services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connectionString));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionCircuitHandler>();
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
            // The cookie's own lifetime; the session behind it ends sooner without activity (SessionStore).
            o.ExpireTimeSpan = security.RememberMe;
            o.SlidingExpiration = true;
        });
        // Sessions live on the server: the cookie holds a key, 退出 and account changes end them everywhere.
        services.AddServerSessions();
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
        // Every request checks the session and the user's security stamp (SessionStore); this refreshes the cookie's
        // claims (a renamed user) once a minute.
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
        services.AddSecurityLog();
        services.AddCaseFile();
        services.AddOversight();
        services.AddReferralsAndDeadlines();
    }

    /// <summary>Checks and migrates the database and seeds reference data (and, in demo mode, the demo users).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseStartup.PrepareAsync(db);
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        if (seedDemo && scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    public static void UseHuilongbaPipeline(this WebApplication app)
    {
        app.UseHuilongbaSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(CultureOptions.RequestLocalization(app.Services));
        app.UseAuthentication();
        app.UseMustChangePassword();
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
        app.MapSecurityLogEndpoints();
    }
}
