using CsCheck;
using FluentAssertions;
using Xunit.Abstractions;

namespace Influence.Tests.Support;

/// <summary>
/// How long the fuzzing and random-options tests run: a fixed number of inputs in the suite, or, with
/// <c>INFLUENCE_FUZZ_SECONDS=N</c>, N seconds per test (tests/README.md, "Fuzzing"). Pass <see cref="Iter"/> and
/// <see cref="Time"/> to CsCheck's <c>Sample</c>.
/// </summary>
internal static class FuzzTime
{
    /// <summary>The seconds per test from INFLUENCE_FUZZ_SECONDS, or null for the suite's short run.</summary>
    public static int? Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("INFLUENCE_FUZZ_SECONDS"), out var s) && s > 0 ? s : null;

    /// <summary><paramref name="iterations"/> for the short run; −1 (CsCheck: decided by the time) for a long one.</summary>
    public static long Iter(int iterations) => Seconds is null ? iterations : -1;

    /// <summary>−1 for the short run (CsCheck: no time limit); the seconds for a long one.</summary>
    public static int Time => Seconds ?? -1;

    /// <summary>
    /// Checks inputs drawn from <paramref name="gen"/> for the short run (<paramref name="iterations"/> inputs) or the
    /// long one, then writes how many were checked; a failure prints the input CsCheck shrank to, through
    /// <paramref name="print"/>, with its seed.
    /// </summary>
    public static void Sample<T>(Gen<T> gen, Action<T> check, int iterations, Func<T, string> print, ITestOutputHelper output)
    {
        var inputs = 0;
        gen.Sample(
            t =>
            {
                Interlocked.Increment(ref inputs);
                check(t);
            },
            iter: Iter(iterations),
            time: Time,
            print: print);
        output.WriteLine($"{inputs} inputs checked");
    }

    /// <summary>
    /// <see cref="Sample"/> for a grammar fuzzer: each input is made by <paramref name="make"/> from a seed and a number of
    /// faults, 0 in a quarter of the inputs (a valid input) and 1 to 3 in the rest.
    /// </summary>
    public static void SampleSeedsAndFaults<T>(Func<int, int, T> make, Action<T> check, Func<T, string> describe, int iterations, ITestOutputHelper output) =>
        Sample(
            Gen.Select(Gen.Int, Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[1, 3]))),
            t => check(make(t.Item1, t.Item2)),
            iterations,
            t => describe(make(t.Item1, t.Item2)),
            output);

    /// <summary>
    /// The guard of a grammar fuzzer: over <paramref name="inputs"/> one-fault inputs, every fault kind but the skipped
    /// ones is injected at least once, and each time seen (reported, or for a change the reader must accept, the input
    /// read). Without it the fuzzer could pass with a kind never injected, its rule never checked.
    /// </summary>
    /// <param name="inputs">How many one-fault inputs to make (seeds 0, 1, …).</param>
    /// <param name="faultsOf">The faults the input of a seed holds, each with whether the reader saw it.</param>
    /// <param name="skipped">Kinds not injected, each for a reason its fuzzer gives.</param>
    public static void EveryFaultKindIsInjectedAndSeen<TKind>(int inputs, Func<int, IEnumerable<(TKind Kind, bool Seen)>> faultsOf, IReadOnlySet<TKind> skipped)
        where TKind : struct, Enum
    {
        var produced = new Dictionary<TKind, int>();
        var seen = new Dictionary<TKind, int>();
        for (var seed = 0; seed < inputs; seed++)
        {
            foreach (var (kind, wasSeen) in faultsOf(seed))
            {
                produced[kind] = produced.GetValueOrDefault(kind) + 1;
                seen[kind] = seen.GetValueOrDefault(kind) + (wasSeen ? 1 : 0);
            }
        }

        foreach (var kind in Enum.GetValues<TKind>().Where(k => !skipped.Contains(k)))
        {
            produced.GetValueOrDefault(kind).Should().BeGreaterThan(0, $"fault {kind} is injected in {inputs} inputs");
            seen.GetValueOrDefault(kind).Should().Be(produced[kind], $"every fault {kind} is reported (or, for a change the reader accepts, the input is read)");
        }
    }
}
