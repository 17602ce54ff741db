using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Components.Account;

/// <summary>Where the account pages send the user back to.</summary>
public static class ReturnUrl
{
    /// <summary>A local path (<see cref="LocalUrl"/>) outside the account pages (no loop back to sign-in or sign-out); else "/".</summary>
    public static string Safe(string? url) =>
        LocalUrl.OrHome(url) is var local && !local.StartsWith("/account/", StringComparison.OrdinalIgnoreCase) ? local : "/";
}
