using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Tests.Shared;

namespace HuilongbaMediation.Domain.Tests.Cases;

/// <summary>The README's workflow diagram is the real machine's, not a drawing that drifts from it.</summary>
public sealed class ReadmeDiagramTests
{
    private const string Start = "<!-- workflow-diagram:start -->";
    private const string End = "<!-- workflow-diagram:end -->";

    [Fact]
    public void The_README_shows_the_diagram_generated_from_the_machine()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no block between {Start} and {End}.");

        var shown = readme[(start + Start.Length)..end].Trim();
        var expected = $"```mermaid\n{CaseWorkflow.ToMermaid().ReplaceLineEndings("\n").Trim()}\n```";

        Assert.True(
            shown == expected,
            $"The README's diagram differs from the machine. Replace the block between the markers with:\n{expected}");
    }
}
