using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Influence.Generation;
using Influence.Scoring;

namespace Influence.Baselines;

/// <summary>What <see cref="BenchRunner"/> runs.</summary>
public sealed record BenchOptions
{
    /// <summary>The universe (actors, periods, evidence, seed); default 200 actors, 120 months, 400 000 items.</summary>
    public UniverseOptions Universe { get; init; } = new() { Actors = 200, Periods = 120, Evidence = 400_000, Seed = 1 };

    /// <summary>Threads for the engine and DuckDB (default: all processors).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether to run the DuckDB baseline (default true).</summary>
    public bool DuckDb { get; init; } = true;

    /// <summary>Whether to run the naive LINQ baseline (default true; it is slow beyond 10⁶ items).</summary>
    public bool Naive { get; init; } = true;
}

/// <summary>One step of a bench run, for progress displays.</summary>
/// <param name="Step">What is running.</param>
/// <param name="Done">How many steps are done.</param>
/// <param name="Total">How many steps there are.</param>
public sealed record BenchProgress(string Step, int Done, int Total);

/// <summary>
/// The figures of one bench run. Times are wall-clock seconds, the shortest of up to five runs that fit in about two
/// seconds (one run of naive LINQ), after a warm-up on a tiny universe and, for the engine, an untimed first scoring of
/// the same measures on the same universe (that of every measure is reported as
/// <see cref="BenchReport.EngineFirstRunSeconds"/>), so that the timed runs use code compiled for the sizes at hand, as
/// in a process that scores more than once.
/// </summary>
public sealed record BenchReport
{
    /// <summary>Evidence items in the universe.</summary>
    public long Evidence { get; init; }

    /// <summary>Dyad-periods scored (declared dyads × periods).</summary>
    public long DyadPeriods { get; init; }

    /// <summary>The engine scoring the baselines' six measures (index build included): the time the speedups compare.</summary>
    public double EngineSeconds { get; init; }

    /// <summary>The engine scoring every measure (index build included).</summary>
    public double EngineAllMeasuresSeconds { get; init; }

    /// <summary>
    /// The engine's first scoring of every measure on this universe, which is the warm-up of the timed runs: what a
    /// process that scores once pays, the just-in-time compiler's work for these sizes included.
    /// </summary>
    public double EngineFirstRunSeconds { get; init; }

    /// <summary>
    /// Processor seconds the process spent while the engine scored the baselines' measures (all threads): compared with
    /// <see cref="EngineSeconds"/>, it shows how much of the machine the run got.
    /// </summary>
    public double EngineCpuSeconds { get; init; }

    /// <summary>
    /// The engine scoring every measure except the network-based multilateral ones (alternative patrons, supplier
    /// concentration, dependence asymmetry, brokerage, reverse leverage), index build included.
    /// </summary>
    public double EngineCoreSeconds { get; init; }

    /// <summary>Evidence items per second for <see cref="EngineCoreSeconds"/>.</summary>
    public double CoreEvidencePerSecond { get; init; }

    /// <summary>Processor seconds while the engine scored every measure (all threads).</summary>
    public double EngineAllMeasuresCpuSeconds { get; init; }

    /// <summary>
    /// Of <see cref="EngineCpuSeconds"/>, the seconds spent in the operating system's kernel on the process's behalf:
    /// mostly handing it fresh memory (page faults), which is what it shows. A large share means the run was bound by
    /// the machine's memory handling, not by the engine's own work.
    /// </summary>
    public double EngineKernelCpuSeconds { get; init; }

    /// <summary>Of <see cref="EngineAllMeasuresCpuSeconds"/>, the seconds spent in the kernel (see <see cref="EngineKernelCpuSeconds"/>).</summary>
    public double EngineAllMeasuresKernelCpuSeconds { get; init; }

    /// <summary>The DuckDB query, reading the values back included, loading the data not (null when not run).</summary>
    public double? DuckdbSeconds { get; init; }

    /// <summary>Loading the case into DuckDB (null when not run).</summary>
    public double? DuckdbLoadSeconds { get; init; }

