using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HuilongbaMediation.Web.Data;

/// <summary>
/// Settings are checked when the app starts, not when a page first reads them: every options class is registered
/// with <c>ValidateOnStart</c>, and <see cref="Validate"/> runs those checks before the database is touched, turning
/// a value that does not parse (<c>Demo__Enabled=yes</c>) or breaks a rule into one <see cref="StartupException"/> line.
/// </summary>
public static partial class SettingsCheck
{
    public static void Validate(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupException(string.Join("；", ex.Failures));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new StartupException(string.Join("；", ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)));
        }
        catch (InvalidOperationException ex) when (BinderFailure().Match(ex.Message) is { Success: true } failure)
        {
            var key = failure.Groups["key"].Value;
            throw new StartupException($"设置 {key} 的值“{configuration[key]}”无效：应为{Expected(failure.Groups["type"].Value)}。");
        }
    }

    private static string Expected(string type) => type switch
    {
        "System.Boolean" => " true 或 false",
        "System.Int32" or "System.Int64" => "整数",
        "System.TimeOnly" => "一天中的时刻，例如 03:00",
        "System.TimeSpan" => "时长，例如 00:30:00",
        _ => $" {type} 类型的值",
    };

    // ConfigurationBinder: "Failed to convert configuration value ['yes' ]at 'Demo:Enabled' to type 'System.Boolean'."
    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();
}
