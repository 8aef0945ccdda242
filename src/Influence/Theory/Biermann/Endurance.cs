using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Biermann's fourth feature, endurance: many transactions over a long time.
/// </summary>
/// <remarks>
/// <code>
/// duration   = 1 − exp(−years since the first exchange / k)        k = Endurance.DurationScaleYears (10)
/// continuity = share of the steps (1 year each, counted back from t) of the trailing window (10 years, from the first
///              exchange on) with a support flow in either direction
/// endurance  = duration × continuity
/// </code>
/// "Years since the first exchange" counts the current period: a relation in its first year has lasted one year. The
/// window holds n periods from the first exchange on; it is cut into ⌈n / L⌉ steps of L periods (L = a year's periods,
/// Endurance.ContinuityStepYears) ending at t, t − L, …, the earliest reaching back before the window when L does not
/// divide n. In a yearly series a step is a period; in a monthly one, twelve months: a point event fills one step at
/// any granularity, so continuity is the same share of years.
/// Undefined before the first support flow in either direction. Biermann (2025), pp. 3–7.
/// </remarks>
public sealed class Endurance : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Endurance Instance = new();

    private Endurance()
        : base("endurance")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "(1 − exp(−years since first exchange / k)) × share of the window's year-long steps with exchange";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), Territory, Politics and Governance 13(1), pp. 3–7: endurance";

    /// <summary>The first period position with a support flow in either direction, or −1.</summary>
    /// <param name="at">The dyad.</param>
    /// <returns>The position or −1.</returns>
    public static int FirstExchange(in DyadPeriod at)
    {
        var a = at.Index.FirstSupportPeriod(at.PatronToClient);
        var b = at.Index.FirstSupportPeriod(at.ClientToPatron);
        return a < 0 ? b : b < 0 ? a : Math.Min(a, b);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var first = FirstExchange(at);
        if (first < 0 || first > at.T)
        {
            return null;
        }

        var o = at.Options.Endurance;
        var perYear = at.Index.Grid.Granularity.PeriodsPerYear();
        var years = (at.T - first + 1) / (double)perYear;
        var duration = Saturated(years, o.DurationScaleYears);
        var (a, b) = at.Trailing(o.ContinuityWindowYears);
        a = Math.Max(a, first);
        var step = at.Index.Grid.WindowPeriods(o.ContinuityStepYears);
        int active = 0, steps = 0;
        for (var end = b; end >= a; end -= step)
        {
            steps++;
            if (at.Index.Count(PairCount.Support, at.PatronToClient, end - step + 1, end) + at.Index.Count(PairCount.Support, at.ClientToPatron, end - step + 1, end) > 0)
            {
                active++;
            }
        }

        return duration * active / steps;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var n = t1 - t0 + 1;
        var first = FirstExchange(dyad);
        if (first < 0)
        {
            output[..n].Clear();
            return;
        }

        var index = dyad.Index;
        var o = dyad.Options.Endurance;
        var perYear = index.Grid.Granularity.PeriodsPerYear();
        var w = index.Grid.WindowPeriods(o.ContinuityWindowYears);
        var step = index.Grid.WindowPeriods(o.ContinuityStepYears);
        using var scratch = SeriesScratch.Open();
        var active = scratch.Ints(t1 + 2);
        var given = index.CountPrefix(PairCount.Support, dyad.PatronToClient);
        var back = index.CountPrefix(PairCount.Support, dyad.ClientToPatron);
        if (step > 1)
        {
            // active[u] = 1 when the step ending at u holds a flow; a period's continuity adds every step-th of them.
            for (var u = 0; u <= t1; u++)
            {
                active[u] = EvidenceIndex.CountIn(given, u - step + 1, u) + EvidenceIndex.CountIn(back, u - step + 1, u) > 0 ? 1 : 0;
            }

            for (var i = 0; i < n; i++)
            {
                var t = t0 + i;
                if (first > t)
                {
                    output[i] = null;
                    continue;
                }

                var a = Math.Max(t - w + 1, first);
                var steps = Windows.StepCount(a, t, step);
                var on = 0;
                for (var k = 0; k < steps; k++)
                {
                    on += t - (k * step) >= 0 ? active[t - (k * step)] : 0;
                }

                output[i] = Saturated((t - first + 1) / (double)perYear, o.DurationScaleYears) * on / steps;
            }

            return;
        }

        // One period per step: running counts of periods with a flow.
        active[0] = 0;
        for (var t = 0; t <= t1; t++)
        {
            var flows = EvidenceIndex.CountIn(given, t, t) + EvidenceIndex.CountIn(back, t, t);
            active[t + 1] = active[t] + (flows > 0 ? 1 : 0);
        }

        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            if (first > t)
            {
                output[i] = null;
                continue;
            }

            var years = (t - first + 1) / (double)perYear;
            var duration = Saturated(years, o.DurationScaleYears);
            var a = Math.Max(t - w + 1, first);
            output[i] = duration * (active[t + 1] - active[a]) / (t - a + 1);
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        // The earliest step may reach back before the window (when a step does not divide it): its flows count too.
        var (a, b) = at.Trailing(at.Options.Endurance.ContinuityWindowYears);
        var step = at.Index.Grid.WindowPeriods(at.Options.Endurance.ContinuityStepYears);
        var from = Windows.StepsStart(a, b, step);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, from, b, "patron→client support (continuity)");
        TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Support, from, b, "client→patron support (continuity)");
        var first = FirstExchange(at);
        if (first >= 0 && first < from)
        {
            TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, first, first, "first exchange (duration)");
            TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Support, first, first, "first exchange (duration)");
        }
    }
}

