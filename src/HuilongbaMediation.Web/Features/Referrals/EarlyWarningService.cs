using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Data;
using HuilongbaMediation.Web.Data.Seeding;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Resources;
using HuilongbaMediation.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HuilongbaMediation.Web.Features.Referrals;

/// <summary>The four early-warning rules of DOMAIN.md "Early warning (民转刑 risk)", in the order the list ranks them.</summary>
public enum WarningRule
{
    /// <summary>紧急移交: referred as urgent (risk of violence).</summary>
    UrgentReferral,

    /// <summary>已标记为高风险: a person set the risk to 高.</summary>
    MarkedHigh,

    /// <summary>群体性纠纷: 5 or more people, in a 劳动争议 or 征地拆迁 category.</summary>
    GroupDispute,

    /// <summary>同一当事人: the same two parties have 3 or more cases filed in the last 12 months.</summary>
    RepeatParties,
}

/// <summary>A rule a case meets: <see cref="Count"/> is the people involved (group) or the pair's cases (repeat); <see cref="Group"/> the category.</summary>
public sealed record WarningMatch(WarningRule Rule, int Count = 0, string? Group = null);

public sealed record WarningCase(int Id, string Number, string Village, string Summary, DateOnly FiledOn, IReadOnlyList<WarningMatch> Matches);

/// <summary>The first cases of the early-warning list, and how many it holds in all.</summary>
public sealed record WarningList(IReadOnlyList<WarningCase> Cases, int Total)
{
    public int Hidden => Total - Cases.Count;
}

/// <summary>
/// 民转刑 early warning over open cases (Filed, Mediating, ReferralPending). A case that meets a rule counts as 高
/// wherever its risk is shown. That raised level is computed here on every read, not stored: storing it would need a
/// column (a migration) and would go stale when a rule stops holding. Pages call <see cref="RulesForCaseAsync"/>;
/// the export uses <see cref="RaisedAsync"/>.
/// </summary>
public sealed class EarlyWarningService(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OversightText> text)
{
    public const int GroupSize = 5;
    public const int RepeatCases = 3;
    public const int RepeatMonths = 12;
    public const int DefaultShown = 20;

    private static readonly CaseStatus[] OpenStates = [CaseStatus.Filed, CaseStatus.Mediating, CaseStatus.ReferralPending];

