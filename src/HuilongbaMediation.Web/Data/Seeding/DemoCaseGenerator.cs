using Bogus;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Features.Committees;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>
/// The demo town's disputes: <see cref="CaseCount"/> cases filed over the last two years up to today, in every
/// village and area, every category and every state. Each case is driven through the domain's intent methods, at
/// back-dated instants in office hours, by the demo users and roster mediators of its village, so its history is the
/// one the app would have written. Repeatable: each case has its own fixed seed and its dates count back from today.
/// The cases are numbered per year in order of filing and inserted in batches in one transaction.
/// </summary>
public sealed partial class DemoCaseGenerator(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<DemoCaseGenerator> logger)
{
    public const int CaseCount = 360;

    private const int Seed = 20221231;

    /// <summary>How many cases of each story: enough of each that every state is there on any day.</summary>
    private static readonly (Story Story, int Count)[] StoryCounts =
    [
        (Story.ResolvedWritten, 132), (Story.ResolvedOral, 80), (Story.ReferralApproved, 30), (Story.ReferralPending, 10),
        (Story.ReturnedThenResolved, 12), (Story.Terminated, 24), (Story.Declined, 18), (Story.StillMediating, 30),
        (Story.StillFiled, 12), (Story.ReopenedAndResolved, 8), (Story.ReopenedStillMediating, 4),
    ];

    /// <summary>Generates the cases when the database has none; returns how many it inserted.</summary>
    public Task<int> GenerateAsync(CancellationToken ct = default) => GenerateAsync(scale: 1, ct);

    /// <summary>The same town <paramref name="scale"/> times over (the benchmarks' larger towns).</summary>
    public async Task<int> GenerateAsync(int scale, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Cases.AnyAsync(ct))
        {
            return 0;
        }

        var town = await Town.LoadAsync(db, ct);
        var cases = Build(town, scale, nowUtc);
        NewAggregates.Insert(db, cases);