    /// <summary>The naive LINQ baseline (null when not run).</summary>
    public double? NaiveSeconds { get; init; }

    /// <summary>DuckDB seconds ÷ engine seconds, on the same measures.</summary>
    public double? SpeedupVsDuckdb { get; init; }

    /// <summary>Naive seconds ÷ engine seconds, on the same measures.</summary>
    public double? SpeedupVsNaive { get; init; }

    /// <summary>Evidence items per second, the engine scoring every measure end to end (index build included; the timed run, not the first).</summary>
    public double EvidencePerSecond { get; init; }

    /// <summary>The largest managed heap seen while the engine scored every measure (the case included).</summary>
    public long PeakManagedBytes { get; init; }

    /// <summary><see cref="PeakManagedBytes"/> ÷ evidence items.</summary>
    public double BytesPerEvidence { get; init; }

    /// <summary>Whether the engine, DuckDB and LINQ agree on every value within 1e-9 (and on which are undefined).</summary>
    public bool Agree { get; init; }

    /// <summary>The largest difference between the engine and a baseline.</summary>
    public double LargestDifference { get; init; }

    /// <summary>The managed size of the case: the evidence held as columns, with its ids.</summary>
    public long EvidenceColumnBytes { get; init; }

    /// <summary>The size of the output columns of every measure (values, and intervals where a measure has them).</summary>
    public long OutputColumnBytes { get; init; }

    /// <summary><see cref="PeakManagedBytes"/> ÷ (evidence + output columns); the target is at most 2.</summary>
    public double MemoryRatio { get; init; }

    /// <summary>Actors in the universe.</summary>
    public int Actors { get; init; }

    /// <summary>Periods in the universe.</summary>
    public int Periods { get; init; }

    /// <summary>Declared dyads.</summary>
    public int Dyads { get; init; }

    /// <summary>The universe's seed.</summary>
    public long Seed { get; init; }

    /// <summary>Threads used by the engine and DuckDB.</summary>
    public int Threads { get; init; }

    /// <summary>The measures the speedups compare.</summary>
    public IReadOnlyList<string> BaselineMeasures { get; init; } = Baseline.Measures;

    /// <summary>The one-minute load average when the run ended (Linux; null elsewhere): other processes share the processors.</summary>
    public double? LoadAverage { get; init; }

    /// <summary>The machine: processors, OS, runtime.</summary>
    public string Machine { get; init; } = "";

    /// <summary>
    /// Seconds per GB the machine took to hand the process fresh memory, by <see cref="MachineProbe.FreshMemorySecondsPerGb"/>
    /// at the start of the run: compare it between two reports before comparing their times.
    /// </summary>
    public double ProbeFreshMemorySecondsPerGb { get; init; }

    /// <summary>
    /// Seconds the machine took to sort a fixed 2²¹ numbers on one thread, by <see cref="MachineProbe.SortSeconds"/> at the
    /// start of the run: compare it between two reports before comparing their times.
    /// </summary>
    public double ProbeSortSeconds { get; init; }

    /// <summary>The report as indented JSON (camelCase keys).</summary>
    /// <returns>The JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>
/// Runs the engine and both baselines on one generated universe in one process, times each, measures the engine's
/// peak managed memory and checks that the three agree. The <c>influence bench</c> command and the benchmarks'
/// documentation use it.
/// </summary>
public static class BenchRunner
{
    private const int Steps = 7;

    /// <summary>Every built-in measure except the multilateral ones that read the actor network (patron share stays).</summary>
    private static readonly ScoringRequest CoreRequest = new()
    {
        Measures = [.. Theory.Measures.BuiltIn.Where(m => !Theory.Measures.Multilateral.Contains(m) || m is Theory.PatronShare).Select(m => m.Name)],
    };

