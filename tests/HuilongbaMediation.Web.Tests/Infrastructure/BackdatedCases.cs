using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Infrastructure;

/// <summary>
/// Cases with a past: filed and moved on at given China dates through the domain's intent methods (the services stamp
/// "now", so a case accepted 31 days ago can only be made this way), by the judicial office (王芳), who may take every
/// step, with a roster mediator of the village as lead, then saved and numbered. Each step happens at 10:00 China time
/// on its date, a minute after the case's previous step. Scripts (<see cref="File(CaseDraft)"/> … <see cref="SaveAsync"/>)
/// build many cases at once; the <c>…Async</c> shortcuts save one case in a common state. Needs the demo users.
/// </summary>
public sealed class BackdatedCases
{
    private readonly TestApp _app;
    private readonly Actor _office;
    private readonly Dictionary<string, int> _villages;
    private readonly Dictionary<string, int> _categories;
    private readonly Dictionary<int, MediatorRef> _leads;
    private readonly int _source;
    private readonly int _kind;
    private readonly int _venue;
    private readonly int _target;
    private readonly List<CaseScript> _scripts = [];
    private Dictionary<string, int> _committees = [];

    private BackdatedCases(TestApp app, Actor office, Dictionary<string, int> villages, Dictionary<string, int> categories, Dictionary<int, MediatorRef> leads, int source, int kind, int venue, int target) =>
        (_app, _office, _villages, _categories, _leads, _source, _kind, _venue, _target) = (app, office, villages, categories, leads, source, kind, venue, target);

