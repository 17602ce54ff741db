using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>
/// What the words of a ledger mean: villages and categories by their names, the alias table (<see cref="LedgerAlias"/>),
/// and the suffixes offices add or leave off (五云山 → 五云山村, 大桥村委会 → 大桥村, 聚龙城社区居委会 → 聚龙城社区,
/// 相邻纠纷 → 相邻 → 邻里). Loaded once per import.
/// </summary>
public sealed class LedgerVocabulary
{
    private static readonly string[] CommitteeSuffixes = ["村民委员会", "居民委员会", "社区居委会", "村委会", "居委会", "委员会", "村委", "居委"];
    private static readonly string[] PlaceSuffixes = ["村", "社区", "片区"];
    private static readonly string[] CategorySuffixes = ["纠纷", "争议", "类", "问题", "矛盾"];

    private readonly Dictionary<string, int> _villages;
    private readonly Dictionary<string, int> _categories;
    private readonly List<(string Alias, LedgerOutcome Outcome)> _outcomes;

    private LedgerVocabulary(Dictionary<string, int> villages, Dictionary<string, int> categories, List<(string, LedgerOutcome)> outcomes) =>
        (_villages, _categories, _outcomes) = (villages, categories, outcomes);

    public static async Task<LedgerVocabulary> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var aliases = await db.LedgerAliases.AsNoTracking().ToListAsync(ct);
        var villages = (await db.Villages.AsNoTracking().Select(v => new { v.Id, v.Name }).ToListAsync(ct))
            .ToDictionary(v => LedgerText.Key(v.Name), v => v.Id);
        var categories = (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .ToDictionary(c => LedgerText.Key(c.Name), c => c.Id);
        foreach (var alias in aliases.Where(a => a.TargetId is not null))
        {
            (alias.Kind == AliasKind.Village ? villages : categories).TryAdd(alias.Alias, alias.TargetId!.Value);
        }

        // Longest first: 调解不成 is read before 成功 in 调解不成功.
        var outcomes = aliases.Where(a => a.Kind == AliasKind.Outcome && a.Outcome is not null)
            .Select(a => (a.Alias, a.Outcome!.Value))
            .OrderByDescending(a => a.Alias.Length)
            .ToList();
        return new LedgerVocabulary(villages, categories, outcomes);
    }

    public int? Village(string? text)
    {
        var key = LedgerText.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (_villages.TryGetValue(key, out var id))
        {
            return id;
        }

        var stem = Strip(key, CommitteeSuffixes);
        return PlaceSuffixes.Prepend("").Select(suffix => stem + suffix).Concat(PlaceSuffixes.Select(suffix => Strip(stem, [suffix])))
            .Select(candidate => _villages.TryGetValue(candidate, out var found) ? found : (int?)null)
            .FirstOrDefault(found => found is not null);
    }

    public int? Category(string? text)
    {
        var key = LedgerText.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (_categories.TryGetValue(key, out var id))
        {
            return id;
        }

        var stem = Strip(key, CategorySuffixes);
        return _categories.TryGetValue(stem, out var found) ? found : null;
    }

    /// <summary>The outcome a 调解结果 cell names: empty is still open; otherwise the longest alias it is or contains.</summary>
    public (LedgerOutcome? Outcome, bool Known) Outcome(string? text)
    {
        var key = LedgerText.Key(text);
        if (key.Length == 0)
        {
            return (LedgerOutcome.Open, true);
        }

        foreach (var (alias, outcome) in _outcomes)
        {
            if (key == alias)
            {
                return (outcome, true);
            }
        }

        foreach (var (alias, outcome) in _outcomes)
        {
            if (key.Contains(alias, StringComparison.Ordinal))
            {
                return (outcome, true);
            }
        }

        return (null, false);
    }

    /// <summary>The village a title row or a file name names (五云山村2022年人民调解台账), if exactly one.</summary>
    public int? VillageNamedIn(IEnumerable<string?> texts)
    {
        var found = new HashSet<int>();
        foreach (var text in texts.Select(LedgerText.Key).Where(t => t.Length > 0))
        {
            foreach (var (name, id) in _villages.Where(v => v.Key.Length >= 2))
            {
                if (text.Contains(name, StringComparison.Ordinal))
                {
                    found.Add(id);
                }
            }
        }

        return found.Count == 1 ? found.Single() : null;
    }

    private static string Strip(string key, IEnumerable<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }

        return key;
    }
}
