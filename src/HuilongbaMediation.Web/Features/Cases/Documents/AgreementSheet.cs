using System.Globalization;
using System.Text.RegularExpressions;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>A heading of the agreement and the paragraphs under it.</summary>
public sealed record AgreementSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A place to sign: who signs (a party or a mediator) and how (签名, 按指印, 盖章).</summary>
public sealed record AgreementSignature(string Label);

/// <summary>
/// 人民调解协议书 as words on a page, in the order of the official form and with the contents 人民调解法 第二十九条
/// requires. The Word file and the print view both lay out this one sheet, so they never say different things. It is
/// a document, not UI, so it is Chinese whatever the user's language. ID numbers and phones are masked, as everywhere.
/// </summary>
public sealed partial record AgreementSheet(
    string CaseNumber,
    IReadOnlyList<AgreementSection> Sections,
    IReadOnlyList<AgreementSignature> Signatures,
    string Date)
{
    public const string Title = "人民调解协议书";

    public const string Statement =
        "本协议一式三份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章）、人民调解员签名并加盖人民调解委员会印章之日起生效。";

    public const string Seal = "回龙坝镇人民调解委员会（印章）";

    /// <summary>The sheet of a case's written agreement.</summary>
    /// <exception cref="ArgumentException">The case has no written agreement.</exception>
    public static AgreementSheet From(MediationCase c)
    {
        if (c.Agreement is not { Kind: AgreementKind.Written } a)
        {
            throw new ArgumentException("Only a written agreement has a 调解协议书.", nameof(c));
        }

        var parties = c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).ToList();
        List<AgreementSection> sections =
        [
            new("当事人", [.. parties.Select(Describe)]),
            new("纠纷主要事实、争议事项", [.. Labelled("主要事实", a.Facts), .. Labelled("争议事项", a.MattersInDispute)]),
            new("各方责任", Lines(a.Responsibilities)),
            new("经调解，各方当事人自愿达成如下协议", NumberTerms(a.Terms)),
            new("履行方式、时限", [.. Labelled("履行方式", a.PerformanceManner), .. Labelled("履行期限", a.PerformanceDeadline?.ToLabel())]),
        ];
        IEnumerable<AgreementSignature> signatures =
        [
            .. parties.Select(p => new AgreementSignature($"{p.Role.ToLabel()} {p.Name}{(p.Kind == PartyKind.Person ? "（签名或按指印）" : "（盖章）")}")),
            .. c.Mediators.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id).Select(m => new AgreementSignature($"人民调解员 {m.DisplayName}（签名）")),
        ];
        return new AgreementSheet(c.Number, [.. sections.Where(s => s.Paragraphs.Count > 0)], [.. signatures], a.SignedOn.ToLabel());
    }

    /// <summary>
    /// 协议内容 of several lines becomes numbered terms (一、二、…), whatever numbers the mediator typed being dropped
    /// first so they are not doubled; a single line stays as it is.
    /// </summary>
    internal static IReadOnlyList<string> NumberTerms(string terms)
    {
        var lines = Lines(terms);
        return lines.Count < 2 ? lines : [.. lines.Select((line, i) => $"{ChineseNumber(i + 1)}、{TypedNumber().Replace(line, "")}")];
    }

    private static string Describe(Party p)
    {
        IEnumerable<string?> details = p.Kind == PartyKind.Person
            ? [p.Gender?.ToLabel(), Field("身份证号", Masking.IdNumber(p.IdNumber)), Field("联系电话", Masking.Phone(p.Phone)), Field("户籍地址", p.RegisteredAddress), Field("现住址", p.CurrentAddress)]
            : [Field("联系电话", Masking.Phone(p.Phone)), Field("住所", p.CurrentAddress ?? p.RegisteredAddress)];
        return string.Join("，", details.Where(d => d is not null).Prepend($"{p.Role.ToLabel()}：{p.Name}"));
    }

    private static string? Field(string label, string? value) => value is null ? null : $"{label}：{value}";

    /// <summary>The lines of a text, the first one labelled ("争议事项：…").</summary>
    private static IReadOnlyList<string> Labelled(string label, string? text) =>
        [.. Lines(text).Select((line, i) => i == 0 ? $"{label}：{line}" : line)];

    private static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string ChineseNumber(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + digits[n % 10],
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A number typed at the start of a term: "1、", "2.", "（3）", "四、"; not "3.5万元".</summary>
    [GeneratedRegex(@"^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+(?:[、,，]|[.．](?![0-9])))\s*")]
    private static partial Regex TypedNumber();
}
