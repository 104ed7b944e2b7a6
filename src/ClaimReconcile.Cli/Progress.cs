using System.Diagnostics;
using System.Globalization;

namespace ClaimReconcile.Cli;

/// <summary>
/// Tells a person waiting at a terminal what a slow run is doing: silent for runs shorter than the threshold,
/// then one line per second (and per new stage) on standard error, and the total time at the end.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly TextWriter _error;
    private readonly TimeSpan _after;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private string _stage = "starting";
    private bool _spoke;
    private bool _disposed;

    public Progress(TextWriter error, TimeSpan after)
    {
        _error = error;
        _after = after;
        var period = TimeSpan.FromSeconds(1);
        _timer = new Timer(_ => Tick(), null, after > TimeSpan.Zero ? after : period, period);
    }

    /// <summary>Enters a stage; says so at once when the run is already past the threshold.</summary>
    public void Stage(string stage)
    {
        lock (_lock)
        {
            _stage = stage;
            if (_watch.Elapsed >= _after)
            {
                Say();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            if (_spoke)
            {
                _error.WriteLine($"claimreconcile: done in {Seconds()} s");
            }
        }
    }

    private void Tick()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                Say();
            }
        }
    }

    private void Say()
    {
        _spoke = true;
        _error.WriteLine($"claimreconcile: {_stage}… ({Seconds()} s)");
    }

    private string Seconds() => _watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