    /// <summary>Runs a bench.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Told when each step starts (may be null).</param>
    /// <returns>The figures.</returns>
    public static BenchReport Run(BenchOptions options, Action<BenchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scoring = ScoringOptions.Default with { MaxDegreeOfParallelism = options.Threads };
        var step = 0;
        void Report(string what) => progress?.Invoke(new BenchProgress(what, step++, Steps));

        Report("probing the machine, warming up on a tiny universe");
        // The probes first: what the heap holds when the universe is generated and scored is then what it held before
        // the probes existed (the warm-up's leftovers, collected).
        var probeMemory = MachineProbe.FreshMemorySecondsPerGb();
        var probeSort = MachineProbe.SortSeconds();
        WarmUp(scoring, options);

        Report(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"generating {options.Universe.Evidence:N0} evidence items"));
        Collect();
        var before = GC.GetTotalMemory(true);
        var @case = UniverseGenerator.Generate(options.Universe);
        Collect();
        var caseBytes = GC.GetTotalMemory(true) - before;

        Report("engine, every measure");
        Collect();
        var clock = Stopwatch.StartNew();
        Scorer.Score(@case, scoring);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        Collect();
        ScoreSet all;
        long peak;
        using (var sampler = new HeapSampler())
        {
            all = Scorer.Score(@case, scoring);
            peak = sampler.Stop();
        }

        var outputBytes = all.DyadPeriods * 8L * (all.Measures.Length + (2 * all.Measures.Count(m => m is Theory.InputEfficiency)));
        var dyadPeriods = all.DyadPeriods;
        all = null!;

        // Timed without the heap sampler: its thread's work is not the engine's.
        var (allSeconds, allCpu, allKernel) = Best(() => Scorer.Score(@case, scoring));

        // Each subset is scored once untimed first, like every measure: a run of a few milliseconds is otherwise timed
        // while the runtime recompiles what the previous runs made hot, on one of the two cores.
        Scorer.Score(@case, scoring, CoreRequest);
        var (coreSeconds, _, _) = Best(() => Scorer.Score(@case, scoring, CoreRequest));

        Report("engine, the baselines' measures");
        ScoreSet? engineScores = Scorer.Score(@case, scoring, Baseline.EngineRequest);
        var engine = BaselineResult.FromEngine(engineScores);
        engineScores = null;
        var (engineSeconds, engineCpu, engineKernel) = Best(() => Scorer.Score(@case, scoring, Baseline.EngineRequest));

        double? duckSeconds = null, duckLoad = null, naiveSeconds = null;
        var agree = true;
        var largest = 0.0;
        Report(options.DuckDb ? "DuckDB SQL" : "DuckDB SQL (skipped)");
        if (options.DuckDb)
        {
            using var session = DuckDbBaseline.Load(@case, scoring);
            duckLoad = session.LoadTime.TotalSeconds;
            // Untimed first, as the engine's: the timed runs then compare warm with warm.
            var duck = session.Score();
            (duckSeconds, _, _) = Best(() => duck = session.Score());
            var a = engine.Compare(duck);
            agree &= a.Agree;
            largest = Math.Max(largest, a.LargestDifference);
        }

        Report(options.Naive ? "naive LINQ" : "naive LINQ (skipped)");
        if (options.Naive)
        {
            Collect();
            clock.Restart();
            var naive = NaiveLinqBaseline.Score(@case, scoring);
            naiveSeconds = clock.Elapsed.TotalSeconds;
            var a = engine.Compare(naive);
            agree &= a.Agree;
            largest = Math.Max(largest, a.LargestDifference);
        }

