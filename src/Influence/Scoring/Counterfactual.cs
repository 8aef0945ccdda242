using System.Collections.Immutable;
using Influence.Cases;
using Influence.Internal;

namespace Influence.Scoring;

/// <summary>One measure scored with and without a third party's evidence.</summary>
/// <param name="With">The value with every item (null when undefined).</param>
/// <param name="Without">The value without the third party's items (null when undefined).</param>
public readonly record struct MeasureChange(double? With, double? Without)
{
    /// <summary>With − without: what the third party's engagement changed (null when either is undefined).</summary>
    public double? Effect => With is { } a && Without is { } b ? a - b : null;
}

/// <summary>One period of a <see cref="ThirdPartyCounterfactual"/>.</summary>
/// <param name="Period">The period.</param>
/// <param name="PatronShare">The patron's share of the client's support.</param>
/// <param name="AlternativePatrons">The number of alternative patrons.</param>
/// <param name="SupplierConcentration">The concentration of the client's supporters.</param>
/// <param name="Brokerage">The patron's brokerage between the client and third parties.</param>
/// <param name="State">The relationship state with every item (null: unobserved).</param>
/// <param name="StateWithout">The state without the third party's items.</param>
/// <param name="StateRule">The rule that gave <paramref name="State"/>.</param>
/// <param name="StateRuleWithout">The rule that gave <paramref name="StateWithout"/>.</param>
public sealed record CounterfactualPeriod(
    Period Period,
    MeasureChange PatronShare,
    MeasureChange AlternativePatrons,
    MeasureChange SupplierConcentration,
    MeasureChange Brokerage,
    RelationshipState? State,
    RelationshipState? StateWithout,
    string StateRule,
    string StateRuleWithout)
{
    /// <summary>Whether removing the third party changes the relationship state.</summary>
    public bool StateChanged => State != StateWithout;

    /// <summary>
    /// Why the dyad is not scored in this period (<see cref="ScoreSet.InactiveReason"/>: a party did not exist, or the
    /// period is after the evidence), or null when it is. Removing a third party's items changes neither.
    /// </summary>
    public string? NotScored { get; init; }

    /// <summary>
    /// Whether the case's evidence ends inside this period, before its last day (<see cref="ScoreSet.IsPartial(int)"/>): its
    /// values, with and without the third party, rest on part of the period only (the reference case's 2026, whose
    /// evidence ends on 2026-02-28). Removing a third party's items does not change it.
    /// </summary>
    public bool Partial { get; init; }
}

/// <summary>"What if the third party had not engaged?": a dyad scored with and without one third party's evidence.</summary>
/// <param name="Dyad">The dyad.</param>
/// <param name="ThirdParty">The third party's actor id.</param>
/// <param name="EvidenceRemoved">The ids of the items removed (the third party's and its factions'), in canonical order.</param>
/// <param name="Periods">Every period of the range, in order.</param>
public sealed record ThirdPartyCounterfactual(Dyad Dyad, string ThirdParty, ImmutableArray<string> EvidenceRemoved, ImmutableArray<CounterfactualPeriod> Periods)
{
    /// <summary>
    /// The <see cref="ScoreSet.InputHash"/> of the scoring with every item (<see cref="Reproducibility.InputHash"/> of
    /// the whole case and the options): the score output's hash for the same case and options. Set by
    /// <see cref="Counterfactual.WithoutThirdParty"/>; null for a counterfactual built by hand without it. The dyad, the
    /// third party and the periods are not in it (they are written beside it).
    /// </summary>
    public string? InputHash { get; init; }

    /// <summary>
    /// The last day the case's evidence was looked for (<see cref="ScoreSet.EvidenceEnds"/> of the scoring with every
    /// item; null for a case with neither a declared end nor dated items, and for a counterfactual built by hand
    /// without it). The period that holds it short of its own end is <see cref="CounterfactualPeriod.Partial"/>.
    /// </summary>
    public DateOnly? EvidenceEnds { get; init; }

    /// <inheritdoc />
    /// <remarks>Compares <see cref="EvidenceRemoved"/> and <see cref="Periods"/> by their contents, in order.</remarks>
    public bool Equals(ThirdPartyCounterfactual? other) =>
        other is not null && Dyad == other.Dyad && ThirdParty == other.ThirdParty && InputHash == other.InputHash && EvidenceEnds == other.EvidenceEnds
        && Records.SequenceEqual(EvidenceRemoved, other.EvidenceRemoved) && Records.SequenceEqual(Periods, other.Periods);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dyad, ThirdParty, InputHash, EvidenceEnds, Records.SequenceHash(EvidenceRemoved), Records.SequenceHash(Periods));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dyad), Dyad).Add(nameof(ThirdParty), ThirdParty).Add(nameof(EvidenceRemoved), EvidenceRemoved).Add(nameof(Periods), Periods).Add(nameof(InputHash), InputHash).Add(nameof(EvidenceEnds), EvidenceEnds);
        return true;
    }
}

