using System.Text.RegularExpressions;
using HuilongbaMediation.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HuilongbaMediation.E2E.Infrastructure.Locators;
using static HuilongbaMediation.E2E.Oversight.OversightPages;
using static Microsoft.Playwright.Assertions;

namespace HuilongbaMediation.E2E.Oversight;

/// <summary>移交审核: the judicial office decides the referrals mediators asked for.</summary>
[Collection(ReferralReviewAppCollection.Name)]
public sealed class ReferralReviewTests(AppHost app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [E2ETheory]
    [InlineData(Device.Desktop)]
    [InlineData(Device.Phone)]
    public Task The_judicial_office_approves_one_referral_and_returns_another_and_both_leave_the_queue(Device device) =>
        OnPageAsync(device, async page =>
        {
            var slug = device.Slug();
            await SignInAsync(page, "wangfang");
            await page.GotoAsync("/referrals");
            await WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "移交审核" })).ToBeVisibleAsync();

            // The demo town has referrals waiting; the badge beside 移交审核 counts them all.
            var cards = page.GetByTestId("referral-card");
            await Expect(cards.Nth(1)).ToBeVisibleAsync();
            var pendingBefore = await NumberAsync(PendingBadge(page));
            Assert.True(pendingBefore >= 2, $"The badge shows {pendingBefore} pending referrals.");
            var approvedId = await cards.Nth(0).GetAttributeAsync("data-case");
            var returnedId = await cards.Nth(1).GetAttributeAsync("data-case");
            Assert.False(string.IsNullOrEmpty(approvedId));
            Assert.False(string.IsNullOrEmpty(returnedId));
            var approvedCard = Card(page, approvedId!);
            var returnedCard = Card(page, returnedId!);
            var approvedNumber = (await approvedCard.Locator(".referral-number").TextContentAsync() ?? "").Trim();
            var returnedNumber = (await returnedCard.Locator(".referral-number").TextContentAsync() ?? "").Trim();
            await Expect(approvedCard).ToContainTextAsync("移交去向");
            await Expect(approvedCard).ToContainTextAsync("移交理由");
            await ScreenshotAsync(page, $"referrals-queue-{slug}");
            await AssertNoSidewaysScrollingAsync(page, device);

            // 审核通过: the receiving body comes prefilled with the referral's target; the receipt number is optional.
            await approvedCard.GetByTestId("approve").ClickAsync();
            await Expect(Dialog(page)).ToBeVisibleAsync();
            await Expect(Dialog(page)).ToContainTextAsync($"审核通过：{approvedNumber}");
            var receivingBody = FormField(Dialog(page), "ReceivingBody");
            var body = await receivingBody.InputValueAsync();
            if (string.IsNullOrWhiteSpace(body))
            {
                body = "陈家桥人民法庭";
            }

            await receivingBody.FillAsync(body);
            var receipt = $"（2026）回调移字第9{(device == Device.Phone ? 2 : 1)}7号";
            await FormField(Dialog(page), "ReceiptNumber").FillAsync(receipt);
            await ScreenshotAsync(page, $"referrals-dialog-approve-{slug}");

            // Without a receiving body the approval is refused beside the field and the dialog stays.
            await receivingBody.FillAsync("");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page).GetByText("请填写接收单位")).ToBeVisibleAsync();
            await Expect(approvedCard).ToBeVisibleAsync();
            await receivingBody.FillAsync(body);
            await ScreenshotAsync(page, $"referrals-dialog-approve-refilled-{slug}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0);
            await Expect(Snackbar(page, $"{approvedNumber} 已审核通过")).ToBeVisibleAsync();
            await Expect(approvedCard).ToHaveCountAsync(0);

            // 退回重调: the comment is required.
            await returnedCard.GetByTestId("return").ClickAsync();
            await Expect(Dialog(page)).ToBeVisibleAsync();
            await Expect(Dialog(page)).ToContainTextAsync($"退回重调：{returnedNumber}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page).GetByText("请填写退回意见")).ToBeVisibleAsync();
            await Expect(returnedCard).ToBeVisibleAsync();
            var comment = $"证据材料不全，请补充双方书面陈述后继续调解（{slug}）。";
            await FormField(Dialog(page), "Comment").FillAsync(comment);
            await ScreenshotAsync(page, $"referrals-dialog-return-{slug}");
            await Dialog(page).GetByTestId("action-confirm").ClickAsync();
            await Expect(Dialog(page)).ToHaveCountAsync(0);
            await Expect(Snackbar(page, $"{returnedNumber} 已退回重调")).ToBeVisibleAsync();
            await Expect(returnedCard).ToHaveCountAsync(0);

            // The message covers neither the page's title nor its subtitle (it did, at the top of a phone's screen).
            var message = (await Snackbar(page, $"{returnedNumber} 已退回重调").BoundingBoxAsync())!;
            var head = (await page.Locator(".page-head").First.BoundingBoxAsync())!;
            Assert.True(message.Y >= head.Y + head.Height || message.Y + message.Height <= head.Y,
                $"The message ({message.Y}–{message.Y + message.Height}) covers the page head ({head.Y}–{head.Y + head.Height}).");

            // Two fewer wait for review.
            if (pendingBefore > 2)
            {
                await Expect(PendingBadge(page)).ToHaveTextAsync((pendingBefore - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                await Expect(PendingBadge(page)).ToHaveCountAsync(0);
            }

            await ScreenshotAsync(page, $"referrals-queue-after-{slug}");

            // The approved case has been referred to the receiving body; the returned one is back in mediation.
            await page.GotoAsync($"/cases/{approvedId}");
            await WaitForInteractiveAsync(page);
            await Expect(StatusChip(page)).ToHaveTextAsync("已移交");
            await Expect(page.GetByTestId("case-records")).ToContainTextAsync($"{body} {receipt}");

            await page.GotoAsync($"/cases/{returnedId}");
            await WaitForInteractiveAsync(page);
            await Expect(StatusChip(page)).ToHaveTextAsync("调解中");
            await Expect(page.GetByTestId("case-records")).ToContainTextAsync(comment);
            await Expect(page).ToHaveURLAsync(new Regex($@"/cases/{returnedId}$"));
        });

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar", new() { HasText = text });

    private static ILocator Card(IPage page, string caseId) => page.Locator($"[data-testid=referral-card][data-case='{caseId}']");
}
