#:project ../src/ClaimReconcile/ClaimReconcile.csproj
#:property NoWarn=CS1591
#:property PublishAot=false

// Measures what reading a claim set costs in memory: dotnet run benchmarks/reader-memory.cs -- <claims> [kept|rejected|skipped]
// Writes a claim set of <claims> claims to a temporary file, reads it as a stream and prints the input size, the managed
// memory still held by the result, the process's peak working set and the time. "kept": every claim is valid; "rejected":
// every claim has a bad duration (the reader keeps an issue, not the claim); "skipped": the same bytes sit in an unknown
// field that the reader skips. See docs/limits.md.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClaimReconcile.Serialization;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var mode = args.Length > 1 ? args[1] : "kept";
var file = Path.Combine(Path.GetTempPath(), $"claimreconcile-memory-{count}-{mode}.json");
using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
{
    writer.Write("{\"format\": \"claimset/1\", \"sources\": [{\"id\": \"zeit\"}, {\"id\": \"tsp\"}],\n");
    writer.Write(mode == "skipped" ? "\"unknown\": [\n" : "\"claims\": [\n");
    for (var i = 0; i < count; i++)
    {
        var duration = mode == "rejected" ? "five hours" : $"PT{1 + (i % 7)}H";
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"{(i == 0 ? "" : ",\n")}{{\"id\": \"c{i}\", \"source\": \"{(i % 2 == 0 ? "zeit" : "tsp")}\", \"subject\": \"talks-{i % 1000}\", \"property\": \"duration\", \"value\": {{\"duration\": \"{duration}\", \"hedge\": \"about\"}}, \"quote\": \"Die Gespräche dauerten etwa {1 + (i % 7)} Stunden.\"}}"));
    }

    writer.Write(mode == "skipped" ? "], \"claims\": []}\n" : "]}\n");
}

var size = new FileInfo(file).Length;
GC.Collect();
var baseline = GC.GetTotalMemory(forceFullCollection: true);
var clock = Stopwatch.StartNew();
ClaimSetReadResult read;
using (var stream = File.OpenRead(file))
{
    read = ClaimSetJson.Read(stream, new ClaimSetReadOptions { MaxInputBytes = 1L << 34 });
}

var elapsed = clock.Elapsed;
var held = GC.GetTotalMemory(forceFullCollection: true) - baseline;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{count} claims ({mode}): input {size / 1e6:0.0} MB; {read.ClaimSet.Claims.Length} kept, {read.RejectedClaims} rejected, {read.Issues.Length} issues; " +
    $"held {held / 1e6:0.0} MB ({(double)held / Math.Max(1, count):0} B per claim); peak working set {peak / 1e6:0} MB; {elapsed.TotalSeconds:0.00} s"));
GC.KeepAlive(read);
File.Delete(file);
