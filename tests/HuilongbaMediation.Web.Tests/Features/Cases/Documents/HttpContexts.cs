using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HuilongbaMediation.Web.Tests.Features.Cases.Documents;

/// <summary>A request context to run an endpoint's result in, without a server: what it writes stays readable.</summary>
public static class HttpContexts
{
    public static DefaultHttpContext New(System.Security.Claims.ClaimsPrincipal? user = null) => new()
    {
        RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
        User = user ?? new System.Security.Claims.ClaimsPrincipal(),
    };

    public static byte[] Body(this HttpContext context) => ((MemoryStream)context.Response.Body).ToArray();
}
