using System.Globalization;
using HuilongbaMediation.Web.Localization;

namespace HuilongbaMediation.Web.Components.Layout;

/// <summary>The language the switch offers: the other of the two.</summary>
public static class CultureOptionsUi
{
    public static string Other(CultureInfo current) =>
        CultureOptions.IsChinese(current) ? CultureOptions.Supported[1] : CultureOptions.Supported[0];
}
