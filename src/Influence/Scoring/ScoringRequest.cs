using System.Collections.Immutable;
using Influence.Cases;
using Influence.Internal;

namespace Influence.Scoring;

/// <summary>What to score: which dyads, at what granularity, over which periods. Every field is optional.</summary>
public sealed record ScoringRequest
{
    /// <summary>Score the case's declared dyads at its own granularity over its own range.</summary>
    public static ScoringRequest Default { get; } = new();

    /// <summary>The dyads to score (empty: the dyads the case declares), each once.</summary>
    /// <exception cref="ArgumentException">A dyad is <c>default</c>, lacks a patron or client, or is given twice.</exception>
    public ImmutableArray<Dyad> Dyads { get; init => field = value.IsDefault ? [] : CheckDyads(value, nameof(Dyads)); } = [];

    /// <summary>The granularity (null: the case's).</summary>
    public Granularity? Granularity { get; init; }

    /// <summary>
    /// The first period (null: the case's, else the first year with evidence). Converted to the granularity. Without
    /// a <see cref="Granularity"/>, <see cref="From"/> and <see cref="To"/> must not differ in granularity (scoring
    /// rejects the request rather than guess which was meant).
    /// </summary>
    public Period? From { get; init; }

    /// <summary>The last period (null: the case's, else the last year with evidence). Converted to the granularity.</summary>
    public Period? To { get; init; }

    /// <summary>
    /// The names of the measures to score (case-insensitive; built-in or custom, or a short name of the score table such
    /// as <c>confl</c> or <c>gap</c>); empty: every measure. The order of the names does not matter: the measures
    /// scored are written in the library's order, the built-in ones as in <see cref="Theory.Measures.BuiltIn"/>, then the
    /// custom ones as in <see cref="ScoringOptions.CustomMeasures"/> (see <see cref="ScoreSet.Measures"/>), so
    /// <c>["conflict", "exchange"]</c> gives exchange, then conflict. Scoring fewer measures costs proportionally less; the patron–client test and the relationship state
    /// still work, evaluating any feature they need that was left out, and so do <see cref="PeriodScores"/>' measures,
    /// computed when read (<see cref="ScoreSet.Get(string, Dyad, Period)"/> and <see cref="ScoreSet.Series"/> read
    /// only what was scored).
    /// </summary>
    /// <remarks>
    /// Each entry must name a measure, and a different one: scoring rejects (an <see cref="ArgumentException"/> on
    /// <c>request</c>, naming every bad entry at once) a null or blank entry, an unknown name (with the nearest known
    /// one), and a measure named twice, in any case of its letters or by its short name and its full name
    /// (<c>confl</c> and <c>conflict</c>). The names can only be checked against the options' custom measures, so
    /// they are checked when scoring, not when set.
    /// </remarks>
    public ImmutableArray<string> Measures { get; init => field = value.IsDefault ? [] : value; } = [];

    private static ImmutableArray<Dyad> CheckDyads(ImmutableArray<Dyad> dyads, string name)
    {
        var seen = new HashSet<Dyad>();
        for (var i = 0; i < dyads.Length; i++)
        {
            var d = dyads[i];
            if (d.IsDefault)
            {
                throw new ArgumentException($"{name} must each name a patron and a client; dyad {i} was default(Dyad)", name);
            }

            if (!seen.Add(d))
            {
                throw new ArgumentException($"{name} must name each dyad once; {d} was given twice (dyad {i} repeats dyad {dyads.IndexOf(d)})", name);
            }
        }

        return dyads;
    }

    /// <summary>A request for one dyad.</summary>
    /// <param name="patron">The patron id.</param>
    /// <param name="client">The client id.</param>
    /// <returns>The request.</returns>
    public static ScoringRequest ForDyad(string patron, string client) => new() { Dyads = [new Dyad(patron, client)] };

    /// <summary>
    /// A request for every ordered pair of a case's actors that can be scored as a dyad: each patron with each client,
    /// in the order of the case's actors, leaving out an actor paired with itself and the pairs of which one party lies
    /// within the other (a movement and its own faction), whose evidence is internal to the movement.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <returns>The request (every measure, the case's granularity and range).</returns>
    public static ScoringRequest AllPairs(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var dyads = ImmutableArray.CreateBuilder<Dyad>();
        foreach (var patron in @case.Actors)
        {
            foreach (var client in @case.Actors)
            {
                if (patron.Id != client.Id && @case.WithinEachOther(new Dyad(patron.Id, client.Id)) is null)
                {
                    dyads.Add(new Dyad(patron.Id, client.Id));
                }
            }
        }

        return new() { Dyads = dyads.ToImmutable() };
    }

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Dyads"/> and <see cref="Measures"/> by their contents, in order (measure names exactly as given).</remarks>
    public bool Equals(ScoringRequest? other) =>
        other is not null && Records.SequenceEqual(Dyads, other.Dyads) && Granularity == other.Granularity && From == other.From && To == other.To
        && Records.SequenceEqual(Measures, other.Measures);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Records.SequenceHash(Dyads), Granularity, From, To, Records.SequenceHash(Measures));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dyads), Dyads).Add(nameof(Granularity), Granularity).Add(nameof(From), From).Add(nameof(To), To)
            .Add(nameof(Measures), Measures);
        return true;
    }
}
