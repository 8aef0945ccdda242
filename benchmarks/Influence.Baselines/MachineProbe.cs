using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Influence.Baselines;

/// <summary>
/// Two short probes of the machine a bench runs on, so that two bench reports can be told apart when the machine, not
/// the code, changed between them: the cost of touching fresh memory (the kernel handing the process new pages,
/// which a scoring at 10⁷ items does for about 1 GB) and a fixed single-threaded workload (sorting the same 2²¹
/// numbers). Neither touches the engine. On a shared virtual machine both moved by 1.8× to 10× from one day to the
/// next while the code stood still (docs/performance.md, "Page faults").
/// </summary>
public static class MachineProbe
{
    /// <summary>How much fresh memory the memory probe touches per run: above the C library's largest threshold for
    /// serving an allocation from memory it already holds (32 MiB), so every run gets pages new to the process.</summary>
    public const int MemoryBytes = 64 << 20;

    /// <summary>How many numbers the sort probe sorts.</summary>
    public const int SortCount = 1 << 21;

    private const int Runs = 3;

    private const int PageBytes = 4096;

    /// <summary>
    /// Seconds per GB (10⁹ bytes) to touch fresh memory: the best of three runs, each allocating
    /// <see cref="MemoryBytes"/> of native memory, writing one byte in each 4 KiB page and freeing it.
    /// </summary>
    /// <returns>The seconds per GB.</returns>
    public static unsafe double FreshMemorySecondsPerGb()
    {
        var best = double.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var memory = (byte*)NativeMemory.Alloc(MemoryBytes);
            try
            {
                for (var offset = 0; offset < MemoryBytes; offset += PageBytes)
                {
                    memory[offset] = 1;
                }

                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            finally
            {
                NativeMemory.Free(memory);
            }
        }

        return best * 1e9 / MemoryBytes;
    }

    /// <summary>
    /// Seconds to sort <see cref="SortCount"/> numbers on one thread: the best of three runs, each sorting the same
    /// numbers (a fixed sequence, the same on every machine), in an array allocated and touched before the clock starts.
    /// </summary>
    /// <returns>The seconds.</returns>
    public static double SortSeconds()
    {
        var source = new double[SortCount];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < source.Length; i++)
        {
            // xorshift64: the same numbers everywhere, no library's generator to change under the probe.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            source[i] = (state >> 11) * (1.0 / (1UL << 53));
        }

        var work = new double[SortCount];
        var best = double.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            source.CopyTo(work, 0);
            var clock = Stopwatch.StartNew();
            Array.Sort(work);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }
}
