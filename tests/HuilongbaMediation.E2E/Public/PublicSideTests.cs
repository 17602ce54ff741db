using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Public;

/// <summary>
/// 和顺云茶馆 at phone size, as the issue's "done when" reads: a citizen applies with a photo and gets a code; 张敏, a
/// mediator of that village, sees the badge, turns it into a case and schedules a session; the citizen's status page
/// shows the mediator and the session.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PublicSideTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>The smallest JPEG header the upload check accepts as a photo.</summary>
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];

    [E2EFact]
    public Task A_citizen_applies_on_a_phone_and_follows_the_case_to_its_session() =>
        OnPageAsync(Device.Phone, async page =>
        {
            var applicant = $"陈{Guid.NewGuid().ToString("N")[..4]}";

            // The sign-in page leads to the application.
            await page.GotoAsync("/account/login");
            await page.GetByTestId("public-apply-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/apply$"));
            await ScreenshotAsync(page, "public-apply-phone");
            await AssertNoSidewaysScrollingAsync(page, Device.Phone);

            // An empty form: each field says what is missing, beside it.
            await page.GetByTestId("apply-submit").ClickAsync();
            await Expect(page.GetByTestId("error-Name")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("error-Consent")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "public-apply-refused-phone");

            await page.Locator("#name").FillAsync(applicant);
            await page.Locator("#phone").FillAsync("13812345678");
            await page.Locator("#village").SelectOptionAsync(new SelectOptionValue { Label = "五云山村" });
            await page.GetByLabel("单位（公司、物业等）").CheckAsync();
            await page.Locator("#othername").FillAsync("某某物流有限公司");
            await page.Locator("#story").FillAsync($"{applicant}在物流园做搬运，老板拖欠三个月工资共八千元。");
            await page.Locator("#request").FillAsync("支付拖欠工资 8000 元");
            await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "欠条.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
            await page.GetByLabel("电话或视频").CheckAsync();
            await page.GetByLabel("我已阅读，同意为这次调解使用我的个人信息").CheckAsync();
            await page.GetByTestId("apply-submit").ClickAsync();

            await Expect(page.GetByTestId("apply-done")).ToBeVisibleAsync();
            var code = (await page.GetByTestId("tracking-code").TextContentAsync())!.Trim();
            Assert.Matches("^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$", code);
            await ScreenshotAsync(page, "public-apply-done-phone");

            // The mediator of 五云山村 sees the badge and turns the application into a case.
            await SignInAsync(page, "zhangmin");
            await Expect(page.GetByTestId("waiting-applications").First).ToBeAttachedAsync();
            await page.GotoAsync("/applications");
            await WaitForInteractiveAsync(page);
            await page.GetByTestId("applications").Locator("tr", new() { HasText = applicant }).GetByTestId("application-link").ClickAsync();
            await Expect(page.GetByTestId("application-help")).ToHaveTextAsync("电话或视频");
            await Expect(page.GetByTestId("application-file")).ToHaveTextAsync("欠条.jpg");
            await ChooseAsync(page, "accept-category", "劳动争议·拖欠农民工工资");
            await ScreenshotAsync(page, "public-application-staff-phone");
            await page.GetByTestId("accept-application").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
            await Expect(StatusChip(page)).ToHaveTextAsync("已登记");
            await Expect(page.GetByTestId("case-help-wanted")).ToHaveTextAsync("电话或视频");
            await Expect(page.GetByTestId("case-request")).ToContainTextAsync("支付拖欠工资 8000 元");

            await page.GetByTestId("action-Accept").ClickAsync();
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(StatusChip(page)).ToHaveTextAsync("调解中");
            await page.GetByTestId("action-ScheduleSession").ClickAsync();
            await Expect(Dialog(page)).ToBeVisibleAsync();
            await DialogField(page, "Place").FillAsync("视频调解，调解员会提前打电话");
            await ScreenshotAsync(page, "case-dialog-schedule-phone");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0);

            // The citizen looks it up with the code and the phone's last four digits.
            await page.GotoAsync("/track");
            await page.Locator("#code").FillAsync(code.ToLowerInvariant());
            await page.Locator("#last4").FillAsync("5678");
            await page.GetByTestId("track-submit").ClickAsync();
            await Expect(page.GetByTestId("status")).ToContainTextAsync("调解员：张敏");
            await Expect(page.GetByTestId("status")).ToContainTextAsync("线上调解（和顺云茶馆）");
            await Expect(page.GetByTestId("status")).ToContainTextAsync("视频调解，调解员会提前打电话");
            await Expect(page.GetByTestId("status")).Not.ToContainTextAsync("某某物流");
            await AssertNoSidewaysScrollingAsync(page, Device.Phone);
            await ScreenshotAsync(page, "public-status-phone");

            // A message with a photo from the status page.
            await page.Locator("#message").FillAsync("我还有工资条的照片。");
            await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "工资条.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
            await page.GetByTestId("message-submit").ClickAsync();
            await Expect(page.GetByTestId("message-sent")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("messages")).ToContainTextAsync("工资条.jpg");
        });

    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_public_pages_look_right(Device device) =>
        OnPageAsync(device, async page =>
        {
            await page.GotoAsync("/apply");
            await ScreenshotAsync(page, $"public-apply-{device.Slug()}");
            await page.GotoAsync("/track");
            await page.Locator("#code").FillAsync("AAAA-BBBB-CCCC-DDDD");
            await page.Locator("#last4").FillAsync("1234");
            await page.GetByTestId("track-submit").ClickAsync();
            await Expect(page.GetByTestId("track-error")).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"public-track-refused-{device.Slug()}");

            // The admin's posters, one per teahouse and station.
            await SignInAsync(page, "admin");
            await page.GotoAsync("/admin/posters");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByTestId("poster").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"admin-posters-{device.Slug()}");
        });
}

/// <summary>An app whose public forms take 3 posts per address per 10 minutes, to see the limit without waiting for 20.</summary>
public sealed class TightLimitsAppHost : AppHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Public__PostsPerAddress"] = "3",
        ["Demo__Cases"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class TightLimitsAppCollection : ICollectionFixture<TightLimitsAppHost>
{
    public const string Name = "Tight public limits app";
}

[Collection(TightLimitsAppCollection.Name)]
public sealed class PublicRateLimitTests(TightLimitsAppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2EFact]
    public Task Posts_beyond_the_limit_from_one_address_are_refused_and_reading_the_page_still_works() =>
        OnPageAsync(Device.Phone, async page =>
        {
            for (var i = 0; i < 3; i++)
            {
                await page.GotoAsync("/track");
                await page.Locator("#code").FillAsync("AAAA-BBBB-CCCC-DDDD");
                await page.Locator("#last4").FillAsync("1234");
                await page.GetByTestId("track-submit").ClickAsync();
                await Expect(page.GetByTestId("track-error")).ToBeVisibleAsync();
            }

            await page.GotoAsync("/track");
            await page.Locator("#code").FillAsync("AAAA-BBBB-CCCC-DDDD");
            await page.Locator("#last4").FillAsync("1234");
            var answer = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("track-submit").ClickAsync(), r => r.Request.Method == "POST");
            Assert.Equal(429, answer.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "请稍后再试" })).ToBeVisibleAsync();

            var read = await page.GotoAsync("/apply");
            Assert.Equal(200, read!.Status);
        });
}
