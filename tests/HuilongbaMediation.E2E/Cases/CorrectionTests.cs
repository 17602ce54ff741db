using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Cases;

/// <summary>The parties on the case page with the details the forms use, corrected and joined after filing, on a desktop and a phone.</summary>
[Collection(AppCollection.Name)]
public sealed class CorrectionTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task A_party_is_corrected_and_a_third_party_joins_from_the_case_page(Device device) =>
        OnPageAsync(device, async page =>
        {
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/cases?state=Mediating");
            await WaitForInteractiveAsync(page);
            // The page's last row: a demo case (the newest rows may be cases other tests filed, with fewer details).
            var link = page.GetByTestId("case-grid").Locator("a[href^='/cases/']").Last;
            await Expect(link).ToBeVisibleAsync();
            await page.GotoAsync((await link.GetAttributeAsync("href"))!);
            await WaitForInteractiveAsync(page);
            var parties = page.GetByTestId("case-parties");
            await Expect(parties.GetByTestId("party-card").First).ToBeVisibleAsync();
            var before = await parties.GetByTestId("party-card").CountAsync();
            await ScreenshotAsync(page, $"case-parties-{device.Slug()}");
            await AssertNoSidewaysScrollingAsync(page, device);

            // 更正: the first party's 职业, through the same fields as at filing.
            var occupation = $"更正职业{device.Slug()}";
            await parties.GetByTestId("party-card").First.GetByTestId("party-correct").ClickAsync();
            var dialog = page.GetByTestId("command-CorrectParty");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog).ToContainTextAsync("留空则保持不变");
            await ScreenshotAsync(page, $"command-CorrectParty-{device.Slug()}");
            var field = Field(dialog, "party-occupation");
            if (await field.CountAsync() == 0)
            {
                // An organisation: its 法定代表人 instead.
                field = Field(dialog, "party-legal-rep");
            }

            await field.FillAsync(occupation);
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Expect(parties).ToContainTextAsync(occupation);
            await Expect(page.GetByTestId("case-history")).ToContainTextAsync("更正当事人");

            // 追加当事人: a 第三人 joins.
            await page.GetByTestId("action-AddParty").ClickAsync();
            var add = page.GetByTestId("command-AddParty");
            await Expect(add).ToBeVisibleAsync();
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(add).ToContainTextAsync("请填写当事人姓名"); // the message beside the field, as at filing
            await Field(add, "party-name").FillAsync($"第三人{device.Slug()}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Expect(parties.GetByTestId("party-card")).ToHaveCountAsync(before + 1);
            await Expect(page.GetByTestId("case-history")).ToContainTextAsync($"追加当事人：第三人 第三人{device.Slug()}");
            await ScreenshotAsync(page, $"case-parties-corrected-{device.Slug()}");
        });
}
