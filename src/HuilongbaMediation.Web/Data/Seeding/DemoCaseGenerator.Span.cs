using System.Threading.Channels;
using Bogus;
using HuilongbaMediation.Domain.Cases;
using HuilongbaMediation.Domain.Common;
using HuilongbaMediation.Web.Features.Committees;
using Microsoft.EntityFrameworkCore;

namespace HuilongbaMediation.Web.Data.Seeding;

/// <summary>
/// A synthetic town of any size (the <c>generate</c> command, the benchmarks' big towns): the demo town's stories and
/// words, played through the domain as the demo's are, with the filing days spread evenly over a span of years ending
/// today. A case's story fits its age: a case filed three days ago may still be waiting for a mediator, one filed five
/// years ago has long been concluded (the open stories keep the ages the demo town gives them, so some cases are overdue).
/// <para>
/// The cases are built on every core, a batch of whole days at a time, and written batch after batch while the next is
/// built: memory holds two batches, not the town. Each batch is numbered per year in filing order, continuing the
/// previous one (a batch holds whole days, so the order across batches is the filing order).
/// </para>
/// </summary>
public sealed partial class DemoCaseGenerator
{
    /// <summary>Cases per batch (rounded up to a whole day): big enough that a batch keeps both cores busy.</summary>
    internal const int SpanBatchSize = 4_000;

    private const int SpanSeed = 20161231;

    private static readonly ThreadLocal<Faker> Fakers = new(() => new Faker("zh_CN"));

    /// <summary>
    /// Fills a database that has no cases with <paramref name="count"/> cases filed over the <paramref name="years"/> years
    /// up to today; returns how many it wrote, 0 when the database already had cases (it then writes nothing).
    /// <paramref name="progress"/> hears how many are written after each batch, <paramref name="indexing"/> when the last is
    /// written and the indexes, the search index and the counters are being built (SQLite: <see cref="SqliteBulkLoad"/>).
    /// Each batch is committed on its own; if the load fails or is cancelled half-way, the cases it wrote are deleted again
    /// (the database had none when it began) and the triggers and indexes are back, so the database is left as it was.
    /// </summary>
    public Task<int> GenerateSpanAsync(int count, int years, Action<int>? progress = null, Action? indexing = null, CancellationToken ct = default) =>
        GenerateSpanAsync(count, years, SpanBatchSize, progress, ct, indexing);

    /// <summary>The same in batches of <paramref name="batchSize"/> cases (tests use small ones to load many batches).</summary>
    internal async Task<int> GenerateSpanAsync(int count, int years, int batchSize, Action<int>? progress, CancellationToken ct, Action? indexing = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        var started = clock.GetTimestamp();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Cases.AnyAsync(ct))
        {
            return 0;
        }

        var town = await Town.LoadAsync(db, ct);
        var committees = await CommitteeDefaults.LoadAsync(db, ct);
        var span = new Span(count, ChinaClock.Today(nowUtc), years);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // On SQLite, load then index: the triggers and secondary indexes go for the load and are built once at the end.
        var bulk = db.Database.IsSqlite() ? await SqliteBulkLoad.BeginAsync(db, NewAggregates.Tables<MediationCase>(db), ct) : null;
        var batches = Channel.CreateBounded<MediationCase[]>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var building = Task.Run(() => BuildSpan(town, committees, span, batchSize, nowUtc, batches.Writer, stop.Token), stop.Token);
        var written = 0;
        try
        {
            var sequences = new Dictionary<int, int>();
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var @case in batch.OrderBy(c => c.History[0].AtUtc))
                {
                    var sequence = sequences.GetValueOrDefault(@case.FiledOn.Year) + 1;
                    sequences[@case.FiledOn.Year] = sequence;
                    @case.AssignNumber(@case.FiledOn.Year, sequence);
                }

                await using (var tx = await db.Database.BeginTransactionAsync(stop.Token))
                {
                    NewAggregates.Insert(db, batch);
                    await tx.CommitAsync(stop.Token);
                }

