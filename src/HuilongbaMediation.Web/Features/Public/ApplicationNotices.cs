using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>
/// The applicant's side of a change to their case: a notification in the outbox (<see cref="ApplicationNotification"/>),
/// added to the change's own context so that it is written with the change or not at all.
/// </summary>
public static class ApplicationNotices
{
    public static async Task SessionScheduledAsync(AppDbContext db, int caseId, ScheduleSessionInput session, DateTime nowUtc, CancellationToken ct)
    {
        var applicationId = await db.OnlineApplications.Where(a => a.CaseId == caseId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (applicationId is null)
        {
            return;
        }

        db.ApplicationNotifications.Add(new ApplicationNotification
        {
            ApplicationId = applicationId.Value,
            CreatedAtUtc = nowUtc,
            Text = $"调解时间：{session.On.ToLabel()} {session.At.ToLabel()}；地点：{session.VenueName}"
                + (Domain.Common.Text.Clean(session.Place) is { } place ? $"（{place}）" : "") + "。请按时到场，有变化请联系调解员。",
        });
    }
}
