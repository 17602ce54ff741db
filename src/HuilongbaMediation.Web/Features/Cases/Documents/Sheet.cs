namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>
/// One official form as words on a page: its title, its number line and its parts in order. Each form has a builder in
/// <see cref="CaseSheets"/>; the Word writer (<see cref="SheetDocx"/>) and the print view lay out this one model, so the
/// two never say different things. A document, not UI: Chinese whatever the user's language.
/// </summary>
/// <param name="Copy">Set on a masked copy of a form the parties sign: says it is not the original.</param>
public sealed record Sheet(OfficialForm Form, string Title, string? Number, IReadOnlyList<SheetBlock> Blocks, string? Copy = null)
{
    /// <summary>Every line of text on the sheet, in order (for search and tests).</summary>
    public IEnumerable<string> Lines() =>
        new[] { Title, Number, Copy }.OfType<string>().Concat(Blocks.SelectMany(b => b.Lines()));
}

/// <summary>A building block of the official layout.</summary>
public abstract record SheetBlock
{
    public abstract IEnumerable<string> Lines();
}

/// <summary>A bold line heading a part (当事人, 事实和理由).</summary>
public sealed record SheetHeading(string Text) : SheetBlock
{
    public override IEnumerable<string> Lines() => [Text];
}

/// <summary>Body text: justified, the first line indented by two characters.</summary>
public sealed record SheetParagraph(string Text) : SheetBlock
{
    public override IEnumerable<string> Lines() => [Text];
}

/// <summary>A ruled form table of label and value rows (登记表, 记录 heads, the cover).</summary>
public sealed record SheetFields(IReadOnlyList<SheetField> Rows) : SheetBlock
{
    public override IEnumerable<string> Lines() => Rows.Select(r => $"{r.Label}：{r.Value}");
}

public sealed record SheetField(string Label, string Value);

/// <summary>A ruled table with column headings (卷内目录).</summary>
public sealed record SheetTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : SheetBlock
{
    public override IEnumerable<string> Lines() => Rows.Select(r => string.Join("｜", r)).Prepend(string.Join("｜", Columns));
}

/// <summary>Lines to sign on: "申请人 王大明（签名或按指印）：＿＿＿".</summary>
public sealed record SheetSignatures(IReadOnlyList<string> Labels) : SheetBlock
{
    public override IEnumerable<string> Lines() => Labels.Select(l => $"{l}：");
}

/// <summary>A line to the right: the committee's seal line, the date, 此致 and the addressee.</summary>
public sealed record SheetRight(string Text) : SheetBlock
{
    public override IEnumerable<string> Lines() => [Text];
}
