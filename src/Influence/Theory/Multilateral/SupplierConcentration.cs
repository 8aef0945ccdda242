using Influence.Networks;

namespace Influence.Theory;

/// <summary>The Herfindahl concentration of the client's supporters: 1 when one supporter provides everything.</summary>
/// <remarks>
/// <code>
/// supplierConcentration = Σ_z share(z)²       share(z) = S[z→C] / Σ_y S[y→C] over the share window (5 years)
/// </code>
/// In [1/n, 1] for n supporters; the patron counts as one of them. Supporters at the outermost level
/// (<see cref="SupportShares"/>). Undefined when the client received no support in the window, or only support that
/// weighs 0. Hirschman (1945),
/// National Power and the Structure of Foreign Trade (the concentration index of a country's trade partners);
/// Herfindahl (1950); Holsti (1964), pp. 179–194.
/// </remarks>
public sealed class SupplierConcentration : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly SupplierConcentration Instance = new();

    private SupplierConcentration()
        : base("supplierConcentration")
    {
    }

    /// <inheritdoc />
    internal override Indexing.EvidenceIndex.Parts Reads => Indexing.EvidenceIndex.Parts.Received;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "Σ over supporters z of (S[z→C] / Σ_y S[y→C])², over the trailing share window";

    /// <inheritdoc />
    public override string Citation => "Hirschman (1945), National Power and the Structure of Foreign Trade; Herfindahl (1950); Holsti (1964), pp. 179–194";

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        return SupportShares.Of(at.Index, at.Client, a, b).Herfindahl;
    }

    /// <inheritdoc />
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var w = dyad.Index.Grid.WindowPeriods(dyad.Options.Exchange.ReciprocityWindowYears);
        var shares = SupportShares.Series(dyad.Index, dyad.Client, w, t0, t1);
        var n = t1 - t0 + 1;
        for (var i = 0; i < n; i++)
        {
            // Σ share² over the supporters with support in the window, in pair order (as Herfindahl adds them).
            output[i] = shares.Defined[i] ? Math.Clamp(shares.SquareSum[i], 0, 1) : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses) => AlternativePatrons.TraceSupporters(at, uses);
}
