using System.Xml.Linq;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Web.Tests.Infrastructure;

namespace HuilongbaMediation.Web.Tests.Localization;

/// <summary>
/// The Chinese labels of the workflow have one source, the domain's <see cref="Labels"/> (history entries, exports and
/// documents use it); the Chinese resource repeats the ones the pages show, for the English switch, and must say the
/// same. A label changed in one place only fails here.
/// </summary>
public sealed class LabelsTests
{
    private static readonly Dictionary<string, string> Chinese = XDocument
        .Load(Path.Combine(RepoPaths.Root, "src", "HuilongbaMediation.Web", "Resources", "CasesText.resx"))
        .Root!.Elements("data")
        .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void Every_status_reads_as_the_domain_names_it()
    {
        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Equal(s.ToLabel(), Chinese[$"Status.{s}"]));
    }

    [Fact]
    public void Every_trigger_button_reads_as_the_domain_names_it()
    {
        Assert.All(Enum.GetValues<CaseTrigger>(), t => Assert.Equal(t.ToLabel(), Chinese[$"Command.{t}"]));
    }

    [Fact]
    public void Risk_levels_and_termination_reasons_read_as_the_domain_names_them()
    {
        Assert.Equal(RiskLevel.Low.ToLabel(), Chinese["Risk.Low"]);
        Assert.Equal(RiskLevel.Medium.ToLabel(), Chinese["Risk.Medium"]);
        Assert.StartsWith(RiskLevel.High.ToLabel(), Chinese["Risk.High"], StringComparison.Ordinal); // 高风险: the chip says what 高 means
        Assert.All(Enum.GetValues<TerminationReason>(), r => Assert.Equal(r.ToLabel(), Chinese[$"TerminationReason.{r}"]));
    }

    [Fact]
    public void A_recorded_action_button_is_the_domain_label_or_its_short_form()
    {
        // The buttons of the recorded actions may be shorter than the history's words (延长期限 for 延长办结期限), never different.
        foreach (var action in Enum.GetValues<CaseAction>().Where(a => Chinese.ContainsKey($"Command.{a}")))
        {
            var button = Chinese[$"Command.{action}"];
            var label = action.ToLabel();
            Assert.True(
                label == button || button.All(label.Contains),
                $"{action}: the button says 「{button}」, the domain 「{label}」.");
        }
    }
}
