using System.Collections.Immutable;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.Uncertainty;

/// <summary>Which uncertainty the intervals express.</summary>
[Flags]
public enum IntervalKind
{
    /// <summary>
    /// Sampling uncertainty of the evidence: a Poisson bootstrap over evidence items (each item appears a Poisson(1)
    /// number of times in a draw and keeps its confidence).
    /// </summary>
    Bootstrap = 1,

    /// <summary>Uncertainty of the model's constants: Monte Carlo over the weights and scale constants within their ranges.</summary>
    MonteCarlo = 2,

    /// <summary>Both at once: each draw resamples the evidence and perturbs the options.</summary>
    Both = Bootstrap | MonteCarlo,
}

/// <summary>How intervals are computed (see <see href="https://github.com/influence-research/influence/blob/main/docs/uncertainty.md">docs/uncertainty.md</see>). Immutable; every value is validated when set.</summary>
public sealed record IntervalOptions
{
    /// <summary>
    /// The kinds that record events: support, coercion, demands, presence, overreach and commitments. Observations of a
    /// state of the world (capabilities, attainment, indicators) are not resampled by default: leaving out a
    /// dyad's only capability observation makes power asymmetry undefined rather than uncertain, so the draws would
    /// measure whether a value exists, not how sure it is. Their uncertainty enters through their confidence weights
    /// in the Monte Carlo; add their kinds here to resample them too.
    /// </summary>
    public static ImmutableArray<EvidenceKind> EventKinds { get; } =
        [EvidenceKind.Support, EvidenceKind.Coercion, EvidenceKind.Demand, EvidenceKind.Presence, EvidenceKind.Overreach, EvidenceKind.Commitment];

    /// <summary>The defaults: 200 draws, seed 1, 90% percentile intervals, bootstrap and Monte Carlo together.</summary>
    public static IntervalOptions Default { get; } = new();

    /// <summary>The number of draws (default 200; at least 2).</summary>
    /// <remarks>
    /// The Monte Carlo error of a 5% or 95% percentile from N draws is about √(0.05 · 0.95 / N) in probability: ±1.5
    /// percentage points at 200 draws, ±0.7 at 1000. Use 1000 or more for a published table.
    /// </remarks>
    public int Draws
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Draws), $"Draws must be ≥ 2; was {value}");
    } = 200;

    /// <summary>The seed (default 1). The same seed and number of draws give the same bytes, whatever the thread count.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The coverage of the percentile intervals, in (0, 0.999] (default 0.9: the 5th and 95th percentiles).</summary>
    /// <remarks>
    /// The same rule as every coverage the library takes (<see cref="TimeSeries.Trends"/>' level,
    /// <see cref="Scoring.InputEfficiencyOptions.IntervalLevel"/>, <see cref="Scoring.IntervalSource.Level"/>, which records
    /// this one): above 0.999 the Student-t quantiles the other two use fail or drift for few degrees of freedom, and
    /// percentiles of the draws say no more there (at 0.999 the ends are the 0.05th and 99.95th percentiles, which
    /// fewer than 2001 draws place between their two smallest and between their two largest values).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 0.999].</exception>
    public double Level
    {
        get;
        init => field = Check.Level(value) is { } expected ? throw new ArgumentOutOfRangeException(nameof(Level), $"Level must be {expected}") : value;
    } = 0.9;

    /// <summary>Which uncertainty to express (default both).</summary>
    public IntervalKind Kind
    {
        get;
        init => field = value is IntervalKind.Bootstrap or IntervalKind.MonteCarlo or IntervalKind.Both
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Kind), $"Kind must be Bootstrap, MonteCarlo or Both; was {value}");
    } = IntervalKind.Both;

    /// <summary>The ranges the Monte Carlo draws options from (default <see cref="PerturbationRanges.Default"/>).</summary>
    public PerturbationRanges Ranges { get; init => field = value ?? throw new ArgumentNullException(nameof(Ranges)); } = PerturbationRanges.Default;

    /// <summary>The options the Monte Carlo varies (default <see cref="OptionKnob.MonteCarloDefault"/>: weights and scale constants).</summary>
    public ImmutableArray<OptionKnob> Knobs { get; init => field = value.IsDefault ? OptionKnob.MonteCarloDefault : value; } = OptionKnob.MonteCarloDefault;

    /// <summary>
    /// The kinds of evidence the bootstrap resamples (default <see cref="EventKinds"/>); items of other kinds appear
    /// once in every draw.
    /// </summary>
    public ImmutableArray<EvidenceKind> ResampledKinds { get; init => field = value.IsDefault ? EventKinds : value; } = EventKinds;

    /// <summary>The method's name as written in output: <c>bootstrap</c>, <c>montecarlo</c> or <c>bootstrap+montecarlo</c>.</summary>
    public string MethodName => Kind switch
    {
        IntervalKind.Bootstrap => "bootstrap",
        IntervalKind.MonteCarlo => "montecarlo",
        _ => "bootstrap+montecarlo",
    };

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Knobs"/> and <see cref="ResampledKinds"/> by their contents, in order.</remarks>
    public bool Equals(IntervalOptions? other) =>
        other is not null && Draws == other.Draws && Seed == other.Seed && Level.Equals(other.Level) && Kind == other.Kind
        && Ranges == other.Ranges && Records.SequenceEqual(Knobs, other.Knobs) && Records.SequenceEqual(ResampledKinds, other.ResampledKinds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Draws, Seed, Level, Kind, Ranges, Records.SequenceHash(Knobs), Records.SequenceHash(ResampledKinds));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Draws), Draws).Add(nameof(Seed), Seed).Add(nameof(Level), Level).Add(nameof(Kind), Kind)
            .Add(nameof(Ranges), Ranges).Add(nameof(Knobs), Knobs).Add(nameof(ResampledKinds), ResampledKinds).Add(nameof(MethodName), MethodName);
        return true;
    }
}
