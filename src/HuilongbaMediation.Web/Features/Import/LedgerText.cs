using System.Text;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>How ledger text is compared: as people type it, the same whatever the width of its characters or its spaces.</summary>
public static class LedgerText
{
    /// <summary>
    /// The compared form of a cell or a header: full-width letters, digits and brackets folded to ASCII (NFKC), every
    /// space gone, and what marks a heading as required (*, ★) or annotates a unit dropped. 五云山（村） → 五云山(村).
    /// </summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Most ledger text is ASCII and common Chinese characters, which NFKC leaves as they are: ICU is asked only for the rest.
        var folded = text.AsSpan().ContainsAnyExcept(NormalizationStable) ? text.Normalize(NormalizationForm.FormKC) : text;
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c is not ('*' or '★' or '\u200B' or '\uFEFF'))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    /// <summary>Characters NFKC never changes: printable ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF).</summary>
    private static readonly System.Buffers.SearchValues<char> NormalizationStable = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c), .. Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c)]);

    /// <summary>A cell as text, as the ledger shows it: trimmed, null when blank.</summary>
    public static string? Clean(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() is { Length: > 0 } s ? s.Trim() : null,
    };

    /// <summary>Names in one cell: 张三、李四 / 张三，李四 / 张三;李四 / 张三 李四.</summary>
    public static IReadOnlyList<string> Names(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : [.. cell.Split(['、', '，', ',', '；', ';', '/', '／', ' ', '　', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
