using HuilongbaMediation.Domain.Common;
using Stateless.Graph;

namespace HuilongbaMediation.Domain.Cases;

/// <summary>The case workflow as a whole, for documentation.</summary>
public static class CaseWorkflow
{
    private static readonly Actor Nobody = new("", "", UserRole.Admin, VillageId: null);

    /// <summary>
    /// The Mermaid state diagram of the real machine (Stateless's <see cref="MermaidGraph"/>), with each
    /// transition's entry action and guards; the README embeds it.
    /// </summary>
    public static string ToMermaid() => MermaidGraph.Format(new MediationCase().Machine(Nobody).GetInfo());
}
