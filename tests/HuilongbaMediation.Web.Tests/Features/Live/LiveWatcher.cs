using System.Threading.Channels;
using HuilongbaMediation.Web.Features.Live;

namespace HuilongbaMediation.Web.Tests.Features.Live;

/// <summary>What one circuit's <see cref="LiveUpdates"/> hands its pages, collected for a test to read in order.</summary>
public sealed class LiveWatcher : IDisposable
{
    /// <summary>How long a test waits for a change to arrive before it fails (a functional limit, not a measurement).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<LiveBatch> _batches = Channel.CreateUnbounded<LiveBatch>();
    private readonly IDisposable _watching;

    public LiveWatcher(LiveUpdates live) => _watching = live.Watch(batch =>
    {
        _batches.Writer.TryWrite(batch);
        return Task.CompletedTask;
    });

    /// <summary>The changes of the next batches until one names <paramref name="caseId"/>, all of them.</summary>
    public async Task<List<LiveChange>> UntilAsync(int caseId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<LiveChange>();
        while (true)
        {
            var batch = await _batches.Reader.ReadAsync(timeout.Token);
            seen.AddRange(batch.Changes);
            if (batch.Changes.Any(c => c.CaseId == caseId))
            {
                return seen;
            }
        }
    }

    public void Dispose() => _watching.Dispose();
}
