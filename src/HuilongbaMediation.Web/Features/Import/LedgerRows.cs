using System.Security.Cryptography;
using System.Text;
using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Web.Features.Import;

/// <summary>Why a row was not read as a case: it is none.</summary>
public enum SkipReason
{
    Blank,

    /// <summary>制表人 / 审核人 / 填报日期 … under the table.</summary>
    Footer,

    /// <summary>合计 / 小计 / 总计.</summary>
    Subtotal,

    /// <summary>The header again (a ledger pasted from several sheets).</summary>
    Header,
}

/// <summary>A data row as read: skipped (not a case), refused (with every reason), or a case to import with its content key.</summary>
public abstract record ReadRow(LedgerRow Row);

public sealed record SkippedRow(LedgerRow Row, SkipReason Reason) : ReadRow(Row);

public sealed record RefusedRow(LedgerRow Row, string Reason) : ReadRow(Row);

public sealed record CaseRow(LedgerRow Row, LedgerEntry Entry) : ReadRow(Row);

/// <summary>What the import fills in where a ledger has no column: reference rows by id, and the mediators of each village.</summary>
/// <param name="Mediators">By village id: each mediator's name (compared form) and their reference.</param>
public sealed record LedgerDefaults(int SourceId, int MediationKindId, int ReferralTargetId, IReadOnlyDictionary<int, IReadOnlyList<(string Key, MediatorRef Mediator)>> Mediators);

/// <summary>
/// Reads the data rows of a sheet below its header: tells the rows that are not cases, and turns each case row into the
/// domain's <see cref="LedgerEntry"/> or into the reasons it cannot be one, each with the column it concerns.
/// </summary>
public sealed class LedgerRows(LedgerVocabulary vocabulary, LedgerDefaults defaults, IReadOnlyDictionary<LedgerField, int> mapping, IReadOnlyList<string?> headings, int? villageId, string fileName)
{
    private static readonly string[] FooterWords = ["制表", "填表", "审核", "填报", "统计人", "负责人", "审批", "盖章", "报送"];
    private static readonly string[] SubtotalWords = ["合计", "小计", "总计", "共计"];
    private static readonly string[] OrganizationWords = ["公司", "厂", "经营部", "中心", "委员会", "合作社", "学校", "医院", "诊所", "超市", "物业", "商行", "门市", "指挥部", "站", "店"];

    private readonly bool _amountInTenThousands = mapping.TryGetValue(LedgerField.Amount, out var amountColumn)
        && amountColumn < headings.Count && LedgerText.Key(headings[amountColumn]).Contains("万元", StringComparison.Ordinal);

