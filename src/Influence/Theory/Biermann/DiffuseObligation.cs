using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Biermann's third feature, diffuse obligation: the relation rests on private, informal understandings, and each
/// side chooses the scope and intensity of its commitment.
/// </summary>
/// <remarks>
/// <code>
/// informality = 1 − Σ w·formality / Σ w          over commitments in force in the period (both directions),
///                                                w = confidence × scope × share
/// variability = cv / (1 + cv)                    cv = sd / mean of the patron's input S[P→C] over the trailing
///                                                window (5 years), the window starting no earlier than the
///                                                patron's first input and taken in year-long steps
/// diffuse     = α · informality + (1 − α) · variability     α = DiffuseObligation.InformalityWeight (0.5)
/// </code>
/// When only one part is defined it stands alone; undefined when neither is (no commitment in force, or only
/// commitments that weigh 0, such as a scope of 0; and no patron support in the window, or fewer than two periods of
/// history in it, or only support that weighs 0). Formality: treaty 1.0, public agreement 0.7, public pledge 0.4, private
/// understanding 0.0 (options). The window's n periods are cut into ⌈n / L⌉ steps of L periods (a year's,
/// DiffuseObligation.VariabilityStepYears) ending at t, t − L, …, and cv is taken over the steps' totals: in a yearly
/// series the periods themselves, in a monthly one the last twelve months, the twelve before, and so on, so that a
/// monthly series compares the same years as a yearly one. Biermann (2025), pp. 3–7.
/// </remarks>
public sealed class DiffuseObligation : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly DiffuseObligation Instance = new();

    private DiffuseObligation()
        : base("diffuseObligation")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula =>
        "α·(1 − formality of commitments in force) + (1 − α)·cv/(1 + cv) of the patron's support in year-long steps over the trailing window";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), Territory, Politics and Governance 13(1), pp. 3–7: diffuse obligation";

    /// <summary>Informality of the commitments in force, or null when none is, or all weigh 0 (nothing to divide).</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The informality in [0, 1].</returns>
    public static double? Informality(in DyadPeriod at)
    {
        var index = at.Index;
        if (index.Count(PairCount.Commitment, at.PatronToClient, at.T, at.T) + index.Count(PairCount.Commitment, at.ClientToPatron, at.T, at.T) == 0)
        {
            return null;
        }

        var w = index.At(PairSum.CommitmentWeight, at.PatronToClient, at.T) + index.At(PairSum.CommitmentWeight, at.ClientToPatron, at.T);
        if (!(w > 0))
        {
            return null;
        }

        var f = index.At(PairSum.CommitmentFormality, at.PatronToClient, at.T) + index.At(PairSum.CommitmentFormality, at.ClientToPatron, at.T);
        return Math.Clamp(1 - (f / w), 0, 1);
    }

    /// <summary>
    /// Variability of the patron's input, cv / (1 + cv), over the trailing window from the patron's first input on;
    /// null when it gave nothing in the window or the window holds fewer than two periods of its input history.
    /// </summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The variability in [0, 1).</returns>
    public static double? Variability(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.DiffuseObligation.VariabilityWindowYears);
        var index = at.Index;

        // The window starts no earlier than the patron's first input: periods before it are no history of the
        // relation (and clipping at the grid's start instead would let unrelated, earlier evidence move the value).
        a = Math.Max(Math.Max(a, 0), index.FirstSupportPeriod(at.PatronToClient));
        var step = index.Grid.WindowPeriods(at.Options.DiffuseObligation.VariabilityStepYears);
        if (step > 1)
        {
            return SteppedVariability(index.SumSeries(PairSum.Support, at.PatronToClient), step, a, b);
        }

        var n = b - a + 1;
        var sum = index.Sum(PairSum.Support, at.PatronToClient, a, b);
        if (n < 2 || !(sum > 0))
        {
            return null;
        }

        var mean = sum / n;
        if (mean < TinyMean)
        {
            return TinyVariability(index.SumSeries(PairSum.Support, at.PatronToClient), a, b);
        }

        var ss = 0.0;
        for (var t = a; t <= b; t++)
        {
            var d = index.At(PairSum.Support, at.PatronToClient, t) - mean;
            ss += d * d;
        }

        var cv = Math.Sqrt(ss / n) / mean;
        return cv / (1 + cv);
    }

    /// <summary>
    /// cv / (1 + cv) over the totals of the steps of <paramref name="step"/> periods ending at b, b − step, … down to
    /// the one holding a (earliest first), or null with fewer than two steps or no input. Each total is the in-order
    /// sum of its periods (those before period 0 are zeros), as <see cref="Windows.Sums(ReadOnlySpan{double}, int, int, Span{double})"/> gives it.
    /// </summary>
    internal static double? SteppedVariability(PairSeries support, int step, int a, int b)
    {
        var n = Windows.StepCount(a, b, step);
        if (n < 2)
        {
            return null;
        }

        Span<double> totals = n <= 64 ? stackalloc double[n] : new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            var end = b - ((n - 1 - k) * step);
            var total = 0.0;
            for (var u = end - step + 1; u <= end; u++)
            {
                total += u >= 0 ? EvidenceIndex.ValueAt(support, u) : 0;
            }

            totals[k] = total;
            sum += total;
        }

        if (!(sum > 0))
        {
            return null;
        }

        var scale = sum / n < TinyMean ? 600 : 0;
        var mean = 0.0;
        for (var k = 0; k < n; k++)
        {
            totals[k] = Math.ScaleB(totals[k], scale);
            mean += totals[k];
        }

        mean /= n;
        var ss = 0.0;
        for (var k = 0; k < n; k++)
        {
            var d = totals[k] - mean;
            ss += d * d;
        }

        var cv = Math.Sqrt(ss / n) / mean;
        return cv / (1 + cv);
    }

    /// <summary>A mean below which the squared deviations would underflow (2^-500, about 3·10^-151).</summary>
    private const double TinyMean = 3.054936363499605e-151;

    /// <summary>
    /// cv / (1 + cv) over periods <paramref name="a"/> … <paramref name="b"/> for support too small to square: the
    /// values are taken at 2^600 (exact, and cv does not depend on the scale), so that the deviations do not
    /// underflow to zero and a mean that underflows does not divide by zero.
    /// </summary>
    private static double TinyVariability(PairSeries support, int a, int b)
    {
        const int Up = 600;
        var n = b - a + 1;
        var sum = 0.0;
        for (var t = a; t <= b; t++)
        {
            sum += Math.ScaleB(EvidenceIndex.ValueAt(support, t), Up);
        }

        var mean = sum / n;
        var ss = 0.0;
        for (var t = a; t <= b; t++)
        {
            var d = Math.ScaleB(EvidenceIndex.ValueAt(support, t), Up) - mean;
            ss += d * d;
        }

        var cv = Math.Sqrt(ss / n) / mean;
        return cv / (1 + cv);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var informality = Informality(at);
        var variability = Variability(at);
        var alpha = at.Options.DiffuseObligation.InformalityWeight;
        return (informality, variability) switch
        {
            ({ } i, { } v) => (alpha * i) + ((1 - alpha) * v),
            ({ } i, null) => i,
            (null, { } v) => v,
            _ => null,
        };
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var n = t1 - t0 + 1;
        var alpha = dyad.Options.DiffuseObligation.InformalityWeight;
        var w = index.Grid.WindowPeriods(dyad.Options.DiffuseObligation.VariabilityWindowYears);
        var step = index.Grid.WindowPeriods(dyad.Options.DiffuseObligation.VariabilityStepYears);
        var support = index.SumSeries(PairSum.Support, dyad.PatronToClient);
        using var scratch = SeriesScratch.Open();
        var sums = scratch.Doubles(n);
        var means = scratch.Doubles(n);
        var squares = scratch.Doubles(n);
        // The window starts no earlier than the patron's first input (see Variability). Its support sums before that
        // period are exact zeros, so the trailing-window sums need no change; the count and the deviations do.
        var from = Math.Max(0, index.FirstSupportPeriod(dyad.PatronToClient));
        var any = false;
        if (step == 1)
        {
            Windows.Sums(support, w, t0, sums);
            for (var i = 0; i < n; i++)
            {
                var t = t0 + i;
                var count = t - Math.Max(t - w + 1, from) + 1;
                means[i] = count < 2 || !(sums[i] > 0) ? double.NaN : sums[i] / count;
                any |= !double.IsNaN(means[i]);
            }

            if (any)
            {
                Windows.SquaredDeviations(support, w, t0, from, means, squares);
            }
        }

        var given = DyadLevelMemo.Of(dyad, dyad.PatronToClient);
        var back = DyadLevelMemo.Of(dyad, dyad.ClientToPatron);
        var givenCount = given.Counts(PairCount.Commitment);
        var backCount = back.Counts(PairCount.Commitment);
        var givenWeight = given.Series(PairSum.CommitmentWeight);
        var backWeight = back.Series(PairSum.CommitmentWeight);
        var givenFormality = given.Series(PairSum.CommitmentFormality);
        var backFormality = back.Series(PairSum.CommitmentFormality);
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            double? informality = null;
            if (EvidenceIndex.CountIn(givenCount, t, t) + EvidenceIndex.CountIn(backCount, t, t) > 0)
            {
                var weight = EvidenceIndex.ValueAt(givenWeight, t) + EvidenceIndex.ValueAt(backWeight, t);
                if (weight > 0)
                {
                    var formality = EvidenceIndex.ValueAt(givenFormality, t) + EvidenceIndex.ValueAt(backFormality, t);
                    informality = Math.Clamp(1 - (formality / weight), 0, 1);
                }
            }

            double? variability = null;
            if (step > 1)
            {
                variability = SteppedVariability(support, step, Math.Max(t - w + 1, from), t);
            }
            else if (!double.IsNaN(means[i]))
            {
                var start = Math.Max(t - w + 1, from);
                var count = t - start + 1;
                var cv = Math.Sqrt(squares[i] / count) / means[i];
                variability = means[i] < TinyMean ? TinyVariability(support, start, t) : cv / (1 + cv);
            }

            output[i] = (informality, variability) switch
            {
                ({ } x, { } v) => (alpha * x) + ((1 - alpha) * v),
                ({ } x, null) => x,
                (null, { } v) => v,
                _ => null,
            };
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Commitment, at.T, at.T, "commitment in force");
        TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Commitment, at.T, at.T, "commitment in force");
        // The earliest step may reach back before the window (when a step does not divide it): its input counts too.
        var (a, b) = at.Trailing(at.Options.DiffuseObligation.VariabilityWindowYears);
        var step = at.Index.Grid.WindowPeriods(at.Options.DiffuseObligation.VariabilityStepYears);
        a = Windows.StepsStart(a, b, step);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, a, b, "patron input (variability)");

        // The patron's first input bounds the window from below: without it the window could start later.
        var first = at.Index.FirstSupportPeriod(at.PatronToClient);
        if (first >= 0 && first < a)
        {
            TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, first, first, "patron's first input (window start)");
        }
    }
}
