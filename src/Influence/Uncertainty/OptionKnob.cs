using System.Collections.Immutable;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.Uncertainty;

/// <summary>What an option is, which decides how it is varied.</summary>
public enum OptionKind
{
    /// <summary>A saturation scale or decay constant (k in 1 − exp(−x / k), a half-life): varied by a factor, log-uniformly.</summary>
    Scale = 0,

    /// <summary>A weight in a formula (a confidence weight, λ, α, a formality level, partial credit): varied by adding ±δ.</summary>
    Weight,

    /// <summary>A window or look-back in years: varied by a factor, log-uniformly.</summary>
    Window,

    /// <summary>A threshold of a verdict (the patron–client test, the states, the red-line salience): varied by adding ±δ.</summary>
    Threshold,
}

/// <summary>
/// The ranges options are varied over, by the Monte Carlo intervals and the sensitivity analysis. Defaults: scales and
/// windows × [1/2, 2]; weights ± 0.15; thresholds ± 0.1 (each clipped to the option's own range).
/// </summary>
/// <remarks>
/// The ranges are judgements, not estimates: a factor of two on a saturation constant is "we do not know k better
/// than to within a factor of two"; ± 0.15 on a confidence weight keeps confirmed ≥ reported ≥ alleged at the
/// defaults (1, 0.7 ± 0.15, 0.4 ± 0.15), and on a formality treaty ≥ public agreement ≥ public pledge ≥ private
/// understanding (1, 0.7 ± 0.15, 0.4 ± 0.15, 0). Report them with any interval (<see href="https://github.com/influence-research/influence/blob/main/docs/uncertainty.md">docs/uncertainty.md</see>).
/// </remarks>
public sealed record PerturbationRanges
{
    /// <summary>The default ranges.</summary>
    public static PerturbationRanges Default { get; } = new();

    /// <summary>f: a scale k ranges over [k / f, k · f] (default 2).</summary>
    public double ScaleFactor { get; init => field = FactorOrThrow(value, nameof(ScaleFactor)); } = 2;

    /// <summary>f: a window w ranges over [w / f, w · f] (default 2).</summary>
    public double WindowFactor { get; init => field = FactorOrThrow(value, nameof(WindowFactor)); } = 2;

    /// <summary>δ: a weight w ranges over [w − δ, w + δ], clipped to the weight's range (default 0.15).</summary>
    public double WeightSpread { get; init => field = Check.UnitIntervalOrThrow(value, nameof(WeightSpread)); } = 0.15;

    /// <summary>δ: a threshold θ ranges over [θ − δ, θ + δ], clipped to [0, 1] (default 0.1).</summary>
    public double ThresholdSpread { get; init => field = Check.UnitIntervalOrThrow(value, nameof(ThresholdSpread)); } = 0.1;

    private static double FactorOrThrow(double value, string name) =>
        value >= 1 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, $"{name} must be a finite number ≥ 1; was {Check.Show(value)}");
}

/// <summary>
/// One numeric option of <see cref="ScoringOptions"/> that uncertainty and sensitivity analyses vary: its name (as
/// in the options, for example <c>Conflict.Scale</c>), its kind, how to read and set it, and its range.
/// </summary>
/// <remarks>
/// <see cref="All"/> lists every such option of the built-in measures. Options that are not numbers (custom
/// measures, the thread count) and the interval level of input efficiency are not varied; nor are the anchors of the
/// scales (the weight of confirmed items, 1; the formality of a treaty, 1, and of a private understanding, 0).
/// </remarks>
public sealed class OptionKnob
{
    private readonly Func<ScoringOptions, double> _get;
    private readonly Func<ScoringOptions, double, ScoringOptions> _set;
    private readonly Func<ScoringOptions, (double Low, double High)>? _bounds;

    private OptionKnob(string name, OptionKind kind, Func<ScoringOptions, double> get, Func<ScoringOptions, double, ScoringOptions> set, double max, Func<ScoringOptions, (double Low, double High)>? bounds = null)
    {
        Name = name;
        Kind = kind;
        _get = get;
        _set = set;
        Maximum = max;
        _bounds = bounds;
    }

    /// <summary>The option's path in <see cref="ScoringOptions"/>, for example <c>Conflict.Scale</c>.</summary>
    public string Name { get; }

    /// <summary>What the option is.</summary>
    public OptionKind Kind { get; }

    /// <summary>The largest value the option takes (1 for weights and thresholds in [0, 1]; +∞ otherwise).</summary>
    public double Maximum { get; }

