using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Influence.Benchmarks;

/// <summary>
/// The suite's default job: one launch, one warm-up and five measured iterations. The large sizes take seconds per
/// operation (minutes for the naive baseline), where many iterations add time and no information. A job given on the
/// command line (for example <c>--job dry</c>, or <c>--inProcess</c>) is used instead.
/// </summary>
public static class FewIterations
{
    /// <summary>The configuration: BenchmarkDotNet's defaults with the job above.</summary>
    public static IConfig Config { get; } = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("few"));

    /// <summary>
    /// Whether the command line names a job: <c>--job</c>, or <c>--inProcess</c>, from which BenchmarkDotNet makes an
    /// in-process job of its own (with <c>--launchCount</c>, <c>--warmupCount</c>, <c>--iterationCount</c>); the
    /// suite's out-of-process job is then not added beside it.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <returns>Whether a job is given.</returns>
    public static bool NamesAJob(IEnumerable<string> args) =>
        args.Any(a => a.Equals("--job", StringComparison.OrdinalIgnoreCase) || a == "-j" || a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase) || a == "-i"
            || a.StartsWith("--job=", StringComparison.OrdinalIgnoreCase));
}
