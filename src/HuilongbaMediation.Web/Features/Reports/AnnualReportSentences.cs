using System.Globalization;
using System.Text;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.MonthlyForm;

namespace HuilongbaMediation.Web.Features.Reports;

/// <summary>
/// What the town's yearly report says of mediation beyond the overview (issue 13, item 5): the 一庭两所 linkage and the
/// other sources, the venues, sweeps and 防止群体性上访, 履行, trainings, 无诉讼村 and 同比 — a paragraph each, every number
/// read from a column of the statistical form (<see cref="FormFigures"/>) for the year's days, none counted here.
/// </summary>
public static class AnnualReportSentences
{
    /// <param name="year">The year's lines: from 1 January to the report's last day (today while the year runs).</param>
    /// <param name="previous">The same days of the year before, for 同比.</param>
    /// <param name="running">Whether the year is still running (同比 then compares with the same days of last year: 同期).</param>
    public static IReadOnlyList<string> Write(int reportYear, FormLines year, FormLines previous, bool running) =>
    [
        Sources(year),
        Venues(year),
        SweepsAndPrevention(year),
        Performance(year),
        Trainings(year),
        NoLitigation(reportYear, year),
        YearOnYear(reportYear - 1, year, previous, running),
    ];

    /// <summary>一庭两所 and the other sources of the cases filed.</summary>
    private static string Sources(FormLines lines)
    {
        var town = lines.Town;
        string N(string code) => Count(lines.Value(town, code));
        return $"从纠纷来源看，当事人申请{N(SourceGroups.Application)}件，主动调解{N(SourceGroups.Proactive)}件（其中矛盾纠纷排查发现{N(ReferenceData.SweepFindingSource)}件），"
            + $"委托移送{N(SourceGroups.Delegated)}件。深化“一庭两所”联动，受理法院委派（诉前调解）纠纷{N(FormFigures.CourtDelegatedSource)}件、"
            + $"派出所移交（警调对接）纠纷{N(PoliceTransferSource)}件，信访及12345转办{N(PetitionSource)}件，其他部门移交{N(OtherDepartmentSource)}件。";
    }

    /// <summary>Where the resolved cases were mediated: each venue by name (和顺茶馆, 红岩市民综合调解站, 村（居）调委会, 线上).</summary>
    private static string Venues(FormLines lines)
    {
        var town = lines.Town;
        var venues = lines.Group(town, FormFigures.VenueGroup);
        var text = new StringBuilder("从调解场所看，调解成功的纠纷中，");
        text.AppendJoin("、", venues.Select(v => $"{v.Column.Label}{Count(v.Value)}件"));
        var unplaced = lines.Value(town, FormFigures.ResolvedKey) - venues.Sum(v => v.Value);
        if (unplaced > 0)
        {
            text.Append("，另有").Append(Count(unplaced)).Append("件未记录调解场所");
        }

        return text.Append('。').ToString();
    }

    /// <summary>Sweeps and 防止群体性上访; 防止民转刑 is in the overview already (the dashboard's figure, equal to the form's).</summary>
    private static string SweepsAndPrevention(FormLines lines)
    {
        var town = lines.Town;
        string N(string code) => Count(lines.Value(town, code));
        return $"开展矛盾纠纷排查{N(FormFigures.SweepsKey)}次，排查发现纠纷{N(FormFigures.SweepFoundKey)}件，化解（预防）{N(FormFigures.SweepPreventedKey)}件、"
            + $"转为案件调解{N(FormFigures.SweepFiledKey)}件；防止群体性上访{N(FormFigures.PreventedPetitionKey)}件、涉及{N(FormFigures.PreventedPetitionPeopleKey)}人"
            + "（防止民转刑见上文）。";
    }

    /// <summary>
    /// 履行, as the form counts it: follow-up visits (回访, 件次) by what they found; the 履行率 is the form's, visits that found
    /// the agreement fully performed ÷ all visits.
    /// </summary>
    private static string Performance(FormLines lines)
    {
        var town = lines.Town;
        var visits = lines.Value(town, FormFigures.FollowUpKey);
        if (visits == 0)
        {
            return "全年未记录调解协议履行情况回访。";
        }

        string N(PerformanceStatus status) => Count(lines.Value(town, FormFigures.PerformanceKey(status)));
        var rate = lines.Rate(town, FormFigures.PerformanceRateKey);
        return $"回访调解协议履行情况{Count(visits)}件次，其中{PerformanceStatus.Full.ToLabel()}{N(PerformanceStatus.Full)}件次、"
            + $"{PerformanceStatus.Partial.ToLabel()}{N(PerformanceStatus.Partial)}件次、{PerformanceStatus.None.ToLabel()}{N(PerformanceStatus.None)}件次，"
            + $"协议履行率{Percent(rate)}（全部履行的回访件次占回访件次的比例）。";
    }

