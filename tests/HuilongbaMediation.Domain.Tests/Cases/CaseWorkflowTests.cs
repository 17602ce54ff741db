using HuilongbaMediation.Domain.Cases;

namespace HuilongbaMediation.Domain.Tests.Cases;

public sealed class CaseWorkflowTests
{
    [Fact]
    public void The_mermaid_diagram_shows_every_transition_of_the_table_and_the_referred_superstate()
    {
        var mermaid = CaseWorkflow.ToMermaid();
        var transitions = mermaid.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains(" --> ", StringComparison.Ordinal) && !line.StartsWith("[*]", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[..5])
            .Select(parts => (From: Enum.Parse<CaseStatus>(parts[0]), Trigger: Enum.Parse<CaseTrigger>(parts[4]), To: Enum.Parse<CaseStatus>(parts[2])))
            .ToList();

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("state Referred {", mermaid, StringComparison.Ordinal);
        Assert.Contains("[*] --> Filed", mermaid, StringComparison.Ordinal);
        Assert.Equal(
            Workflow.Table.Select(row => (row.Key.From, row.Key.Trigger, To: row.Value)).Order(),
            transitions.Order());
        Assert.Contains("Accept / 记录受理日期和办结期限 [限本案主办调解员、本村（社区）负责人或司法所] [受理前须指定主办调解员]", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mermaid_diagram_is_the_same_every_time() =>
        Assert.Equal(CaseWorkflow.ToMermaid(), CaseWorkflow.ToMermaid());
}
