using NodaTime;

namespace ClaimReconcile.Cli;

/// <summary>What a run of the command line takes from its environment; tests replace it.</summary>
/// <param name="Clock">"Today" when <c>--today</c> is not given.</param>
/// <param name="ProgressAfter">How long a run may take before it reports progress on standard error.</param>
internal sealed record CliSettings(IClock Clock, TimeSpan ProgressAfter)
{
    public static CliSettings Default { get; } = new(SystemClock.Instance, TimeSpan.FromSeconds(1));
}
