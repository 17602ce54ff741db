namespace HuilongbaMediation.Web.Components.Account;

/// <summary>Where the account pages send the user back to.</summary>
public static class ReturnUrl
{
    /// <summary>
    /// Only a path of this site outside the account pages; anything else (another host, "//evil", "/\evil", the
    /// sign-out address) goes home.
    /// </summary>
    public static string Safe(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
