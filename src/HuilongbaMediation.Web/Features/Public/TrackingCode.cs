using System.Security.Cryptography;
using System.Text;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>
/// 查询码: 16 characters from 31 that cannot be mistaken for one another (no 0/O, 1/I/L), written in four groups:
/// 31^16 ≈ 7.3 × 10^23 codes (79 bits), drawn by the OS's random generator, so guessing one is hopeless; the wrong-phone
/// lock and the per-address rate limit make trying pointless besides. Only its SHA-256 is stored.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Length = 16;

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return string.Join('-', Enumerable.Range(0, Length / 4).Select(i => new string(chars, i * 4, 4)));
    }

    /// <summary>The code as typed (any case, blanks, dashes) in its canonical form; null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = typed.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray();
        return chars.Length == Length && chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? new string(chars) : null;
    }

    public static string Hash(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
}
