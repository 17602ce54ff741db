using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Months;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Dashboard;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.MonthlyForm;

/// <summary>A case still open at the end of the month, with the reason given at sign-off (if signed).</summary>
public sealed record OpenCaseLine(int CaseId, string Number, string Summary, CaseStatus State, bool Overdue, string? Reason);

/// <summary>A village's month as its head reviews it: filed, concluded, still open, and whether it is signed off.</summary>
public sealed record VillageMonth(
    int VillageId, string Village, int Filed, int Concluded, IReadOnlyList<OpenCaseLine> Open, string? SignedBy, DateTime? SignedAtUtc);

/// <summary>The month's review as one user may see it, and whether the town's month is closed.</summary>
public sealed record MonthReview(DateOnly Month, bool Ended, IReadOnlyList<VillageMonth> Villages, ClosedInfo? Closed, bool MayClose);

/// <summary>
/// 台账清零 and closing the month: a village head reviews the village's month (cases filed, concluded, each still open
/// with its reason, overdue ones flagged) and signs it off; the judicial office sees who has signed and closes the month
/// for the town, which stores the month's statistical form as reported (<see cref="FormSnapshot"/>). Months close in
/// order: a month closes only after the month before it, unless it is the first to be closed.
/// </summary>
public sealed class MonthCloseService(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, SqliteWriteGate writeGate, TimeProvider clock, MonthlyFormService forms)
{
    public async Task<MonthReview?> ReviewAsync(DateOnly month, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { Role: UserRole.JudicialOffice or UserRole.VillageHead } actor)
        {
            return null;
        }

        month = new DateOnly(month.Year, month.Month, 1);
        var last = month.AddMonths(1).AddDays(-1);
        var today = ChinaClock.Today(clock.GetUtcNow().UtcDateTime);
        var own = actor.Role == UserRole.VillageHead ? actor.VillageId : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.IsActive && (own == null || v.Id == own)).OrderBy(v => v.SortOrder)
            .Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var filed = await db.Cases.AsNoTracking().Where(c => c.FiledOn >= month && c.FiledOn <= last)
            .GroupBy(c => c.VillageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var concluded = await db.CaseHistory.AsNoTracking()
            .Where(CaseQueries.Events(CaseQueries.AnyOf(FigureDefinitions.Concluding), month, last))
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => c.VillageId)
            .GroupBy(v => v).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var openStates = FigureDefinitions.OpenStates.Select(s => (CaseStatus?)s).ToList();
        var open = await db.Cases.AsNoTracking().Where(c => own == null || c.VillageId == own)
            .AsOf(last, today)
            .Where(x => openStates.Contains(x.State))
            .Select(x => new { x.Case.Id, x.Case.Number, x.Case.Summary, x.Case.VillageId, x.State, x.Overdue })
            .OrderBy(x => x.Number)
            .ToListAsync(ct);
        var signOffs = await db.MonthSignOffs.AsNoTracking().Include(s => s.Reasons).Where(s => s.Month == month).ToListAsync(ct);
        var closed = await db.ClosedMonths.AsNoTracking().SingleOrDefaultAsync(m => m.Month == month, ct);
        var lines = villages.Select(v =>
        {
            var signed = signOffs.SingleOrDefault(s => s.VillageId == v.Id);
            return new VillageMonth(
                v.Id, v.Name, filed.GetValueOrDefault(v.Id), concluded.GetValueOrDefault(v.Id),
                [.. open.Where(o => o.VillageId == v.Id).Select(o => new OpenCaseLine(
                    o.Id, o.Number, o.Summary.Length > 40 ? o.Summary[..40] + "…" : o.Summary, o.State!.Value, o.Overdue,
                    signed?.Reasons.FirstOrDefault(r => r.CaseId == o.Id)?.Reason))],
                signed?.SignedByName, signed?.SignedAtUtc);
        }).ToList();
        return new MonthReview(
            month, last < today, lines, closed is null ? null : new ClosedInfo(closed.ClosedByName, closed.ClosedAtUtc),
            actor.Role == UserRole.JudicialOffice && closed is null && last < today);
    }

    /// <summary>签认: the village's month, every case still open at its end with a reason.</summary>
    public async Task<(IReadOnlyList<FieldError> Errors, string? Refusal)> SignAsync(
        int villageId, DateOnly month, IReadOnlyList<OpenCaseReason> reasons, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return ([], "请先登录");
        }

        month = new DateOnly(month.Year, month.Month, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaClock.Today(now);
        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.MonthSignOffs.AnyAsync(s => s.VillageId == villageId && s.Month == month, ct))
        {
            return ([], "本村（社区）该月已签认");
        }

        if (await db.ClosedMonths.AnyAsync(m => m.Month == month, ct))
        {
            return ([], "该月已由司法所关账，不能再签认");
        }

        var openStates = FigureDefinitions.OpenStates.Select(s => (CaseStatus?)s).ToList();
        var open = await db.Cases.Where(c => c.VillageId == villageId).AsOf(month.AddMonths(1).AddDays(-1), today)
            .Where(x => openStates.Contains(x.State)).Select(x => x.Case.Id).ToListAsync(ct);
        var (signOff, errors, forbidden) = MonthSignOff.Sign(villageId, month, open, reasons, actor, now);
        if (forbidden)
        {
            return ([], "只有本村（社区）负责人或司法所可以签认");
        }

        if (signOff is null)
        {
            return (errors, null);
        }

        db.MonthSignOffs.Add(signOff);
        await db.SaveChangesAsync(ct);
        return ([], null);
    }

    /// <summary>关账: the judicial office closes the town's month once every village has signed; its form is stored as reported.</summary>
    public async Task<string?> CloseAsync(DateOnly month, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { Role: UserRole.JudicialOffice } actor)
        {
            return "只有司法所可以关账";
        }

        month = new DateOnly(month.Year, month.Month, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        if (month.AddMonths(1) > ChinaClock.Today(now))
        {
            return "该月尚未结束，月末后才能关账";
        }

        using var writer = await writeGate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ClosedMonths.AnyAsync(m => m.Month == month, ct))
        {
            return "该月已关账";
        }

        if (await db.ClosedMonths.AnyAsync(m => m.Month > month, ct)
            || (await db.ClosedMonths.AnyAsync(ct) && !await db.ClosedMonths.AnyAsync(m => m.Month == month.AddMonths(-1), ct)))
        {
            return "须按月份顺序关账：请先关闭上一个月";
        }

        var unsigned = await db.Villages.Where(v => v.IsActive && !db.MonthSignOffs.Any(s => s.VillageId == v.Id && s.Month == month))
            .OrderBy(v => v.SortOrder).Select(v => v.Name).ToListAsync(ct);
        if (unsigned.Count > 0)
        {
            return $"以下村（社区）尚未签认：{string.Join("、", unsigned)}";
        }

        // Writers wait at the gate meanwhile, so nothing is entered between the figures and the closing time.
        var form = (await forms.GetAsync(actor, FormPeriod.MonthOf(month), FormScope.Village, ct))!;
        var byCommittee = (await forms.GetAsync(actor, FormPeriod.MonthOf(month), FormScope.Committee, ct))!;
        db.ClosedMonths.Add(ClosedMonth.Close(month, FormSnapshot.Write(form, byCommittee), actor, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
