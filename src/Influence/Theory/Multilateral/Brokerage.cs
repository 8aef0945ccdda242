using Influence.Evidence;
using Influence.Internal;
using Influence.Networks;

namespace Influence.Theory;

/// <summary>
/// The patron's brokerage between its client and third parties: the share of the client's directed channels with
/// third parties that run only through the patron (Pakistan between the Taliban and Beijing in the 1990s).
/// </summary>
/// <remarks>
/// <code>
/// channel z→C exists  ⇔ tie z→C, or ties z→P and P→C         (support ties in the network window)
/// P brokers z→C        ⇔ ties z→P and P→C, and no tie z→C     (an open two-path: Gould and Fernandez 1989)
/// brokerage = Σ_z brokered channels / Σ_z channels            (both directions, every third party z)
/// </code>
/// Read from the ego network of patron and client (<see cref="PatronBrokerage"/>) over the trailing network window
/// (<see cref="Scoring.MultilateralOptions.NetworkWindowYears"/>, default 1 year). Undefined when the client has no
/// channel with a third party, or when one of patron and client contains the other. Per third party, with Gould–Fernandez
/// roles: <see cref="Channels"/>. Gould and Fernandez (1989), Sociological Methodology 19, pp. 89–126; Holsti (1964),
/// pp. 179–194; Sharma (2026), section 4 ("the Chinese have offered … to be intermediaries").
/// </remarks>
public sealed class Brokerage : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Brokerage Instance = new();

    private Brokerage()
        : base("brokerage")
    {
    }

    /// <inheritdoc />
    internal override Indexing.EvidenceIndex.Parts Reads => Indexing.EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "share of the client's directed support channels with third parties that run only through the patron (open two-paths z→P→C, C→P→z), over the network window";

    /// <inheritdoc />
    public override string Citation => "Gould and Fernandez (1989), Sociological Methodology 19, pp. 89–126; Holsti (1964), pp. 179–194; Sharma (2026), section 4 (the Chinese offer to mediate)";

    /// <summary>The patron's brokerage between the client and each third party, with Gould–Fernandez roles.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <param name="groups">The actor groups for the roles (null: states vs non-state actors).</param>
    /// <returns>The brokerage, or null when one of patron and client contains the other.</returns>
    public static PatronBrokerage? Channels(in DyadPeriod at, ActorGroups? groups = null)
    {
        if (at.Index.AreRelated(at.Patron, at.Client))
        {
            return null;
        }

        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        return PatronBrokerage.Of(at.Index, at.Patron, at.Client, a, b, groups);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (at.Index.AreRelated(at.Patron, at.Client))
        {
            return null;
        }

        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        return PatronBrokerage.ShareOf(at.Index, at.Patron, at.Client, a, b);
    }

    [ThreadStatic]
    private static double[]? _values;

    /// <inheritdoc />
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var n = t1 - t0 + 1;
        if (dyad.Index.AreRelated(dyad.Patron, dyad.Client))
        {
            output[..n].Clear();
            return;
        }

        var w = dyad.Index.Grid.WindowPeriods(dyad.Options.Multilateral.NetworkWindowYears);
        var values = ThreadBuffer.Get(ref _values, n).AsSpan(0, n);
        PatronBrokerage.Series(dyad.Index, dyad.Patron, dyad.Client, w, t0, t1, values);
        Write(values, output);
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        if (Channels(at) is not { } brokerage)
        {
            return;
        }

        var index = at.Index;
        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        var (p, c) = (at.Patron, at.Client);
        var terms = new SortedDictionary<int, string>();
        foreach (var z in brokerage.ThirdParties)
        {
            var id = index.Case.Actors[z.ThirdParty].Id;
            if (z.Inbound is ChannelRoute.Direct or ChannelRoute.DirectAndThroughPatron)
            {
                Add(z.ThirdParty, c, $"direct tie {id} → client");
            }

            if (z.Inbound is ChannelRoute.ThroughPatron or ChannelRoute.DirectAndThroughPatron)
            {
                Add(z.ThirdParty, p, $"{id} → patron (two-path to the client)");
                Add(p, c, "patron → client (two-path leg)");
            }

            if (z.Outbound is ChannelRoute.Direct or ChannelRoute.DirectAndThroughPatron)
            {
                Add(c, z.ThirdParty, $"direct tie client → {id}");
            }

            if (z.Outbound is ChannelRoute.ThroughPatron or ChannelRoute.DirectAndThroughPatron)
            {
                Add(c, p, "client → patron (two-path leg)");
                Add(p, z.ThirdParty, $"patron → {id} (two-path from the client)");
            }
        }

        foreach (var (pair, term) in terms)
        {
            TraceItems(at, uses, pair, EvidenceKind.Support, a, b, term);
        }

        void Add(int from, int to, string term) => terms.TryAdd(index.PairOf(from, to), term);
    }
}