    /// <summary>Every numeric option of the built-in measures, in the order of <see cref="ScoringOptions"/>.</summary>
    public static ImmutableArray<OptionKnob> All { get; } =
    [
        new("Confidence.Reported", OptionKind.Weight, o => o.Confidence.Reported, (o, v) => o with { Confidence = o.Confidence with { Reported = v } }, 1, o => (o.Confidence.Alleged, o.Confidence.Confirmed)),
        new("Confidence.Alleged", OptionKind.Weight, o => o.Confidence.Alleged, (o, v) => o with { Confidence = o.Confidence with { Alleged = v } }, 1, o => (0, o.Confidence.Reported)),
        new("Exchange.VolumeScale", OptionKind.Scale, o => o.Exchange.VolumeScale, (o, v) => o with { Exchange = o.Exchange with { VolumeScale = v } }, double.PositiveInfinity),
        new("Exchange.VolumeWindowYears", OptionKind.Window, o => o.Exchange.VolumeWindowYears, (o, v) => o with { Exchange = o.Exchange with { VolumeWindowYears = v } }, double.PositiveInfinity),
        new("Exchange.ReciprocityWindowYears", OptionKind.Window, o => o.Exchange.ReciprocityWindowYears, (o, v) => o with { Exchange = o.Exchange with { ReciprocityWindowYears = v } }, double.PositiveInfinity),
        new("Conflict.Scale", OptionKind.Scale, o => o.Conflict.Scale, (o, v) => o with { Conflict = o.Conflict with { Scale = v } }, double.PositiveInfinity),
        new("Conflict.WindowYears", OptionKind.Window, o => o.Conflict.WindowYears, (o, v) => o with { Conflict = o.Conflict with { WindowYears = v } }, double.PositiveInfinity),
        new("Conflict.DefianceWeight", OptionKind.Weight, o => o.Conflict.DefianceWeight, (o, v) => o with { Conflict = o.Conflict with { DefianceWeight = v } }, double.PositiveInfinity),
        new("DiffuseObligation.InformalityWeight", OptionKind.Weight, o => o.DiffuseObligation.InformalityWeight, (o, v) => o with { DiffuseObligation = o.DiffuseObligation with { InformalityWeight = v } }, 1),
        new("DiffuseObligation.VariabilityWindowYears", OptionKind.Window, o => o.DiffuseObligation.VariabilityWindowYears, (o, v) => o with { DiffuseObligation = o.DiffuseObligation with { VariabilityWindowYears = v } }, double.PositiveInfinity),
        new("DiffuseObligation.VariabilityStepYears", OptionKind.Window, o => o.DiffuseObligation.VariabilityStepYears, (o, v) => o with { DiffuseObligation = o.DiffuseObligation with { VariabilityStepYears = v } }, double.PositiveInfinity),
        new("DiffuseObligation.PublicAgreementFormality", OptionKind.Weight, o => o.DiffuseObligation.PublicAgreementFormality, (o, v) => o with { DiffuseObligation = o.DiffuseObligation with { PublicAgreementFormality = v } }, 1, o => (o.DiffuseObligation.PublicPledgeFormality, o.DiffuseObligation.TreatyFormality)),
        new("DiffuseObligation.PublicPledgeFormality", OptionKind.Weight, o => o.DiffuseObligation.PublicPledgeFormality, (o, v) => o with { DiffuseObligation = o.DiffuseObligation with { PublicPledgeFormality = v } }, 1, o => (o.DiffuseObligation.PrivateUnderstandingFormality, o.DiffuseObligation.PublicAgreementFormality)),
        new("Endurance.DurationScaleYears", OptionKind.Scale, o => o.Endurance.DurationScaleYears, (o, v) => o with { Endurance = o.Endurance with { DurationScaleYears = v } }, double.PositiveInfinity),
        new("Endurance.ContinuityWindowYears", OptionKind.Window, o => o.Endurance.ContinuityWindowYears, (o, v) => o with { Endurance = o.Endurance with { ContinuityWindowYears = v } }, double.PositiveInfinity),
        new("Endurance.ContinuityStepYears", OptionKind.Window, o => o.Endurance.ContinuityStepYears, (o, v) => o with { Endurance = o.Endurance with { ContinuityStepYears = v } }, double.PositiveInfinity),
        new("Endurance.BalanceHalfLifeYears", OptionKind.Scale, o => o.Endurance.BalanceHalfLifeYears, (o, v) => o with { Endurance = o.Endurance with { BalanceHalfLifeYears = v } }, double.PositiveInfinity),
        new("Attainment.LookbackYears", OptionKind.Window, o => o.Attainment.LookbackYears, (o, v) => o with { Attainment = o.Attainment with { LookbackYears = v } }, double.PositiveInfinity),
        new("Compliance.WindowYears", OptionKind.Window, o => o.Compliance.WindowYears, (o, v) => o with { Compliance = o.Compliance with { WindowYears = v } }, double.PositiveInfinity),
        new("Compliance.PartialCredit", OptionKind.Weight, o => o.Compliance.PartialCredit, (o, v) => o with { Compliance = o.Compliance with { PartialCredit = v } }, 1),
        new("Compliance.RedLineSalience", OptionKind.Threshold, o => o.Compliance.RedLineSalience, (o, v) => o with { Compliance = o.Compliance with { RedLineSalience = v } }, 1),
        new("CounterReaction.LagYears", OptionKind.Window, o => o.CounterReaction.LagYears, (o, v) => o with { CounterReaction = o.CounterReaction with { LagYears = v } }, double.PositiveInfinity),
        new("CounterReaction.BaselineYears", OptionKind.Window, o => o.CounterReaction.BaselineYears, (o, v) => o with { CounterReaction = o.CounterReaction with { BaselineYears = v } }, double.PositiveInfinity),
        new("InputEfficiency.WindowYears", OptionKind.Window, o => o.InputEfficiency.WindowYears, (o, v) => o with { InputEfficiency = o.InputEfficiency with { WindowYears = v } }, double.PositiveInfinity),
        new("Presence.Scale", OptionKind.Scale, o => o.Presence.Scale, (o, v) => o with { Presence = o.Presence with { Scale = v } }, double.PositiveInfinity),
        new("Presence.WindowYears", OptionKind.Window, o => o.Presence.WindowYears, (o, v) => o with { Presence = o.Presence with { WindowYears = v } }, double.PositiveInfinity),
        new("ClientAgency.CoercionScale", OptionKind.Scale, o => o.ClientAgency.CoercionScale, (o, v) => o with { ClientAgency = o.ClientAgency with { CoercionScale = v } }, double.PositiveInfinity),
        new("Multilateral.AlternativeShareThreshold", OptionKind.Threshold, o => o.Multilateral.AlternativeShareThreshold, (o, v) => o with { Multilateral = o.Multilateral with { AlternativeShareThreshold = v } }, 1),
        new("Multilateral.NetworkWindowYears", OptionKind.Window, o => o.Multilateral.NetworkWindowYears, (o, v) => o with { Multilateral = o.Multilateral with { NetworkWindowYears = v } }, double.PositiveInfinity),
        new("Multilateral.ReverseLeverageScale", OptionKind.Scale, o => o.Multilateral.ReverseLeverageScale, (o, v) => o with { Multilateral = o.Multilateral with { ReverseLeverageScale = v } }, double.PositiveInfinity),
        new("PatronClient.Exchange", OptionKind.Threshold, o => o.PatronClient.Exchange, (o, v) => o with { PatronClient = o.PatronClient with { Exchange = v } }, 1),
        new("PatronClient.Asymmetry", OptionKind.Threshold, o => o.PatronClient.Asymmetry, (o, v) => o with { PatronClient = o.PatronClient with { Asymmetry = v } }, 1),
        new("PatronClient.DiffuseObligation", OptionKind.Threshold, o => o.PatronClient.DiffuseObligation, (o, v) => o with { PatronClient = o.PatronClient with { DiffuseObligation = v } }, 1),
        new("PatronClient.Endurance", OptionKind.Threshold, o => o.PatronClient.Endurance, (o, v) => o with { PatronClient = o.PatronClient with { Endurance = v } }, 1),
        new("States.HighExchange", OptionKind.Threshold, o => o.States.HighExchange, (o, v) => o with { States = o.States with { HighExchange = v } }, 1),
        new("States.HighConflict", OptionKind.Threshold, o => o.States.HighConflict, (o, v) => o with { States = o.States with { HighConflict = v } }, 1),
        new("States.InvertedBalance", OptionKind.Threshold, o => o.States.InvertedBalance, (o, v) => o with { States = o.States with { InvertedBalance = v } }, 1),
    ];

