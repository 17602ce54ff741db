using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HuilongbaMediation.Web.Tests.Localization;

/// <summary>Every text the UI asks for exists in Chinese and in English, so no page shows a bare key.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebProject = Path.Combine(RepoRoot(), "src", "HuilongbaMediation.Web");

    [Fact]
    public void Chinese_and_English_resources_have_the_same_keys()
    {
        var zh = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");

        Assert.Empty(zh.Except(en));
        Assert.Empty(en.Except(zh));
    }

    [Fact]
    public void Every_key_the_code_uses_exists()
    {
        var keys = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Keys_built_from_enum_names_exist_for_every_value()
    {
        var keys = Keys("SharedResource.resx");
        var expected = Enum.GetNames<Domain.Common.UserRole>().SelectMany(r => new[] { $"Role.{r}", $"Home.Scope.{r}" })
            .Concat(Enum.GetNames<Domain.Reference.VillageKind>().Select(k => $"VillageKind.{k}"));

        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HuilongbaMediation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HuilongbaMediation.sln not found above the test folder.");
    }

    [GeneratedRegex("""\b[Ll]\["([A-Za-z]+\.[A-Za-z.]+)"\]""")]
    private static partial Regex LiteralKey();
}