    private static string Trainings(FormLines lines)
    {
        var town = lines.Town;
        string N(string code) => Count(lines.Value(town, code));
        return $"加强调解队伍建设，开展调解员专场培训{N(FormFigures.TrainingsKey)}场，培训调解员{N(FormFigures.TrainedTimesKey)}人次（{N(FormFigures.TrainedKey)}人）。";
    }

    /// <summary>无诉讼村: each village's disputes that went to court (法院委派, referrals approved to a court), and the villages with none.</summary>
    private static string NoLitigation(int reportYear, FormLines lines)
    {
        decimal WentToCourt(FormRow row) => FormFigures.WentToCourtKeys.Sum(k => lines.Value(row, k));
        var villages = lines.Rows.Where(r => r.VillageId is not null).Select(r => (r.Name, Count: WentToCourt(r))).ToList();
        var text = new StringBuilder($"推进无诉讼村（社区）创建，{reportYear}年全镇涉诉纠纷（法院委派及经审核移交法院的纠纷）共{Count(WentToCourt(lines.Town))}件");
        var with = villages.Where(v => v.Count > 0).ToList();
        if (with.Count > 0)
        {
            text.Append("，其中").AppendJoin("、", with.Select(v => $"{v.Name}{Count(v.Count)}件"));
        }

        var none = villages.Where(v => v.Count == 0).Select(v => v.Name).ToList();
        text.Append(none.Count == 0 ? "；各村（社区）、片区均有涉诉纠纷。"
            : with.Count == 0 ? "，各村（社区）、片区均无涉诉纠纷。"
            : $"；{string.Join("、", none)}全年无涉诉纠纷。");
        return text.ToString();
    }

    /// <summary>同比 of the main figures, over the same days of the year before; 去年无数据 when that year has nothing recorded.</summary>
    private static string YearOnYear(int previousYear, FormLines year, FormLines previous, bool running)
    {
        var keys = new (string Name, IReadOnlyList<string> Codes)[]
        {
            ("受理纠纷", [FormFigures.FiledKey]),
            ("调解成功", [FormFigures.ResolvedKey]),
            ("“一庭两所”联动受理纠纷", [FormFigures.CourtDelegatedSource, PoliceTransferSource]),
            ("排查发现纠纷", [FormFigures.SweepFoundKey]),
            ("防止民转刑案件", [FormFigures.PreventedCriminalKey]),
        };
        var span = running ? $"{previousYear}年同期" : $"{previousYear}年";
        var last = previous.Town;
        if (HasNoData(previous))
        {
            return $"{span}无数据，暂不作同比。";
        }

        var parts = keys.Select(k =>
        {
            var now = k.Codes.Sum(c => year.Value(year.Town, c));
            var before = k.Codes.Sum(c => previous.Value(last, c));
            return $"{k.Name}{Count(now)}件，{Change(now, before)}";
        });
        return $"与{span}相比，" + string.Join("；", parts) + "。";
    }

    /// <summary>"同比增长12.5%", "同比下降3.0%", "与去年持平", or "去年为0件" (never a division by zero).</summary>
    public static string Change(decimal now, decimal before) =>
        before == 0 ? now == 0 ? "与去年持平" : "去年为0件"
        : now == before ? "与去年持平"
        : now > before ? $"同比增长{Percent(100m * (now - before) / before)}"
        : $"同比下降{Percent(100m * (before - now) / before)}";

    /// <summary>A year with nothing recorded: no case filed or concluded, no sweep, no training.</summary>
    private static bool HasNoData(FormLines lines) =>
        new[] { FormFigures.FiledKey, FormFigures.ResolvedKey, FormFigures.ReferredKey, FormFigures.SweepsKey, FormFigures.TrainingsKey }
            .All(code => lines.Value(lines.Town, code) == 0);

    private const string PoliceTransferSource = "police-transfer";
    private const string PetitionSource = "petition-12345";
    private const string OtherDepartmentSource = "other-department";

    private static string Count(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
