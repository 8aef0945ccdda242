using Influence.Internal;

namespace Influence.Scoring;

/// <summary>
/// Where a score set's intervals come from when they were computed by re-scoring the case many times (see
/// <c>Influence.Uncertainty.Intervals</c> and <see href="https://github.com/influence-research/influence/blob/main/docs/uncertainty.md">docs/uncertainty.md</see>).
/// </summary>
/// <param name="Method"><c>bootstrap</c>, <c>montecarlo</c> or <c>bootstrap+montecarlo</c>.</param>
/// <param name="Draws">The number of draws.</param>
/// <param name="Seed">The seed: the same seed and draws give the same bytes.</param>
/// <param name="Level">The coverage of the percentile intervals (for example 0.9).</param>
/// <exception cref="ArgumentException"><paramref name="Method"/> is empty.</exception>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Draws"/> is below 1, or <paramref name="Level"/> is not a coverage in (0, 0.999].</exception>
public sealed record IntervalSource(string Method, int Draws, ulong Seed, double Level)
{
    /// <summary><c>bootstrap</c>, <c>montecarlo</c> or <c>bootstrap+montecarlo</c>.</summary>
    public string Method { get; init => field = Check.RequiredTextOrThrow(value, nameof(Method), nameof(Method)); } =
        Check.RequiredTextOrThrow(Method, nameof(Method), nameof(Method));

    /// <summary>The number of draws.</summary>
    public int Draws { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Draws), value, "Draws must be ≥ 1"); } =
        Draws >= 1 ? Draws : throw new ArgumentOutOfRangeException(nameof(Draws), Draws, "Draws must be ≥ 1");

    /// <summary>The coverage of the percentile intervals (for example 0.9).</summary>
    public double Level { get; init => field = Checked(value, nameof(Level)); } = Checked(Level, nameof(Level));

    private static double Checked(double level, string name) =>
        Check.Level(level) is { } problem ? throw new ArgumentOutOfRangeException(name, $"{name} must be {problem}") : level;
}

/// <summary>How often the patron–client test held across the draws of an interval computation.</summary>
/// <param name="Holds">The share of draws in which every feature cleared its threshold.</param>
/// <param name="Fails">The share of draws in which a feature fell below its threshold.</param>
/// <param name="Undetermined">The share of draws in which a feature was undefined.</param>
/// <exception cref="ArgumentOutOfRangeException">A share is not a number in [0, 1].</exception>
public readonly record struct PatronClientShares(double Holds, double Fails, double Undetermined)
{
    /// <summary>The share of draws in which every feature cleared its threshold, in [0, 1].</summary>
    public double Holds { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Holds)); } = Check.UnitIntervalOrThrow(Holds, nameof(Holds));

    /// <summary>The share of draws in which a feature fell below its threshold, in [0, 1].</summary>
    public double Fails { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Fails)); } = Check.UnitIntervalOrThrow(Fails, nameof(Fails));

    /// <summary>The share of draws in which a feature was undefined, in [0, 1].</summary>
    public double Undetermined { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Undetermined)); } = Check.UnitIntervalOrThrow(Undetermined, nameof(Undetermined));

    /// <summary>The share of draws that gave a verdict (true, false or null).</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The share in [0, 1].</returns>
    public double Of(bool? verdict) => verdict switch
    {
        true => Holds,
        false => Fails,
        _ => Undetermined,
    };
}

/// <summary>How the outputs read a verdict's share of the draws.</summary>
public static class VerdictShares
{
    /// <summary>
    /// The share of draws below which a verdict is narrow (0.6): the score table then names the commonest other verdict
    /// beside it ("consolidated (51%; inverted 33%)"), and a chart's state strip draws it lighter and hatched, so that a
    /// narrow verdict is never shown alone (docs/uncertainty.md).
    /// </summary>
    public const double ClearMajority = 0.6;
}

/// <summary>How often each relationship state came out across the draws of an interval computation.</summary>
/// <param name="Consolidated">The share of draws classified consolidated.</param>
/// <param name="Contested">The share classified contested.</param>
/// <param name="Estranged">The share classified estranged.</param>
/// <param name="Dormant">The share classified dormant.</param>
/// <param name="Inverted">The share classified inverted.</param>
/// <param name="Unobserved">The share in which the dyad was not observed (no state).</param>
/// <exception cref="ArgumentOutOfRangeException">A share is not a number in [0, 1].</exception>
public readonly record struct StateShares(double Consolidated, double Contested, double Estranged, double Dormant, double Inverted, double Unobserved)
{
    /// <summary>The share of draws classified consolidated, in [0, 1].</summary>
    public double Consolidated { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Consolidated)); } = Check.UnitIntervalOrThrow(Consolidated, nameof(Consolidated));

    /// <summary>The share classified contested, in [0, 1].</summary>
    public double Contested { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Contested)); } = Check.UnitIntervalOrThrow(Contested, nameof(Contested));

    /// <summary>The share classified estranged, in [0, 1].</summary>
    public double Estranged { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Estranged)); } = Check.UnitIntervalOrThrow(Estranged, nameof(Estranged));

    /// <summary>The share classified dormant, in [0, 1].</summary>
    public double Dormant { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Dormant)); } = Check.UnitIntervalOrThrow(Dormant, nameof(Dormant));

    /// <summary>The share classified inverted, in [0, 1].</summary>
    public double Inverted { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Inverted)); } = Check.UnitIntervalOrThrow(Inverted, nameof(Inverted));

    /// <summary>The share in which the dyad was not observed (no state), in [0, 1].</summary>
    public double Unobserved { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Unobserved)); } = Check.UnitIntervalOrThrow(Unobserved, nameof(Unobserved));

    /// <summary>The share of draws in a state (null: unobserved).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The share in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is neither null nor one of the five states.</exception>
    public double Of(RelationshipState? state) => state switch
    {
        RelationshipState.Consolidated => Consolidated,
        RelationshipState.Contested => Contested,
        RelationshipState.Estranged => Estranged,
        RelationshipState.Dormant => Dormant,
        RelationshipState.Inverted => Inverted,
        null => Unobserved,
        _ => throw Check.Undefined(state.Value, nameof(state), "null (unobserved) or one of the five states"),
    };
}
