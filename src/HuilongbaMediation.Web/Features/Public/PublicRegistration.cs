using System.Threading.RateLimiting;
using HuilongbaMediation.Web.Components.Shared;
using HuilongbaMediation.Web.Features.SecurityLog;
using HuilongbaMediation.Web.Security;

namespace HuilongbaMediation.Web.Features.Public;

/// <summary>The public side (和顺云茶馆): its services, its rate limits and the staff's file download.</summary>
public static class PublicRegistration
{
    /// <summary>The rate-limit policy of the public forms (<c>[EnableRateLimiting]</c> on the pages): posts per client address.</summary>
    public const string FormsPolicy = "public-forms";

    public static IServiceCollection AddPublicSide(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicOptions>(configuration.GetSection(PublicOptions.Section));
        services.AddSingleton<PhoneRateLimiter>();
        services.AddSingleton<ApplicationFileStore>();
        services.AddScoped<PublicApplicationService>();
        services.AddScoped<ApplicationQueueService>();
        services.AddScoped<OnlineApplicationStatistics>();
        services.AddScoped<Posters>();
        services.AddScoped<WaitingApplicationCount>();
        services.AddCascadingValue(sp => sp.GetRequiredService<WaitingApplicationCount>());
        services.AddSingleton<INotificationSender, StatusPageSender>();
        services.AddHostedService<NotificationDispatcher>();
        services.AddHostedService<ApplicationPurge>();
        var limits = configuration.GetSection(PublicOptions.Section).Get<PublicOptions>() ?? new PublicOptions();
        services.AddRateLimiter(o =>
        {
            // Only the posts count (applying, looking up, writing): reading the pages costs nothing to limit.
            o.AddPolicy(FormsPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PostsPerAddress, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>请稍后再试</title></head>"
                    + "<body><main><h1>请稍后再试</h1><p>这台设备刚才提交得太频繁了。请过十分钟再试，或打电话到回龙坝镇司法所。</p></main></body></html>", ct);
            };
        });
        return services;
    }

    public static void MapPublicEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{id:int}/files/{fileId:int}", async (int id, int fileId, HttpContext http, ApplicationQueueService queue, ApplicationFileStore store, SecurityLogWriter log) =>
        {
            if (await queue.FileForDownloadAsync(http.User, id, fileId, http.RequestAborted) is not { } found)
            {
                return Results.NotFound();
            }

            await log.WriteAsync(http, SecurityEventKind.Download, $"在线申请 {id}", found.File.FileName, http.RequestAborted);
            return Results.File(store.PathOf(id, found.File.StoredName), found.File.ContentType, found.File.FileName);
        }).RequireAuthorization(Policies.HandleApplications);
}

/// <summary>The applications waiting in the user's queue, for the menu badge and the queue page (<see cref="CircuitCount"/>).</summary>
public sealed class WaitingApplicationCount(ApplicationQueueService queue) : CircuitCount
{
    protected override Task<int> CountAsync(CancellationToken ct) => queue.WaitingCountAsync(ct);
}
