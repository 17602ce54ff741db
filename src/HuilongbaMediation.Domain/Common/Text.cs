using System.Globalization;
using System.Text;

namespace HuilongbaMediation.Domain.Common;

/// <summary>
/// The one place entered text is cleaned, for every text field and file name: bidirectional control characters
/// (U+202A–U+202E, U+2066–U+2069) are removed, since they can make 张三.pdf display as something else or reorder a
/// name in a list; and text made only of blanks and invisible characters (spaces, U+3000, zero-width spaces, joiners,
/// the byte-order mark, Hangul fillers) counts as empty.
/// </summary>
public static class Text
{
    /// <summary>How entered text is stored: without bidi controls, without invisible characters around it, and null when blank.</summary>
    public static string? Clean(string? value)
    {
        var cleaned = Required(value);
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Text that validation has required: without bidi controls and invisible characters around it.</summary>
    public static string Required(string? value)
    {
        var stripped = StripBidiControls(value);
        var start = 0;
        var end = stripped.Length;
        while (start < end && IsInvisible(stripped[start]))
        {
            start++;
        }

        while (end > start && IsInvisible(stripped[end - 1]))
        {
            end--;
        }

        return stripped[start..end];
    }

    /// <summary>True for null, empty, and text made only of blanks and invisible characters.</summary>
    public static bool IsBlank(string? value) => value is null || value.All(IsInvisible);

    /// <summary>The text without the bidirectional embedding, override and isolate controls.</summary>
    public static string StripBidiControls(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (!value.Any(IsBidiControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069).</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// A character that shows nothing: white space of any kind (including the ideographic space U+3000), a format
    /// character (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi marks), or a filler that fonts draw
    /// blank (Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the braille blank U+2800, the grapheme joiner U+034F).
    /// </summary>
    public static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or '\u034F';
}
