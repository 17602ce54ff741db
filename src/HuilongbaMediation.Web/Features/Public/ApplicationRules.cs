using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>What the application form asks, as the page posts it: every value a string, checked by <see cref="ApplicationRules"/>.</summary>
public sealed class ApplyInput
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? IdNumber { get; set; }

    /// <summary>A village's id, or <see cref="ApplicationRules.UnknownVillage"/>.</summary>
    public string? Village { get; set; }

    public string? OtherKind { get; set; } = nameof(PartyKind.Person);

    public string? OtherName { get; set; }

    public string? OtherPhone { get; set; }

    public string? Story { get; set; }

    public string? Request { get; set; }

    public string? Help { get; set; }

    public bool Consent { get; set; }

    /// <summary>The teahouse or station of the QR code (a hidden field).</summary>
    public int? Venue { get; set; }

    /// <summary>The honeypot: hidden from people (and from screen readers); a bot fills it in.</summary>
    public string? Website { get; set; }
}

/// <summary>The limits and checks of an online application, each refusal a plain Chinese sentence for its field.</summary>
public static class ApplicationRules
{
    public const string UnknownVillage = "unknown";
    public const int NameMaxLength = 50;
    public const int StoryMinLength = 10;
    public const int StoryMaxLength = 2000;
    public const int RequestMaxLength = 500;
    public const int MessageMaxLength = 500;
    public const int ReasonMaxLength = 500;
    public const int MaxFiles = 3;

    /// <summary>The form field of the photos (<c>&lt;input type=file name=Files&gt;</c>).</summary>
    public const string FilesField = "Files";

    /// <summary>The consent text's version: the application keeps which text the applicant agreed to.</summary>
    public const string ConsentVersion = "2026-1";

    /// <summary>How long an application is kept after it ends (declined, or its case concluded), then deleted (README).</summary>
    public const int RetentionDays = 180;

    /// <summary>Wrong phone digits before a tracking code is locked, and for how long.</summary>
    public const int MaxFailedLookups = 5;

    public static readonly TimeSpan LockTime = TimeSpan.FromHours(24);

    /// <summary>The checked application, or the refusals by field (field names are <see cref="ApplyInput"/>'s).</summary>
    public static IReadOnlyList<FieldError> Validate(ApplyInput input, IReadOnlyCollection<int> villageIds, DateOnly today)
    {
        var errors = new Errors();
        var name = Text.Clean(input.Name);
        errors.AddIf(name is null, nameof(input.Name), "请填写您的姓名");
        errors.AddIf(name is { Length: > NameMaxLength }, nameof(input.Name), $"姓名不能超过 {NameMaxLength} 个字");
        var phone = Digits(input.Phone);
        errors.AddIf(phone is null, nameof(input.Phone), "请填写手机号码，调解员会用它联系您");
        errors.AddIf(phone is not null && !Domain.Common.Phone.IsValid(phone), nameof(input.Phone), "手机号码不对，请填 11 位手机号或带区号的座机号");
        var id = Text.Clean(input.IdNumber)?.ToUpperInvariant();
        if (id is not null && Domain.Common.IdNumber.Validate(id, today) is { } idError)
        {
            errors.Add(nameof(input.IdNumber), $"身份证号不对：{idError}。也可以不填");
        }

        errors.AddIf(
            input.Village != UnknownVillage && !(int.TryParse(input.Village, out var village) && villageIds.Contains(village)),
            nameof(input.Village),
            "请选择您住在或工作在哪里；不清楚也可以选「不清楚」");
        errors.AddIf(!Enum.TryParse<PartyKind>(input.OtherKind, out _), nameof(input.OtherKind), "请选择对方是个人还是单位");
        var other = Text.Clean(input.OtherName);
        errors.AddIf(other is null, nameof(input.OtherName), "请填写对方的姓名或单位名称");
        errors.AddIf(other is { Length: > NameMaxLength }, nameof(input.OtherName), $"对方名称不能超过 {NameMaxLength} 个字");
        var otherPhone = Digits(input.OtherPhone);
        errors.AddIf(otherPhone is not null && !Domain.Common.Phone.IsValid(otherPhone), nameof(input.OtherPhone), "对方电话不对；不知道可以不填");
        var story = Text.Clean(input.Story);
        errors.AddIf(story is null || story.Length < StoryMinLength, nameof(input.Story), $"请说说发生了什么，至少 {StoryMinLength} 个字");
        errors.AddIf(story is { Length: > StoryMaxLength }, nameof(input.Story), $"不能超过 {StoryMaxLength} 个字");
        var request = Text.Clean(input.Request);
        errors.AddIf(request is null, nameof(input.Request), "请写下您希望怎样解决");
        errors.AddIf(request is { Length: > RequestMaxLength }, nameof(input.Request), $"不能超过 {RequestMaxLength} 个字");
        errors.AddIf(!Enum.TryParse<HelpWanted>(input.Help, out var help) || !Enum.IsDefined(help), nameof(input.Help), "请选择您希望的帮助方式");
        errors.AddIf(!input.Consent, nameof(input.Consent), "请阅读并同意个人信息的使用，否则我们无法处理您的申请");
        return errors.All;
    }

    private sealed class Errors
    {
        private readonly List<FieldError> _errors = [];

        public IReadOnlyList<FieldError> All => _errors;

        public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

        public void AddIf(bool condition, string field, string message)
        {
            if (condition)
            {
                Add(field, message);
            }
        }
    }

    /// <summary>A phone as typed, without blanks and dashes between digits of a mobile number; null when empty.</summary>
    public static string? Digits(string? phone)
    {
        var clean = Text.Clean(phone);
        if (clean is null)
        {
            return null;
        }

        var compact = clean.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length == 13 && compact.Count(c => c == '-') == 2 && compact[0] == '1' ? compact.Replace("-", "", StringComparison.Ordinal) : compact;
    }

    public static string ToLabel(this HelpWanted help) => help switch
    {
        HelpWanted.Visit => "到茶馆或调解站面谈",
        HelpWanted.HomeVisit => "上门服务",
        HelpWanted.PhoneOrVideo => "电话或视频",
        HelpWanted.RemoteProxy => "远程代办",
        _ => help.ToString(),
    };
}
