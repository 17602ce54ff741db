using HuilongbaMediation.Web.Components;
using HuilongbaMediation.Web.Components.Account;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Accessibility;
using HuilongbaMediation.Web.Features.Admin;
using HuilongbaMediation.Web.Features.Backups;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Features.Exports;
using HuilongbaMediation.Web.Features.Home;
using HuilongbaMediation.Web.Features.Import;
using HuilongbaMediation.Web.Features.Live;
using HuilongbaMediation.Web.Features.MonthlyForm;
using HuilongbaMediation.Web.Features.Public;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Features.Sweeps;
using HuilongbaMediation.Web.Features.Trainings;
using HuilongbaMediation.Web.Localization;
using HuilongbaMediation.Web.Security;
using HuilongbaMediation.Web.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
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
        var engine = DatabaseEngine.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(engine);

        // A port that cannot be bound is logged by Kestrel and by the host with a stack trace; Program.cs says it in one
        // line instead. (Any other failure to start still ends with the runtime's report of the exception.)
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level != LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level < LogLevel.Error);

        builder.AddHuilongbaSecurityHeaders();
        var security = SecurityOptions.Read(builder.Configuration);
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            // Bottom centre: at the top a message covered the app bar and the page's title and subtitle on phones. Messages
            // follow a closed dialog or a page's button, so nothing they cover at the bottom is needed at that moment.
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 2;
            config.SnackbarConfiguration.ClearAfterNavigation = true;
        });

        services.AddLocalization();
        services.AddOptions<CultureOptions>().Bind(builder.Configuration.GetSection(CultureOptions.Section))
            .Validate(o => CultureOptions.Supported.Contains(o.Default, StringComparer.OrdinalIgnoreCase), "设置 Culture:Default 须为 zh-CN 或 en-US。")
            .ValidateOnStart();
        services.AddTransient<MudLocalizer, AppMudLocalizer>();

        // One short-lived context per operation (IDbContextFactory); Identity's stores use the scoped one.
        // The engine's own context type (its own migrations), made for everyone who asks for an AppDbContext.
        services.AddDbContextFactory<AppDbContext, EngineDbContextFactory>((sp, o) =>
        {
            engine.Configure(o);
            // Every committed case change is announced from here (Features/Live): whichever service wrote it.
            o.AddInterceptors(sp.GetRequiredService<CaseChangeInterceptor>());
            if (!builder.Environment.IsProduction())
            {
                // A page of rows without an order is a different page each time: make it an error wherever tests run.
                o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning, CoreEventId.FirstWithoutOrderByAndFilterWarning));
            }
        });

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
            // A page sends the browser to sign in; any other endpoint (a download, a form post) answers with its status,
            // so that whatever fetched a file gets 401 or 403 and not the sign-in page's HTML with a 200.
            o.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
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

        // Sign-in cookies survive a restart, and on PostgreSQL are read by every app server: the key ring lives with the
        // database (DatabaseEngine.PersistKeys), not in the user's home; one application name for all servers.
        engine.PersistKeys(services.AddDataProtection().SetApplicationName("HuilongbaMediation"));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section)).ValidateOnStart();
        services.AddSingleton<DemoMode>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoCaseGenerator>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PasswordChangeService>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<ClusterJobs>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IAuthorizationHandler, CaseAuthorizationHandler>();

        // The features, each registering only its own types (Features/X/XRegistration.cs).
        services.AddCases();
        services.AddLiveUpdates(engine);
        services.AddCaseFile();
        services.AddCaseExports();
        services.AddReferralsAndDeadlines();
        services.AddDashboard();
        services.AddReports();
        services.AddMonthlyForm();
        services.AddSweeps();
        services.AddTrainings();
        services.AddHome();
        services.AddAdmin();
        services.AddLedgers();
        services.AddBackups(builder.Configuration);
        services.AddSecurityLog();
        services.AddPublicSide(builder.Configuration);
    }

    /// <summary>
    /// A download or other endpoint answers 401/403 (a script or a saved link gets a status, not a sign-in page); a page,
    /// or an address that is nothing at all (a person's typing), leads to the sign-in or access-denied page.
    /// </summary>
    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.HttpContext.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Checks the settings, checks and migrates the database and seeds reference data. With <paramref name="seedDemo"/>
    /// (the app is about to serve) it also applies demo mode: Demo:Enabled seeds only a demo database (one it marks
    /// when it creates it), and without Demo:Enabled a demo database is refused.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        SettingsCheck.Validate(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var engine = app.Services.GetRequiredService<DatabaseEngine>();
        var prepared = await engine.PrepareAsync(db);
        SecureDataFolder(app, engine.DataFolder);
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<LedgerAliasSeeder>().SeedAsync();
        if (!seedDemo)
        {
            return;
        }

        // The serving app holds the data folder (Program): a generator's load that was stopped half-way is surely dead.
        if (engine.LocksDataFolder && await SqliteBulkLoad.UndoUnfinishedAsync(db) is { } undone)
        {
            app.Logger.LogWarning("A generated town's load was stopped half-way: its {Cases} cases were removed and the indexes, search index, counters and triggers it had dropped were built again", undone);
        }

        var demoEnabled = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled;
        if (demoEnabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(prepared.Created);
        }

        // Before anyone uploads: partial uploads a crash left behind go, older attachments get their SHA-256.
        await scope.ServiceProvider.GetRequiredService<CaseFileStore>().TidyAsync();
        var isDemoDatabase = await DemoDatabase.IsMarkedAsync(db);
        if (isDemoDatabase && !demoEnabled)
        {
            throw DemoDatabase.RefusedOutsideDemoMode(db);
        }

        app.Services.GetRequiredService<DemoMode>().IsDemoDatabase = isDemoDatabase;
    }

    /// <summary>
    /// The key ring's folder exists, 700, before Data Protection writes its first key (its key files are 600 already);
    /// the key ring and the attachments are narrowed to the app's user when a copy left them wider. The data folder
    /// itself is the operator's to set (README): a warning when others may read it.
    /// </summary>
    private static void SecureDataFolder(WebApplication app, string dataFolder)
    {
        PrivateFiles.CreateFolder(Path.Combine(dataFolder, DatabaseStartup.KeysFolderName));
        PrivateFiles.RestrictTree(Path.Combine(dataFolder, DatabaseStartup.KeysFolderName));
        PrivateFiles.RestrictTree(Path.Combine(dataFolder, DatabaseStartup.FilesFolderName));
        if (PrivateFiles.IsOpenToOthers(dataFolder))
        {
            app.Logger.LogWarning("The data folder {Folder} can be read by other users: chmod 700 it (README, Running in production)", dataFolder);
        }
    }

    /// <summary>The serving app's hold on its data folder (none when the folder is missing: start-up reports that).</summary>
    public static DataFolderLock? LockDataFolder(this WebApplication app)
    {
        var engine = DatabaseEngine.From(app.Configuration, app.Environment.ContentRootPath);
        var folder = engine.DataFolder;
        if (!engine.LocksDataFolder || !Directory.Exists(folder))
        {
            return null;
        }

        return DataFolderLock.TryAcquire(folder)
            ?? throw new StartupException($"数据目录 {folder} 正被另一个实例或一次恢复使用。请先停止它。");
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
        app.UseRateLimiter();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCultureEndpoint();
        app.MapTextSizeEndpoint();
        app.MapCaseFileEndpoints();
        app.MapCaseExports();
        app.MapDashboardEndpoints();
        app.MapReportEndpoints();
        app.MapMonthlyFormEndpoints();
        app.MapSecurityLogEndpoints();
        app.MapLedgerEndpoints();
        app.MapPublicEndpoints();
    }
}
