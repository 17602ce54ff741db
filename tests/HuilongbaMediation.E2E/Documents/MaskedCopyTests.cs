using System.IO.Compression;
using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Documents;

/// <summary>
/// Who gets the original of the agreement, over real HTTP and in the browser: the case's mediator gets the full identity
/// numbers; the village head of the case's village reads the case but gets the copy marked 副本, with no full number in
/// the print view or the Word file, and the original's address answers 403.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MaskedCopyTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2EFact]
    public async Task A_village_head_gets_the_masked_copy_and_the_original_is_refused_while_the_cases_mediator_gets_it()
    {
        // 张敏's originals: the agreements of cases she mediates that name a party with an identity number.
        var candidates = new List<(int Id, string FullId)>();
        await OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "zhangmin");
            for (var id = 1; id <= 150 && candidates.Count < 5; id++)
            {
                var response = await page.APIRequest.GetAsync($"/cases/{id}/documents/agreement.docx?original=true");
                if (response.Status == 200 && FullIdNumber().Match(DocxText(await response.BodyAsync())) is { Success: true } match)
                {
                    candidates.Add((id, match.Value));
                }
            }

            Assert.True(candidates.Count > 0, "No demo agreement with an identity number among 张敏's cases.");
            var (caseId, fullId) = candidates[0];
            await page.GotoAsync($"/cases/{caseId}");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("documents-originals")).ToContainTextAsync("每次打印或下载都记入案件历史");
            var print = await page.GetByTestId("case-documents").GetByTestId("document-item").Filter(new() { HasText = "人民调解协议书" })
                .GetByTestId("document-print").GetAttributeAsync("href");
            Assert.Equal($"/cases/{caseId}/documents/agreement/print?original=true", print);
            await page.GotoAsync(print!);
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("document-sheet")).ToContainTextAsync(fullId);
            await Expect(page.GetByTestId("document-copy")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "document-agreement-original-mediator");
        }, "mediator");

        await OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "liqiang");
            var readable = new List<(int Id, string FullId)>();
            foreach (var candidate in candidates)
            {
                if ((await page.APIRequest.GetAsync($"/cases/{candidate.Id}/documents/agreement.docx")).Status == 200)
                {
                    readable.Add(candidate);
                }
            }

            Assert.True(readable.Count > 0, "None of 张敏's agreements is of 李强's village.");
            var (caseId, fullId) = readable[0];
            var masked = fullId[..6] + new string('*', 8) + fullId[^4..];

            await page.GotoAsync($"/cases/{caseId}");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("documents-originals")).ToContainTextAsync("遮蔽身份信息的副本");
            await Expect(page.GetByTestId("case-parties")).Not.ToContainTextAsync(fullId);
            await ScreenshotAsync(page, "documents-case-page-village-head");

            await page.GotoAsync($"/cases/{caseId}/documents/agreement/print");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("document-copy")).ToContainTextAsync("副本");
            await Expect(page.GetByTestId("document-sheet")).ToContainTextAsync(masked);
            Assert.DoesNotMatch(FullIdNumber(), await page.GetByTestId("document-sheet").InnerTextAsync());
            await ScreenshotAsync(page, "document-agreement-copy-village-head");

            var copy = await page.APIRequest.GetAsync($"/cases/{caseId}/documents/agreement.docx");
            Assert.Equal(200, copy.Status);
            var copyText = DocxText(await copy.BodyAsync());
            Assert.Contains("副本", copyText, StringComparison.Ordinal);
            Assert.Contains(masked, copyText, StringComparison.Ordinal);
            Assert.DoesNotMatch(FullIdNumber(), copyText);

            var original = await page.APIRequest.GetAsync($"/cases/{caseId}/documents/agreement.docx?original=true");
            Assert.Equal(403, original.Status);
            Assert.DoesNotContain(fullId, await original.TextAsync(), StringComparison.Ordinal);

            await page.GotoAsync($"/cases/{caseId}/documents/agreement/print?original=true");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("original-refused")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("document-sheet")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "document-agreement-original-refused-village-head");
        }, "village-head");
    }

    /// <summary>The text of a Word file's body, tags stripped.</summary>
    private static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return Regex.Replace(reader.ReadToEnd(), "<[^>]+>", "");
    }

    /// <summary>A full 18-character identity number (17 digits and a check character), not part of a longer number.</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")]
    private static partial Regex FullIdNumber();
}
