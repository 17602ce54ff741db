using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Cases;

/// <summary>A mediator carries a case from the phone call to the agreement; the village head watches it.</summary>
[Collection(AppCollection.Name)]
public sealed class CaseFlowTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task A_mediator_files_accepts_mediates_and_resolves_a_case_and_the_village_head_sees_it(Device device) =>
        OnPageAsync(device, async page =>
        {
            var slug = device.Slug();
            await SignInAsync(page, "zhangmin");

            // 新建案件: two parties, validation as the user goes.
            await page.GotoAsync("/cases/new");
            await WaitForInteractiveAsync(page);
            await page.GetByTestId("case-file").ClickAsync();
            await Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"case-new-errors-{slug}");
            var applicant = $"赵{device}甲";
            await Field(page, "case-summary").FillAsync("赵家与钱家因宅基地边界的围墙位置发生争执，多次口角，申请调解。");
            await ChooseAsync(page, "case-category", "房屋宅基地");
            await Field(page.GetByTestId("party-editor").Nth(0), "party-name").FillAsync(applicant);
            await Field(page.GetByTestId("party-editor").Nth(0), "party-id").FillAsync("110105194912310021");
            await Field(page.GetByTestId("party-editor").Nth(0), "party-phone").FillAsync("13812345678");
            await Expect(page.GetByText("身份证号校验位不正确")).ToBeVisibleAsync();
            await Field(page.GetByTestId("party-editor").Nth(0), "party-id").FillAsync("11010519491231002X");
            await Field(page.GetByTestId("party-editor").Nth(1), "party-name").FillAsync("钱乙");
            await ScreenshotAsync(page, $"case-new-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);
            await page.GetByTestId("case-file").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
            await Expect(page.GetByTestId("case-number")).ToHaveTextAsync(new Regex(@"^（\d{4}）回龙坝人调字第\d{4}号$"));
            var caseUrl = page.Url;
            await Expect(StatusChip(page)).ToHaveTextAsync("已登记");
            await Expect(page.GetByTestId("party-idnumber").First).ToHaveTextAsync("110105********002X");

            // 受理 (the mediator filed it, so they are its lead).
            await page.GetByTestId("action-Accept").ClickAsync();
            await Expect(Dialog(page)).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"case-dialog-accept-{slug}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(StatusChip(page)).ToHaveTextAsync("调解中");

            // 记录调解
            await page.GetByTestId("action-RecordSession").ClickAsync();
            // No venue is preset (the case has none yet): it is chosen here.
            await Dialog(page).Locator("[data-field=VenueId]").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("村（居）调委会", new() { Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            var attendees = DialogField(page, "Attendees");
            await attendees.FillAsync($"{applicant}、钱乙、张敏");
            await DialogField(page, "Summary").FillAsync("双方到场陈述，同意按原址重新砌墙。");
            await Expect(attendees).ToHaveValueAsync($"{applicant}、钱乙、张敏");
            await ScreenshotAsync(page, $"case-dialog-session-{slug}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("case-records")).ToContainTextAsync("同意按原址重新砌墙");

            // 调解成功 with a written agreement: an empty required field is refused beside it first.
            await page.GetByTestId("action-Resolve").ClickAsync();
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page).GetByText("请填写协议内容")).ToBeVisibleAsync();
            await DialogField(page, "Facts").FillAsync("围墙越过宅基地边界约30厘米。");
            await DialogField(page, "MattersInDispute").FillAsync("围墙位置及拆除费用。");
            await DialogField(page, "Responsibilities").FillAsync("钱乙负主要责任。");
            await DialogField(page, "Terms").FillAsync("钱乙于十日内拆除越界部分围墙。\n拆除费用由钱乙承担。");
            await DialogField(page, "PerformanceManner").FillAsync("自行拆除");
            await ScreenshotAsync(page, $"case-dialog-resolve-{slug}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(StatusChip(page)).ToHaveTextAsync("调解成功");
            await Expect(page.GetByTestId("case-history")).ToContainTextAsync("调解成功");
            await ScreenshotAsync(page, $"case-detail-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);

            // The 调解协议书 downloads as a Word file.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("agreement-docx").ClickAsync());
            Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.StartsWith("人民调解协议书-", download.SuggestedFilename, StringComparison.Ordinal);
            var docx = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal((byte)'P', docx[0]); // a zip package
            Assert.Equal((byte)'K', docx[1]);

            // 卷宗: a scanned application form is filed under its item; the system's own records count as present.
            await page.GetByTestId("case-file-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+/file$"));
            await WaitForInteractiveAsync(page);
            var form = page.Locator("tr[data-item=ApplicationOrIntakeForm]");
            await Expect(form).ToContainTextAsync("缺");
            await form.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(RepoPaths.Root, "tests", "samples", "application-form-scan.pdf"));
            await Expect(form).ToContainTextAsync("application-form-scan.pdf");
            await Expect(form).ToContainTextAsync("已有");
            await Expect(page.Locator("tr[data-item=MediationRecord]")).ToContainTextAsync("已有");
            await Expect(page.Locator("tr[data-item=Agreement]")).ToContainTextAsync("已有");
            await Expect(page.GetByTestId("case-file-completeness")).ToContainTextAsync("完整度 3/10");
            await ScreenshotAsync(page, $"case-file-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);

            // The list finds it by a fragment of the applicant's name.
            await page.GotoAsync($"/cases?q={Uri.EscapeDataString(applicant[..2])}");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("case-grid")).ToContainTextAsync(applicant);
            await ScreenshotAsync(page, $"case-list-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);

            // A second browser, signed in as the village head, sees the new state.
            await using var other = await (await App.GetBrowserAsync()).NewContextAsync(device.ContextOptions(App.BaseUrl));
            var head = await other.NewPageAsync();
            await SignInAsync(head, "liqiang");
            await head.GotoAsync(caseUrl);
            await WaitForInteractiveAsync(head);
            await Expect(StatusChip(head)).ToHaveTextAsync("调解成功");
            await Expect(head.GetByTestId("reveal")).ToHaveCountAsync(0);
        });

    [E2EFact]
    public Task The_list_filters_live_in_the_url_and_the_back_button_restores_them() =>
        OnPageAsync(Device.Desktop, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/cases");
            await WaitForInteractiveAsync(page);
            await page.GetByText("更多筛选").ClickAsync();
            await page.GetByText("只看超期").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("overdue=1"));
            await page.GoBackAsync();
            await Expect(page).Not.ToHaveURLAsync(new Regex("overdue=1"));
        });
}
