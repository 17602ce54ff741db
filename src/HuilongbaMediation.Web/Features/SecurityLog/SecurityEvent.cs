using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.SecurityLog;

/// <summary>What happened, as the security log (安全日志) names it.</summary>
public enum SecurityEventKind
{
    /// <summary>登录成功</summary>
    SignIn,

    /// <summary>登录失败: an unknown user name, a wrong password, a deactivated account.</summary>
    SignInFailed,

    /// <summary>账户锁定: the attempt that locked the account, and attempts while it is locked.</summary>
    LockedOut,

    /// <summary>退出登录</summary>
    SignOut,

    /// <summary>超时退出: no activity for the idle timeout.</summary>
    IdleSignOut,

    /// <summary>修改密码 (by the user themself).</summary>
    PasswordChanged,

    /// <summary>导出: the case list, the dashboard, the security log.</summary>
    Export,

    /// <summary>下载: an attachment of a 卷宗, an agreement, the annual report.</summary>
    Download,

    /// <summary>查看完整信息: a party's full 身份证号 or phone shown.</summary>
    Reveal,

    /// <summary>新建用户</summary>
    UserCreated,

    /// <summary>修改用户: name, role, village.</summary>
    UserChanged,

    /// <summary>停用用户</summary>
    UserDeactivated,

    /// <summary>重置密码 (by an administrator).</summary>
    PasswordReset,

    /// <summary>解除锁定</summary>
    UserUnlocked,

    /// <summary>修改基础数据: villages and areas, venues.</summary>
    ReferenceChanged,

    /// <summary>查看在线申请: a staff member opened a citizen's online application (和顺云茶馆).</summary>
    ApplicationOpened,
}

/// <summary>Who did it, and from where (the client's address, as the proxy in front of the app reports it).</summary>
public sealed record SecurityActor(string? UserId, string UserName, string? ClientAddress)
{
    public static SecurityActor Of(ClaimsPrincipal user, IPAddress? address, string? typedUserName = null) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        typedUserName ?? user.Identity?.Name ?? "",
        Address(address));

    /// <summary>127.0.0.1 rather than ::ffff:127.0.0.1.</summary>
    public static string? Address(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}

/// <summary>
/// One line of the security log (安全日志, 等保 2.0 二级 style audit): when, what, who, from where, on what. Append-only:
/// the app has no update or delete path, and the database refuses both for lines younger than the minimum retention
/// (triggers, see the migration). Personal data never enters it: every text is passed through <see cref="Scrub"/>.
/// </summary>
public sealed partial class SecurityEvent
{
    public const int UserNameMaxLength = 64;
    public const int AddressMaxLength = 64;
    public const int SubjectMaxLength = 200;
    public const int DetailMaxLength = 1000;

    private SecurityEvent()
    {
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public SecurityEventKind Kind { get; private set; }

    /// <summary>The user's id; null for a sign-in attempt with an unknown name.</summary>
    public string? UserId { get; private set; }

    /// <summary>The user name, or the name typed at a failed sign-in.</summary>
    public string UserName { get; private set; } = "";

    public string? ClientAddress { get; private set; }

    /// <summary>What it concerned: a case number, a file, a user, a village.</summary>
    public string? Subject { get; private set; }

    /// <summary>More about it: the export's filter, what changed.</summary>
    public string? Detail { get; private set; }

    public static SecurityEvent Create(SecurityEventKind kind, DateTime atUtc, SecurityActor actor, string? subject = null, string? detail = null) => new()
    {
        AtUtc = atUtc.Kind == DateTimeKind.Utc ? atUtc : throw new ArgumentException("UTC expected.", nameof(atUtc)),
        Kind = kind,
        UserId = actor.UserId,
        UserName = Scrub(actor.UserName, UserNameMaxLength) ?? "",
        ClientAddress = Scrub(actor.ClientAddress, AddressMaxLength),
        Subject = Scrub(subject, SubjectMaxLength),
        Detail = Scrub(detail, DetailMaxLength),
    };

    /// <summary>
    /// Text as the log keeps it: no number that could be an identity number or a phone (seven digits or more, also with
    /// spaces or dashes between them, e.g. a phone typed as a user name or searched for in the case list) — those keep
    /// their first three and last two digits —, no bidi controls, no more than <paramref name="max"/> characters.
    /// Dates (2026-11-29) are kept.
    /// </summary>
    public static string? Scrub(string? text, int max)
    {
        var cleaned = Text.Clean(text);
        if (cleaned is null)
        {
            return null;
        }

        cleaned = LongNumber().Replace(cleaned, m => IsDate(m.Value) ? m.Value : Mask(m.Value));
        return cleaned.Length <= max ? cleaned : cleaned[..(max - 1)] + "…";
    }

    private static bool IsDate(string value) => DateLike().IsMatch(value);

    private static string Mask(string number)
    {
        var digits = number.Where(c => char.IsDigit(c) || c is 'X' or 'x').ToArray();
        return string.Concat(new string(digits, 0, 3), new string('*', digits.Length - 5), new string(digits, digits.Length - 2, 2));
    }

    // Not inside a longer word of Latin letters and digits (an id, a GUID); next to Chinese text it is still a number.
    [GeneratedRegex(@"(?<![A-Za-z\p{Nd}])\p{Nd}(?:[ \-]?\p{Nd}){6,}[Xx]?(?![A-Za-z\p{Nd}])")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$")]
    private static partial Regex DateLike();
}
