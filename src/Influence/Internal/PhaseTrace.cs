using System.Diagnostics;

namespace Influence.Internal;

/// <summary>
/// Wall-clock and process CPU time of successive phases, the bytes allocated during each (by every thread), the
/// managed heap's size at the end of each (live and not yet collected objects alike) and the process's counts of
/// gen-0/1/2 collections so far, written to standard error when the environment variable
/// INFLUENCE_TRACE is set (read once per process); otherwise it does nothing. A diagnostic for whoever tunes the
/// engine (<see href="https://github.com/influence-research/influence/blob/main/docs/performance.md">docs/performance.md</see>, "Profiling"), not an API.
/// </summary>
internal sealed class PhaseTrace
{
    private readonly string _scope;
    private readonly Stopwatch _clock = new();
    private TimeSpan _cpu;
    private long _allocated;

    /// <summary>Starts timing the first phase of <paramref name="scope"/>.</summary>
    public PhaseTrace(string scope)
    {
        _scope = scope;
        if (Enabled)
        {
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _allocated = GC.GetTotalAllocatedBytes(precise: true);
            _clock.Start();
        }
    }

    /// <summary>Whether INFLUENCE_TRACE was set when the process first asked.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("INFLUENCE_TRACE") is not null;

    /// <summary>Ends the current phase, named <paramref name="what"/>, and starts the next.</summary>
    public void Lap(string what)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        Console.Error.WriteLine($"  {_scope}, {what}: {_clock.Elapsed.TotalMilliseconds:F1} ms wall, {(now - _cpu).TotalMilliseconds:F1} ms CPU, allocated {(allocated - _allocated) / (1 << 20)} MB, managed heap {GC.GetTotalMemory(false) / (1 << 20)} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        _cpu = now;
        _allocated = allocated;
        _clock.Restart();
    }
}