/// <summary>
/// Multilateral attribution by counterfactual: remove every evidence item a third party (or one of its factions) is
/// party to, score the dyad again through the same <see cref="Scorer"/>, and report how the patron's share, the
/// client's alternatives, the concentration of its supporters, the patron's brokerage and the relationship state
/// change. Holsti (1964): what a patron can get from its client depends on everyone else.
/// </summary>
public static class Counterfactual
{
    /// <summary>Scores a dyad with and without one third party's evidence.</summary>
    /// <param name="case">The case.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="thirdParty">The third party's actor id (neither patron nor client, nor in one movement with them).</param>
    /// <param name="options">The options (null: <see cref="ScoringOptions.Default"/>).</param>
    /// <param name="from">The first period (null: the case's range); its granularity is used, else the case's.</param>
    /// <param name="to">The last period (null: the case's range).</param>
    /// <returns>The comparison, period by period.</returns>
    /// <exception cref="ArgumentException">
    /// The dyad or third party names an unknown actor, the third party is the patron, the client, or in one movement
    /// with either, or a period lies outside the case's range (its declared range, else the years of its evidence).
    /// </exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static ThirdPartyCounterfactual WithoutThirdParty(Case @case, Dyad dyad, string thirdParty, ScoringOptions? options = null, Period? from = null, Period? to = null) =>
        Scored(@case, dyad, thirdParty, options, from, to).Result;

    /// <summary>
    /// <see cref="WithoutThirdParty"/>, with the scoring with every item beside it (for the command line's notes on the
    /// partial period, which it words from a <see cref="ScoreSet"/> as the score table does).
    /// </summary>
    internal static (ThirdPartyCounterfactual Result, ScoreSet With) Scored(Case @case, Dyad dyad, string thirdParty, ScoringOptions? options = null, Period? from = null, Period? to = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(thirdParty);
        options ??= ScoringOptions.Default;
        var z = @case.ActorIndexOf(thirdParty);
        if (z < 0)
        {
            throw new ArgumentException($"{@case.NoActorCalled(thirdParty)}", nameof(thirdParty));
        }

        Scorer.RequireDyad(@case, dyad, nameof(dyad));
        if (ThirdPartyProblem(@case, dyad, thirdParty) is { } problem)
        {
            throw new ArgumentException(problem, nameof(thirdParty));
        }

        var within = Subtree(@case, z);

        var request = new ScoringRequest { Dyads = [dyad], Granularity = from?.Granularity ?? to?.Granularity, From = from, To = to };
        var (first, last) = Scorer.CheckedRange(@case, request, nameof(from), nameof(to));
        request = request with { Granularity = first.Granularity, From = first, To = last };
        var columns = @case.Evidence.Columns;
        bool Involves(int row) => (columns.A[row] >= 0 && within[columns.A[row]]) || (columns.B[row] >= 0 && within[columns.B[row]]);
        var removed = Enumerable.Range(0, columns.Count).Where(Involves).Select(r => columns.Ids[r]).ToImmutableArray();
        var reduced = @case.WhereEvidence(row => !Involves(row));
        var with = Scorer.Score(@case, options, request);
        var without = Scorer.Score(reduced, options, request);
        var periods = ImmutableArray.CreateBuilder<CounterfactualPeriod>(with.PeriodCount);
        for (var p = 0; p < with.PeriodCount; p++)
        {
            var a = with.For(0, p);
            var b = without.For(0, p);
            var (sa, sb) = (a.State, b.State);
            periods.Add(new CounterfactualPeriod(
                with.Periods[p],
                new(a.PatronShare.Value, b.PatronShare.Value),
                new(a.AlternativePatrons.Value, b.AlternativePatrons.Value),
                new(a.SupplierConcentration.Value, b.SupplierConcentration.Value),
                new(a.Brokerage.Value, b.Brokerage.Value),
                sa.State,
                sb.State,
                sa.Rule,
                sb.Rule)
            { NotScored = with.InactiveReason(0, p), Partial = with.IsPartial(p) });
        }

        return (new ThirdPartyCounterfactual(dyad, thirdParty, removed, periods.MoveToImmutable()) { InputHash = with.InputHash, EvidenceEnds = with.EvidenceEnds }, with);
    }

    /// <summary>
    /// Why a third party cannot be taken out of a dyad (it is the patron or the client, or in one movement line with
    /// either), or null when it can or when it or the dyad's actors are not actors of the case (said elsewhere).
    /// </summary>
    internal static string? ThirdPartyProblem(Case @case, Dyad dyad, string thirdParty)
    {
        var z = @case.ActorIndexOf(thirdParty);
        if (z < 0)
        {
            return null;
        }

        var within = Subtree(@case, z);
        foreach (var (id, role) in new[] { (dyad.Patron, "patron"), (dyad.Client, "client") })
        {
            var a = @case.ActorIndexOf(id);
            if (a < 0)
            {
                continue;
            }

            if (a == z)
            {
                return $"the third party must be neither patron nor client; '{thirdParty}' is the dyad's {role}";
            }

            if (within[a] || Subtree(@case, a)[z])
            {
                return $"the third party must be outside the dyad's movements; '{thirdParty}' and '{id}' are in one movement line";
            }
        }

        return null;
    }

    /// <summary>Which actors lie within an actor (it and its factions, at any depth).</summary>
    private static bool[] Subtree(Case @case, int root)
    {
        var actors = @case.Actors;
        var inside = new bool[actors.Length];
        for (var a = 0; a < actors.Length; a++)
        {
            var current = a;
            var steps = 0;
            while (current >= 0 && steps++ <= actors.Length)
            {
                if (current == root)
                {
                    inside[a] = true;
                    break;
                }

                current = actors[current].Parent is { } parent ? @case.ActorIndexOf(parent) : -1;
            }
        }

        return inside;
    }
}