    /// <summary>Over a TestApp started with <c>demo: true</c> (the demo users and roster).</summary>
    public static async Task<BackdatedCases> CreateAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        var office = await db.Users.Where(u => u.UserName == "wangfang").Select(u => new Actor(u.Id, u.DisplayName, UserRole.JudicialOffice, null)).SingleAsync();
        var villages = await db.Villages.ToDictionaryAsync(v => v.Code!, v => v.Id);
        var roster = DemoSeeder.RosterMediators.Select(m => m.UserName).ToList();
        var mediators = await db.Users.Where(u => roster.Contains(u.UserName!)).Select(u => new { u.UserName, u.Id, u.DisplayName, u.VillageId }).ToListAsync();
        var leads = mediators.GroupBy(m => m.VillageId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(m => m.UserName).Select(m => new MediatorRef(m.Id, m.DisplayName)).First());
        var committees = await db.Committees.ToDictionaryAsync(c => c.Code!, c => c.Id);
        return new BackdatedCases(
            app,
            office,
            villages,
            await db.Categories.ToDictionaryAsync(c => c.Code!, c => c.Id),
            leads,
            await db.CaseSources.Where(s => s.Code == "application").Select(s => s.Id).SingleAsync(),
            await db.MediationKinds.Where(k => k.Code == "people").Select(k => k.Id).SingleAsync(),
            await db.Venues.Where(v => v.Code == "committee").Select(v => v.Id).SingleAsync(),
            await db.ReferralTargets.Where(t => t.Code == "court-chenjiaqiao").Select(t => t.Id).SingleAsync())
        { _committees = committees };
    }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Today in 回龙坝 by the test run's clock, which the test apps' services read too (<see cref="TestClock"/>).</summary>
    public static DateOnly Today => TestClock.Today;

    /// <summary>Ten o'clock in 回龙坝 on a China date.</summary>
    public static DateTime At(DateOnly date) => ChinaClock.StartOfDayUtc(date).AddHours(10);

    /// <param name="committee">The handling committee's code; by default the village's own (the town's for an area), as filing does.</param>
    public CaseScript File(string village, string category, DateOnly filedOn, decimal? amount = null, int people = 2, RiskLevel risk = RiskLevel.Low, string? committee = null)
    {
        committee ??= _committees.ContainsKey(ReferenceData.VillageCommitteeCode(village)) ? ReferenceData.VillageCommitteeCode(village) : ReferenceData.TownCommittee;
        return File(new CaseDraft
        {
            Summary = $"测试纠纷：{village}·{category}，{filedOn:yyyy-MM-dd}登记。",
            CategoryId = _categories[category],
            SourceId = _source,
            VillageId = _villages[village],
            CommitteeId = _committees[committee],
            MediationKindId = _kind,
            AmountInvolved = amount,
            PeopleInvolved = people,
            RiskLevel = risk,
            RiskNote = risk == RiskLevel.High ? "双方情绪激动，有冲突风险" : null,
            FiledOn = filedOn,
            Parties =
            [
                new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = "申请人甲" },
                new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "被申请人乙" },
            ],
        });
    }

    /// <summary>Files <paramref name="draft"/> on its own filing date (saved by <see cref="SaveAsync"/>).</summary>
    public CaseScript File(CaseDraft draft)
    {
        var script = new CaseScript(this, draft.FiledOn);
        script.Case = Ok(MediationCase.File(draft, _office, script.Next(draft.FiledOn), draft.FiledOn));
        _scripts.Add(script);
        return script;
    }

    /// <summary>A valid draft of the village (by seed code), filed on <paramref name="filedOn"/>.</summary>
    public async Task<CaseDraft> DraftAsync(DateOnly filedOn, string villageCode = "wuyunshan") =>
        await CaseDrafts.ValidAsync(_app, villageCode) with { FiledOn = filedOn };

    /// <summary>Saved as filed, with its lead mediator.</summary>
    public Task<int> FiledAsync(CaseDraft draft) => SaveOneAsync(File(draft).Lead());

    /// <summary>Accepted on <paramref name="acceptedOn"/> (so due 30 days later), with one session that day.</summary>
    public Task<int> MediatingAsync(CaseDraft draft, DateOnly acceptedOn) =>
        SaveOneAsync(File(draft with { FiledOn = Min(draft.FiledOn, acceptedOn) }).Accept(acceptedOn).Session(acceptedOn));

    /// <summary>Resolved on <paramref name="resolvedOn"/> with an oral agreement signed and effective that day, after five days of mediation.</summary>
    public Task<int> ResolvedAsync(CaseDraft draft, DateOnly resolvedOn, DateOnly? performanceDeadline = null, bool intendsToConfirm = false)
    {
        var acceptedOn = resolvedOn.AddDays(-5);
        var script = File(draft with { FiledOn = Min(draft.FiledOn, acceptedOn) }).Accept(acceptedOn).Session(acceptedOn)
            .Resolve(resolvedOn, AgreementKind.Oral, performanceDeadline);
        return SaveOneAsync(intendsToConfirm ? script.IntendToConfirm(resolvedOn) : script);
    }

    /// <summary>Referred on <paramref name="referredOn"/> to 陈家桥人民法庭, after accepting it that day.</summary>
    public Task<int> ReferredAsync(CaseDraft draft, DateOnly referredOn, bool urgent) =>
        SaveOneAsync(File(draft with { FiledOn = Min(draft.FiledOn, referredOn) }).Accept(referredOn).Session(referredOn).Refer(referredOn, urgent));

    /// <summary>One more step on a saved case, on <paramref name="on"/>, as the judicial office; the version moves on.</summary>
    public async Task ApplyAsync(int caseId, DateOnly on, Func<MediationCase, Actor, DateTime, WorkflowResult> change)
    {
        await using var db = await _app.DbAsync();
        var c = await CaseLoading.ForChangeAsync(db, caseId, parties: true, CancellationToken.None) ?? throw new InvalidOperationException($"No case {caseId}.");
        Ok(change(c, _office, At(on)));
        c.Version++;
        await db.SaveChangesAsync();
    }

    /// <summary>Numbers the cases per year in order of filing (after any already stored) and saves them.</summary>
    public async Task SaveAsync()
    {
        await using var db = await _app.DbAsync();
        foreach (var year in _scripts.GroupBy(s => s.Case.FiledOn.Year))
        {
            var last = await db.Cases.Where(c => c.Year == year.Key).MaxAsync(c => (int?)c.Sequence) ?? 0;
            foreach (var script in year.OrderBy(s => s.Case.FiledOn))
            {
                script.Case.AssignNumber(year.Key, ++last);
            }
        }

        db.Cases.AddRange(_scripts.Select(s => s.Case));
        await db.SaveChangesAsync();
        _scripts.Clear();
    }

    private async Task<int> SaveOneAsync(CaseScript script)
    {
        await SaveAsync();
        return script.Case.Id;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static T Ok<T>(WorkflowResult<T> result) => result.IsOk ? result.Value : throw new InvalidOperationException(result.ToString());

    private static void Ok(WorkflowResult result)
    {
        if (!result.IsOk)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    public sealed class CaseScript(BackdatedCases owner, DateOnly filedOn)
    {
        private DateTime _last = ChinaClock.StartOfDayUtc(filedOn);

        public MediationCase Case { get; set; } = default!;

        private Actor Office => owner._office;

        /// <summary>Assigns the village's first roster mediator as lead, on the day of filing.</summary>
        public CaseScript Lead()
        {
            if (Case.LeadMediator is null)
            {
                Ok(Case.AssignMediators(Office, Next(filedOn), new MediatorAssignment(owner._leads[Case.VillageId], [])));
            }

            return this;
        }

        /// <summary>Leads (if not yet) and accepts.</summary>
        public CaseScript Accept(DateOnly on)
        {
            Lead();
            Ok(Case.Accept(Office, Next(on), new AcceptInput(on)));
            return this;
        }

        public CaseScript Session(DateOnly on)
        {
            Ok(Case.RecordSession(Office, Next(on), new SessionInput(on, owner._venue, "双方当事人", "调解记录")));
            return this;
        }

        public CaseScript Resolve(DateOnly on, AgreementKind kind, DateOnly? performanceDeadline = null)
        {
            var agreement = kind == AgreementKind.Written
                ? new AgreementInput { Kind = kind, Facts = "事实", MattersInDispute = "争议", Responsibilities = "责任", Terms = "协议内容", PerformanceManner = "现金", SignedOn = on }
                : new AgreementInput { Kind = kind, Terms = "口头约定", SignedOn = on };
            Ok(Case.Resolve(Office, Next(on), agreement with { PerformanceDeadline = performanceDeadline }));
            return this;
        }

        /// <summary>The parties say they will apply for judicial confirmation (the 30-day countdown starts).</summary>
        public CaseScript IntendToConfirm(DateOnly on)
        {
            Ok(Case.RecordJudicialConfirmation(Office, Next(on), new JudicialConfirmationInput(true, null, null, null)));
            return this;
        }

        public CaseScript Refer(DateOnly on, bool urgent = false)
        {
            Ok(Case.Refer(Office, Next(on), new ReferInput(owner._target, "一方坚持诉讼解决", urgent, on)));
            return this;
        }

        public CaseScript Approve(DateOnly on)
        {
            Ok(Case.ApproveReferral(Office, Next(on), new ApproveReferralInput("陈家桥人民法庭", null, on)));
            return this;
        }

        public CaseScript Return(DateOnly on)
        {
            Ok(Case.ReturnReferral(Office, Next(on), new ReturnReferralInput("请继续调解", on)));
            return this;
        }

        public CaseScript Terminate(DateOnly on)
        {
            Ok(Case.Terminate(Office, Next(on), new TerminateInput(TerminationReason.ApplicantWithdrew, null, on)));
            return this;
        }

        public CaseScript Decline(DateOnly on)
        {
            Ok(Case.Decline(Office, Next(on), new DeclineInput("已向法院起诉", on)));
            return this;
        }

        public CaseScript ExtendDeadline(DateOnly on, DateOnly newDueOn)
        {
            Ok(Case.ExtendDeadline(Office, Next(on), new ExtendDeadlineInput(newDueOn, "当事人外出务工")));
            return this;
        }

        /// <summary>A follow-up that found the agreement unperformed, then 重新调解.</summary>
        public CaseScript Reopen(DateOnly on)
        {
            Ok(Case.RecordFollowUp(Office, Next(on), new FollowUpInput(on, PerformanceStatus.None, "未履行")));
            Ok(Case.Reopen(Office, Next(on), new ReopenInput("协议未履行", on)));
            return this;
        }

        /// <summary>10:00 China time on <paramref name="on"/>, or a minute after this case's previous step.</summary>
        internal DateTime Next(DateOnly on)
        {
            var at = ChinaClock.StartOfDayUtc(on).AddHours(10);
            _last = at > _last ? at : _last.AddMinutes(1);
            return _last;
        }
    }
}
