using System.Globalization;

namespace Influence.Benchmarks;

/// <summary>
/// The sizes benchmarks run at. The suite's sizes are the defaults; the environment variable
/// <c>INFLUENCE_BENCH_DYAD_PERIODS</c> (comma-separated) replaces them, for example with <c>1000</c> for a smoke run.
/// </summary>
public static class Sizes
{
    /// <summary>The environment variable that overrides the sizes.</summary>
    public const string Variable = "INFLUENCE_BENCH_DYAD_PERIODS";

    /// <summary>Dyad-periods for the engine and DuckDB: 10⁴, 10⁵, 10⁶ (about ten evidence items each).</summary>
    public static IEnumerable<int> DyadPeriods => Override() ?? [10_000, 100_000, 1_000_000];

    /// <summary>Dyad-periods for the naive LINQ baseline: 10⁴ and 10⁵ (10⁶ takes several minutes a run; see README).</summary>
    public static IEnumerable<int> NaiveDyadPeriods => Override() ?? [10_000, 100_000];

    /// <summary>Evidence items for reading a case file: 10⁴, 10⁵, 10⁶.</summary>
    public static IEnumerable<int> FileEvidence => Override()?.Select(x => x * 10) ?? [10_000, 100_000, 1_000_000];

    private static int[]? Override() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : null;
}
