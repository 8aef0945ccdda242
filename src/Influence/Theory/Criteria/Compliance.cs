using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// How far the client does what the patron asks: the salience-weighted share of the patron's demands met.
/// </summary>
/// <remarks>
/// <code>
/// compliance = Σ w · credit / Σ w      over the patron's demands in the trailing window (3 years)
///              w = confidence × salience × share; credit: complied 1, partial ½, defied or ignored 0
/// </code>
/// Undefined when the patron made no demand in the window. <see cref="Pooled"/> computes it over any range and
/// set of issues (for example the core issues over 1996–2025). Holsti (1964); Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class Compliance : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Compliance Instance = new();

    private Compliance()
        : base("compliance")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "Σ w·credit / Σ w over the patron's demands in the trailing window (complied 1, partial ½, else 0)";

    /// <inheritdoc />
    public override string Citation => "Holsti (1964), pp. 179–194; Rubinstein (1977), Red Star on the Nile, pp. xiv–xix";

    /// <summary>Compliance over periods t0 … t1, optionally only on some issues.</summary>
    /// <param name="index">The index.</param>
    /// <param name="pair">The patron → client pair.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <param name="issue">Keeps an issue (by position in the case's issues); null keeps all.</param>
    /// <returns>The compliance, or null when there is no demand.</returns>
    public static double? Pooled(EvidenceIndex index, int pair, int t0, int t1, Func<int, bool>? issue = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (issue is null)
        {
            if (index.Count(PairCount.Demand, pair, t0, t1) == 0)
            {
                return null;
            }

            var w = index.Sum(PairSum.DemandWeight, pair, t0, t1);
            return w > 0 ? index.Sum(PairSum.DemandMet, pair, t0, t1) / w : null;
        }

        double weight = 0, met = 0;
        foreach (var i in index.IssuesOf(pair))
        {
            if (issue(i))
            {
                var (w, m) = index.IssueSums(pair, i, t0, t1);
                weight += w;
                met += m;
            }
        }

        return weight > 0 ? met / weight : null;
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Compliance.WindowYears);
        return Pooled(at.Index, at.PatronToClient, a, b);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        Write(DyadMemo.Of(dyad, t0, t1).Compliance(dyad), output);
    }

    /// <summary>Compliance over the trailing window of periods t0, t0 + 1, … into <paramref name="dest"/>; NaN where undefined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Series(in DyadPeriod dyad, int t0, Span<double> dest, SeriesScratch scratch)
    {
        var index = dyad.Index;
        var pair = dyad.PatronToClient;
        var n = dest.Length;
        var w = index.Grid.WindowPeriods(dyad.Options.Compliance.WindowYears);
        var weight = scratch.Doubles(n);
        var met = scratch.Doubles(n);
        var sums = DyadLevelMemo.Of(dyad, pair);
        Windows.Sums(sums.Series(PairSum.DemandWeight), w, t0, weight);
        Windows.Sums(sums.Series(PairSum.DemandMet), w, t0, met);
        var demands = sums.Counts(PairCount.Demand);
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            dest[i] = EvidenceIndex.CountIn(demands, t - w + 1, t) == 0 || !(weight[i] > 0) ? double.NaN : met[i] / weight[i];
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Compliance.WindowYears);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Demand, a, b, "demand");
    }
}

/// <summary>
/// Rubinstein's first inference: influence is issue-specific. The spread of compliance across the issues the patron
/// made demands on.
/// </summary>
/// <remarks>
/// <code>
/// c_i         = compliance restricted to issue i, over the compliance window (3 years)
/// issueSpread = max_i c_i − min_i c_i
/// </code>
/// Undefined with fewer than two issues. 0 means the client treats every issue alike; 1 that it complies fully on
/// one issue and not at all on another. Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class IssueSpecificity : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly IssueSpecificity Instance = new();

    private IssueSpecificity()
        : base("issueSpread")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "max − min over issues of per-issue compliance in the compliance window";

    /// <inheritdoc />
    public override string Citation => "Rubinstein (1977), Red Star on the Nile, pp. xiv–xix: influence is issue- and situation-specific";

    /// <summary>Per-issue compliance in the window.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>(issue position, compliance) for each issue with demands.</returns>
    public static IEnumerable<(int Issue, double Compliance)> ByIssue(DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Compliance.WindowYears);
        foreach (var i in at.Index.IssuesOf(at.PatronToClient))
        {
            var (w, m) = at.Index.IssueSums(at.PatronToClient, i, a, b);
            if (w > 0)
            {
                yield return (i, m / w);
            }
        }
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var n = 0;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var (_, c) in ByIssue(at))
        {
            n++;
            lo = Math.Min(lo, c);
            hi = Math.Max(hi, c);
        }

        return n >= 2 ? hi - lo : null;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var n = t1 - t0 + 1;
        var (first, end) = index.IssueSlots(dyad.PatronToClient);
        if (end - first < 2)
        {
            output[..n].Clear();
            return;
        }

        var w = index.Grid.WindowPeriods(dyad.Options.Compliance.WindowYears);
        var (issueWeight, issueMet, _, _) = DyadMemo.Of(dyad, t0, t1).Demands(dyad);
        var periods = index.Periods;
        using var scratch = SeriesScratch.Open();
        var weight = scratch.Doubles(n);
        var met = scratch.Doubles(n);
        var lo = scratch.Doubles(n);
        var hi = scratch.Doubles(n);
        var count = scratch.Ints(n);
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        count.Clear();
        for (var slot = first; slot < end; slot++)
        {
            Windows.Sums(issueWeight.Span.Slice((slot - first) * periods, periods), w, t0, weight);
            Windows.Sums(issueMet.Span.Slice((slot - first) * periods, periods), w, t0, met);
            for (var i = 0; i < n; i++)
            {
                if (weight[i] > 0)
                {
                    var c = met[i] / weight[i];
                    count[i]++;
                    lo[i] = Math.Min(lo[i], c);
                    hi[i] = Math.Max(hi[i], c);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            output[i] = count[i] >= 2 ? hi[i] - lo[i] : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Compliance.WindowYears);
        var c = at.Index.Case.Evidence.Columns;
        foreach (var row in at.Index.Items(at.PatronToClient, EvidenceKind.Demand, a, b))
        {
            uses.Add(new EvidenceUse(row, $"demand on {at.Index.Case.Issues[c.Ref[row]].Id}", WindowWeight(at.Index, row, a, b)));
        }
    }
}
