using System.Collections.Immutable;
using Influence.Evidence;
using Influence.Networks;

namespace Influence.Theory;

/// <summary>
/// Reverse leverage: the client supports a third party that coerces the patron (Afghan Taliban → TTP → Pakistan),
/// which gives the weaker side a hold over the stronger.
/// </summary>
/// <remarks>
/// <code>
/// paths             = { C →support z →coercion P : z a third party }         (network window, default 1 year)
/// strength(z)       = min(S[C→z], K[z→P])                                  (the weaker leg bounds the path)
/// reverseLeverage   = 1 − exp(−Σ_z strength(z) / k)                        k = ReverseLeverageScale (1.0)
/// </code>
/// Read from the ego network of patron and client (<see cref="ActorNetwork.Around"/>); the paths are available from
/// <see cref="Paths"/> and <see cref="ActorNetwork.ReverseLeveragePaths"/>. 0 when one leg is observed (the client
/// supports a third party, or a third party coerces the patron) but no path closes; undefined when neither is.
/// Keohane (1971), Foreign Policy 2, pp. 161–182: the big influence of small allies; Holsti (1964), pp. 179–194;
/// Sharma (2026), section 3: the Taliban "see the group as leverage against a more powerful Pakistan".
/// </remarks>
public sealed class ReverseLeverage : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly ReverseLeverage Instance = new();

    private ReverseLeverage()
        : base("reverseLeverage")
    {
    }

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−Σ_z min(S[C→z], K[z→P]) / k) over third parties z the client supports and that coerce the patron, over the network window";

    /// <inheritdoc />
    public override string Citation => "Keohane (1971), Foreign Policy 2, pp. 161–182; Holsti (1964), pp. 179–194; Sharma (2026), section 3 (the TTP as leverage)";

    /// <summary>The reverse-leverage paths of one dyad and period.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The paths (empty when patron and client are one movement).</returns>
    public static ImmutableArray<ReverseLeveragePath> Paths(in DyadPeriod at) =>
        Network(at) is { } network ? network.ReverseLeveragePaths(at.Patron, at.Client) : [];

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (Network(at) is not { } network || !LegObserved(network, at.Patron, at.Client))
        {
            return null;
        }

        var sum = 0.0;
        foreach (var path in network.ReverseLeveragePaths(at.Patron, at.Client))
        {
            sum += path.Strength;
        }

        return Saturate(sum, at.Options.Multilateral.ReverseLeverageScale);
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        if (Network(at) is not { } network)
        {
            return;
        }

        var index = at.Index;
        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        var (p, c) = (at.Patron, at.Client);
        var paths = network.ReverseLeveragePaths(p, c);
        if (!paths.IsEmpty)
        {
            foreach (var path in paths)
            {
                var id = index.Case.Actors[path.ThirdParty].Id;
                TraceItems(at, uses, index.PairOf(c, path.ThirdParty), EvidenceKind.Support, a, b, $"client's support to {id}");
                TraceItems(at, uses, index.PairOf(path.ThirdParty, p), EvidenceKind.Coercion, a, b, $"{id}'s coercion of the patron");
            }

            return;
        }

        foreach (var e in network.Graph.OutEdges(c))
        {
            if (e.Kind == TieKind.Support && e.Target != p)
            {
                TraceItems(at, uses, index.PairOf(c, e.Target), EvidenceKind.Support, a, b, "client's support to a third party (no path)");
            }
        }

        foreach (var e in network.Graph.InEdges(p))
        {
            if (e.Kind == TieKind.Coercion && e.Source != c)
            {
                TraceItems(at, uses, index.PairOf(e.Source, p), EvidenceKind.Coercion, a, b, "a third party's coercion of the patron (no path)");
            }
        }
    }

    private static ActorNetwork? Network(in DyadPeriod at)
    {
        if (at.Index.AreRelated(at.Patron, at.Client))
        {
            return null;
        }

        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        return ActorNetwork.Around(at.Index, a, b, at.Patron, at.Client);
    }

    private static bool LegObserved(ActorNetwork network, int patron, int client)
    {
        foreach (var e in network.Graph.OutEdges(client))
        {
            if (e.Kind == TieKind.Support && e.Target != patron)
            {
                return true;
            }
        }

        foreach (var e in network.Graph.InEdges(patron))
        {
            if (e.Kind == TieKind.Coercion && e.Source != client)
            {
                return true;
            }
        }

        return false;
    }
}
