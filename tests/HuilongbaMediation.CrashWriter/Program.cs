using System.Globalization;
using System.Security.Claims;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Tests.Shared;
using HuilongbaMediation.Web;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The crash-safety test's child: the app's own composition on the SQLite file in <data folder>, driving the real
// CaseService and CaseFileService with random work until the test kills it with SIGKILL. It prints one line after
// each write has committed, and the test then checks that the database holds every one of them:
//   READY                              start-up done (migrations, demo users, start-up tidying)
//   COMMIT <case id> <version> <action> a case change and its history entry committed (version 0 = filed)
//   UPLOAD <case id> <sha256>           an attachment committed with its file
// Usage: HuilongbaMediation.CrashWriter <data folder> <seed>
var folder = args[0];
var random = new Random(int.Parse(args[1], CultureInfo.InvariantCulture));

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "CrashTest", ContentRootPath = folder });
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Default"] = "Data Source=huilongba.db",
    ["Demo:Enabled"] = "true",
    ["Demo:Cases"] = "false",
    ["Backup:Enabled"] = "false",
});
builder.AddHuilongbaServices();
builder.Services.AddSingleton<ActingUser>();
builder.Services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<ActingUser>());
await using var app = builder.Build();
await app.PrepareDatabaseAsync(seedDemo: true);

await using var scope = app.Services.CreateAsyncScope();
var services = scope.ServiceProvider;
var user = services.GetRequiredService<ActingUser>();
var cases = services.GetRequiredService<CaseService>();
var reader = services.GetRequiredService<CaseReader>();
var files = services.GetRequiredService<CaseFileService>();
var town = await Town.LoadAsync(services);
Console.WriteLine("READY");

var ids = town.CaseIds;
while (true)
{
    var roll = random.Next(100);
    if (roll < 20 || ids.Count == 0)
    {
        user.Act(town.Mediator);
        var filed = await cases.FileAsync(town.Draft());
        Report(filed, "File");
        if (filed.Succeeded)
        {
            ids.Add(filed.Value!.Id);
        }
    }
    else if (roll < 40)
    {
        user.Act(town.Mediator);
        var caseId = ids[random.Next(ids.Count)];
        var content = Town.Pdf(random);
        await using var stream = new MemoryStream(content);
        if ((await files.UploadAsync(caseId, CaseFileItem.Evidence, "扫描件.pdf", stream, fileAgain: true)).Succeeded)
        {
            Console.WriteLine($"UPLOAD {caseId} {CaseFileStore.Sha256Of(content)}");
        }
    }
    else
    {
        user.Act(town.Office);
        var (read, details) = await reader.GetAsync(ids[random.Next(ids.Count)]);
        var offered = read.Succeeded ? CaseCommands.For(details!) : [];
        if (offered.Count > 0)
        {
            var command = offered[random.Next(offered.Count)];
            Report(await ValidCommands.FireAsync(cases, details!, command, town.Inputs, random), command.Name);
        }
    }
}

static void Report(Result<CaseRef> result, string action)
{
    if (result.Succeeded)
    {
        Console.WriteLine($"COMMIT {result.Value!.Id} {result.Value.Version} {action}");
    }
}

/// <summary>The user the next call acts as (one call at a time).</summary>
internal sealed class ActingUser : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void Act(Actor actor)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId),
            new(ClaimTypes.Role, actor.Role.ToString()),
            new(AppClaims.DisplayName, actor.DisplayName),
        };
        if (actor.VillageId is { } village)
        {
            claims.Add(new Claim(AppClaims.VillageId, village.ToString(CultureInfo.InvariantCulture)));
        }

        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "crash-test"));
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}

/// <summary>The demo town's people and reference rows the child needs, and the inputs of each command.</summary>
internal sealed record Town(Actor Mediator, Actor Office, int Category, int Source, int Village, int Kind, int Venue, int Target, List<int> CaseIds)
{
    private static DateOnly Today => ChinaClock.Today(DateTime.UtcNow);

    public static async Task<Town> LoadAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var mediator = await db.Users.SingleAsync(u => u.UserName == "zhangmin");
        var office = await db.Users.SingleAsync(u => u.UserName == "wangfang");
        return new Town(
            new Actor(mediator.Id, mediator.DisplayName, UserRole.Mediator, mediator.VillageId),
            new Actor(office.Id, office.DisplayName, UserRole.JudicialOffice, null),
            await db.Categories.Where(c => c.Code == "neighbour").Select(c => c.Id).SingleAsync(),
            await db.CaseSources.Where(c => c.Code == "application").Select(c => c.Id).SingleAsync(),
            mediator.VillageId!.Value,
            await db.MediationKinds.Where(c => c.Code == "people").Select(c => c.Id).SingleAsync(),
            await db.Venues.Where(v => v.IsActive).Select(v => v.Id).FirstAsync(),
            await db.ReferralTargets.Where(v => v.IsActive).Select(v => v.Id).FirstAsync(),
            await db.Cases.Select(c => c.Id).ToListAsync());
    }

    public CaseDraft Draft() => new()
    {
        Summary = "邻里之间因院坝排水问题发生纠纷，双方多次争吵，申请调解。",
        CategoryId = Category,
        SourceId = Source,
        VillageId = Village,
        MediationKindId = Kind,
        PeopleInvolved = 2,
        FiledOn = Today,
        Parties =
        [
            new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = "王大明", Gender = Gender.Male, Phone = "13812341234" },
            new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "李小红", Gender = Gender.Female },
        ],
    };

    /// <summary>A small PDF with random content, so no two uploads are the same file.</summary>
    public static byte[] Pdf(Random random)
    {
        var body = new byte[random.Next(2_000, 200_000)];
        random.NextBytes(body);
        return [.. "%PDF-1.4\n"u8, .. body];
    }

    /// <summary>The inputs of the commands (<see cref="ValidCommands"/>): the mediator leads, nobody assists.</summary>
    public CommandInputs Inputs => new(Today, Venue, Target, Mediator.UserId, Mediator.UserId);
}
