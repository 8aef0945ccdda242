using Influence.Networks;

namespace Influence.Theory;

/// <summary>
/// Holsti's multilateral context, second part: how many other supporters the client could turn to (a count).
/// </summary>
/// <remarks>
/// <code>
/// alternativePatrons = #{ z ≠ P : share(z) ≥ θ }      share(z) = S[z→C] / Σ_y S[y→C] over the share window (5 years)
/// </code>
/// Supporters z at the outermost level (<see cref="SupportShares"/>); the patron's own movement is not an alternative
/// to it. θ = <see cref="Scoring.MultilateralOptions.AlternativeShareThreshold"/> (default 0.1); the window is the
/// patron share's (<see cref="Scoring.ExchangeOptions.ReciprocityWindowYears"/>). Undefined when the client received no
/// support in the window, or only support that weighs 0. Any kind of supporter counts, state or not (in the reference
/// case the TTP and the early Taliban's private financiers count as much as China, Russia or Iran). Holsti (1964),
/// pp. 179–194: influence is multilateral; Sharma (2026), section 2, on the Taliban's outside supporters.
/// </remarks>
public sealed class AlternativePatrons : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly AlternativePatrons Instance = new();

    private AlternativePatrons()
        : base("alternativePatrons")
    {
    }

    /// <inheritdoc />
    internal override Indexing.EvidenceIndex.Parts Reads => Indexing.EvidenceIndex.Parts.Received;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Count;

    /// <inheritdoc />
    public override string Formula => "#{ supporters z other than the patron with S[z→C] / Σ_y S[y→C] ≥ θ }, over the trailing share window";

    /// <inheritdoc />
    public override string Citation => "Holsti (1964), pp. 179–194: influence is multilateral; Sharma (2026), section 2, on the Taliban's outside supporters (the count takes any supporter, state or not)";

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        return SupportShares.Of(at.Index, at.Client, a, b).AlternativesTo(at.Index, at.Patron, at.Options.Multilateral.AlternativeShareThreshold);
    }

    [ThreadStatic]
    private static double[]? _shares;

    /// <inheritdoc />
    /// <remarks>
    /// The client's count of supporters at or above θ is computed once per client; each dyad only takes out the
    /// patron's own side (the patron and its ancestors among the client's supporters), whose shares it recomputes
    /// exactly as the client's count did.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var w = index.Grid.WindowPeriods(dyad.Options.Exchange.ReciprocityWindowYears);
        var threshold = WindowedShares.Threshold(index); // dyad.Options are the index's: the client's count used it too
        var shares = SupportShares.Series(index, dyad.Client, w, t0, t1);
        var n = t1 - t0 + 1;
        for (var i = 0; i < n; i++)
        {
            output[i] = shares.Defined[i] ? shares.AtLeast[i] : null;
        }

        var own = _shares is { } kept && kept.Length >= n ? kept.AsSpan(0, n) : (_shares = new double[n]).AsSpan();
        foreach (var a in index.AncestorSpan(dyad.Patron))
        {
            var pair = index.PairOf(a, dyad.Client);
            if (pair < 0 || !index.IsOutermostPair(pair))
            {
                continue;
            }

            shares.ShareSeries(index, pair, w, t0, own);
            for (var i = 0; i < n; i++)
            {
                if (shares.Defined[i] && !double.IsNaN(own[i]) && own[i] >= threshold)
                {
                    output[i] -= 1;
                }
            }
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses) => TraceSupporters(at, uses);

    /// <summary>Every support item into the client in the share window, with its supporter in the term.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <param name="uses">Receives the items.</param>
    internal static void TraceSupporters(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        var index = at.Index;
        foreach (var pair in index.SupporterPairs(at.Client))
        {
            var supporter = index.PairFrom(pair);
            var term = index.IsWithin(at.Patron, supporter) ? "support from the patron's side" : $"support from {index.Case.Actors[supporter].Id}";
            TraceItems(at, uses, pair, Evidence.EvidenceKind.Support, a, b, term);
        }
    }
}
