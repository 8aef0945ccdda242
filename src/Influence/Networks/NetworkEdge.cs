using System.Globalization;
using Influence.Internal;
using QuikGraph;

namespace Influence.Networks;

/// <summary>What an edge of the <see cref="ActorNetwork"/> carries.</summary>
public enum TieKind
{
    /// <summary>Resource flows (support evidence) from the source to the target.</summary>
    Support = 0,

    /// <summary>Coercive acts (coercion evidence) by the source against the target.</summary>
    Coercion = 1,
}

/// <summary>
/// A typed, weighted, directed edge of an <see cref="ActorNetwork"/>: the source's support to (or coercion of) the
/// target over the network's window. A QuikGraph <see cref="IEdge{TVertex}"/> whose vertices are actor positions in
/// <see cref="Cases.Case.Actors"/>.
/// </summary>
/// <remarks>
/// The weight is Σ confidence × magnitude (support) or Σ confidence × severity (coercion) × each item's share of the
/// window's periods: the same sums every measure reads from the <see cref="Indexing.EvidenceIndex"/>. It is 0 for a
/// tie whose items all weigh 0 (a magnitude or severity of 0, or a confidence weighted 0): the tie exists because the
/// items do, whatever their weight.
/// </remarks>
public sealed class NetworkEdge : IEdge<int>
{
    /// <summary>Creates an edge.</summary>
    /// <param name="source">The acting actor's position (≥ 0).</param>
    /// <param name="target">The other actor's position (≥ 0, not the source).</param>
    /// <param name="kind">Support or coercion.</param>
    /// <param name="weight">The weight, finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A position is negative or the weight is not finite and non-negative.</exception>
    /// <exception cref="ArgumentException">Source and target are the same actor.</exception>
    public NetworkEdge(int source, int target, TieKind kind, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        if (source == target)
        {
            throw new ArgumentException($"an edge joins two different actors; source and target are both {source}", nameof(target));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be support or coercion");
        }

        Source = source;
        Target = target;
        Kind = kind;
        Weight = Check.NonNegativeOrThrow(weight, nameof(weight));
    }

    /// <summary>The acting actor's position.</summary>
    public int Source { get; }

    /// <summary>The other actor's position.</summary>
    public int Target { get; }

    /// <summary>Support or coercion.</summary>
    public TieKind Kind { get; }

    /// <summary>The weight over the network's window (≥ 0).</summary>
    public double Weight { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source} -{(Kind == TieKind.Support ? "support" : "coercion")} {Weight:0.###}-> {Target}");
}
