using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;

namespace Influence.Theory;

/// <summary>
/// Biermann's first feature, cooperative resource exchange: a voluntary exchange of tangible and intangible
/// resources in both directions. Pure one-way aid is not an exchange.
/// </summary>
/// <remarks>
/// <code>
/// volume      = 1 − exp(−(S[P→C] + S[C→P]) / k)                   over the trailing volume window (1 year);
///                                                                k = Exchange.VolumeScale (1.0)
/// reciprocity = 2 · min(in, back) / (in + back)                  over the trailing window (5 years):
///               in = Σ S[P→C], back = Σ S[C→P]
/// exchange    = volume × reciprocity
/// </code>
/// S is confidence × magnitude × share of the support flows in a period. Undefined when no support flows either
/// way in the reciprocity window. Reciprocity uses a window because the client pays back at a time of its own
/// choosing; the volume is a year's flow (the period itself in a yearly series, the last four quarters or twelve
/// months otherwise), so that a quarterly or monthly series reads on the yearly scale its thresholds are set for.
/// Biermann (2025), pp. 3–7.
/// </remarks>
public sealed class Exchange : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Exchange Instance = new();

    private Exchange()
        : base("exchange")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula =>
        "volume × reciprocity; volume = 1 − exp(−(S[P→C] + S[C→P]) / k) over the volume window; reciprocity = 2·min(in, back)/(in + back) over the trailing window";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), Territory, Politics and Governance 13(1), pp. 3–7: cooperative resource exchange";

    /// <summary>The formula on its inputs.</summary>
    /// <param name="flow">S[P→C] + S[C→P] over the volume window.</param>
    /// <param name="inWindow">Σ S[P→C] over the window.</param>
    /// <param name="backWindow">Σ S[C→P] over the window.</param>
    /// <param name="volumeScale">k.</param>
    /// <returns>The exchange in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A flow is NaN, infinite or negative, or <paramref name="volumeScale"/> is not a finite number &gt; 0.
    /// </exception>
    public static double Compute(double flow, double inWindow, double backWindow, double volumeScale) =>
        Computed(
            Check.NonNegativeOrThrow(flow, nameof(flow)),
            Check.NonNegativeOrThrow(inWindow, nameof(inWindow)),
            Check.NonNegativeOrThrow(backWindow, nameof(backWindow)),
            Check.PositiveOrThrow(volumeScale, nameof(volumeScale)));

    /// <summary><see cref="Compute"/> without the checks, for the engine (its sums and options are valid already).</summary>
    private static double Computed(double flow, double inWindow, double backWindow, double volumeScale)
    {
        var volume = Saturated(flow, volumeScale);
        var total = inWindow + backWindow;
        var reciprocity = total > 0 ? 2 * Math.Min(inWindow, backWindow) / total : 0;
        return volume * reciprocity;
    }

    /// <summary>Reciprocity alone: 2 · min(in, back) / (in + back) over the trailing window, or null without flows.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The reciprocity.</returns>
    public static double? Reciprocity(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        var index = at.Index;
        if (index.Count(PairCount.Support, at.PatronToClient, a, b) + index.Count(PairCount.Support, at.ClientToPatron, a, b) == 0)
        {
            return null;
        }

        var inW = index.Sum(PairSum.Support, at.PatronToClient, a, b);
        var back = index.Sum(PairSum.Support, at.ClientToPatron, a, b);
        return inW + back > 0 ? 2 * Math.Min(inW, back) / (inW + back) : 0;
    }

    /// <summary>
    /// Volume alone: 1 − exp(−(S[P→C] + S[C→P]) / k) over the volume window, or null when <see cref="Evaluate"/> is undefined (no
    /// support flows either way in the window). <see cref="Evaluate"/> multiplies this very number by the reciprocity.
    /// </summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The volume in [0, 1).</returns>
    public static double? Volume(in DyadPeriod at) =>
        Inputs(at) is { } i ? Saturated(i.Flow, at.Options.Exchange.VolumeScale) : null;

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at) =>
        Inputs(at) is { } i ? Computed(i.Flow, i.InWindow, i.BackWindow, at.Options.Exchange.VolumeScale) : null;

    /// <summary>The formula's inputs, or null when no support flows either way in the reciprocity window.</summary>
    private static (double Flow, double InWindow, double BackWindow)? Inputs(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        var index = at.Index;
        if (index.Count(PairCount.Support, at.PatronToClient, a, b) + index.Count(PairCount.Support, at.ClientToPatron, a, b) == 0)
        {
            return null;
        }

        // Each direction's window sum in period order, then the two added: a one-period window gives the period's
        // own sums exactly (0 + x = x), so yearly series keep their bits.
        var (va, vb) = at.Trailing(at.Options.Exchange.VolumeWindowYears);
        var flow = index.Sum(PairSum.Support, at.PatronToClient, va, vb) + index.Sum(PairSum.Support, at.ClientToPatron, va, vb);
        return (flow, index.Sum(PairSum.Support, at.PatronToClient, a, b), index.Sum(PairSum.Support, at.ClientToPatron, a, b));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var n = t1 - t0 + 1;
        var w = index.Grid.WindowPeriods(dyad.Options.Exchange.ReciprocityWindowYears);
        var wv = index.Grid.WindowPeriods(dyad.Options.Exchange.VolumeWindowYears);
        var scale = dyad.Options.Exchange.VolumeScale;
        var givenNow = index.SumSeries(PairSum.Support, dyad.PatronToClient);
        var backNow = index.SumSeries(PairSum.Support, dyad.ClientToPatron);
        var givenCount = index.CountPrefix(PairCount.Support, dyad.PatronToClient);
        var backCount = index.CountPrefix(PairCount.Support, dyad.ClientToPatron);
        using var scratch = SeriesScratch.Open();
        var given = scratch.Doubles(n);
        var back = scratch.Doubles(n);
        Windows.Sums(givenNow, w, t0, given);
        Windows.Sums(backNow, w, t0, back);

        // The volume window's sums; a one-period window reads the periods' own sums.
        Span<double> givenVolume = default, backVolume = default;
        if (wv > 1)
        {
            givenVolume = scratch.Doubles(n);
            backVolume = scratch.Doubles(n);
            Windows.Sums(givenNow, wv, t0, givenVolume);
            Windows.Sums(backNow, wv, t0, backVolume);
        }

        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            if (EvidenceIndex.CountIn(givenCount, t - w + 1, t) + EvidenceIndex.CountIn(backCount, t - w + 1, t) == 0)
            {
                output[i] = null;
                continue;
            }

            var flow = wv > 1
                ? givenVolume[i] + backVolume[i]
                : (givenNow.IsEmpty ? 0 : givenNow[t]) + (backNow.IsEmpty ? 0 : backNow[t]);
            output[i] = Computed(flow, given[i], back[i], scale);
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        // Both windows end at t: the wider one holds every item either reads.
        var (a, b) = at.Trailing(Math.Max(at.Options.Exchange.ReciprocityWindowYears, at.Options.Exchange.VolumeWindowYears));
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, a, b, "patron→client support");
        TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Support, a, b, "client→patron support");
    }
}