    /// <summary>The open cases the user may see that meet a rule: the first <paramref name="take"/>, by rule, then oldest filing first.</summary>
    public async Task<WarningList> ListAsync(int take = DefaultShown, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return new WarningList([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Cases.AsNoTracking().VisibleTo(actor);
        var matches = await MatchesAsync(db, visible, Today(), ct);
        var ids = matches.Keys.ToList();

        // Bounded by the open cases that meet a rule; ranked here because the repeat rule is assembled in memory.
        var cases = await visible.Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Number,
                Village = db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.Name).First(),
                c.Summary,
                c.FiledOn,
            })
            .ToListAsync(ct);
        var ranked = cases
            .Select(c => new WarningCase(c.Id, c.Number, c.Village, c.Summary, c.FiledOn, matches[c.Id]))
            .OrderBy(c => c.Matches[0].Rule)
            .ThenBy(c => c.FiledOn)
            .ThenBy(c => c.Id)
            .Take(take)
            .ToList();
        return new WarningList(ranked, cases.Count);
    }

    /// <summary>
    /// The rules an open case meets, as the page shows them ("紧急移交", "群体性劳动争议（6人）", ...); empty when it meets
    /// none, is closed, or the user may not see it. Non-empty means the case is treated as 高.
    /// </summary>
    public async Task<IReadOnlyList<string>> RulesForCaseAsync(int caseId, CancellationToken ct = default)
    {
        if (await currentUser.GetActorAsync() is not { } actor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matches = await MatchesAsync(db, db.Cases.AsNoTracking().VisibleTo(actor).Where(c => c.Id == caseId), Today(), ct);
        return matches.TryGetValue(caseId, out var found) ? [.. found.Select(Describe)] : [];
    }

    /// <summary>The rule as the user reads it, in the current UI culture.</summary>
    public string Describe(WarningMatch match) => match.Rule switch
    {
        WarningRule.UrgentReferral => text["EarlyWarning.Rule.UrgentReferral"],
        WarningRule.MarkedHigh => text["EarlyWarning.Rule.MarkedHigh"],
        WarningRule.GroupDispute => text["EarlyWarning.Rule.GroupDispute", match.Group ?? "", match.Count],
        WarningRule.RepeatParties => text["EarlyWarning.Rule.RepeatParties", match.Count],
        _ => throw new ArgumentOutOfRangeException(nameof(match), match.Rule, null),
    };

    /// <summary>The ids among <paramref name="cases"/> that a rule raises to 高.</summary>
    internal async Task<IReadOnlySet<int>> RaisedAsync(AppDbContext db, IQueryable<MediationCase> cases, DateOnly today, CancellationToken ct) =>
        (await MatchesAsync(db, cases, today, ct)).Keys.ToHashSet();

    /// <summary>
    /// The rules each open case of <paramref name="scope"/> meets, most pressing first. Three rules are a SQL predicate.
    /// The repeat rule is two queries: the party keys of the open cases in scope (bounded by those cases), then, in SQL,
    /// the pairs of those keys that share <see cref="RepeatCases"/> or more cases filed in the window, town-wide; the
    /// pairs are matched to the open cases in memory.
    /// </summary>
    private static async Task<Dictionary<int, List<WarningMatch>>> MatchesAsync(
        AppDbContext db, IQueryable<MediationCase> scope, DateOnly today, CancellationToken ct)
    {
        var open = scope.Where(c => OpenStates.Contains(c.Status));
        var matches = new Dictionary<int, List<WarningMatch>>();
        void Add(int caseId, WarningMatch match)
        {
            if (!matches.TryGetValue(caseId, out var list))
            {
                matches[caseId] = list = [];
            }

            list.Add(match);
        }

        var groupCategories = db.Categories.Where(x => x.StatisticsGroup == CategoryCodes.LabourGroup || x.Code == CategoryCodes.LandRequisition);
        var flagged = await open
            .Select(c => new
            {
                c.Id,
                Urgent = c.Referral != null && c.Referral.Urgent,
                High = c.RiskLevel == RiskLevel.High,
                c.PeopleInvolved,
                Group = c.PeopleInvolved >= GroupSize
                    ? groupCategories.Where(x => x.Id == c.CategoryId).Select(x => x.StatisticsGroup ?? x.Name).FirstOrDefault()
                    : null,
            })
            .Where(c => c.Urgent || c.High || c.Group != null)
            .ToListAsync(ct);
        foreach (var c in flagged)
        {
            if (c.Urgent)
            {
                Add(c.Id, new WarningMatch(WarningRule.UrgentReferral));
            }

            if (c.High)
            {
                Add(c.Id, new WarningMatch(WarningRule.MarkedHigh));
            }

            if (c.Group is not null)
            {
                Add(c.Id, new WarningMatch(WarningRule.GroupDispute, c.PeopleInvolved, c.Group));
            }
        }

        var openKeys = await PartyKeys(open).Distinct().ToListAsync(ct);
        var keys = openKeys.Select(k => k.Key).Distinct().ToList();
        var since = today.AddMonths(-RepeatMonths);
        var recent = PartyKeys(db.Cases.Where(c => c.FiledOn > since)).Where(k => keys.Contains(k.Key));
        var pairs = await (
                from a in recent
                join b in recent on a.CaseId equals b.CaseId
                where a.Key.CompareTo(b.Key) < 0
                group a.CaseId by new { A = a.Key, B = b.Key } into pair
                select new { pair.Key.A, pair.Key.B, Cases = pair.Distinct().Count() })
            .Where(p => p.Cases >= RepeatCases)
            .ToListAsync(ct);
        foreach (var (caseId, caseKeys) in openKeys.GroupBy(k => k.CaseId, k => k.Key).Select(g => (g.Key, g.ToHashSet())))
        {
            var most = pairs.Where(p => caseKeys.Contains(p.A) && caseKeys.Contains(p.B)).Select(p => p.Cases).DefaultIfEmpty().Max();
            if (most >= RepeatCases)
            {
                Add(caseId, new WarningMatch(WarningRule.RepeatParties, most));
            }
        }

        return matches;
    }

    /// <summary>
    /// Who a party is, for the repeat rule: the 身份证号, else name and phone; parties with neither (a name alone) have
    /// no key, since a common name is not the same person.
    /// </summary>
    private static IQueryable<PartyKey> PartyKeys(IQueryable<MediationCase> cases) =>
        cases.SelectMany(
            c => c.Parties.Where(p => p.IdNumber != null || p.Phone != null),
            (c, p) => new PartyKey { CaseId = c.Id, Key = p.IdNumber ?? p.Name + "|" + p.Phone });

    private DateOnly Today() => ChinaClock.Today(clock.GetUtcNow().UtcDateTime);

    /// <summary>A party of a case by its key; built by member assignment so that SQL can join and group on it.</summary>
    private sealed class PartyKey
    {
        public int CaseId { get; init; }

        public string Key { get; init; } = "";
    }
}
