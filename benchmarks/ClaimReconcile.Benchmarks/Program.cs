using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using ClaimReconcile;
using ClaimReconcile.Benchmarks;
using ClaimReconcile.Estimation;
using ClaimReconcile.Serialization;

if (args is ["generate", var count, var target, ..])
{
    // Writes a claim set for the end-to-end CLI measurement: generate 1000000 claims.json
    var set = new SyntheticClaims(int.Parse(count, CultureInfo.InvariantCulture)).Generate();
    SyntheticClaims.WriteCompact(set, target);
    Console.WriteLine($"{set.Claims.Length} claims, {set.Sources.Length} sources, {new FileInfo(target).Length / 1e6:0.0} MB: {target}");
    return 0;
}

if (args is ["profile", var what, ..])
{
    // A quick look without BenchmarkDotNet: one timed run of each step, on generated claims or a claimset file.
    // profile 1000000 [--min-shared-false 3] [--estimator vote|without-copying] [--runs 5 [--stages]]: the first option sets
    // TruthDiscoveryOptions.MinSharedFalse for every run; the second picks the majority vote, or truth discovery with copy
    // detection off; the third reconciles and takes the floor that many times more, once the code is warm, and prints the
    // processor time of each beside its wall time; with --stages, also each stage's, and with truth discovery each part of its
    // estimate (how many steps each iteration took).
    var path = what;
    var options = new ReconcilerOptions();
    if (Option("--min-shared-false") is { } minShared)
    {
        options.TruthDiscovery.MinSharedFalse = double.Parse(minShared, CultureInfo.InvariantCulture);
    }

    switch (Option("--estimator"))
    {
        case null or "truth-discovery":
            break;
        case "without-copying":
            options.TruthDiscovery.DetectCopying = false;
            break;
        case "vote":
            options.Estimator = MajorityVoteEstimator.Instance;
            break;
        case var other:
            Console.Error.WriteLine($"profile: unknown --estimator \"{other}\" (truth-discovery, without-copying or vote)");
            return 2;
    }

    var stages = args.Contains("--stages") ? new StageClock() : null;
    if (stages is not null && options.Estimator is null)
    {
        // Truth discovery, telling the clock of each part of its estimate.
        options.Estimator = new TruthDiscoveryEstimator(options.TruthDiscovery) { PartDone = stages.PartDone };
    }

    var reconciler = new Reconciler(options);
    if (int.TryParse(what, CultureInfo.InvariantCulture, out var size))
    {
        path = Path.Combine(Path.GetTempPath(), $"claimreconcile-profile-{size}.json");
        SyntheticClaims.WriteCompact(new SyntheticClaims(size).Generate(), path);
    }

    var watch = Stopwatch.StartNew();
    ClaimSetReadResult read;
    using (var file = File.OpenRead(path))
    {
        read = ClaimSetJson.Read(file);
    }

    Console.WriteLine($"read: {watch.ElapsedMilliseconds} ms ({read.ClaimSet.Claims.Length} claims)");
    watch.Restart();
    var floor = Floor.Of(read.ClaimSet);
    Console.WriteLine($"floor: {watch.ElapsedMilliseconds} ms ({floor} questions)");
    watch.Restart();
    var (paused, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
    var report = reconciler.Reconcile(read);
    Console.WriteLine($"reconcile: {watch.ElapsedMilliseconds} ms ({report.Summary.Groups} groups, {report.Summary.Conflicts} conflicts; "
        + $"the garbage collector paused it {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms, {GC.CollectionCount(2) - collections} full collections)");
    watch.Restart();
    ReportJson.Write(report, Stream.Null);
    Console.WriteLine($"write: {watch.ElapsedMilliseconds} ms");
    var runs = Option("--runs") is { } runCount ? int.Parse(runCount, CultureInfo.InvariantCulture) : 0;
    for (var run = 1; run <= runs; run++)
    {
        // Processor time counts every thread of the process: both cores, the collector's and the compiler's.
        var (reconcile, reconcileCpu, pause) = Measure(() => stages is null ? reconciler.Reconcile(read) : stages.Time(reconciler, read));
        var (floorTime, floorCpu, _) = Measure(() => Floor.Of(read.ClaimSet));
        Console.WriteLine(FormattableString.Invariant($"run {run}: reconcile {reconcile:0} ms, {reconcileCpu:0} ms of processor time ({reconcileCpu / reconcile:0.00} cores busy), the collector paused it {pause:0} ms; ")
            + FormattableString.Invariant($"floor {floorTime:0} ms ({floorCpu:0} ms of processor time): {reconcile / floorTime:0.0} floors, {reconcileCpu / floorCpu:0.0} in processor time"));
        if (stages is not null)
        {
            Console.WriteLine($"  stages: {stages.Last()}");
            if (stages.LastParts() is { Length: > 0 } parts)
            {
                Console.WriteLine($"  estimate: {parts}");
            }
        }
    }

    if (stages is not null && runs > 1)
    {
        Console.WriteLine($"stages, median of {runs} runs: {stages.Medians()}");
        if (stages.LastParts() is { Length: > 0 })
        {
            Console.WriteLine($"estimate, median of {runs} runs: {stages.PartMedians()}");
        }
    }

    watch.Restart();
    var session = reconciler.Open(read.ClaimSet);
    Console.WriteLine($"open a session: {watch.ElapsedMilliseconds} ms");
    var moving = read.ClaimSet.Claims[read.ClaimSet.Claims.Length / 2];
    Console.WriteLine($"single-claim updates: {Updates(session)}");
    Console.WriteLine($"single-claim updates, settling locally: {Updates(reconciler.Open(read.ClaimSet, SessionSettling.Local))}");
    Console.WriteLine($"dependent source pairs found: {report.Sources.Sum(s => s.DetectedDependence.Length) / 2}");
    Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
    return 0;

    string? Option(string name) => args.Skip(2).SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    static (double Wall, double Cpu, double Paused) Measure(Func<object> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (cpu, paused, wall) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), Stopwatch.StartNew());
        GC.KeepAlive(work());
        return (wall.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }

    // Ten single-claim updates, withdrawing the claim and adding it back in turn: their times and the last update.
    string Updates(ReconciliationSession open)
    {
        var times = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            watch.Restart();
            _ = i % 2 == 0 ? open.Withdraw(moving.Id!) : open.Add(moving);
            times.Add(watch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
        }

        return $"{string.Join(", ", times)} ms ({open.LastUpdate})";
    }
}