        // Each demo case is handled by its village's committee (the town's for an area), as a filing would default it.
        await Features.Committees.CommitteeDefaults.FillMissingAsync(db, ct);
        if (scale == 1)
        {
            DemoMonthlyWork.Add(db, town.Office, town.Mediators, town.Villages, town.Categories, nowUtc);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        Generated(cases.Count, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return cases.Count;
    }

    /// <summary>The demo town's cases as of <paramref name="nowUtc"/>, built and numbered but not stored: the same every time.</summary>
    internal static async Task<IReadOnlyList<MediationCase>> BuildAsync(AppDbContext db, int scale, DateTime nowUtc, CancellationToken ct) =>
        Build(await Town.LoadAsync(db, ct), scale, nowUtc);

    private static List<MediationCase> Build(Town town, int scale, DateTime nowUtc)
    {
        var stories = new Randomizer(Seed).Shuffle(StoryCounts.SelectMany(s => Enumerable.Repeat(s.Story, s.Count * scale))).ToList();
        var cases = stories.Select((story, i) => new CaseStory(town, story, i, nowUtc, new Faker("zh_CN") { Random = new Randomizer(Seed + i + 1) }).Play()).ToList();
        foreach (var year in cases.OrderBy(c => c.History[0].AtUtc).GroupBy(c => c.FiledOn.Year))
        {
            var sequence = 0;
            foreach (var @case in year)
            {
                @case.AssignNumber(year.Key, ++sequence);
            }
        }

        return cases;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Count} demo cases in {Milliseconds} ms")]
    private partial void Generated(int count, long milliseconds);

    /// <summary>What happens to a case, from filing to where it stands today.</summary>
    private enum Story
    {
        ResolvedWritten,
        ResolvedOral,
        ReferralApproved,
        ReferralPending,
        ReturnedThenResolved,
        Terminated,
        Declined,
        StillMediating,
        StillFiled,
        ReopenedAndResolved,
        ReopenedStillMediating,
    }

    /// <summary>The demo town as the database has it: who acts for each village, and the reference rows.</summary>
    private sealed record Town(
        Actor Office,
        IReadOnlyDictionary<int, Actor> Heads,
        IReadOnlyDictionary<int, IReadOnlyList<Actor>> Mediators,
        IReadOnlyList<Village> Villages,
        IReadOnlyDictionary<string, int> Categories,
        IReadOnlyDictionary<string, int> Sources,
        IReadOnlyDictionary<string, int> Kinds,
        IReadOnlyDictionary<string, int> Venues,
        IReadOnlyDictionary<string, (int Id, string Name)> Targets)
    {
        public static async Task<Town> LoadAsync(AppDbContext db, CancellationToken ct)
        {
            var users = await db.Users.AsNoTracking()
                .Where(u => u.IsActive)
                .Select(u => new { u.Id, u.UserName, u.DisplayName, u.VillageId, Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).First() })
                .ToListAsync(ct);
            Actor ActorOf(string? role, string id, string name, int? village) => new(id, name, Enum.Parse<UserRole>(role!), village);
            var office = users.First(u => u.UserName == DemoSeeder.Accounts.Single(a => a.Role == UserRole.JudicialOffice).UserName);
            var mediators = users.Where(u => u.Role == nameof(UserRole.Mediator) && u.VillageId is not null)
                .GroupBy(u => u.VillageId!.Value)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Actor>)[.. g.OrderBy(u => u.UserName).Select(u => ActorOf(u.Role, u.Id, u.DisplayName, u.VillageId))]);
            var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive && v.Code != null).OrderBy(v => v.SortOrder).ToListAsync(ct);
            return new Town(
                ActorOf(office.Role, office.Id, office.DisplayName, null),
                users.Where(u => u.Role == nameof(UserRole.VillageHead) && u.VillageId is not null)
                    .GroupBy(u => u.VillageId!.Value)
                    .ToDictionary(g => g.Key, g => ActorOf(g.First().Role, g.First().Id, g.First().DisplayName, g.Key)),
                mediators,
                [.. villages.Where(v => mediators.ContainsKey(v.Id))],
                await Codes(db.Categories, ct),
                await Codes(db.CaseSources, ct),
                await Codes(db.MediationKinds, ct),
                await Codes(db.Venues, ct),
                await db.ReferralTargets.AsNoTracking().Where(t => t.Code != null).ToDictionaryAsync(t => t.Code!, t => (t.Id, t.Name), ct));
        }

        private static Task<Dictionary<string, int>> Codes<T>(IQueryable<T> items, CancellationToken ct)
            where T : ReferenceItem =>
            items.AsNoTracking().Where(x => x.Code != null && x.IsActive).ToDictionaryAsync(x => x.Code!, x => x.Id, ct);
    }

    /// <summary>
    /// One case played through its story on its own clock: each step a little later than the previous one, in office
    /// hours. A step that would fall after now is not taken, so recent cases stop where they would be today.
    /// </summary>
    private sealed class CaseStory
    {
        private readonly Town _town;
        private readonly Story _story;
        private readonly Faker _f;
        private readonly DateTime _nowUtc;
        private readonly Village _village;
        private readonly string _category;
        private readonly int? _daysAgo;
        private readonly CommitteeDefaults? _committees;
        private MediationCase _case = default!;
        private DateTime _at;
        private DateTime _happened;
        private Actor _lead = default!;
        private Actor? _assistant;

        /// <param name="f">The case's own source of chance (its seed makes the case repeatable).</param>
        /// <param name="daysAgo">When it was filed; null: as the demo town's story has it (<see cref="DaysAgo"/>).</param>
        /// <param name="committees">Whose committee handles it, set at filing; null: filled in after the town is stored.</param>
        public CaseStory(Town town, Story story, int index, DateTime nowUtc, Faker f, int? daysAgo = null, CommitteeDefaults? committees = null)
        {
            (_town, _story, _nowUtc, _f, _daysAgo, _committees) = (town, story, nowUtc, f, daysAgo, committees);

            // The first cases go round every village and category, so that each has some.
            _village = index < town.Villages.Count ? town.Villages[index] : _f.PickWeighted([.. town.Villages], [.. town.Villages.Select(VillageWeight)]);
            var categories = DemoTexts.Categories.Where(c => town.Categories.ContainsKey(c.Code)).ToList();
            _category = index < categories.Count
                ? categories[index].Code
                : _f.PickWeighted([.. categories.Select(c => c.Code)], [.. categories.Select(c => c.Weight(_village.Kind))]);
        }

        private Actor Office => _town.Office;

        private Actor? Head => _town.Heads.GetValueOrDefault(_village.Id);

        private IReadOnlyList<Actor> Mediators => _town.Mediators[_village.Id];

        public MediationCase Play()
        {
            File();
            if (_story == Story.Declined)
            {
                Step(0, 3, Head ?? Office, (c, a, at, on) => c.Decline(a, at, new DeclineInput(_f.PickRandom(DemoTexts.DeclineReasons), on)));
                return Done();
            }

            // A case filed minutes ago may not have its lead yet: then it stays as filed, whatever its story.
            if (!Assign() || _story == Story.StillFiled || !Step(0, 2, _lead, (c, a, at, on) => c.Accept(a, at, new AcceptInput(on))))
            {
                return Done();
            }

            switch (_story)
            {
                case Story.ResolvedWritten or Story.ResolvedOral:
                    _ = Sessions(1, 3) && Resolve(_story == Story.ResolvedWritten ? AgreementKind.Written : AgreementKind.Oral)
                        && MaybeJudicialConfirmation() && FollowUp(PerformanceStatus.Full);
                    break;
                case Story.ReferralApproved:
                    _ = Sessions(1, 2) && Refer() && Step(1, 4, Office, (c, a, at, on) => Approve(c, a, at, on));
                    break;
                case Story.ReferralPending:
                    _ = Sessions(1, 1) && Refer();
                    break;
                case Story.ReturnedThenResolved:
                    _ = Sessions(1, 1) && Refer()
                        && Step(1, 3, Office, (c, a, at, on) => c.ReturnReferral(a, at, new ReturnReferralInput(_f.PickRandom(DemoTexts.ReturnComments), on)))
                        && Sessions(1, 2) && Resolve(AgreementKind.Written) && FollowUp(PerformanceStatus.Full);
                    break;
                case Story.Terminated:
                    _ = Sessions(0, 2) && Terminate();
                    break;
                case Story.StillMediating:
                    _ = Sessions(0, 2) && (_f.Random.Bool(0.75f) || Step(0, 3, Office, (c, a, at, _) =>
                        c.ExtendDeadline(a, at, new ExtendDeadlineInput(c.DueOn!.Value.AddDays(30), "当事人外出务工，需待其返回后继续调解"))));
                    break;
                case Story.ReopenedAndResolved or Story.ReopenedStillMediating:
                    _ = Sessions(1, 2) && Resolve(AgreementKind.Written) && FollowUp(_f.PickRandom(PerformanceStatus.None, PerformanceStatus.Partial))
                        && Step(0, 2, _lead, (c, a, at, on) => c.Reopen(a, at, new ReopenInput("回访发现一方未按协议履行，当事人申请重新调解", on)))
                        && (_story == Story.ReopenedStillMediating || (Sessions(1, 2) && Resolve(AgreementKind.Written) && FollowUp(PerformanceStatus.Full)));
                    break;
            }

            return Done();
        }

        private static float VillageWeight(Village village) => village.Kind switch
        {
            VillageKind.Area => 14,
            VillageKind.Community => 18,
            _ => 17,
        };

        /// <summary>How long ago the case was filed: open stories are recent, concluded ones anywhere in two years.</summary>
        private int DaysAgo() => _story switch
        {
            Story.StillFiled => _f.Random.Int(0, 5),
            Story.ReferralPending => _f.Random.Int(16, 40),
            Story.StillMediating => _f.Random.Bool() ? _f.Random.Int(3, 25) : _f.Random.Int(36, 80),
            Story.ReopenedStillMediating => _f.Random.Int(70, 120),
            _ => _f.Random.Int(14, 729),
        };

        private void File()
        {
            var today = ChinaClock.Today(_nowUtc);
            var at = OfficeHours(today.AddDays(-(_daysAgo ?? DaysAgo())));
            _at = _happened = at < _nowUtc ? at : _nowUtc.AddMinutes(-_f.Random.Int(5, 120));
            var filedOn = ChinaClock.Today(_at);
            var sourceCode = _f.PickWeighted(["application", "screening", "court-delegated", "police-transfer", "petition-12345", "other-department"], [45f, 25f, 10f, 10f, 6f, 4f]);
            var filer = sourceCode is "court-delegated" or "police-transfer" ? Office : Head is { } head && _f.Random.Bool(0.3f) ? head : _f.PickRandom<Actor>(Mediators);
            var kind = _f.PickWeighted(["people", "judicial", "sage", "administrative"], [80f, 8f, 7f, 5f]);
            var draft = DemoTexts.Draft(_f, _village, _category, filedOn) with
            {
                CategoryId = _town.Categories[_category],
                SourceId = _town.Sources.GetValueOrDefault(sourceCode, _town.Sources.Values.First()),
                MediationKindId = _town.Kinds.GetValueOrDefault(kind, _town.Kinds.Values.First()),
                CommitteeId = _committees?.For(_village.Id),
            };
            _case = MediationCase.File(draft, filer, _at, filedOn).Value;
        }

        /// <summary>
        /// The village head or the judicial office assigns a lead (and sometimes an assistant); or a mediator takes the case.
        /// False when that would be after now (a case filed moments ago): then nobody leads it yet.
        /// </summary>
        private bool Assign()
        {
            var team = _f.Random.Shuffle(Mediators).ToList();
            (_lead, _assistant) = (team[0], team.Count > 1 && _f.Random.Bool(0.4f) ? team[1] : null);
            var selfAssign = _assistant is null && _f.Random.Bool(0.3f);
            var by = selfAssign ? _lead : Head ?? Office;
            var assignment = new MediatorAssignment(Ref(_lead), _assistant is null ? [] : [Ref(_assistant)]);
            return Step(0, 0, by, (c, a, at, _) => c.AssignMediators(a, at, assignment));
        }

        private bool Sessions(int min, int max)
        {
            var count = _f.Random.Int(min, max);
            for (var i = 0; i < count; i++)
            {
                var mediator = _assistant is not null && _f.Random.Bool(0.3f) ? _assistant : _lead;
                var venue = _town.Venues.GetValueOrDefault(DemoTexts.VenueCode(_village, _f), _town.Venues.Values.First());
                if (!Step(2, 8, mediator, (c, a, at, on) => c.RecordSession(a, at, new SessionInput(
                    on, venue, DemoTexts.Attendees(c, a), _f.PickRandom(DemoTexts.Session(_category))))))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Resolve(AgreementKind kind) => Step(0, 3, _lead, (c, a, at, today) =>
        {
            var (facts, matters, terms, agreed) = DemoTexts.Agreement(_category, c, _f);
            var petition = c.PeopleInvolved >= 5 && _f.Random.Bool(0.5f);
            return c.Resolve(a, at, kind == AgreementKind.Written
                ? new AgreementInput
                {
                    Kind = kind,
                    Facts = facts,
                    MattersInDispute = matters,
                    Responsibilities = "经调解，双方对各自责任予以确认，愿意按本协议履行。",
                    Terms = terms,
                    PerformanceManner = _f.PickRandom("现金支付", "银行转账", "分两期支付", "按约定时间履行"),
                    PerformanceDeadline = today.AddDays(_f.Random.Int(7, 45)),
                    SignedOn = today,
                    AgreedAmount = agreed,
                    PreventedGroupPetition = petition,
                }
                : new AgreementInput { Kind = kind, Terms = terms, SignedOn = today, AgreedAmount = agreed, PreventedGroupPetition = petition });
        });

        private bool FollowUp(PerformanceStatus performance) =>
            Step(10, 35, _lead, (c, a, at, on) => c.RecordFollowUp(a, at, new FollowUpInput(on, performance, DemoTexts.FollowUpNote(performance))));

        /// <summary>Now and then the parties to a written agreement apply for judicial confirmation, within its 30 days.</summary>
        private bool MaybeJudicialConfirmation() =>
            _case.Agreement?.Kind != AgreementKind.Written || !_f.Random.Bool(0.15f)
            || Step(3, 20, _lead, (c, a, at, on) => c.RecordJudicialConfirmation(a, at, new JudicialConfirmationInput(true, on.AddDays(-_f.Random.Int(3, 10)) is var applied && applied >= c.Agreement!.EffectiveOn ? applied : c.Agreement.EffectiveOn, "陈家桥人民法庭", null, on, _f.Random.Bool(0.9f) ? JudicialOutcome.Confirmed : JudicialOutcome.Rejected) is var input
                ? input with { Result = input.Outcome == JudicialOutcome.Confirmed ? "裁定调解协议有效" : "协议内容违反法律规定，裁定驳回申请" }
                : null!));

        private bool Refer()
        {
            var target = _town.Targets.GetValueOrDefault(DemoTexts.ReferralTarget(_category, _f), _town.Targets.Values.First());
            var urgent = _case.RiskLevel == RiskLevel.High || _f.Random.Bool(0.2f);
            return Step(1, 4, _lead, (c, a, at, on) => c.Refer(a, at, new ReferInput(target.Id, DemoTexts.ReferralReason(_category), urgent, on)));
        }

        private WorkflowResult Approve(MediationCase c, Actor a, DateTime at, DateOnly on)
        {
            var target = _town.Targets.Values.FirstOrDefault(t => t.Id == c.Referral!.TargetId);
            return c.ApproveReferral(a, at, new ApproveReferralInput(target.Name ?? "陈家桥人民法庭", $"（{on.Year}）回调移字第{_f.Random.Int(1, 400):D3}号", on));
        }

        private bool Terminate()
        {
            var reason = _f.PickWeighted([TerminationReason.PartyRefused, TerminationReason.ApplicantWithdrew, TerminationReason.Other], [50f, 35f, 15f]);
            return Step(2, 10, _lead, (c, a, at, on) => c.Terminate(a, at, new TerminateInput(reason, reason == TerminationReason.Other ? "当事人已另行向人民法院提起诉讼" : null, on)));
        }

        /// <summary>
        /// Takes the next step <paramref name="minDays"/> to <paramref name="maxDays"/> days after the previous one happened
        /// (0: later the same day), unless that is after now. Now and then a step is entered in the app a day or a few
        /// after it happened, as offices do: it is dated when it happened and recorded when it was entered, never before
        /// the previous step was. A refusal by the domain is a bug in the story: it throws.
        /// </summary>
        private bool Step(int minDays, int maxDays, Actor actor, Func<MediationCase, Actor, DateTime, DateOnly, WorkflowResult> action)
        {
            var days = _f.Random.Int(minDays, maxDays);
            var happened = days == 0 ? _happened.AddMinutes(_f.Random.Int(10, 90)) : OfficeHours(ChinaClock.Today(_happened).AddDays(days));
            if (happened > _nowUtc)
            {
                return false;
            }

            var at = Entered(happened);
            var result = action(_case, actor, at, ChinaClock.Today(happened));
            if (!result.IsOk)
            {
                throw new InvalidOperationException($"Demo case story {_story} refused at {at:O} (happened {happened:O}): {result}");
            }

            (_happened, _at) = (happened, at);
            return true;
        }

        /// <summary>When a step that happened at <paramref name="happened"/> is entered: mostly at once, one time in five a day to four days late.</summary>
        private DateTime Entered(DateTime happened)
        {
            var at = _f.Random.Bool(0.2f) ? OfficeHours(ChinaClock.Today(happened).AddDays(_f.Random.Int(1, 4))) : happened;
            at = at > _at ? at : _at.AddMinutes(_f.Random.Int(1, 30));
            return at < _nowUtc ? at : _nowUtc;
        }

        private MediationCase Done()
        {
            _case.Version = _case.History.Count - 1;
            return _case;
        }

        private DateTime OfficeHours(DateOnly day) => ChinaClock.StartOfDayUtc(day).AddMinutes(_f.Random.Int((8 * 60) + 30, (17 * 60) + 30));

        private static MediatorRef Ref(Actor actor) => new(actor.UserId, actor.DisplayName);
    }
}

/// <summary>The words of the demo cases: who the parties are, what they quarrel about, and what they agree.</summary>
file static class DemoTexts
{
    /// <summary>Each category with how often it comes up in a village, a community and the logistics-park area.</summary>
    public static readonly IReadOnlyList<CategoryProfile> Categories =
    [
        new("marriage-family", 15, 14, 2),
        new("neighbour", 20, 18, 2),
        new("housing-homestead", 16, 4, 1),
        new("contract", 6, 6, 14),
        new("business", 4, 4, 8),
        new("damages", 8, 8, 10),
        new("forest-land", 8, 1, 1),
        new("land-requisition", 7, 2, 3),
        new("environment", 4, 4, 4),
        new("labour-wages", 3, 3, 30),
        new("labour-other", 2, 3, 10),
        new("consumer", 2, 10, 3),
        new("medical", 2, 4, 1),
        new("traffic", 5, 6, 20),
        new("property-management", 1, 20, 1),
        new("other", 3, 4, 4),
    ];

    public static readonly string[] DeclineReasons =
    [
        "当事人已就同一纠纷向人民法院提起诉讼，法院已受理",
        "该事项属于行政机关职权范围，不属于民间纠纷",
        "一方当事人明确拒绝调解",
        "纠纷已由公安机关依法处理",
    ];

    public static readonly string[] ReturnComments =
    [
        "双方仍有调解意愿，请继续组织调解",
        "移交理由不充分，请邀请乡贤共同调解后再议",
        "请先核实欠款数额并组织双方面对面协商",
    ];

    private static readonly string[] GroupRisks = ["涉及务工人员人数较多，有聚集上访苗头", "部分群众情绪激动，扬言到镇政府讨说法"];

    private static readonly string[] PersonalRisks = ["双方曾发生推搡，一方扬言报复", "双方矛盾积怨较深，有肢体冲突风险", "一方有饮酒后滋事记录"];

    private static readonly string[] Brands = ["顺达", "通宇", "鑫源", "恒信", "兴隆", "嘉禾", "龙腾", "盛邦", "宏运", "佳和", "渝通", "川渝"];

    private static readonly string[] AreaCodes = ["500106", "500106", "500106", "500106", "500107", "500103", "500235", "511602", "510722"];

    private static readonly string[] Estates = ["聚龙城小区", "回龙湾安置小区", "龙泉苑", "物流园公租房"];

    public static CaseDraft Draft(Faker f, Village village, string category, DateOnly filedOn)
    {
        var group = category is "labour-wages" or "land-requisition" && f.Random.Bool(0.6f);
        var people = group ? f.Random.Int(5, 36) : f.PickWeighted([2, 3, 4], [70f, 20f, 10f]);
        var risk = group
            ? f.PickWeighted([RiskLevel.Low, RiskLevel.Medium, RiskLevel.High], [25f, 40f, 35f])
            : f.PickWeighted([RiskLevel.Low, RiskLevel.Medium, RiskLevel.High], [73f, 20f, 7f]);
        var applicants = Enumerable.Range(0, group ? f.Random.Int(2, 3) : 1).Select(_ => Person(f, PartyRole.Applicant, village, filedOn, f.Random.Bool())).ToList();
        var respondent = Organization(category, village, f) is { } organization && (group || f.Random.Bool(0.5f))
            ? new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Organization, Name = organization, Phone = f.Random.Bool(0.6f) ? $"023-65{f.Random.Int(100000, 999999)}" : null }
            : Person(f, PartyRole.Respondent, village, filedOn, category == "marriage-family" ? applicants[0].Gender != Gender.Male : f.Random.Bool());
        var third = !group && f.Random.Bool(0.1f) ? [Person(f, PartyRole.ThirdParty, village, filedOn, f.Random.Bool())] : Array.Empty<PartyDraft>();
        var amount = Amount(category, f, group);
        var text = new SummaryFacts(applicants[0].Name, respondent.Name, village.Name, amount is { } a ? $"{a:0.##}元" : "若干", people);
        return new CaseDraft
        {
            Summary = f.PickRandom(Summaries(category))(text),
            CategoryId = 0,
            SourceId = 0,
            VillageId = village.Id,
            MediationKindId = 0,
            AmountInvolved = amount,
            PeopleInvolved = people,
            RiskLevel = risk,
            RiskNote = risk switch
            {
                RiskLevel.High => f.PickRandom(group ? GroupRisks : PersonalRisks),
                RiskLevel.Medium => "双方言语冲突较多，需持续关注",
                _ => null,
            },
            FiledOn = filedOn,
            Parties = [.. applicants, respondent, .. third],
        };
    }

    public static Func<SummaryFacts, string>[] Summaries(string category) => category switch
    {
        "marriage-family" =>
        [
            s => $"申请人{s.A}与被申请人{s.B}系夫妻，因家务分工及子女抚养问题长期争吵，{s.A}提出离婚并要求分割共同财产，双方就财产分割意见分歧较大，申请调解。",
            s => $"{s.A}与其子{s.B}因赡养老人问题发生纠纷，{s.A}年事已高、无固定收入，要求{s.B}每月支付赡养费，{s.B}以兄弟姐妹未分担为由拒绝。",
            s => $"{s.A}与{s.B}离婚后因子女探视时间及抚养费{s.Amount}的支付发生争执，多次到{s.Village}村（居）委会反映，请求调解。",
        ],
        "neighbour" =>
        [
            s => $"{s.Village}村民{s.A}与邻居{s.B}因宅基地边界及院坝排水沟走向发生争执，{s.B}新砌围墙占用{s.A}院坝约半米，双方多次争吵，申请调解。",
            s => $"{s.A}与楼下住户{s.B}因卫生间渗水问题发生纠纷，{s.A}家天花板发霉脱落，要求{s.B}维修并赔偿损失{s.Amount}，{s.B}认为系楼栋公共管道问题。",
            s => $"{s.A}家饲养的狗多次夜间吠叫并咬伤{s.B}家鸡鸭，双方由口角升级为推搡，经{s.Village}网格员排查发现，主动介入调解。",
        ],
        "housing-homestead" =>
        [
            s => $"{s.A}与{s.B}系同村村民，因老宅拆除后宅基地边界认定不一致发生纠纷，{s.B}翻建新房时地基越过原界址，{s.A}要求停工并恢复原状。",
            s => $"{s.A}与兄弟{s.B}因父母遗留房屋的继承及宅基地使用权分配发生纠纷，涉及房屋价值约{s.Amount}，双方各执一词，申请调解。",
        ],
        "contract" =>
        [
            s => $"{s.A}承包{s.B}的仓库装修工程，工程完工后{s.B}以质量问题为由拒付尾款{s.Amount}，{s.A}多次催要未果，申请调解。",
            s => $"{s.A}向{s.B}租赁门面经营，租期未满{s.B}要求提前收回，双方就押金及装修补偿{s.Amount}发生争议。",
        ],
        "business" =>
        [
            s => $"{s.A}与{s.B}合伙经营农家乐，因经营亏损后的债务分担及设备分配产生矛盾，涉及金额{s.Amount}，申请调解。",
            s => $"{s.A}向{s.B}供应蔬菜水果，{s.B}拖欠货款{s.Amount}，并以部分货品变质为由要求折价，双方协商不成。",
        ],
        "damages" =>
        [
            s => $"{s.B}驾驶农用三轮车倒车时撞坏{s.A}家院墙及停放的电动车，双方对赔偿金额{s.Amount}存在分歧，申请调解。",
            s => $"{s.A}在{s.B}经营的场所滑倒受伤，花去医疗费等费用{s.Amount}，要求{s.B}赔偿，{s.B}认为{s.A}自身未尽注意义务。",
        ],
        "forest-land" =>
        [
            s => $"{s.A}与{s.B}因山林承包地界不清发生纠纷，{s.B}砍伐的竹木中有部分位于{s.A}承包范围内，{s.A}要求赔偿损失{s.Amount}。",
            s => $"{s.Village}{s.A}与{s.B}因承包地灌溉用水及田坎归属发生争执，影响春耕生产，村调委会主动排查发现后介入调解。",
        ],
        "land-requisition" =>
        [
            s => $"{s.Village}{s.People}户群众因征地拆迁安置补偿款分配问题与{s.B}产生分歧，认为青苗及附着物补偿标准偏低，涉及金额{s.Amount}，情绪较为激动。",
            s => $"{s.A}等{s.People}人认为征地后过渡安置费发放不及时，多次到镇政府反映，涉及款项{s.Amount}，申请调解。",
        ],
        "environment" =>
        [
            s => $"{s.B}生产过程中产生的粉尘和噪音影响周边居民生活，{s.A}等居民要求其采取降尘措施并赔偿损失{s.Amount}。",
            s => $"{s.B}养殖场污水排放影响{s.A}家鱼塘，造成鱼苗死亡，{s.A}要求赔偿损失{s.Amount}。",
        ],
        "labour-wages" =>
        [
            s => $"{s.A}等{s.People}名务工人员在物流园{s.B}从事装卸搬运工作，{s.B}以资金周转困难为由拖欠工资共计{s.Amount}，务工人员多次讨要未果，到物流园管委会反映。",
            s => $"{s.A}等{s.People}名农民工参与{s.B}承建的仓储项目，工程完工后劳务费{s.Amount}迟迟未结，春节临近，农民工情绪激动，要求尽快支付。",
            s => $"{s.A}在{s.B}从事货车驾驶工作三个月，离职时{s.B}拖欠工资{s.Amount}未结，申请调解。",
        ],
        "labour-other" =>
        [
            s => $"{s.A}在{s.B}分拣作业时手部受伤，双方就工伤认定前的医疗费垫付及误工费{s.Amount}发生争议。",
            s => $"{s.A}与{s.B}因解除劳动关系的经济补偿{s.Amount}计算方式产生分歧，申请调解。",
        ],
        "consumer" =>
        [
            s => $"{s.A}在{s.B}购买的冰箱使用一周即出现故障，要求退货并赔偿{s.Amount}，{s.B}仅同意维修。",
            s => $"{s.A}在{s.B}办理的健身卡因门店装修停业无法使用，要求退还剩余费用{s.Amount}。",
        ],
        "medical" =>
        [
            s => $"{s.A}在{s.B}输液后出现过敏反应住院治疗，花去医疗费{s.Amount}，要求{s.B}承担责任。",
            s => $"{s.A}认为{s.B}拔牙操作不当导致感染，要求赔偿后续治疗费用{s.Amount}。",
        ],
        "traffic" =>
        [
            s => $"{s.B}驾驶货车在物流园内道路转弯时与{s.A}驾驶的电动车相撞，致{s.A}腿部骨折，交警认定{s.B}负主要责任，双方就赔偿金额{s.Amount}协商不成。",
            s => $"{s.A}驾驶小轿车在回龙坝镇场镇路口与{s.B}驾驶的摩托车发生碰撞，双方车辆受损，就维修费用{s.Amount}及责任比例发生争议。",
        ],
        "property-management" =>
        [
            s => $"{s.A}等业主认为{s.B}服务不到位、小区电梯频繁故障，拒交物业费，{s.B}催收物业费{s.Amount}，双方矛盾激化。",
            s => $"{s.A}家车辆停放在小区内被划伤，要求{s.B}承担赔偿责任{s.Amount}，{s.B}认为已尽管理义务。",
        ],
        _ =>
        [
            s => $"{s.A}与{s.B}因借款{s.Amount}到期未还发生纠纷，{s.B}称借款已部分归还，双方对金额存在争议。",
            s => $"{s.A}与{s.B}因红白喜事占用公共场地及噪音问题发生口角，经网格员排查发现，主动介入调解。",
        ],
    };

    public static string[] Session(string category) => category switch
    {
        "labour-wages" or "labour-other" =>
        [
            "调解员会同物流园管委会、劳动保障所召集双方，核对用工台账和工资表，释明《保障农民工工资支付条例》相关规定，用人单位同意先行支付部分工资。",
            "调解员逐一核实务工人员出勤天数和工资数额，与企业负责人面对面协商付款计划，双方初步达成一致。",
        ],
        "traffic" =>
        [
            "调解员依据交警责任认定书，向双方释明道路交通安全法关于赔偿责任的规定，核算医疗费、误工费、护理费等各项损失。",
            "邀请保险公司理赔人员参加，明确保险赔付范围，双方就超出部分的承担比例进行协商。",
        ],
        "neighbour" or "housing-homestead" or "forest-land" =>
        [
            "调解员与村干部到现场实地查看界址，调取原宅基地使用证和承包合同，听取双方及四邻意见，释法说理。",
            "在和顺茶馆组织双方面对面协商，邀请乡贤参与，讲邻里和睦之理，双方各退一步，初步达成一致。",
        ],
        _ =>
        [
            "调解员分别听取双方陈述，了解纠纷起因和各自诉求，释明相关法律规定，引导双方理性协商。",
            "组织双方面对面协商，调解员提出调解方案，双方对主要事项达成一致，个别细节待下次确认。",
        ],
    };

    public static (string Facts, string Matters, string Terms, decimal? Amount) Agreement(string category, MediationCase c, Faker f)
    {
        var applicant = c.Parties.First(p => p.Role == PartyRole.Applicant).Name;
        var respondent = c.Parties.First(p => p.Role == PartyRole.Respondent).Name;
        var amount = c.AmountInvolved is { } a ? decimal.Round(a * f.Random.Decimal(0.6m, 1m), 0) : (decimal?)null;
        var pay = amount is { } p ? $"{respondent}于协议签订之日起十五日内向{applicant}支付{p:0}元" : $"{respondent}向{applicant}赔礼道歉";
        var terms = category switch
        {
            "neighbour" or "housing-homestead" or "forest-land" => $"一、双方以原界址为准，{respondent}于三十日内拆除越界部分；二、{pay}；三、今后互不干涉，和睦相处。",
            "labour-wages" => $"一、{pay}，为拖欠的工资；二、务工人员不再就此事到相关部门上访；三、如逾期未付，务工人员可依法申请支付令。",
            "marriage-family" => $"一、双方就子女抚养和探视达成一致；二、{pay}；三、双方互相尊重，不得干扰对方正常生活。",
            _ => $"一、{pay}；二、本协议履行完毕后，双方就本纠纷再无其他争议。",
        };
        return (c.Summary, $"双方就{(amount is null ? "责任承担" : "赔偿（支付）金额及履行期限")}存在争议。", terms, amount);
    }

    public static string Attendees(MediationCase c, Actor mediator) =>
        $"{string.Join("、", c.Parties.Select(p => p.Name))}；调解员{mediator.DisplayName}";

    public static string? FollowUpNote(PerformanceStatus performance) => performance switch
    {
        PerformanceStatus.Full => "电话回访，双方均表示协议已履行完毕，对调解结果满意。",
        PerformanceStatus.Partial => "上门回访，被申请人仅支付部分款项，剩余款项未按期支付。",
        _ => "上门回访，被申请人未按协议履行，申请人要求重新调解。",
    };

    public static string VenueCode(Village village, Faker f) => f.Random.Bool(0.6f)
        ? village.Code switch
        {
            "huilongba" => "teahouse-huilongba",
            "dashuigou" => "teahouse-dashuigou",
            "julongcheng" => "teahouse-julongcheng",
            "wuliuyuan" => "hongyan-station",
            _ => "committee",
        }
        : f.PickRandom("committee", "home-visit", "online-teahouse", "hongyan-station");

    public static string ReferralTarget(string category, Faker f) => category switch
    {
        "labour-wages" or "labour-other" => "labour-arbitration",
        "traffic" => f.PickRandom("traffic-committee", "court-chenjiaqiao"),
        "contract" or "business" when f.Random.Bool() => "freight-studio",
        "land-requisition" or "environment" => "administrative-authority",
        _ => "court-chenjiaqiao",
    };

    public static string ReferralReason(string category) => category switch
    {
        "labour-wages" or "labour-other" => "用人单位拒不到场调解，需通过劳动仲裁途径解决",
        "land-requisition" or "environment" => "涉及行政职权事项，需由行政主管部门依法处理",
        _ => "双方分歧较大，多次调解未果，引导当事人通过诉讼途径解决",
    };

    private static PartyDraft Person(Faker f, PartyRole role, Village village, DateOnly today, bool male)
    {
        var registered = $"重庆市沙坪坝区回龙坝镇{village.Name}{f.Random.Int(1, 12)}组{f.Random.Int(1, 80)}号";
        return new PartyDraft
        {
            Role = role,
            Kind = PartyKind.Person,
            Name = f.Name.LastName() + f.Name.FirstName(male ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female),
            Gender = male ? Gender.Male : Gender.Female,
            IdNumber = f.Random.Bool(0.55f) ? IdNumberFor(f, male, today) : null,
            Phone = f.Random.Bool(0.8f) ? $"1{f.PickRandom("3", "5", "7", "8", "9")}{f.Random.Int(0, 999999999):D9}" : null,
            RegisteredAddress = registered,
            CurrentAddress = f.Random.Bool(0.4f) ? $"重庆市沙坪坝区回龙坝镇{f.PickRandom(Estates)}{f.Random.Int(1, 20)}栋{f.Random.Int(1, 3)}单元{f.Random.Int(1, 30)}-{f.Random.Int(1, 4)}号" : registered,
        };
    }

    /// <summary>A 身份证号 of 沙坪坝 or nearby, with a birth date of an adult and the check digit the domain accepts.</summary>
    private static string IdNumberFor(Faker f, bool male, DateOnly today)
    {
        var born = today.AddYears(-f.Random.Int(20, 78)).AddDays(-f.Random.Int(0, 364));
        var sequence = f.Random.Int(0, 499) * 2 + (male ? 1 : 0);
        var first17 = $"{f.PickRandom(AreaCodes)}{born:yyyyMMdd}{sequence:D3}";
        return "0123456789X".Select(check => first17 + check).First(id => IdNumber.IsValid(id, today));
    }

    private static string? Organization(string category, Village village, Faker f) => category switch
    {
        "labour-wages" or "labour-other" => $"重庆{f.PickRandom(Brands)}{f.PickRandom("物流有限公司", "建筑劳务有限公司", "仓储服务有限公司")}",
        "property-management" => $"重庆{f.PickRandom(Brands)}物业服务有限公司",
        "contract" or "business" => $"重庆{f.PickRandom(Brands)}{f.PickRandom("商贸有限公司", "运输有限公司", "建材经营部")}",
        "consumer" => $"回龙坝镇{f.PickRandom(Brands)}{f.PickRandom("家电经营部", "超市", "健身会所")}",
        "medical" => $"回龙坝镇{f.PickRandom(Brands)}诊所",
        "environment" => $"重庆{f.PickRandom(Brands)}{f.PickRandom("建材有限公司", "生态养殖场")}",
        "land-requisition" => $"回龙坝镇{village.Name}{(village.Kind == VillageKind.Village ? "村民委员会" : "项目指挥部")}",
        _ => null,
    };

    private static decimal? Amount(string category, Faker f, bool group)
    {
        var (min, max, none) = category switch
        {
            "marriage-family" => (2000, 120000, 0.4f),
            "neighbour" => (200, 8000, 0.5f),
            "housing-homestead" => (5000, 200000, 0.3f),
            "contract" or "business" => (3000, 150000, 0f),
            "damages" or "medical" => (800, 60000, 0f),
            "forest-land" => (500, 20000, 0.4f),
            "land-requisition" => (30000, 600000, 0.1f),
            "environment" => (1000, 30000, 0.2f),
            "labour-wages" => group ? (30000, 380000, 0f) : (3000, 30000, 0f),
            "labour-other" => (2000, 50000, 0f),
            "consumer" or "property-management" => (200, 9000, 0f),
            "traffic" => (1500, 90000, 0f),
            _ => (500, 50000, 0.3f),
        };
        return f.Random.Bool(none) ? null : f.Random.Int(min, max) + f.PickRandom(0m, 0m, 0.5m);
    }
}

/// <summary>Bogus's WeightedRandom wants weights that add up to 1; these are relative.</summary>
internal static class FakerExtensions
{
    public static T PickWeighted<T>(this Faker f, T[] items, float[] weights)
    {
        var total = weights.Sum();
        return f.Random.WeightedRandom(items, [.. weights.Select(w => w / total)]);
    }
}

/// <summary>A category's weight in a village, a community and the logistics-park area.</summary>
file sealed record CategoryProfile(string Code, int VillageWeight, int CommunityWeight, int AreaWeight)
{
    public float Weight(VillageKind kind) => kind switch
    {
        VillageKind.Area => AreaWeight,
        VillageKind.Community => CommunityWeight,
        _ => VillageWeight,
    };
}

/// <summary>What a summary template fills in.</summary>
file sealed record SummaryFacts(string A, string B, string Village, string Amount, int People);
