using System.Text.RegularExpressions;
using System.Xml.Linq;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Domain.Reference;
using HuilongbaMediation.Web.Features.CaseFile;
using HuilongbaMediation.Web.Features.Cases;
using HuilongbaMediation.Web.Features.Referrals;
using HuilongbaMediation.Web.Features.SecurityLog;

namespace HuilongbaMediation.Web.Tests.Localization;

/// <summary>
/// Every text the UI asks for exists in Chinese and in English, so no page shows a bare key: for each resource pair
/// in Resources/, and for every literal key a page or service asks its localizer for (found through the
/// <c>IStringLocalizer&lt;X&gt; name</c> it injects, in the file or in an _Imports.razor above it).
/// </summary>
public sealed partial class ResourceTests
{
    private static readonly string WebProject = Path.Combine(Infrastructure.RepoPaths.Root, "src", "HuilongbaMediation.Web");

    public static TheoryData<string> Resources => new(
        Directory.EnumerateFiles(Path.Combine(WebProject, "Resources"), "*.resx")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.Contains('.', StringComparison.Ordinal))
            .Select(name => name!));

    [Theory]
    [MemberData(nameof(Resources))]
    public void Chinese_and_English_have_the_same_keys(string resource)
    {
        var zh = Keys(resource);
        var en = Keys($"{resource}.en");

        Assert.Empty(zh.Except(en));
        Assert.Empty(en.Except(zh));
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists_in_its_resource()
    {
        var files = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !IsBuildOutput(f))
            .ToList();
        var checkedKeys = 0;
        var missing = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var (name, resource) in Localizers(file))
            {
                if (!File.Exists(Path.Combine(WebProject, "Resources", $"{resource}.resx")))
                {
                    continue; // MudBlazor's texts, looked up by MudBlazor's own keys
                }

                var keys = Keys(resource);
                foreach (Match use in Regex.Matches(text, $"""\b{Regex.Escape(name)}\["([A-Za-z][A-Za-z0-9.]*)"\]"""))
                {
                    checkedKeys++;
                    if (!keys.Contains(use.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(WebProject, file)}: {resource}/{use.Groups[1].Value}");
                    }
                }
            }
        }

        Assert.True(checkedKeys > 300, $"Only {checkedKeys} keys found: the scan is not finding the localizers.");
        Assert.True(missing.Count == 0, "Missing texts: " + string.Join(", ", missing.Distinct()));
    }

    public static TheoryData<string, string, string[]> KeysFromEnums => new()
    {
        { "SharedResource", "Role", Enum.GetNames<UserRole>() },
        { "SharedResource", "Home.Scope", Enum.GetNames<UserRole>() },
        { "SharedResource", "VillageKind", Enum.GetNames<VillageKind>() },
        { "CasesText", "Status", Enum.GetNames<CaseStatus>() },
        { "CasesText", "Risk", Enum.GetNames<RiskLevel>() },
        { "CasesText", "PartyRole", Enum.GetNames<PartyRole>() },
        { "CasesText", "PartyKind", Enum.GetNames<PartyKind>() },
        { "CasesText", "Gender", Enum.GetNames<Gender>() },
        { "CasesText", "AgreementKind", Enum.GetNames<AgreementKind>() },
        { "CasesText", "TerminationReason", Enum.GetNames<TerminationReason>() },
        { "CasesText", "Performance", Enum.GetNames<PerformanceStatus>() },
        { "CasesText", "Command", [.. CaseCommands.ForTrigger.Values.Concat(CaseCommands.ForAction.Values).Select(c => c.Name)] },
        { "CasesText", "History", [.. Enum.GetNames<CaseTrigger>(), .. Enum.GetNames<CaseAction>()] },
        { "CaseFileText", "Item", Enum.GetNames<CaseFileItem>() },
        { "CaseFileText", "Retention", Enum.GetNames<CaseFileRetention>() },
        { "CaseFileText", "Performance", Enum.GetNames<PerformanceStatus>() },
        { "OversightText", "Deadlines.Kind", Enum.GetNames<DeadlineKind>() },
        { "SecurityText", "Kind", Enum.GetNames<SecurityEventKind>() },
    };

    [Theory]
    [MemberData(nameof(KeysFromEnums))]
    public void Keys_built_from_enum_names_exist_for_every_value(string resource, string prefix, string[] names)
    {
        var keys = Keys(resource);

        var missing = names.Select(n => $"{prefix}.{n}").Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"Missing in {resource}: " + string.Join(", ", missing));
    }

    /// <summary>The localizers a file can use: name → resource, its own injections over those of the _Imports above it.</summary>
    private static Dictionary<string, string> Localizers(string file)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.StartsWith(WebProject, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
        {
            var imports = Path.Combine(dir, "_Imports.razor");
            if (File.Exists(imports))
            {
                foreach (var (name, resource) in Injections(File.ReadAllText(imports)))
                {
                    found.TryAdd(name, resource);
                }
            }
        }

        foreach (var (name, resource) in Injections(File.ReadAllText(file)))
        {
            found[name] = resource;
        }

        return found;
    }

    private static IEnumerable<(string Name, string Resource)> Injections(string text) =>
        Injection().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["resource"].Value));

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static HashSet<string> Keys(string resource) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"{resource}.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""IStringLocalizer<(?<resource>\w+)>\s+(?<name>\w+)""")]
    private static partial Regex Injection();
}
