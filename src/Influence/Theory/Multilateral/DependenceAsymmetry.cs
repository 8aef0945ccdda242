using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;
using Influence.Networks;

namespace Influence.Theory;

/// <summary>
/// Dependence asymmetry with criticality: the client's dependence on the patron minus the patron's dependence on the
/// client, each weighting a resource by how few suppliers provide it.
/// </summary>
/// <remarks>
/// <code>
/// dependence(D on P) = Σ_r κ_r · S_r[P→D] / Σ_r κ_r · S_r[→D]     κ_r = Σ_z (S_r[z→D] / S_r[→D])²
/// dependenceAsymmetry = dependence(C on P) − dependence(P on C)      in [−1, 1]
/// </code>
/// over the share window (5 years); r runs over resource types, z over suppliers at the outermost level. κ_r, the
/// Herfindahl concentration of the resource's suppliers, is 1 for a resource only one supplier provides, so a sole
/// supply weighs more (see <see cref="ResourceDependence"/>). A side that received nothing, or only support that weighs
/// 0, has dependence 0; undefined when neither side received a support item in the window, whatever its weight. Emerson (1962), American Sociological Review 27(1), pp. 31–41;
/// Keohane and Nye (1977), Power and Interdependence, ch. 1 (sensitivity and vulnerability); Biermann (2025), p. 4.
/// </remarks>
public sealed class DependenceAsymmetry : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly DependenceAsymmetry Instance = new();

    // Per-thread buffers of EvaluateSeries (every value is written before it is read).
    [ThreadStatic]
    private static double[]? _client;

    [ThreadStatic]
    private static double[]? _patron;

    [ThreadStatic]
    private static bool[]? _clientReceived;

    [ThreadStatic]
    private static bool[]? _patronReceived;

    private DependenceAsymmetry()
        : base("dependenceAsymmetry")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.SupportItems;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Signed;

    /// <inheritdoc />
    public override string Formula => "dep(C on P) − dep(P on C); dep(D on P) = Σ_r κ_r S_r[P→D] / Σ_r κ_r S_r[→D], κ_r = HHI of r's suppliers; over the trailing share window";

    /// <inheritdoc />
    public override string Citation => "Emerson (1962), ASR 27(1), pp. 31–41: power-dependence; Keohane and Nye (1977), ch. 1; Biermann (2025), p. 4";

    /// <summary>Both sides' dependence.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>(the client's dependence on the patron, the patron's on the client).</returns>
    public static (ResourceDependence ClientOnPatron, ResourceDependence PatronOnClient) Parts(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        return (ResourceDependence.Of(at.Index, at.Client, at.Patron, a, b), ResourceDependence.Of(at.Index, at.Patron, at.Client, a, b));
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (at.Index.AreRelated(at.Patron, at.Client))
        {
            return null;
        }

        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        var c = ResourceDependence.ValueOf(at.Index, at.Client, at.Patron, a, b, out var clientReceived);
        var p = ResourceDependence.ValueOf(at.Index, at.Patron, at.Client, a, b, out var patronReceived);
        return clientReceived || patronReceived ? Math.Clamp(c - p, -1, 1) : null;
    }

    /// <inheritdoc />
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var n = t1 - t0 + 1;
        var index = dyad.Index;
        if (index.AreRelated(dyad.Patron, dyad.Client))
        {
            output[..n].Clear();
            return;
        }

        var w = index.Grid.WindowPeriods(dyad.Options.Exchange.ReciprocityWindowYears);
        var client = ThreadBuffer.Get(ref _client, n).AsSpan(0, n);
        var patron = ThreadBuffer.Get(ref _patron, n).AsSpan(0, n);
        var clientReceived = ThreadBuffer.Get(ref _clientReceived, n).AsSpan(0, n);
        var patronReceived = ThreadBuffer.Get(ref _patronReceived, n).AsSpan(0, n);
        ResourceDependence.Series(index, dyad.Client, dyad.Patron, w, t0, t1, client, clientReceived);
        ResourceDependence.Series(index, dyad.Patron, dyad.Client, w, t0, t1, patron, patronReceived);
        for (var i = 0; i < n; i++)
        {
            output[i] = clientReceived[i] || patronReceived[i] ? Math.Clamp(client[i] - patron[i], -1, 1) : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        if (at.Index.AreRelated(at.Patron, at.Client))
        {
            return;
        }

        var (a, b) = at.Trailing(at.Options.Exchange.ReciprocityWindowYears);
        var index = at.Index;
        foreach (var pair in index.SupporterPairs(at.Client))
        {
            TraceItems(at, uses, pair, EvidenceKind.Support, a, b, "support received by the client");
        }

        foreach (var pair in index.SupporterPairs(at.Patron))
        {
            TraceItems(at, uses, pair, EvidenceKind.Support, a, b, "support received by the patron");
        }
    }
}
