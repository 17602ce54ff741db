using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Tests.Features.Cases;

/// <summary>Valid drafts over the seeded reference data, for tests that file cases.</summary>
public static class CaseDrafts
{
    public static async Task<CaseDraft> ValidAsync(TestApp app, string villageCode = "wuyunshan", string applicant = "王大明", string respondent = "李小红")
    {
        await using var db = await app.DbAsync();
        return new CaseDraft
        {
            Summary = "邻里之间因院坝排水问题发生纠纷，双方多次争吵，申请调解。",
            CategoryId = await db.Categories.Where(c => c.Code == "neighbour").Select(c => c.Id).SingleAsync(),
            SourceId = await db.CaseSources.Where(c => c.Code == "application").Select(c => c.Id).SingleAsync(),
            VillageId = await db.Villages.Where(c => c.Code == villageCode).Select(c => c.Id).SingleAsync(),
            MediationKindId = await db.MediationKinds.Where(c => c.Code == "people").Select(c => c.Id).SingleAsync(),
            PeopleInvolved = 2,
            AmountInvolved = 1200.50m,
            FiledOn = TestClock.Today,
            Parties =
            [
                new PartyDraft { Role = PartyRole.Applicant, Kind = PartyKind.Person, Name = applicant, Gender = Gender.Male, IdNumber = "11010519491231002X", Phone = "13812341234", RegisteredAddress = "回龙坝镇五云山村3组", CurrentAddress = "回龙坝镇聚龙城小区" },
                new PartyDraft { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = respondent, Gender = Gender.Female, Phone = "023-65123456" },
            ],
        };
    }

    public static async Task<int> VenueIdAsync(TestApp app, string code = "teahouse-huilongba")
    {
        await using var db = await app.DbAsync();
        return await db.Venues.Where(v => v.Code == code).Select(v => v.Id).SingleAsync();
    }

    public static async Task<int> ReferralTargetIdAsync(TestApp app, string code = "court-chenjiaqiao")
    {
        await using var db = await app.DbAsync();
        return await db.ReferralTargets.Where(v => v.Code == code).Select(v => v.Id).SingleAsync();
    }
}
