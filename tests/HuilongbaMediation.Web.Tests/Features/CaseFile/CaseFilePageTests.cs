using Bunit;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.CaseFile.Pages;
using HuilongbaMediation.Web.Tests.Features.Cases.Documents;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Web.Tests.Features.CaseFile;

/// <summary>The 卷宗 page over the real service, signed in as the case's lead mediator 张敏.</summary>
public sealed class CaseFilePageTests : MudTestContext
{
    [Fact]
    public async Task The_contents_show_each_item_present_or_missing_in_words_and_the_completeness()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var c = await AgreedCases.ResolvedAsync(app);
        Services.AddSingleton(app.Get<CaseFileService>());
        Services.AddSingleton(app.Get<Web.Features.Cases.Documents.DocumentService>());
        Services.AddSingleton(app.Get<Web.Security.CurrentUser>());
        Services.AddSingleton(app.Get<Web.Features.CaseFile.Binding.LibreOffice>());

        var cut = Render<CaseFilePage>(p => p.Add(x => x.Id, c.Id));

        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("[data-testid=case-file-entry]").Count));
        Assert.Contains("完整度 2/10（20%）", cut.Find("[data-testid=case-file-completeness]").TextContent, StringComparison.Ordinal);
        Assert.Contains("已有", cut.Find("tr[data-item=Agreement] .cf-state").TextContent, StringComparison.Ordinal);
        Assert.Contains("缺", cut.Find("tr[data-item=Evidence] .cf-state").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/cases/{c.Id}/documents/agreement.docx", cut.Find("tr[data-item=Agreement] a[download]").GetAttribute("href"));
        Assert.Contains("王大明与李小红邻里纠纷", cut.Find("[data-testid=case-file-cover]").TextContent, StringComparison.Ordinal);

        // Every form of the case, as a print view and a Word file: 申请书 … 备考表, the session's record, the agreement and its 司法确认 bundle.
        cut.WaitForAssertion(() => Assert.Equal(9, cut.FindAll("[data-testid=document-item]").Count));
        Assert.Contains(cut.FindAll("[data-testid=document-print]"), a => a.GetAttribute("href") == $"/cases/{c.Id}/documents/agreement/print?original=true");
        Assert.Contains(cut.FindAll("[data-testid=document-docx]"), a => a.GetAttribute("href") == $"/cases/{c.Id}/documents/judicial-application.docx?original=true");
        Assert.Contains(cut.FindAll("[data-testid=document-docx]"), a => a.GetAttribute("href") == $"/cases/{c.Id}/documents/registration.docx"); // nobody signs it: no original
    }

    [Fact]
    public async Task A_refused_upload_is_explained_beside_its_item_and_an_accepted_one_is_listed_and_counted()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var c = await AgreedCases.ResolvedAsync(app);
        Services.AddSingleton(app.Get<CaseFileService>());
        Services.AddSingleton(app.Get<Web.Features.Cases.Documents.DocumentService>());
        Services.AddSingleton(app.Get<Web.Security.CurrentUser>());
        Services.AddSingleton(app.Get<Web.Features.CaseFile.Binding.LibreOffice>());
        var cut = Render<CaseFilePage>(p => p.Add(x => x.Id, c.Id));
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindComponents<InputFile>().Count));

        EvidenceInput(cut).UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Png, "扫描件.pdf"));
        cut.WaitForAssertion(() => Assert.Equal(
            "文件扩展名与内容不符", cut.Find("tr[data-item=Evidence] [data-testid=case-file-error]").TextContent.Trim()));

        EvidenceInput(cut).UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Pdf, "证据.pdf"));
        cut.WaitForAssertion(() => Assert.Equal("证据.pdf", cut.Find("tr[data-item=Evidence] a[target=_blank]").TextContent));
        Assert.Empty(cut.FindAll("tr[data-item=Evidence] [data-testid=case-file-error]"));
        Assert.Contains("完整度 3/10（30%）", cut.Find("[data-testid=case-file-completeness]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_case_file_already_has_is_filed_again_only_after_the_user_is_asked_naming_the_one_filed()
    {
        await using var app = await TestApp.StartAsync(demo: true);
        var c = await AgreedCases.ResolvedAsync(app);
        Services.AddSingleton(app.Get<CaseFileService>());
        Services.AddSingleton(app.Get<Web.Features.Cases.Documents.DocumentService>());
        Services.AddSingleton(app.Get<Web.Security.CurrentUser>());
        Services.AddSingleton(app.Get<Web.Features.CaseFile.Binding.LibreOffice>());
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<CaseFilePage>(p => p.Add(x => x.Id, c.Id));
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindComponents<InputFile>().Count));
        EvidenceInput(cut).UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Pdf, "证据.pdf"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr[data-item=Evidence] a[target=_blank]")));

        // No: nothing filed, and the item says why. (The upload waits for the answer, so it runs beside the test.)
        var pending = Task.Run(() => EvidenceInput(cut).UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Pdf, "证据（复印）.pdf")));
        dialogs.WaitForAssertion(() => Assert.Contains("本卷宗已有同一文件“证据.pdf”（证据材料，张敏", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "取消").Click();
        await pending.WaitAsync(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal(
            "未上传：本卷宗已有同一文件", cut.Find("tr[data-item=Evidence] [data-testid=case-file-error]").TextContent.Trim()));
        Assert.Single(cut.FindAll("tr[data-item=Evidence] a[target=_blank]"));

        // Yes: filed a second time.
        pending = Task.Run(() => EvidenceInput(cut).UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Pdf, "证据（复印）.pdf")));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "仍然上传").Click();
        await pending.WaitAsync(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr[data-item=Evidence] a[target=_blank]").Count));
        Assert.Contains("证据（复印）.pdf", cut.Find("tr[data-item=Evidence]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The file input of 证据材料, the sixth item.</summary>
    private static IRenderedComponent<InputFile> EvidenceInput(IRenderedComponent<CaseFilePage> cut) =>
        cut.FindComponents<InputFile>()[(int)CaseFileItem.Evidence - 1];
}
