using MudBlazor;

namespace HuilongbaMediation.Web.Components.Layout;

/// <summary>
/// The look of the app: a calm official blue, the red of a seal for accents, system CJK fonts. The palette is defined
/// here once, and every colour in it meets WCAG 2.1 AA where it is used: text 4.5:1 on white and on the page's grey
/// (the warning orange, the secondary grey and the info blue are darker than MudBlazor's defaults, which failed),
/// UI boundaries such as input outlines 3:1. Pages and app.css use the palette's variables, never their own colours.
/// </summary>
public static class AppTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",           // 6.8:1 on white
            Secondary = "#b23a2e",         // 5.9:1
            Tertiary = "#27695a",          // 6.4:1
            AppbarBackground = "#1f5f8b",
            Background = "#f4f6f8",
            BackgroundGray = "#eef1f4",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.80)",
            Success = "#2e7d32",           // 5.1:1
            Warning = "#b34700",           // 5.5:1 (MudBlazor's #ed6c02: 3.1:1)
            Error = "#c62828",             // 5.6:1
            Info = "#01579b",              // 7.6:1
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.68)", // 7.5:1 on the page's grey (MudBlazor's 0.54: 4.4:1)
            ActionDefault = "rgba(0,0,0,0.62)",
            LinesInputs = "rgba(0,0,0,0.5)",     // an input's outline 4:1 (UI boundaries need 3:1)
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