/// <summary>
/// The account the two sides keep (Biermann: both "maintain accounts" and pay back at a time of their choosing):
/// the share of the decayed flows between them that the client has not paid back.
/// </summary>
/// <remarks>
/// <code>
/// balance = Σ δ^(t−τ) (S[P→C](τ) − S[C→P](τ)) / Σ δ^(t−τ) (S[P→C](τ) + S[C→P](τ))    over every τ ≤ t
/// δ = 0.5^(1 / half-life in periods)                 half-life = Endurance.BalanceHalfLifeYears (10)
/// </code>
/// In [−1, 1]: +1 means the client owes everything it received, −1 that the patron is in the client's debt.
/// Undefined before the first flow. The sums run forward in period order, so a series and a single period give
/// the same bits.
/// </remarks>
public sealed class AccountBalance : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly AccountBalance Instance = new();

    private AccountBalance()
        : base("accountBalance")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Signed;

    /// <inheritdoc />
    public override string Formula => "Σ δ^(t−τ)(S[P→C] − S[C→P]) / Σ δ^(t−τ)(S[P→C] + S[C→P]), δ from the half-life";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), Territory, Politics and Governance 13(1), pp. 3–7: maintaining accounts";

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        Span<double?> one = stackalloc double?[1];
        var state = Run(at, at.T, one, at.T);
        return state;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output) => Run(dyad, t1, output, t0);

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var delta = Decay(at);
        var index = at.Index;
        foreach (var (pair, term) in new[] { (at.PatronToClient, "patron→client support"), (at.ClientToPatron, "client→patron support") })
        {
            foreach (var row in index.Items(pair, EvidenceKind.Support, 0, at.T))
            {
                var w = 0.0;
                for (var t = 0; t <= at.T; t++)
                {
                    var share = index.Share(row, t);
                    if (share > 0)
                    {
                        w += index.Weight(row) * share * Math.Pow(delta, at.T - t);
                    }
                }

                uses.Add(new EvidenceUse(row, term + " (decayed)", w));
            }
        }
    }

    private static double Decay(in DyadPeriod at)
    {
        var halfLife = at.Index.Grid.Granularity.PeriodsPerYear() * at.Options.Endurance.BalanceHalfLifeYears;
        return Math.Pow(0.5, 1 / halfLife);
    }

    /// <summary>Runs the decayed sums forward from the first period, writing periods t0 … last into output.</summary>
    private static double? Run(in DyadPeriod at, int last, Span<double?> output, int t0)
    {
        var delta = Decay(at);
        var index = at.Index;
        var givenSeries = index.SumSeries(PairSum.Support, at.PatronToClient);
        var backSeries = index.SumSeries(PairSum.Support, at.ClientToPatron);
        var givenCount = index.CountPrefix(PairCount.Support, at.PatronToClient);
        var backCount = index.CountPrefix(PairCount.Support, at.ClientToPatron);
        double net = 0, gross = 0;
        var seen = false;
        double? value = null;
        for (var t = 0; t <= last; t++)
        {
            var given = EvidenceIndex.ValueAt(givenSeries, t);
            var back = EvidenceIndex.ValueAt(backSeries, t);
            net = (delta * net) + (given - back);
            gross = (delta * gross) + (given + back);
            seen |= EvidenceIndex.CountIn(givenCount, t, t) + EvidenceIndex.CountIn(backCount, t, t) > 0;
            value = seen && gross > 0 ? Math.Clamp(net / gross, -1, 1) : null;
            if (t >= t0)
            {
                output[t - t0] = value;
            }
        }

        return value;
    }
}
