using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HuilongbaMediation.Web.Localization;

/// <summary>
/// MudBlazor ships English only. In Chinese this answers from MudBlazorTexts.resx; in English it says "not found",
/// so MudBlazor falls back to its own English texts.
/// </summary>
public sealed class AppMudLocalizer(IStringLocalizer<MudBlazorTexts> texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (!CultureOptions.IsChinese(System.Globalization.CultureInfo.CurrentUICulture))
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }

            var text = texts[key];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : text;
        }
    }
}
