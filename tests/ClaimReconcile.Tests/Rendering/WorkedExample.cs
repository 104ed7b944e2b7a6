using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Rendering;

/// <summary>The worked example, reconciled once with a fixed clock, for the renderer tests.</summary>
internal static class WorkedExample
{
    public static FakeClock Clock { get; } = new(Instant.FromUtc(2026, 1, 1, 0, 0));

    public static ClaimSetReadResult Read { get; } = ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample));

    public static ReconciliationReport Report { get; } = new Reconciler(clock: Clock).Reconcile(Read);
}