    public ReadRow Read(LedgerRow row)
    {
        if (row.IsBlank)
        {
            return new SkippedRow(row, SkipReason.Blank);
        }

        var keys = row.Cells.Select(c => LedgerText.Key(LedgerText.Clean(c))).Where(k => k.Length > 0).ToList();
        if (keys.Any(k => FooterWords.Any(w => k.StartsWith(w, StringComparison.Ordinal))))
        {
            return new SkippedRow(row, SkipReason.Footer);
        }

        if (keys.Any(k => SubtotalWords.Any(w => k.StartsWith(w, StringComparison.Ordinal))))
        {
            return new SkippedRow(row, SkipReason.Subtotal);
        }

        if (LedgerFields.Map([.. row.Cells.Select(LedgerText.Clean)]).Count >= LedgerFields.MinimumHeaderFields)
        {
            return new SkippedRow(row, SkipReason.Header);
        }

        var problems = new List<string>();
        T? Take<T>((T? Value, string? Problem) read)
        {
            if (read.Problem is not null)
            {
                problems.Add(read.Problem);
            }

            return read.Value;
        }

        object? Cell(LedgerField field) => mapping.TryGetValue(field, out var column) ? row[column] : null;
        string? Text(LedgerField field) => LedgerText.Clean(Cell(field));

        var filedOn = Take(LedgerValues.Date(Cell(LedgerField.FiledOn)));
        if (filedOn is null && Text(LedgerField.FiledOn) is null)
        {
            problems.Add("缺少受理日期");
        }

        var villageText = Text(LedgerField.Village);
        var village = villageText is null ? villageId : vocabulary.Village(villageText);
        problems.AddRange(village is not null ? [] : villageText is null ? ["缺少所属村（社区）"] : [$"未知的村（社区）「{villageText}」（可在别名表中添加）"]);

        var categoryText = Text(LedgerField.Category);
        var category = vocabulary.Category(categoryText);
        problems.AddRange(category is not null ? [] : categoryText is null ? ["缺少纠纷类型"] : [$"未知的纠纷类型「{categoryText}」（可在别名表中添加）"]);

        var (applicants, respondents) = Parties(Text(LedgerField.Applicant), Text(LedgerField.Respondent));
        problems.AddRange(applicants.Count > 0 ? [] : ["缺少申请人"]);
        problems.AddRange(respondents.Count > 0 ? [] : ["缺少被申请人"]);

        var outcomeText = Text(LedgerField.Outcome);
        var (outcome, known) = vocabulary.Outcome(outcomeText);
        problems.AddRange(known ? [] : [$"无法识别的调解结果「{outcomeText}」（可在别名表中添加）"]);
        var closedOn = Take(LedgerValues.Date(Cell(LedgerField.ClosedOn)));
        var kind = Take<AgreementKind>(LedgerValues.Agreement(Cell(LedgerField.AgreementKind)));
        var amount = Take(LedgerValues.Amount(Cell(LedgerField.Amount), _amountInTenThousands));
        var people = Take(LedgerValues.People(Cell(LedgerField.People)));
        var risk = Take<RiskLevel>(LedgerValues.Risk(Cell(LedgerField.Risk)));
        if (problems.Count > 0)
        {
            return new RefusedRow(row, string.Join("；", problems));
        }

        var mediatorsText = Text(LedgerField.Mediators);
        var roster = defaults.Mediators.GetValueOrDefault(village!.Value) ?? [];
        var mediators = LedgerText.Names(mediatorsText)
            .Select(name => roster.FirstOrDefault(m => m.Key == LedgerText.Key(name)).Mediator)
            .OfType<MediatorRef>()
            .DistinctBy(m => m.UserId)
            .ToList();
        var parties = applicants.Select(n => Party(PartyRole.Applicant, n)).Concat(respondents.Select(n => Party(PartyRole.Respondent, n))).ToList();
        var entry = new LedgerEntry
        {
            Draft = new CaseDraft
            {
                Summary = Summary(Text(LedgerField.Summary), applicants, respondents, categoryText!),
                CategoryId = category!.Value,
                SourceId = defaults.SourceId,
                VillageId = village.Value,
                MediationKindId = defaults.MediationKindId,
                AmountInvolved = amount,
                PeopleInvolved = Math.Max(Math.Max(people ?? 0, parties.Count), CaseValidator.MinPeopleInvolved),
                RiskLevel = risk,
                RiskNote = risk == RiskLevel.High ? "台账记载：高风险" : null,
                FiledOn = filedOn!.Value,
                Parties = parties,
            },
            Source = new LedgerSource(fileName, row.Number, "", Text(LedgerField.Number)),
            Mediators = mediators,
            MediatorNames = mediatorsText is { Length: > LedgerRecord.MediatorsMaxLength } tooLong ? tooLong[..LedgerRecord.MediatorsMaxLength] : mediatorsText,
            Outcome = outcome!.Value,
            ClosedOn = outcome == LedgerOutcome.Open ? null : closedOn,
            AgreementKind = kind,
            OutcomeText = outcomeText,
            ReferralTargetId = defaults.ReferralTargetId,
        };
        return new CaseRow(row, entry with { Source = entry.Source with { RowKey = Key(entry) } });
    }

    /// <summary>
    /// The row's fingerprint: its values as read (dates, ids, names, amounts, the outcome), so that the same row imports
    /// once however the file was saved, and a changed row counts as new.
    /// </summary>
    public static string Key(LedgerEntry entry)
    {
        var d = entry.Draft;
        var content = string.Join('\u001F',
            d.FiledOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.VillageId,
            d.CategoryId,
            string.Join('、', d.Parties.Where(p => p.Role == PartyRole.Applicant).Select(p => p.Name)),
            string.Join('、', d.Parties.Where(p => p.Role == PartyRole.Respondent).Select(p => p.Name)),
            LedgerText.Key(d.Summary),
            d.AmountInvolved?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            d.PeopleInvolved,
            d.RiskLevel,
            entry.Source.Number,
            LedgerText.Key(entry.MediatorNames),
            entry.Outcome,
            entry.ClosedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            entry.Outcome == LedgerOutcome.Resolved ? entry.AgreementKind.ToString() : "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The applicants and respondents; a single 当事人 cell of the form 张三与李四 names both.</summary>
    private static (IReadOnlyList<string> Applicants, IReadOnlyList<string> Respondents) Parties(string? applicants, string? respondents)
    {
        if (respondents is null && applicants is not null)
        {
            foreach (var separator in new[] { "与", "诉", "和", "vs", "VS" })
            {
                var parts = applicants.Split(separator, 2, StringSplitOptions.TrimEntries);
                if (parts is [{ Length: > 0 } a, { Length: > 0 } r])
                {
                    return (LedgerText.Names(a), LedgerText.Names(r));
                }
            }
        }

        return (LedgerText.Names(applicants), LedgerText.Names(respondents));
    }

    private static PartyDraft Party(PartyRole role, string name) => new()
    {
        Role = role,
        Kind = OrganizationWords.Any(w => name.Contains(w, StringComparison.Ordinal)) && name.Length > 3 ? PartyKind.Organization : PartyKind.Person,
        Name = name,
    };

    /// <summary>The ledger's summary; one too short for a case (under 10 characters) is completed from the row's own facts.</summary>
    private static string Summary(string? summary, IReadOnlyList<string> applicants, IReadOnlyList<string> respondents, string category) =>
        summary is { Length: >= CaseValidator.SummaryMinLength }
            ? summary
            : $"{string.Join("、", applicants)}与{string.Join("、", respondents)}之间的{category.TrimEnd('纠', '纷')}纠纷" + (summary is null ? "（台账未记载详情）" : $"：{summary}");
}
