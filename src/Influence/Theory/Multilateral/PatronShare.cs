using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Holsti's multilateral context, first part: the patron's share of all the support its client receives.
/// </summary>
/// <remarks>
/// <code>
/// patronShare = Σ S[P→C] / Σ_z S[z→C]      over the trailing reciprocity window (5 years)
/// </code>
/// The denominator counts each item once, for the client's outermost supporters (see
/// <see cref="EvidenceIndex.SupporterPairs"/>); a faction patron's own items are the numerator. Undefined when the
/// client received no support in the window, or only support that weighs 0 (a share of nothing).
/// Holsti (1964), pp. 179–194.
/// </remarks>
public sealed class PatronShare : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly PatronShare Instance = new();

    private PatronShare()
        : base("patronShare")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.Received;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "Σ S[P→C] / Σ over all supporters z of S[z→C], over the trailing window";

    /// <inheritdoc />
    public override string Citation => "Holsti (1964), pp. 179–194: influence is multilateral";

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        if (at.Index.SupportReceivedCount(at.Client, a, b) == 0)
        {
            return null;
        }

        var total = at.Index.SupportReceived(at.Client, a, b);
        return total > 0 ? Math.Clamp(at.Index.Sum(PairSum.Support, at.PatronToClient, a, b) / total, 0, 1) : null;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        Write(DyadMemo.Of(dyad, t0, t1).PatronShare(dyad), output);
    }

    /// <summary>The values of periods t0, t0 + 1, … into <paramref name="dest"/>; NaN where undefined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Series(in DyadPeriod dyad, int t0, Span<double> dest, SeriesScratch scratch)
    {
        var index = dyad.Index;
        var n = dest.Length;
        var w = index.Grid.WindowPeriods(dyad.Options.Exchange.ReciprocityWindowYears);
        var given = scratch.Doubles(n);
        var total = scratch.Doubles(n);
        Windows.Sums(index.SumSeries(PairSum.Support, dyad.PatronToClient), w, t0, given);
        Windows.Sums(index.SupportInSeries(dyad.Client), w, t0, total);
        var received = index.SupportInCountPrefix(dyad.Client);
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            dest[i] = EvidenceIndex.CountIn(received, t - w + 1, t) == 0 || !(total[i] > 0)
                ? double.NaN
                : Math.Clamp(given[i] / total[i], 0, 1);
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        var index = at.Index;
        var actorOf = index.Case.Evidence.Columns.A;
        foreach (var pair in index.SupporterPairs(at.Client))
        {
            foreach (var row in index.Items(pair, EvidenceKind.Support, a, b))
            {
                var term = index.IsWithin(actorOf[row], at.Patron) ? "support from the patron" : "support from others";
                uses.Add(new EvidenceUse(row, term, WindowWeight(index, row, a, b)));
            }
        }
    }
}
