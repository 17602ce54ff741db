using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Cases;

/// <summary>An open case that already involves a party being entered: a warning on the intake form, never a block.</summary>
public sealed record OpenCaseOfParty(int PartyIndex, string PartyName, int CaseId, string Number, CaseStatus Status);

/// <summary>
/// Finds open cases (已登记, 调解中, 移交待审核) with the same party: by 身份证号 when given, else by name and phone.
/// Only cases the user may see are named; one query, bounded by the handful of parties on the form.
/// </summary>
public sealed class DuplicatePartyService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    private static readonly CaseStatus[] Open = [CaseStatus.Filed, CaseStatus.Mediating, CaseStatus.ReferralPending];

    public async Task<IReadOnlyList<OpenCaseOfParty>> FindAsync(IReadOnlyList<PartyDraft> parties, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return [];
        }

        var keys = parties.Select((p, i) => (Index: i, Name: p.Name?.Trim() ?? "", Id: Normalize(p.IdNumber), Phone: p.Phone?.Trim()))
            .Where(k => k.Id is not null || (k.Name.Length > 0 && !string.IsNullOrEmpty(k.Phone)))
            .ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var ids = keys.Where(k => k.Id is not null).Select(k => k.Id!).ToList();
        var names = keys.Where(k => k.Id is null).Select(k => k.Name).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var openCases = db.Cases.AsNoTracking().VisibleTo(actor).Where(c => Open.Contains(c.Status));
        var matches = await db.Set<Party>().AsNoTracking()
            .Where(p => (p.IdNumber != null && ids.Contains(p.IdNumber)) || (p.IdNumber == null && names.Contains(p.Name)))
            .Join(openCases, p => EF.Property<int>(p, "CaseId"), c => c.Id, (p, c) => new { c.Id, c.Number, c.Status, p.Name, p.IdNumber, p.Phone })
            .OrderByDescending(m => m.Id) // the newest cases first, when there are more than the warning lists
            .Take(20)
            .ToListAsync(ct);
        return [.. keys.SelectMany(k => matches
                .Where(m => k.Id is not null ? m.IdNumber == k.Id : m.IdNumber is null && m.Name == k.Name && m.Phone == k.Phone)
                .Select(m => new OpenCaseOfParty(k.Index, k.Name, m.Id, m.Number, m.Status)))
            .DistinctBy(x => (x.PartyIndex, x.CaseId))];
    }

    private static string? Normalize(string? idNumber) =>
        string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim().ToUpperInvariant();
}
