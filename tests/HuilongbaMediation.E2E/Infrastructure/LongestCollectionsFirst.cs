using HuilongbaMediation.E2E.Accessibility;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HuilongbaMediation.E2E.Infrastructure.LongestCollectionsFirst", "HuilongbaMediation.E2E")]

namespace HuilongbaMediation.E2E.Infrastructure;

/// <summary>
/// The two longest collections start first, one on each of the runner's lanes (xunit runs as many collections at once as
/// the machine has cores, each collection's tests one after another): the axe audits (20 tests, every page of every role)
/// and the main app's (most of the suite); the short collections then fill whichever lane frees first. In xunit's own
/// order the main app's collection, the largest, started last: at 591 s of the PostgreSQL run on the loaded machine, when
/// every other collection but the audits had finished, so it ran on alone after them.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [AxeAppCollection.Name, AppCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select((collection, index) => (collection, index, rank: Array.IndexOf(Longest, collection.DisplayName)))
            .OrderBy(c => c.rank < 0 ? Longest.Length : c.rank)
            .ThenBy(c => c.index)
            .Select(c => c.collection);
}
