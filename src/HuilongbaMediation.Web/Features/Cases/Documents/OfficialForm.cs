namespace HuilongbaMediation.Web.Features.Cases.Documents;

/// <summary>The forms of a case's 卷宗 (the Ministry of Justice's 人民调解文书格式), each printable and a Word file.</summary>
public enum OfficialForm
{
    /// <summary>人民调解申请书</summary>
    Application,

    /// <summary>人民调解受理登记表</summary>
    Registration,

    /// <summary>人民调解权利义务告知书</summary>
    RightsNotice,

    /// <summary>人民调解调查记录: one per session of kind 调查.</summary>
    InvestigationRecord,

    /// <summary>人民调解记录 (调解笔录): one per session of kind 调解.</summary>
    SessionRecord,

    /// <summary>人民调解协议书</summary>
    Agreement,

    /// <summary>口头调解协议登记表</summary>
    OralAgreement,

    /// <summary>人民调解回访记录: one per visit.</summary>
    FollowUp,

    /// <summary>司法确认申请书, bundled with the agreement and the parties' identity details.</summary>
    JudicialApplication,

    /// <summary>卷宗封面</summary>
    FileCover,

    /// <summary>卷内目录</summary>
    FileContents,

    /// <summary>备考表</summary>
    FileRemarks,
}

public static class OfficialForms
{
    public static string Title(this OfficialForm form) => form switch
    {
        OfficialForm.Application => "人民调解申请书",
        OfficialForm.Registration => "人民调解受理登记表",
        OfficialForm.RightsNotice => "人民调解权利义务告知书",
        OfficialForm.InvestigationRecord => "人民调解调查记录",
        OfficialForm.SessionRecord => "人民调解记录",
        OfficialForm.Agreement => "人民调解协议书",
        OfficialForm.OralAgreement => "口头调解协议登记表",
        OfficialForm.FollowUp => "人民调解回访记录",
        OfficialForm.JudicialApplication => "司法确认申请书",
        OfficialForm.FileCover => "人民调解卷宗",
        OfficialForm.FileContents => "卷内目录",
        _ => "备考表",
    };

    /// <summary>
    /// The documents the parties sign, whose original carries their full 身份证号, addresses and phones: only the case's
    /// mediators and the judicial office get the original, and each issue is written to the history and the security log.
    /// </summary>
    public static bool IsSignedByParties(this OfficialForm form) =>
        form is OfficialForm.Application or OfficialForm.Agreement or OfficialForm.JudicialApplication;

    /// <summary>The forms made once per record (a session, a visit): the link names the record.</summary>
    public static bool IsPerRecord(this OfficialForm form) =>
        form is OfficialForm.InvestigationRecord or OfficialForm.SessionRecord or OfficialForm.FollowUp;

    /// <summary>The name in URLs: "agreement", "session-record".</summary>
    public static string Slug(this OfficialForm form) => string.Concat(form.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static OfficialForm? FromSlug(string? slug) =>
        Enum.GetValues<OfficialForm>().Cast<OfficialForm?>().FirstOrDefault(f => f!.Value.Slug() == slug);
}

/// <summary>A form of a case that can be produced now: which, for which record, and how it is named in a list.</summary>
/// <param name="InFile">Whether it is bound into the 卷宗 (the 司法确认 bundle only once the parties applied).</param>
public sealed record CaseDocument(OfficialForm Form, int? RecordId, string Label, bool InFile = true)
{
    public bool IsOriginal => Form.IsSignedByParties();
}

/// <summary>The links to a case's documents, for pages and endpoints alike.</summary>
public static class CaseDocumentLinks
{
    /// <param name="original">Asks for the original of a form the parties sign: refused (403) to anyone who may not have it,
    /// rather than answered with the masked copy.</param>
    public static string Docx(int caseId, OfficialForm form, int? recordId = null, bool original = false) =>
        $"/cases/{caseId}/documents/{form.Slug()}.docx{Query(recordId, original)}";

    public static string Print(int caseId, OfficialForm form, int? recordId = null, bool original = false) =>
        $"/cases/{caseId}/documents/{form.Slug()}/print{Query(recordId, original)}";

    public static string AgreementDocx(int caseId) => Docx(caseId, OfficialForm.Agreement);

    public static string AgreementPrint(int caseId) => Print(caseId, OfficialForm.Agreement);

    private static string Query(int? recordId, bool original)
    {
        string[] parts = [.. new[] { recordId is { } id ? $"record={id}" : null, original ? "original=true" : null }.OfType<string>()];
        return parts.Length == 0 ? "" : "?" + string.Join("&", parts);
    }
}
