using Bunit;
using HuilongbaMediation.Web.Components.Shared;
using HuilongbaMediation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace HuilongbaMediation.Web.Tests.Components.Shared;

/// <summary>An exception in a page shows a message with a way on, instead of a dead page, and 重试 brings the page back.</summary>
public sealed class PageErrorBoundaryTests : MudTestContext
{
    [Fact]
    public void A_failing_component_shows_the_message_and_retry_brings_the_page_back()
    {
        var cut = Render<PageErrorBoundary>(p => p.AddChildContent<Flaky>());
        Assert.Equal("第一次", cut.Find("[data-testid=flaky]").TextContent);

        cut.Find("[data-testid=flaky]").Click();

        Assert.Empty(cut.FindAll("[data-testid=flaky]"));
        var message = cut.Find("[data-testid=page-error]");
        Assert.Contains("这一部分出错了", message.TextContent);
        Assert.Contains("此错误已记录", message.TextContent);
        Assert.Equal("/", cut.Find("[data-testid=page-error-home]").GetAttribute("href"));

        cut.Find("[data-testid=page-error-retry]").Click();

        Assert.Empty(cut.FindAll("[data-testid=page-error]"));
        Assert.Equal("第一次", cut.Find("[data-testid=flaky]").TextContent);
    }

    /// <summary>A button that throws when clicked.</summary>
    private sealed class Flaky : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "flaky");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, () => throw new InvalidOperationException("boom")));
            builder.AddContent(3, "第一次");
            builder.CloseElement();
        }
    }
}
