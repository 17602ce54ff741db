namespace HuilongbaMediation.Web.Security;

/// <summary>Where a "go back to" parameter may lead: a path of this app, never another site (no open redirect).</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a local path ("/cases?x=1"), else "/".</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
