using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Common;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>
/// Random walks through the service by random users, persisted and read back: the stored history is a chain
/// from Filed that ends in the stored state, whatever was refused on the way. (The domain tests run the same
/// property with FsCheck in memory; this one checks what the database keeps.)
/// </summary>
public sealed class CaseHistoryReplayTests
{
    // Weighted towards the users who may act, so that walks get somewhere; the others are refused on the way.
    private static readonly string[] Users = ["zhangmin", "zhangmin", "wangfang", "wangfang", "zhoutao", "liqiang", "chenjianguo", "admin"];

    /// <summary>Indexes into the operations: the ones that end a case (decline, terminate) rarely, the others often.</summary>
    private static readonly int[] Weighted = [0, 0, 0, 1, 1, 1, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Replaying_the_stored_history_from_Filed_ends_in_the_stored_state(int seed)
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var random = new Random(seed);
        var venue = await CaseDrafts.VenueIdAsync(app);
        var target = await CaseDrafts.ReferralTargetIdAsync(app);
        var lead = await app.UserIdAsync("zhangmin");
        var assistant = await app.UserIdAsync("zhoutao");
        var today = TestClock.Today;
        var operations = new Func<CaseService, CaseRef, Task<Result<CaseRef>>>[]
        {
            (s, c) => s.AssignMediatorsAsync(c.Id, c.Version, lead, [assistant]),
            (s, c) => s.AcceptAsync(c.Id, c.Version, new AcceptInput(today)),
            (s, c) => s.DeclineAsync(c.Id, c.Version, new DeclineInput("已向法院起诉", today)),
            (s, c) => s.RecordSessionAsync(c.Id, c.Version, new SessionInput(today, venue, "双方当事人", "调解记录")),
            (s, c) => s.ResolveAsync(c.Id, c.Version, new AgreementInput { Kind = AgreementKind.Oral, Terms = "双方口头约定互不追究", SignedOn = today }),
            (s, c) => s.ReferAsync(c.Id, c.Version, new ReferInput(target, "需诉讼解决", random.Next(2) == 0, today)),
            (s, c) => s.TerminateAsync(c.Id, c.Version, new TerminateInput(TerminationReason.PartyRefused, null, today)),
            (s, c) => s.ApproveReferralAsync(c.Id, c.Version, new ApproveReferralInput("陈家桥人民法庭", null, today)),
            (s, c) => s.ReturnReferralAsync(c.Id, c.Version, new ReturnReferralInput("请继续调解", today)),
            (s, c) => s.RecordFollowUpAsync(c.Id, c.Version, new FollowUpInput(today, random.Next(2) == 0 ? PerformanceStatus.None : PerformanceStatus.Full, null)),
            (s, c) => s.ReopenAsync(c.Id, c.Version, new ReopenInput("协议未履行", today)),
        };

        var service = app.Get<CaseService>();
        for (var n = 0; n < 8; n++)
        {
            await app.SignInAsUserAsync("zhangmin");
            var c = (await service.FileAsync(await CaseDrafts.ValidAsync(app))).Value!;
            for (var step = 0; step < 40; step++)
            {
                await app.SignInAsUserAsync(Users[random.Next(Users.Length)]);
                var result = await operations[Weighted[random.Next(Weighted.Length)]](service, c);
                if (result.Succeeded)
                {
                    c = result.Value!;
                }
            }
        }

        await using var db = await app.DbAsync();
        var cases = await db.Cases.AsNoTracking().Include(c => c.History).ToListAsync();
        Assert.Equal(8, cases.Count);
        Assert.Contains(cases, c => c.History.Any(h => h.Action == nameof(CaseTrigger.Accept))); // the walks went somewhere
        Assert.All(cases, AssertHistoryReplays);
    }

    /// <summary>
    /// The stored history is a chain from Filed (each entry starts where the previous one ended) that ends in the
    /// stored state, with one version per change after filing. The filing is one write of one or two entries (a
    /// mediator who files a case leads it: File, then AssignMediators, at the same moment).
    /// </summary>
    internal static void AssertHistoryReplays(MediationCase stored)
    {
        var history = stored.History.OrderBy(h => h.Id).ToList();
        Assert.Equal(((CaseStatus?)null, CaseStatus.Filed), (history[0].FromStatus, history[0].ToStatus));
        var state = CaseStatus.Filed;
        foreach (var entry in history.Skip(1))
        {
            Assert.Equal(state, entry.FromStatus);
            state = entry.ToStatus;
        }

        Assert.Equal(stored.Status, state);
        Assert.NotEqual(CaseStatus.Referred, stored.Status);
        var filing = history.TakeWhile(h => h.AtUtc == history[0].AtUtc).Count();
        Assert.Equal(history.Count - filing, stored.Version);
    }
}
