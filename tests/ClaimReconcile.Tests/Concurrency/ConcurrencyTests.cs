using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Hostile;
using ClaimReconcile.Tests.Properties;
using ClaimReconcile.Tests.Support;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ClaimReconcile.Tests.Concurrency;

/// <summary>
/// One reconciler (and the static reader) used from many threads at once gives exactly what sequential use gives, and the
/// DI singletons are one instance each, however many threads ask for them first.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    /// <summary>The worked example, readable corpus files and generated claim sets: varied work for the threads.</summary>
    private static readonly Lazy<List<byte[]>> Inputs = new(() =>
    {
        var inputs = new List<byte[]> { File.ReadAllBytes(TestPaths.WorkedExample) };
        inputs.AddRange(new[] { "unknown-fields", "date-extremes", "mixed-kinds-one-question", "cycle-four-sources", "number-huge", "nulls-in-arrays" }
            .Select(name => File.ReadAllBytes(Path.Combine(HostileCorpus.Directory, name + ".json"))));
        inputs.AddRange(ClaimSetGenerators.Sets().Generator.Sample(12, new FsCheck.Rnd(42), 20).Select(set => System.Text.Encoding.UTF8.GetBytes(set.ToString())));
        return inputs;
    });

    [Fact]
    public void Reconcile_OneInstanceFromManyThreads_GivesSequentialResults()
    {
        var reconciler = Some.Reconciler();
        var expected = Inputs.Value.Select(bytes => ReportJson.Write(reconciler.Reconcile(ClaimSetJson.Read(bytes)))).ToList();

        var actual = RunOnThreads(thread => Inputs.Value
            .Select((bytes, i) => (bytes, i)).OrderBy(x => (x.i * 7) + thread) // each thread in its own order
            .Select(x => (x.i, ReportJson.Write(reconciler.Reconcile(ClaimSetJson.Read(x.bytes))))).ToList());

        Assert.All(actual.SelectMany(results => results), result => Assert.Equal(expected[result.Item1], result.Item2));
        Assert.Equal(Threads * expected.Count, actual.Sum(results => results.Count));
    }

    [Fact]
    public void ReadFromStream_ManyThreadsAtOnce_GiveSequentialResults()
    {
        var expected = Inputs.Value.Select(bytes => ClaimSetJson.Read(bytes).Issues).ToList();

        var actual = RunOnThreads(thread => Inputs.Value.Select((bytes, i) => (i, ClaimSetJson.Read(new TrickleStream(bytes, 97 + thread)).Issues)).ToList());

        Assert.All(actual.SelectMany(results => results), result => Assert.Equal(expected[result.Item1], result.Item2));
    }

    [Fact]
    public void AddClaimReconcile_SingletonsResolvedFromManyThreads_AreOneInstanceEachAndAgree()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(Some.Clock)
            .AddClaimReconcile(o => o.Reading = new ClaimSetReadOptions { MaxClaims = 100_000 })
            .BuildServiceProvider();
        var input = File.ReadAllBytes(TestPaths.WorkedExample);
        var expected = ReportJson.Write(Some.Reconciler().Reconcile(ClaimSetJson.Read(input)));

        var resolved = RunOnThreads(_ =>
        {
            var reconciler = provider.GetRequiredService<Reconciler>();
            var limits = provider.GetRequiredService<ClaimSetReadOptions>();
            return (reconciler, limits, Json: ReportJson.Write(reconciler.Reconcile(ClaimSetJson.Read(input, limits))));
        });

        Assert.All(resolved, r => Assert.Same(resolved[0].reconciler, r.reconciler));
        Assert.All(resolved, r => Assert.Same(resolved[0].limits, r.limits));
        Assert.All(resolved, r => Assert.Equal(expected, r.Json));
        Assert.Equal(100_000, resolved[0].limits.MaxClaims);
    }

    /// <summary>Runs <paramref name="work"/> on <see cref="Threads"/> threads released together by a barrier.</summary>
    private static List<T> RunOnThreads<T>(Func<int, T> work)
    {
        using var barrier = new Barrier(Threads);
        var results = new T[Threads];
        var failures = new Exception?[Threads];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            barrier.SignalAndWait();
            try
            {
                results[t] = work(t);
            }
#pragma warning disable CA1031 // Carried to the test thread below; an exception escaping a thread would end the test run.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures[t] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.All(failures, Assert.Null);
        return [.. results];
    }
}
