namespace HuilongbaMediation.Web.Resources;

/// <summary>Marker for the dashboard's and the annual report's texts: DashboardText.resx (Chinese, neutral) and DashboardText.en.resx.</summary>
public sealed class DashboardText;