    /// <summary>
    /// The options the Monte Carlo intervals vary by default: the weights and the scale constants. Windows and
    /// thresholds are left alone: they say what is being asked (over what span; what counts as high), not how well it
    /// is measured; the sensitivity analysis varies them.
    /// </summary>
    public static ImmutableArray<OptionKnob> MonteCarloDefault { get; } = [.. All.Where(k => k.Kind is OptionKind.Scale or OptionKind.Weight)];

    /// <summary>Finds an option by name (case-insensitive).</summary>
    /// <param name="name">The name, for example <c>Conflict.Scale</c>.</param>
    /// <returns>The option, or null.</returns>
    public static OptionKnob? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The option's value.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The value.</returns>
    public double Get(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _get(options);
    }

    /// <summary>A copy of the options with this option set.</summary>
    /// <param name="options">The options.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The value is outside the option's own range, or would put the confidence weights or the formalities out of order
    /// (see <see cref="ScoringOptions.Confidence"/> and <see cref="ScoringOptions.DiffuseObligation"/>).
    /// </exception>
    public ScoringOptions With(ScoringOptions options, double value)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _set(options, value);
    }

    /// <summary>
    /// The range the option is varied over around its value in <paramref name="options"/>, clipped to the option's own
    /// range; a confidence weight's or a formality's also to its neighbours' values in <paramref name="options"/>, so
    /// that they stay in order (Confirmed ≥ Reported ≥ Alleged; TreatyFormality ≥ PublicAgreementFormality ≥
    /// PublicPledgeFormality ≥ PrivateUnderstandingFormality).
    /// </summary>
    /// <param name="options">The options (the centre).</param>
    /// <param name="ranges">The ranges (null: <see cref="PerturbationRanges.Default"/>).</param>
    /// <returns>The lowest and highest value.</returns>
    public (double Low, double High) Range(ScoringOptions options, PerturbationRanges? ranges = null)
    {
        ranges ??= PerturbationRanges.Default;
        var v = Get(options);
        if (Kind is OptionKind.Scale or OptionKind.Window)
        {
            var factor = Kind == OptionKind.Scale ? ranges.ScaleFactor : ranges.WindowFactor;
            return (v / factor, v * factor);
        }

        // Weights and thresholds: v ± δ within the values the option may take (a confidence weight's or a formality's
        // neighbours).
        var spread = Kind == OptionKind.Weight ? ranges.WeightSpread : ranges.ThresholdSpread;
        var (low, high) = Bounds(options);
        return (Math.Max(low, Tidy(v - spread)), Math.Min(high, Tidy(v + spread)));
    }

    /// <summary>
    /// The values the option may take with the other options as in <paramref name="options"/>: 0 to <see cref="Maximum"/>,
    /// except that a confidence weight or a formality stays between its neighbours (Confirmed ≥ Reported ≥ Alleged, which
    /// <see cref="ScoringOptions.Confidence"/> requires; TreatyFormality ≥ PublicAgreementFormality ≥
    /// PublicPledgeFormality ≥ PrivateUnderstandingFormality, which <see cref="ScoringOptions.DiffuseObligation"/> requires).
    /// </summary>
    internal (double Low, double High) Bounds(ScoringOptions options) => _bounds?.Invoke(options) ?? (0, Maximum);

    /// <summary>
    /// A sum of two decimal settings without its binary noise (0.7 − 0.15 is 0.5499999999999999 in doubles; the setting
    /// tried, reported and scored is 0.55): rounded to 12 decimal places, far below any option's meaningful precision.
    /// </summary>
    private static double Tidy(double x) => Math.Round(x, 12);

    /// <summary>
    /// How far a value lies from the option's value in <paramref name="options"/>, in units of its range: |ln(v / c)| /
    /// ln f for scales and windows, |v − c| / δ for weights and thresholds. 1 is the edge of the range, so distances of
    /// different options can be compared.
    /// </summary>
    /// <param name="options">The options (the centre).</param>
    /// <param name="value">The value.</param>
    /// <param name="ranges">The ranges (null: the defaults).</param>
    /// <returns>The distance, ≥ 0 (null when the range is a single point).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="value"/> is NaN or infinite, or not &gt; 0 for a scale or window (whose distance is a ratio).
    /// </exception>
    public double? Distance(ScoringOptions options, double value, PerturbationRanges? ranges = null)
    {
        ranges ??= PerturbationRanges.Default;
        var c = Get(options);
        _ = Kind is OptionKind.Scale or OptionKind.Window ? Check.PositiveOrThrow(value, nameof(value)) : Check.FiniteOrThrow(value, nameof(value));
        var unit = Kind switch
        {
            OptionKind.Scale => Math.Log(ranges.ScaleFactor),
            OptionKind.Window => Math.Log(ranges.WindowFactor),
            OptionKind.Weight => ranges.WeightSpread,
            _ => ranges.ThresholdSpread,
        };
        if (!(unit > 0))
        {
            return null;
        }

        // Logarithms apart, not of the ratio: value / c overflows for far-apart positive numbers.
        return Kind is OptionKind.Scale or OptionKind.Window ? Math.Abs(Math.Log(value) - Math.Log(c)) / unit : Math.Abs(value - c) / unit;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>A value drawn from the range: log-uniform for scales and windows, uniform otherwise.</summary>
    /// <param name="options">The centre.</param>
    /// <param name="ranges">The ranges.</param>
    /// <param name="u">A uniform number in [0, 1).</param>
    internal double Sample(ScoringOptions options, PerturbationRanges ranges, double u)
    {
        var (lo, hi) = Range(options, ranges);
        return Kind is OptionKind.Scale or OptionKind.Window
            ? Math.Exp(Math.Log(lo) + (u * (Math.Log(hi) - Math.Log(lo))))
            : lo + (u * (hi - lo));
    }
}
