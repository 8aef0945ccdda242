using System.Collections.Immutable;
using Influence.Cases;

namespace Influence.Scoring;

/// <summary>What to score: which dyads, at what granularity, over which periods. Every field is optional.</summary>
public sealed record ScoringRequest
{
    /// <summary>Score the case's declared dyads at its own granularity over its own range.</summary>
    public static ScoringRequest Default { get; } = new();

    /// <summary>The dyads to score (empty: the dyads the case declares).</summary>
    public ImmutableArray<Dyad> Dyads { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The granularity (null: the case's).</summary>
    public Granularity? Granularity { get; init; }

    /// <summary>The first period (null: the case's, else the first year with evidence). Converted to the granularity.</summary>
    public Period? From { get; init; }

    /// <summary>The last period (null: the case's, else the last year with evidence). Converted to the granularity.</summary>
    public Period? To { get; init; }

    /// <summary>
    /// The names of the measures to score (case-insensitive; built-in or custom), kept in output order; empty: every
    /// measure. Scoring fewer measures costs proportionally less; the patron–client test and the relationship state
    /// still work, evaluating any feature they need that was left out.
    /// </summary>
    public ImmutableArray<string> Measures { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>A request for one dyad.</summary>
    /// <param name="patron">The patron id.</param>
    /// <param name="client">The client id.</param>
    /// <returns>The request.</returns>
    public static ScoringRequest ForDyad(string patron, string client) => new() { Dyads = [new Dyad(patron, client)] };
}
