using Bogus;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Domain.Sweeps;
using HuilongbaMediation.Domain.Trainings;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>
/// The demo town's monthly work besides its cases, through the domain's own rules: each village and the 物流园片区 sweeps
/// once or twice a month over the last two years (most months a 零报告, some findings prevented on the spot, this
/// month's findings still open; two villages have not swept yet this month, so the judicial office's home page lists
/// them), and the judicial office holds four 专场培训 a year.
/// </summary>
internal static class DemoMonthlyWork
{
    private const int Seed = 20230101;

    private static readonly (string Summary, string Category)[] Findings =
    [
        ("两户村民因院坝排水沟堵塞互相指责，排查时发现双方已有争吵，存在激化可能。", "neighbour"),
        ("物流园区一货运车队拖欠三名司机运费，司机表示要到园区门口聚集讨要。", "labour-wages"),
        ("村民反映邻居在承包地边界种植竹子，根系越界影响其耕种，双方多次口角。", "forest-land"),
        ("小区业主与物业就停车费上涨发生争执，部分业主拒绝缴纳物业费。", "property-management"),
        ("兄弟二人就老人赡养费用分担意见不一，老人向村委会求助。", "marriage-family"),
    ];

    private static readonly (string Topic, string Trainer)[] Topics =
    [
        ("人民调解法与调解协议书制作", "沙坪坝区司法局 陈律师"),
        ("劳动争议（拖欠农民工工资）调解实务", "陈家桥人民法庭 刘法官"),
        ("婚姻家庭纠纷调解技巧", "回龙坝镇司法所 王芳"),
        ("矛盾纠纷排查与民转刑风险预警", "沙坪坝区公安分局 回龙坝派出所"),
        ("诉前调解与司法确认衔接", "陈家桥人民法庭"),
        ("道路交通事故与货运纠纷调解", "重庆市交通运输人民调解委员会"),
    ];

    public static void Add(
        AppDbContext db, Actor office, IReadOnlyDictionary<int, IReadOnlyList<Actor>> mediators, IReadOnlyList<Village> villages,
        IReadOnlyDictionary<string, int> categories, DateTime nowUtc)
    {
        var f = new Faker("zh_CN") { Random = new Randomizer(Seed) };
        var today = ChinaClock.Today(nowUtc);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var notYet = villages.Take(2).Select(v => v.Id).ToHashSet(); // the first two have not swept yet this month
        for (var month = thisMonth.AddMonths(-24); month <= thisMonth; month = month.AddMonths(1))
        {
            foreach (var village in villages)
            {
                if (month == thisMonth && (notYet.Contains(village.Id) || today.Day < 3))
                {
                    continue;
                }

                var sweepers = mediators.GetValueOrDefault(village.Id) ?? [];
                var actor = sweepers.Count > 0 ? sweepers[0] : office;
                var lastDay = month.AddMonths(1).AddDays(-1) is var end && end < today ? end : today;
                for (var round = 0; round < (f.Random.Bool(0.3f) ? 2 : 1); round++)
                {
                    var sweptOn = month.AddDays(f.Random.Int(0, lastDay.Day - 1));
                    var found = f.Random.Bool(0.35f) ? f.Random.Int(1, 2) : 0;
                    var input = new SweepInput
                    {
                        VillageId = village.Id,
                        SweptOn = sweptOn,
                        SweptBy = string.Join("、", sweepers.Take(2).Select(m => m.DisplayName).DefaultIfEmpty(office.DisplayName)),
                        Notes = village.Kind == VillageKind.Area ? "走访园区货运企业、车队和务工人员集中居住点" : "入户走访重点人员，查看院坝、承包地边界等易发纠纷处",
                        Findings =
                        [
                            .. Enumerable.Range(0, found).Select(_ => f.PickRandom(Findings)).Select(finding => new FindingInput
                            {
                                Summary = finding.Summary,
                                CategoryId = categories.GetValueOrDefault(finding.Category, categories.Values.Min()),
                                ApplicantName = f.Name.FullName(),
                                RespondentName = f.Name.FullName(),
                                PeopleInvolved = f.Random.Int(2, 6),
                            }),
                        ],
                    };
                    var recordedAt = sweptOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) is var at && at < nowUtc ? at : nowUtc;
                    var (sweep, errors, _) = Sweep.Record(input, actor, recordedAt);
                    if (sweep is null)
                    {
                        throw new InvalidOperationException("A demo sweep was refused: " + string.Join("；", errors.Select(e => e.Message)));
                    }

                    if (month < thisMonth)
                    {
                        foreach (var finding in sweep.Findings)
                        {
                            var on = sweptOn.AddDays(f.Random.Int(0, 5)) is var day && day <= today ? day : today;
                            finding.MarkPrevented("经调解员现场劝导，双方当场达成谅解", on, sweptOn, on.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) is var settledAt && settledAt < nowUtc ? settledAt : nowUtc);
                        }
                    }

                    db.Sweeps.Add(sweep);
                }
            }
        }

        var attendees = mediators.Values.SelectMany(m => m).ToList();
        for (var year = today.Year - 2; year <= today.Year; year++)
        {
            foreach (var quarter in Enumerable.Range(0, 4))
            {
                var heldOn = new DateOnly(year, (quarter * 3) + 2, f.Random.Int(10, 25));
                if (heldOn > today)
                {
                    continue;
                }

                var (topic, trainer) = f.PickRandom(Topics);
                var input = new TrainingInput
                {
                    HeldOn = heldOn,
                    Topic = topic,
                    Trainer = trainer,
                    Attendees = [.. f.PickRandom(attendees, f.Random.Int(attendees.Count / 2, attendees.Count)).Select(a => new Attendee(a.UserId, a.DisplayName))],
                };
                var (training, errors, _) = Training.Record(input, office, heldOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
                db.Trainings.Add(training ?? throw new InvalidOperationException("A demo training was refused: " + string.Join("；", errors.Select(e => e.Message))));
            }
        }
    }
}
