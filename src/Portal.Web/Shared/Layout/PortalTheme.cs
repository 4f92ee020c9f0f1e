using MudBlazor;

namespace Portal.Web.Shared.Layout;

/// <summary>The Provider's brand colours, for light and dark mode. Contrast checked against WCAG AA for text on each surface.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#6b4fa0",
            AppbarBackground = "#16365f",
            Background = "#f5f7fa",
            // MudBlazor's default secondary text (#717274) is 4.48:1 on this background, under WCAG AA's 4.5:1.
            TextSecondary = "#5a5c60",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#8a5300",
            Error = "#b3261e",
            Info = "#0b5fa5",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            Secondary = "#c5a8f0",
            AppbarBackground = "#10243f",
            Success = "#81c995",
            Warning = "#fdd663",
            Error = "#f28b82",
            Info = "#8ab4f8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["DejaVu Sans", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