if (args is ["profile-updates", var updateSize, ..])
{
    // Many single-claim updates on one open session, for profiling updates alone: profile-updates 1000000 [updates] [--full].
    // One claim is withdrawn and added back in turn, as in IncrementalBenchmarks; the session settles locally unless --full.
    var updates = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var asked) ? asked : 300;
    var settling = args.Contains("--full") ? SessionSettling.Full : SessionSettling.Local;
    var set = new SyntheticClaims(int.Parse(updateSize, CultureInfo.InvariantCulture)).Generate();
    var session = new Reconciler().Open(set, settling);
    var moving = set.Claims[set.Claims.Length / 2];
    var times = new double[updates];
    var (paused, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
    var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var all = Stopwatch.StartNew();
    for (var i = 0; i < updates; i++)
    {
        var watch = Stopwatch.StartNew();
        _ = i % 2 == 0 ? session.Withdraw(moving.Id!) : session.Add(moving);
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    var total = all.Elapsed.TotalMilliseconds;
    Array.Sort(times);
    var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{updates} updates settling {(settling == SessionSettling.Local ? "locally" : "in full")} at {set.Claims.Length} claims: mean {total / updates:0.0} ms, median {times[updates / 2]:0.0} ms, fastest {times[0]:0.0} ms (incremental: {session.LastUpdate.Incremental})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"garbage collector: paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms in all; collections of generation 0/1/2: {string.Join("/", collections.Select((c, g) => GC.CollectionCount(g) - c))}; {(GC.GetTotalAllocatedBytes() - allocated) / 1e6 / updates:0.00} MB allocated per update"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"last quick collection: generation {last.Generation}, paused {last.PauseDurations[0].TotalMilliseconds:0.0} ms, promoted {last.PromotedBytes / 1e6:0.0} MB"));
    return 0;
}

if (args is ["cli", var claimCount, ..])
{
    // The end-to-end measurement of the built command line: cli 1000000 [runs] [--cli path/to/ClaimReconcile.Cli.dll]
    var rest = args[2..];
    var cliAt = Array.IndexOf(rest, "--cli");
    var cli = cliAt >= 0 && cliAt + 1 < rest.Length ? rest[cliAt + 1] : null;
    var runs = rest.Length > 0 && cliAt != 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 3;
    return CliMeasurement.Run(int.Parse(claimCount, CultureInfo.InvariantCulture), runs, cli, Console.Out);
}

if (args is ["publish-results", ..])
{
    // Copies BenchmarkDotNet's GitHub Markdown reports into benchmarks/results: publish-results [artifacts folder]
    return Repository.PublishResults(args.Length > 1 ? args[1] : "BenchmarkDotNet.Artifacts", Console.Out);
}

var config = Suite.Configure(ref args);
BenchmarkSwitcher.FromAssembly(typeof(SyntheticClaims).Assembly).Run(args, config);
return 0;
