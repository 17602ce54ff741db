using MudBlazor;

namespace HuilongbaMediation.Web.Components.Layout;

/// <summary>The look of the app: a calm official blue, the red of a seal for accents, system CJK fonts.</summary>
public static class AppTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#b23a2e",
            Tertiary = "#2e7d6b",
            AppbarBackground = "#1f5f8b",
            Background = "#f4f6f8",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.80)",
            Success = "#2e7d32",
            Warning = "#ed6c02",
            Error = "#c62828",
            Info = "#0277bd",
            TextPrimary = "rgba(0,0,0,0.87)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "0.95rem", LineHeight = "1.6" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.75rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.1rem", FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "232px" },
    };
}