        Report("done");
        return new BenchReport
        {
            Evidence = @case.Evidence.Count,
            DyadPeriods = dyadPeriods,
            EngineSeconds = engineSeconds,
            EngineAllMeasuresSeconds = allSeconds,
            EngineFirstRunSeconds = firstSeconds,
            EngineCoreSeconds = coreSeconds,
            CoreEvidencePerSecond = @case.Evidence.Count / coreSeconds,
            EngineCpuSeconds = engineCpu,
            EngineAllMeasuresCpuSeconds = allCpu,
            EngineKernelCpuSeconds = engineKernel,
            EngineAllMeasuresKernelCpuSeconds = allKernel,
            DuckdbSeconds = duckSeconds,
            DuckdbLoadSeconds = duckLoad,
            NaiveSeconds = naiveSeconds,
            SpeedupVsDuckdb = duckSeconds / engineSeconds,
            SpeedupVsNaive = naiveSeconds / engineSeconds,
            EvidencePerSecond = @case.Evidence.Count / allSeconds,
            PeakManagedBytes = peak,
            BytesPerEvidence = @case.Evidence.Count == 0 ? 0 : (double)peak / @case.Evidence.Count,
            Agree = agree,
            LargestDifference = largest,
            EvidenceColumnBytes = caseBytes,
            OutputColumnBytes = outputBytes,
            MemoryRatio = (double)peak / (caseBytes + outputBytes),
            Actors = @case.Actors.Length,
            Periods = options.Universe.Periods,
            Dyads = @case.Dyads.Length,
            Seed = options.Universe.Seed,
            Threads = options.Threads,
            LoadAverage = LoadAverage(),
            ProbeFreshMemorySecondsPerGb = probeMemory,
            ProbeSortSeconds = probeSort,
            Machine = $"{Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}",
        };
    }

    private static void WarmUp(ScoringOptions scoring, BenchOptions options)
    {
        var tiny = UniverseGenerator.Generate(new UniverseOptions { Actors = 12, Periods = 24, Evidence = 2000, Seed = 99 });
        Scorer.Score(tiny, scoring, Baseline.EngineRequest);
        Scorer.Score(tiny, scoring);
        if (options.DuckDb)
        {
            using var session = DuckDbBaseline.Load(tiny, scoring);
            session.Score();
        }

        if (options.Naive)
        {
            NaiveLinqBaseline.Score(tiny, scoring);
        }
    }

    /// <summary>The process's processor seconds so far, all threads, and of those the kernel's, from one reading.</summary>
    private static (double Total, double Kernel) Cpu()
    {
        // One reading of both (Process's properties read them one at a time, so the kernel's could tick between the two
        // reads and exceed the total over a run of a few milliseconds).
        var usage = Environment.CpuUsage;
        return (usage.TotalTime.TotalSeconds, usage.PrivilegedTime.TotalSeconds);
    }

    /// <summary>
    /// The shortest of up to five runs of <paramref name="run"/>, as many as fit in about two seconds (one run when a
    /// run takes longer): the same rule for the engine and DuckDB, so that a run slowed by another process on this
    /// shared machine does not decide a ratio. With it, the processor seconds of that same run (all threads; the
    /// collections between runs are outside both), and of those the kernel's.
    /// </summary>
    private static (double Seconds, double CpuSeconds, double KernelSeconds) Best(Action run)
    {
        var (best, bestCpu, bestKernel) = (double.MaxValue, 0.0, 0.0);
        var spent = 0.0;
        for (var i = 0; i < 5 && (i == 0 || spent + best <= 2.0); i++)
        {
            Collect();
            var cpu = Cpu();
            var clock = Stopwatch.StartNew();
            run();
            var seconds = clock.Elapsed.TotalSeconds;
            var after = Cpu();
            if (seconds < best)
            {
                (best, bestCpu, bestKernel) = (seconds, after.Total - cpu.Total, after.Kernel - cpu.Kernel);
            }

            spent += seconds;
        }

        return (best, bestCpu, bestKernel);
    }

    private static double? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg")
                ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Samples the managed heap size every millisecond on a background thread and keeps the largest.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _peak = Math.Max(0, GC.GetTotalMemory(false));
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Observe();
                    Thread.Sleep(1);
                }
            })
            { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            Observe();
            return Interlocked.Read(ref _peak);
        }

        public void Dispose()
        {
            if (!_stop)
            {
                Stop();
            }
        }

        private void Observe()
        {
            // A reading below 0 is the runtime's miscount, not a heap size: under the regions GC, GetTotalMemory(false)
            // can count a retained gen-0 region's free space without its size and wrap (dotnet/runtime#106712). It is
            // left out rather than taken for a size.
            var now = GC.GetTotalMemory(false);
            if (now >= 0 && now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }
        }
    }
}
