using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Web.Features.Reports;
using HuilongbaMediation.Web.Tests.Features.Dashboard;
using HuilongbaMediation.Web.Tests.Features.MonthlyForm;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Reports;

/// <summary>
/// The annual report's paragraphs after the overview (issue 13, item 5) over the demo town: each number against a count
/// made the plain way — the cases and their histories in memory (what each step carried read from its JSON), the
/// sweeps and trainings as stored — for last year (a whole year, 同比 with the year before) and this year (同期).
/// </summary>
public sealed class AnnualReportSentencesTests(FormTown town) : IClassFixture<FormTown>
{
    private int LastYear => town.Today.Year - 1;

    [Fact]
    public async Task Last_years_sentences_tell_the_sources_venues_sweeps_performance_and_trainings_as_counted_directly()
    {
        await town.App.SignInAsUserAsync("wangfang");
        var report = (await town.App.Get<AnnualReportService>().GetAsync(LastYear))!;
        var d = await Direct.LoadAsync(town, new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var text = report.Text;

        Assert.Equal(7, report.Sections.Count);
        Assert.Contains($"从纠纷来源看，当事人申请{d.FiledFrom("application")}件，主动调解{d.FiledFrom("screening", "sweep-finding")}件（其中矛盾纠纷排查发现{d.FiledFrom("sweep-finding")}件），", text, StringComparison.Ordinal);
        Assert.Contains($"委托移送{d.FiledFrom("court-delegated", "police-transfer", "petition-12345", "other-department")}件。", text, StringComparison.Ordinal);
        Assert.Contains($"受理法院委派（诉前调解）纠纷{d.FiledFrom("court-delegated")}件、派出所移交（警调对接）纠纷{d.FiledFrom("police-transfer")}件，信访及12345转办{d.FiledFrom("petition-12345")}件，", text, StringComparison.Ordinal);
        Assert.True(d.FiledFrom("court-delegated") > 0 && d.FiledFrom("police-transfer") > 0, "the demo year has court and police cases");

        foreach (var (venue, count) in d.ResolvedAtVenues())
        {
            Assert.Contains($"{venue}{count}件", text[text.IndexOf("从调解场所看", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }

        Assert.Contains(d.ResolvedAtVenues(), v => v.Venue.StartsWith("和顺茶馆", StringComparison.Ordinal) && v.Count > 0);
        Assert.Contains($"开展矛盾纠纷排查{d.Sweeps}次，排查发现纠纷{d.Found}件，化解（预防）{d.Settled(FindingOutcome.Prevented)}件、转为案件调解{d.Settled(FindingOutcome.CaseFiled)}件；", text, StringComparison.Ordinal);
        Assert.Contains($"防止民转刑案件{d.HighRisk.Count}件、涉及{d.HighRisk.Sum(c => c.PeopleInvolved)}人。", report.Paragraph, StringComparison.Ordinal);
        Assert.Contains($"防止群体性上访{d.Petition.Count}件、涉及{d.Petition.Sum(c => c.PeopleInvolved)}人（防止民转刑见上文）。", text, StringComparison.Ordinal);
        Assert.True(d.Petition.Count > 0, "the demo year has 防止群体性上访");
        var visits = d.Visits;
        var full = visits.Count(v => v == "Full");
        Assert.Contains($"回访调解协议履行情况{visits.Count}件次，其中全部履行{full}件次、部分履行{visits.Count(v => v == "Partial")}件次、未履行{visits.Count(v => v == "None")}件次，协议履行率{(100m * full / visits.Count).ToString("0.0", CultureInfo.InvariantCulture)}%", text, StringComparison.Ordinal);
        Assert.Contains($"开展调解员专场培训{d.Trainings}场，培训调解员{d.Attendances}人次（{d.Trained}人）。", text, StringComparison.Ordinal);
        Assert.True(d.Trainings > 0 && d.Attendances > d.Trained, "the demo year has trainings, some mediators at more than one");
    }

    [Fact]
    public async Task The_no_litigation_line_names_each_villages_cases_that_went_to_court_and_the_villages_with_none()
    {
        await town.App.SignInAsUserAsync("wangfang");
        var report = (await town.App.Get<AnnualReportService>().GetAsync(LastYear))!;
        var d = await Direct.LoadAsync(town, new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));

        var line = Assert.Single(report.Sections, s => s.StartsWith("推进无诉讼村", StringComparison.Ordinal));
        var perVillage = d.Villages.Select(v => (v.Name, Count: d.WentToCourt(v.Id))).ToList();
        Assert.StartsWith($"推进无诉讼村（社区）创建，{LastYear}年全镇涉诉纠纷（法院委派及经审核移交法院的纠纷）共{perVillage.Sum(v => v.Count)}件", line, StringComparison.Ordinal);
        Assert.True(d.ReferredToCourt > 0, "the demo year has referrals approved to the court");
        foreach (var (name, count) in perVillage.Where(v => v.Count > 0))
        {
            Assert.Contains($"{name}{count}件", line, StringComparison.Ordinal);
        }

        var none = perVillage.Where(v => v.Count == 0).Select(v => v.Name).ToList();
        if (none.Count > 0 && none.Count < perVillage.Count)
        {
            Assert.EndsWith($"；{string.Join("、", none)}全年无涉诉纠纷。", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Year_on_year_compares_with_the_same_days_of_the_year_before_and_says_when_it_has_no_data()
    {
        await town.App.SignInAsUserAsync("wangfang");
        var reports = town.App.Get<AnnualReportService>();

        // Last year: the whole year against the whole year before.
        var last = (await reports.GetAsync(LastYear))!;
        var now = await Direct.LoadAsync(town, new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var before = await Direct.LoadAsync(town, new DateOnly(LastYear - 1, 1, 1), new DateOnly(LastYear - 1, 12, 31));
        Assert.Equal(
            $"与{LastYear - 1}年相比，受理纠纷{now.Filed}件，{AnnualReportSentences.Change(now.Filed, before.Filed)}；调解成功{now.Resolved}件，{AnnualReportSentences.Change(now.Resolved, before.Resolved)}；"
            + $"“一庭两所”联动受理纠纷{now.FiledFrom("court-delegated", "police-transfer")}件，{AnnualReportSentences.Change(now.FiledFrom("court-delegated", "police-transfer"), before.FiledFrom("court-delegated", "police-transfer"))}；"
            + $"排查发现纠纷{now.Found}件，{AnnualReportSentences.Change(now.Found, before.Found)}；防止民转刑案件{now.HighRisk.Count}件，{AnnualReportSentences.Change(now.HighRisk.Count, before.HighRisk.Count)}。",
            last.Sections[^1]);
        Assert.Matches("同比(增长|下降)[0-9]+\\.[0-9]%", last.Sections[^1]);

        // This year, still running: against the same days of last year (同期).
        var running = (await reports.GetAsync(town.Today.Year))!;
        var sameDays = await Direct.LoadAsync(town, new DateOnly(LastYear, 1, 1), town.Today.AddYears(-1));
        var thisYear = await Direct.LoadAsync(town, new DateOnly(town.Today.Year, 1, 1), town.Today);
        Assert.StartsWith($"与{LastYear}年同期相比，受理纠纷{thisYear.Filed}件，{AnnualReportSentences.Change(thisYear.Filed, sameDays.Filed)}；", running.Sections[^1], StringComparison.Ordinal);

        // Three years ago the demo town has nothing: no division by zero, 无数据.
        var early = (await reports.GetAsync(town.Today.Year - 2))!;
        Assert.Equal($"{town.Today.Year - 3}年无数据，暂不作同比。", early.Sections[^1]);
    }

    [Theory]
    [InlineData(10, 8, "同比增长25.0%")]
    [InlineData(6, 8, "同比下降25.0%")]
    [InlineData(8, 8, "与去年持平")]
    [InlineData(3, 0, "去年为0件")]
    [InlineData(0, 0, "与去年持平")]
    public void A_change_is_a_rise_a_fall_or_level_and_never_divides_by_zero(int now, int before, string expected) =>
        Assert.Equal(expected, AnnualReportSentences.Change(now, before));

    [Fact]
    public async Task The_Word_document_and_the_Markdown_carry_every_new_paragraph()
    {
        await town.App.SignInAsUserAsync("wangfang");
        var report = (await town.App.Get<AnnualReportService>().GetAsync(LastYear))!;

        using var stream = new MemoryStream(AnnualReportDocument.Create(report));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal([report.Paragraph, .. report.Sections], paragraphs.Skip(1).Take(1 + report.Sections.Count));
        Assert.Contains(paragraphs, p => p.StartsWith("从纠纷来源看", StringComparison.Ordinal) && p.Contains("“一庭两所”", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("推进无诉讼村", StringComparison.Ordinal));
        Assert.All(report.Sections, s => Assert.Contains(s, report.ToMarkdown(), StringComparison.Ordinal));
    }

    /// <summary>The report's figures counted the plain way.</summary>
    private sealed class Direct
    {
        private List<MediationCase> _cases = [];
        private DateOnly _from;
        private DateOnly _to;
        private Dictionary<int, string?> _sourceCodes = [];
        private Dictionary<int, string> _venues = [];
        private Dictionary<int, string> _targets = [];
        private List<Sweep> _sweeps = [];
        private List<HuilongbaMediation.Domain.Trainings.Training> _trainings = [];

        public List<(int Id, string Name)> Villages { get; private set; } = [];

        public static async Task<Direct> LoadAsync(FormTown town, DateOnly from, DateOnly to)
        {
            await using var db = await town.App.DbAsync();
            var villages = await db.Villages.OrderBy(v => v.SortOrder).Select(v => new { v.Id, v.Name, v.IsActive }).ToListAsync();
            return new Direct
            {
                _cases = town.Cases,
                _from = from,
                _to = to,
                _sourceCodes = await db.CaseSources.ToDictionaryAsync(s => s.Id, s => s.Code),
                _venues = await db.Venues.ToDictionaryAsync(v => v.Id, v => v.Name),
                _targets = await db.ReferralTargets.ToDictionaryAsync(t => t.Id, t => t.Name),
                _sweeps = await db.Sweeps.Include(s => s.Findings).ToListAsync(),
                _trainings = await db.Trainings.Include(t => t.Attendees).ToListAsync(),
                Villages = [.. villages.Where(v => v.IsActive).Select(v => (v.Id, v.Name))],
            };
        }

        private bool In(DateOnly? day) => day >= _from && day <= _to;

        private IEnumerable<MediationCase> FiledCases => _cases.Where(c => In(c.FiledOn));

        public int Filed => FiledCases.Count();

        public int FiledFrom(params string[] codes) => FiledCases.Count(c => codes.Contains(_sourceCodes[c.SourceId]));

        private List<(MediationCase Case, HistoryEntry Entry)> Events(string action) =>
            [.. _cases.SelectMany(c => c.History.Where(h => h.Action == action && In(DirectCount.EventDate(h))).Select(h => (c, h)))];

        public int Resolved => Events("Resolve").Count;

        public List<(string Venue, int Count)> ResolvedAtVenues() =>
            [.. _venues.Select(v => (v.Value, Events("Resolve").Count(e => e.Case.VenueId == v.Key)))];

        public List<MediationCase> HighRisk => [.. Events("Resolve").Where(e => e.Case.RiskLevel == RiskLevel.High).Select(e => e.Case)];

        public List<MediationCase> Petition => [.. Events("Resolve")
            .Where(e => Json(e.Entry).GetProperty("Agreement").TryGetProperty("PreventedGroupPetition", out var p) && p.GetBoolean())
            .Select(e => e.Case)];

        public List<string?> Visits => [.. Events("RecordFollowUp").Select(e => Json(e.Entry).GetProperty("Performance").GetString())];

        public int Sweeps => _sweeps.Count(s => In(s.SweptOn));

        public int Found => _sweeps.Where(s => In(s.SweptOn)).Sum(s => s.Findings.Count);

        public int Settled(FindingOutcome outcome) => _sweeps.SelectMany(s => s.Findings).Count(f => f.Outcome == outcome && In(f.SettledOn));

        public int Trainings => _trainings.Count(t => In(t.HeldOn));

        public int Attendances => _trainings.Where(t => In(t.HeldOn)).Sum(t => t.Attendees.Count);

        public int Trained => _trainings.Where(t => In(t.HeldOn)).SelectMany(t => t.Attendees).Select(a => a.UserId).Distinct().Count();

        private bool ToCourt(MediationCase c) => c.Referral is { } r && (_targets[r.TargetId].Contains("法院", StringComparison.Ordinal) || _targets[r.TargetId].Contains("法庭", StringComparison.Ordinal));

        public int ReferredToCourt => Events("ApproveReferral").Count(e => ToCourt(e.Case));

        /// <summary>无诉讼村: cases of the village a court sent, filed in the period, and referrals to a court approved in it.</summary>
        public int WentToCourt(int villageId) =>
            FiledCases.Count(c => c.VillageId == villageId && _sourceCodes[c.SourceId] == "court-delegated")
            + Events("ApproveReferral").Count(e => e.Case.VillageId == villageId && ToCourt(e.Case));

        private static JsonElement Json(HistoryEntry h) => JsonDocument.Parse(h.Data).RootElement;
    }
}
