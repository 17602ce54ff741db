namespace HuilongbaMediation.Domain.Common;

internal static class Text
{
    /// <summary>How entered text is stored: trimmed, and null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Text that validation has required: trimmed.</summary>
    public static string Required(string? value) => value?.Trim() ?? "";
}
