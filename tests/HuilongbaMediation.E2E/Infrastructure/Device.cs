using Microsoft.Playwright;

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>The two screens the town uses: an office PC and a phone.</summary>
public enum Device
{
    Desktop,
    Phone,
}

public static class DeviceExtensions
{
    /// <summary>1366×768 desktop; 390×844 touch phone (scale factor 1 keeps screenshots small and fast).</summary>
    public static BrowserNewContextOptions ContextOptions(this Device device, Uri baseUrl) => device switch
    {
        Device.Phone => new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        },
        _ => new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        },
    };

    public static string Slug(this Device device) => device == Device.Phone ? "phone" : "desktop";
}