                written += batch.Length;
                progress?.Invoke(written);
            }

            await building;
            if (bulk is not null)
            {
                indexing?.Invoke();
                var loaded = clock.GetTimestamp();
                await bulk.FinishAsync(undo: false);
                Indexed(written, (long)clock.GetElapsedTime(started, loaded).TotalMilliseconds, (long)clock.GetElapsedTime(loaded).TotalMilliseconds);
            }
        }
        catch
        {
            await stop.CancelAsync();
            await building.ContinueWith(static _ => { }, TaskScheduler.Default);
            if (bulk is not null)
            {
                await bulk.FinishAsync(undo: true);
            }
            else
            {
                await db.Cases.ExecuteDeleteAsync(CancellationToken.None); // the children go with them (ON DELETE CASCADE)
            }

            throw;
        }

        Generated(written, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} cases in {LoadMilliseconds} ms, then built their indexes, search index and counters in {IndexMilliseconds} ms")]
    private partial void Indexed(int count, long loadMilliseconds, long indexMilliseconds);

    /// <summary>Builds the batches in filing order, each on every core, and hands them to the writer.</summary>
    private static async Task BuildSpan(Town town, CommitteeDefaults committees, Span span, int batchSize, DateTime nowUtc, ChannelWriter<MediationCase[]> batches, CancellationToken ct)
    {
        try
        {
            foreach (var (from, to) in span.Batches(batchSize))
            {
                var batch = new MediationCase[to - from];
                Parallel.For(from, to, new ParallelOptions { CancellationToken = ct }, i =>
                {
                    // A Faker costs about 1 ms to make (its zh_CN data sets); one per thread, given the case's own seed.
                    var f = Fakers.Value!;
                    f.Random = new Randomizer(SpanSeed + i);
                    var daysAgo = span.DaysAgo(i);
                    batch[i - from] = new CaseStory(town, SpanStory(f, daysAgo), i, nowUtc, f, daysAgo, committees).Play();
                });
                await batches.WriteAsync(batch, ct);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
        }
    }

    /// <summary>A story for a case filed <paramref name="daysAgo"/> days ago, as often as in the demo town among those its age allows.</summary>
    private static Story SpanStory(Faker f, int daysAgo)
    {
        var (stories, weights) = Fitting.ByAge[Math.Min(daysAgo, Fitting.ByAge.Length - 1)];
        return f.PickWeighted(stories, weights);
    }

    /// <summary>The stories that fit each age in days, with their weights, worked out once (past the last bound of <see cref="StoryAges"/> all ages are alike).</summary>
    private static class Fitting
    {
        public static readonly (Story[] Stories, float[] Weights)[] ByAge = [.. Enumerable.Range(0, 122).Select(daysAgo =>
        {
            var fitting = StoryCounts.Where(s => StoryAges(s.Story) is var (min, max) && daysAgo >= min && daysAgo <= max).ToArray();
            return (fitting.Select(s => s.Story).ToArray(), fitting.Select(s => (float)s.Count).ToArray());
        })];
    }

    /// <summary>
    /// How old a case of each story can be today (the demo town's ages, <see cref="CaseStory"/>): an open story is recent; a
    /// story that ends in a conclusion can be of any age, and a recent one simply stops where it would be today.
    /// </summary>
    private static (int Min, int Max) StoryAges(Story story) => story switch
    {
        Story.StillFiled => (0, 5),
        Story.ReferralPending => (16, 40),
        Story.StillMediating => (3, 80),
        Story.ReopenedStillMediating => (70, 120),
        _ => (0, int.MaxValue),
    };

    /// <summary>The filing days: case <c>i</c> of <c>count</c> on the <c>i·days/count</c>-th day of the span, oldest first.</summary>
    private sealed class Span(int count, DateOnly today, int years)
    {
        private readonly int _days = today.DayNumber - today.AddYears(-years).DayNumber;

        public int DaysAgo(int index) => _days - 1 - (int)((long)index * _days / count);

        /// <summary>Consecutive ranges of about <paramref name="size"/> cases, each ending at the end of a day.</summary>
        public IEnumerable<(int From, int To)> Batches(int size)
        {
            var from = 0;
            while (from < count)
            {
                var to = Math.Min(count, from + size);
                while (to < count && DaysAgo(to) == DaysAgo(to - 1))
                {
                    to++;
                }

                yield return (from, to);
                from = to;
            }
        }
    }
}
