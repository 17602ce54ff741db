namespace HuilongbaMediation.Domain.Tests.Common;

/// <summary>
/// Builds identity numbers with GB 11643-1999's check digit, computed here independently of the production
/// code so that the tests check it rather than repeat it.
/// </summary>
internal static class TestIdNumbers
{
    public static string Make(string addressCode, DateOnly birthDate, int sequence)
    {
        var first17 = $"{addressCode}{birthDate:yyyyMMdd}{sequence:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>The first sequence numbers, from 1, that give identity numbers ending in <paramref name="checkDigit"/>.</summary>
    public static IEnumerable<string> EndingIn(char checkDigit, string addressCode, DateOnly birthDate) =>
        Enumerable.Range(1, 999).Select(sequence => Make(addressCode, birthDate, sequence)).Where(id => id[^1] == checkDigit);
}
