using System.Text;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Documents;

/// <summary>
/// Every form of a resolved demo case with a written agreement, opened from the case page as the judicial office opens it:
/// each print view shows its sheet, passes axe (WCAG 2.1 AA) and is photographed; the agreement also on a phone. (Who gets
/// the original and who a masked copy is tested on the service: CaseDocumentTests.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DocumentPrintTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2EFact]
    public Task Every_print_view_of_a_resolved_case_shows_its_sheet_and_passes_axe() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            var caseId = await WrittenAgreementCaseAsync(page);
            await ScreenshotAsync(page, "documents-case-page-desktop");
            var links = await page.GetByTestId("document-print").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Contains($"/cases/{caseId}/documents/agreement/print?original=true", links); // the judicial office gets the original
            Assert.Contains($"/cases/{caseId}/documents/file-cover/print", links);

            var report = new StringBuilder();
            foreach (var link in links)
            {
                await page.GotoAsync(link);
                await WaitForInteractiveAsync(page);
                await Expect(page.GetByTestId("document-sheet").First).ToBeVisibleAsync();
                var name = link.Split('/')[4].Split('?')[0] + (link.Contains("record=", StringComparison.Ordinal) ? "-" + link.Split("record=")[1] : "");
                await ScreenshotAsync(page, $"document-{name}-desktop");
                var result = await Axe.RunAsync(page, Accessibility.AxeAuditTests.Wcag21AA);
                foreach (var violation in result.Violations)
                {
                    report.AppendLine($"- {name}: {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target))}");
                }
            }

            Assert.True(report.Length == 0, report.ToString());
        });

    [E2EFact]
    public Task The_agreement_reads_on_a_phone_without_sideways_scrolling() =>
        OnPageAsync(Device.Phone, async page =>
        {
            await SignInAsync(page, "wangfang");
            var caseId = await WrittenAgreementCaseAsync(page);
            await page.GotoAsync($"/cases/{caseId}/documents/agreement/print");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("document-sheet")).ToContainTextAsync("本协议一式");
            await Expect(page.GetByTestId("document-copy")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "document-agreement-phone");
            await AssertNoSidewaysScrollingAsync(page, Device.Phone);
        });

    /// <summary>Opens the case page of a resolved demo case with a written agreement (the judicial office sees them all).</summary>
    private static async Task<int> WrittenAgreementCaseAsync(IPage page)
    {
        for (var id = 1; id <= 60; id++)
        {
            await page.GotoAsync($"/cases/{id}");
            await WaitForInteractiveAsync(page);
            var documents = page.GetByTestId("case-documents");
            await Expect(documents.GetByTestId("document-item").First).ToBeVisibleAsync();
            if (await documents.GetByText("人民调解协议书", new() { Exact = true }).CountAsync() > 0)
            {
                return id;
            }
        }

        throw new InvalidOperationException("No resolved demo case with a written agreement among the first 60.");
    }
}
