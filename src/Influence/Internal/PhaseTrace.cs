using System.Diagnostics;

namespace Influence.Internal;

/// <summary>
/// Wall-clock and process CPU time of successive phases (and of it the kernel's, which is mostly page faults when a
/// phase writes fresh memory), the minor page faults during each (on Linux, where the process's /proc/self/stat gives
/// them), the bytes allocated during each (by every thread), the managed heap's size at the end of each (live and not
/// yet collected objects alike) and the process's counts of gen-0/1/2 collections so far, written to standard error
/// when the environment variable
/// INFLUENCE_TRACE is set (read once per process); otherwise it does nothing. A diagnostic for whoever tunes the
/// engine (<see href="https://github.com/influence-research/influence/blob/main/docs/performance.md">docs/performance.md</see>, "Profiling"), not an API.
/// </summary>
internal sealed class PhaseTrace
{
    private readonly string _scope;
    private readonly Stopwatch _clock = new();
    private TimeSpan _cpu;
    private TimeSpan _kernel;
    private long _faults;
    private long _allocated;

    /// <summary>Starts timing the first phase of <paramref name="scope"/>.</summary>
    public PhaseTrace(string scope)
    {
        _scope = scope;
        if (Enabled)
        {
            using var process = Process.GetCurrentProcess();
            (_cpu, _kernel, _faults) = (process.TotalProcessorTime, process.PrivilegedProcessorTime, MinorFaults());
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

        using var process = Process.GetCurrentProcess();
        var (now, kernel, faults) = (process.TotalProcessorTime, process.PrivilegedProcessorTime, MinorFaults());
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var faulted = faults >= 0 && _faults >= 0 ? $", {faults - _faults} page faults" : string.Empty;
        Console.Error.WriteLine(FormattableString.Invariant($"  {_scope}, {what}: {_clock.Elapsed.TotalMilliseconds:F1} ms wall, {(now - _cpu).TotalMilliseconds:F1} ms CPU (kernel {(kernel - _kernel).TotalMilliseconds:F1}{faulted}), allocated {(allocated - _allocated) / (1 << 20)} MB, managed heap {GC.GetTotalMemory(false) / (1 << 20)} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        (_cpu, _kernel, _faults) = (now, kernel, faults);
        _allocated = allocated;
        _clock.Restart();
    }

    /// <summary>
    /// The process's minor page faults so far (the tenth field of /proc/self/stat, counted after the command name,
    /// which is in parentheses and may hold spaces), or −1 where there is no such file.
    /// </summary>
    private static long MinorFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }
}
