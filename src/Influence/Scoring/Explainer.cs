using System.Collections.Immutable;
using System.Globalization;
using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;
using Influence.Theory;

namespace Influence.Scoring;

/// <summary>One evidence item's part in a value.</summary>
/// <param name="EvidenceId">The item's id.</param>
/// <param name="Kind">The item's kind.</param>
/// <param name="Date">The item's date, as coded (a point or a span, at its precision).</param>
/// <param name="Confidence">How well established.</param>
/// <param name="Term">The term of the formula it fed; when it fed several, each with its weight in it ("patron input (variability), weight 3; patron's first input (window start), weight 0.6").</param>
/// <param name="Weight">Its weight in that term (summed over the terms when it fed several).</param>
/// <param name="ValueWithout">The value scored without this item (null: undefined without it).</param>
/// <param name="Effect">The value minus <paramref name="ValueWithout"/>: how much this item moved the value (null when either is undefined).</param>
/// <param name="Sources">The sources it cites.</param>
/// <param name="Note">The coder's note.</param>
public sealed record Contribution(
    string EvidenceId,
    EvidenceKind Kind,
    EvidenceDate Date,
    Confidence Confidence,
    string Term,
    double Weight,
    double? ValueWithout,
    double? Effect,
    ImmutableArray<Source> Sources,
    string? Note)
{
    /// <inheritdoc />
    /// <remarks>Compares <see cref="Sources"/> by their contents, in order.</remarks>
    public bool Equals(Contribution? other) =>
        other is not null && EvidenceId == other.EvidenceId && Kind == other.Kind && Date == other.Date && Confidence == other.Confidence
        && Term == other.Term && Weight.Equals(other.Weight) && Nullable.Equals(ValueWithout, other.ValueWithout) && Nullable.Equals(Effect, other.Effect)
        && Records.SequenceEqual(Sources, other.Sources) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EvidenceId, Kind, Date, Term, Weight, ValueWithout, Effect, Records.SequenceHash(Sources));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(EvidenceId), EvidenceId).Add(nameof(Kind), Kind).Add(nameof(Date), Date).Add(nameof(Confidence), Confidence)
            .Add(nameof(Term), Term).Add(nameof(Weight), Weight).Add(nameof(ValueWithout), ValueWithout).Add(nameof(Effect), Effect)
            .Add(nameof(Sources), Sources).Add(nameof(Note), Note);
        return true;
    }
}

/// <summary>Why a value is what it is.</summary>
/// <param name="Dyad">The dyad.</param>
/// <param name="Period">The period.</param>
/// <param name="Measure">The measure's name.</param>
/// <param name="Value">The value (null when undefined).</param>
/// <param name="Formula">The measure's formula.</param>
/// <param name="Citation">The theory it encodes.</param>
/// <param name="Contributions">
/// Every evidence item that fed the value: first those the value rests on (it is undefined without each of them), then
/// the others by the size of their effect, largest first (ties: larger weight first, then by id).
/// </param>
/// <param name="ValueWithoutAll">
/// The value scored without every item of <paramref name="Contributions"/> at once (null: undefined without them, or
/// no item fed the value).
/// </param>
/// <remarks>
/// An explanation of a measure whose value is undefined has a <see cref="Reason"/>, and its contributions are the
/// items the measure read, which were not enough for a value: their effects are null, as there is no value for them
/// to move (and their values without them too, unless removing one would give a value). An explanation of a verdict (<see cref="Explainer.State"/>,
/// <see cref="Explainer.PatronClient"/>) has a <see cref="Verdict"/> and its <see cref="Rule"/>, no value and no
/// contributions: explain the measures its rule names.
/// </remarks>
public sealed record Explanation(
    Dyad Dyad,
    Period Period,
    string Measure,
    double? Value,
    string Formula,
    string Citation,
    ImmutableArray<Contribution> Contributions,
    double? ValueWithoutAll = null)
{
    /// <summary>
    /// The value minus <see cref="ValueWithoutAll"/>: what the items move together (null when either is undefined).
    /// Where a measure is a mean, saturates or reads the latest observation (so that an older one takes a removed
    /// item's place), this can be far larger than the sum of the single effects, each of which is measured with every
    /// other item still in place.
    /// </summary>
    public double? JointEffect => Value is { } v && ValueWithoutAll is { } w ? v - w : null;

    /// <summary>
    /// The sources the contributions cite, each once (by <see cref="Source.Id"/>), in the order they are first cited
    /// going down <see cref="Contributions"/> (so the sources of the items the value rests on, and of the largest
    /// effects, come first): a bibliography of the value. Empty when there are no contributions (an undefined value
    /// of a dyad not scored, a verdict). Sort it (for example by <see cref="Source.Citation"/>) to print it
    /// alphabetically.
    /// </summary>
    public ImmutableArray<Source> Sources
    {
        get
        {
            if (Contributions.IsDefaultOrEmpty)
            {
                return [];
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var sources = ImmutableArray.CreateBuilder<Source>();
            foreach (var c in Contributions)
            {
                foreach (var s in c.Sources.IsDefault ? ImmutableArray<Source>.Empty : c.Sources)
                {
                    if (seen.Add(s.Id))
                    {
                        sources.Add(s);
                    }
                }
            }

            return sources.ToImmutable();
        }
    }

    /// <summary>
    /// Why the value is undefined, in words, when it is an undefined value of a measure (null when the value is
    /// defined, and for a verdict): that the dyad was not scored in the period (the reason, as
    /// <see cref="ScoreSet.InactiveReason(int, int)"/> gives it), else what the built-in measure needs and the period does not
    /// give it (for example "inputEfficiency needs at least 3 independent points …"), else, for a
    /// measure of your own, that the items it read are not enough for a value.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The verdict, when this explains one of the two verdicts rather than a measure (null otherwise): the relationship
    /// state ("consolidated", …, or "unobserved") or the patron–client test ("patron–client", "not patron–client" or
    /// "undetermined").
    /// </summary>
    public string? Verdict { get; init; }

    /// <summary>The rule that gave <see cref="Verdict"/>, in words with the numbers (null for a measure).</summary>
    public string? Rule { get; init; }

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Contributions"/> by their contents, in order.</remarks>
    public bool Equals(Explanation? other) =>
        other is not null && Dyad == other.Dyad && Period == other.Period && Measure == other.Measure && Nullable.Equals(Value, other.Value)
        && Formula == other.Formula && Citation == other.Citation && Records.SequenceEqual(Contributions, other.Contributions)
        && Nullable.Equals(ValueWithoutAll, other.ValueWithoutAll) && Reason == other.Reason && Verdict == other.Verdict && Rule == other.Rule;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dyad, Period, Measure, Value, Records.SequenceHash(Contributions), ValueWithoutAll, Reason, Verdict);

    /// <summary>
    /// The explanation in a line: the measure, dyad and period, the value (in the invariant culture, round-trip) or
    /// "undefined", and how many evidence items fed it, as in
    /// "conflict of pakistan→taliban in 2024: 0.75 (3 evidence items)"; for a verdict, the verdict instead of a value
    /// ("state of pakistan→taliban in 2024: contested"). The formula, citation, reason and items themselves are in
    /// the properties (and <see cref="IO.ExplanationWriter"/>'s JSON).
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var head = $"{Measure} of {Dyad} in {Period}: ";
        if (Verdict is { } verdict)
        {
            return head + verdict;
        }

        var items = Contributions.IsDefault ? 0 : Contributions.Length;
        var value = Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "undefined";
        return string.Create(CultureInfo.InvariantCulture, $"{head}{value} ({items} evidence item{(items == 1 ? string.Empty : "s")})");
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dyad), Dyad).Add(nameof(Period), Period).Add(nameof(Measure), Measure).Add(nameof(Value), Value)
            .Add(nameof(Formula), Formula).Add(nameof(Citation), Citation).Add(nameof(Contributions), Contributions)
            .Add(nameof(ValueWithoutAll), ValueWithoutAll).Add(nameof(JointEffect), JointEffect)
            .Add(nameof(Reason), Reason).Add(nameof(Verdict), Verdict).Add(nameof(Rule), Rule);
        return true;
    }
}

/// <summary>
/// Explains a value: lists every evidence item that fed it (from the measure's <see cref="Measure.Trace"/>), with the
/// term it fed, its weight, and its effect, measured by scoring the same dyad and period again without the item; or
/// explains one of the two verdicts over measures (<see cref="State"/>, <see cref="PatronClient"/>) by its rule.
/// </summary>
public static class Explainer
{
    /// <summary>The name that asks <see cref="Explain"/> for the relationship state (<see cref="ScoreSet.State(int, int)"/>).</summary>
    public const string State = "state";

    /// <summary>The name that asks <see cref="Explain"/> for the patron–client test (<see cref="ScoreSet.PatronClient(int, int)"/>).</summary>
    public const string PatronClient = "patronClient";

    /// <summary>Explains one value of a score set: a measure's, or one of the two verdicts.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">
    /// The measure name, or <see cref="State"/> or <see cref="PatronClient"/> (case-insensitive, when no scored measure
    /// has that name) for a verdict: its rule, with no contributions.
    /// </param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The measure, dyad or period was not scored.</exception>
    /// <exception cref="InvalidOperationException">
    /// The measure traced a row outside the case's evidence or a weight that is not finite, or, scored without an
    /// item, gave NaN, an infinity or a value outside its scale.
    /// </exception>
    /// <remarks>
    /// An exception a custom measure throws reaches the caller as it is (the one of the first item, in trace order,
    /// whose re-scoring failed), not wrapped in an <see cref="AggregateException"/>.
    /// </remarks>
    public static Explanation Explain(ScoreSet scores, Dyad dyad, Period period, string measure)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(measure);
        if (scores.MeasureIndexOf(measure) < 0 && VerdictNamed(measure) is { } verdict)
        {
            return ExplainVerdict(scores, dyad, period, verdict);
        }

        var m = scores.RequireMeasure(measure, [State, PatronClient]);
        var d = scores.RequireDyad(dyad);
        var p = scores.RequirePeriod(period);
        var at = scores.At(d, p);
        var theMeasure = scores.Measures[m];
        var value = scores.Get(m, d, p).Value;
        var uses = scores.Trace(m, d, p);
        var @case = scores.Case;
        var columns = @case.Evidence.Columns;
        var grid = scores.Index.Grid;
        foreach (var use in uses)
        {
            if (use.Row < 0 || use.Row >= columns.Count)
            {
                throw new InvalidOperationException(
                    $"measure '{theMeasure.Name}' traced evidence row {use.Row} for {dyad} in {period}, outside the case's evidence (rows 0 … {columns.Count - 1})");
            }

            if (!double.IsFinite(use.Weight))
            {
                throw new InvalidOperationException(
                    $"measure '{theMeasure.Name}' traced evidence row {use.Row} ('{columns.Ids[use.Row]}') for {dyad} in {period} with weight {Check.Show(use.Weight)}, not a finite number");
            }
        }

        var byRow = uses.GroupBy(u => u.Row).ToList();
        var contributions = new Contribution[byRow.Count];
        ParallelLoop.For(byRow.Count, scores.Options.MaxDegreeOfParallelism, i =>
        {
            var row = byRow[i].Key;
            var id = columns.Ids[row];
            var without = @case.WhereEvidence(r => r != row);
            // Parts.None: the score checked the sizes of the parts its measures read, and this one reads no other.
            var index = EvidenceIndex.Build(without, grid, scores.Options, EvidenceIndex.Parts.None);
            var again = new DyadPeriod(index, at.Patron, at.Client, at.T);
            var valueWithout = Scorer.Checked(theMeasure, theMeasure.Evaluate(again), again);
            var item = @case.Evidence[row];
            contributions[i] = new Contribution(
                id,
                item.Kind,
                item.Date,
                item.Confidence,
                TermsOf(byRow[i]),
                byRow[i].Sum(u => u.Weight),
                valueWithout,
                value is { } v && valueWithout is { } w ? v - w : null,
                [.. item.Sources.Select(s => @case.FindSource(s)!)],
                item.Note);
        });

        // The items the value rests on (undefined without them) first, then by the size of their effect.
        var ordered = contributions
            .OrderByDescending(c => value is not null && c.ValueWithout is null)
            .ThenByDescending(c => Math.Abs(c.Effect ?? 0))
            .ThenByDescending(c => c.Weight)
            .ThenBy(c => c.EvidenceId, StringComparer.Ordinal)
            .ToImmutableArray();
        double? withoutAll = contributions.Length switch
        {
            0 => null,
            1 => contributions[0].ValueWithout,
            _ => WithoutRows(scores, theMeasure, at, [.. byRow.Select(g => g.Key)]),
        };
        var reason = value is not null ? null
            : scores.InactiveReason(d, p) ?? WhyUndefined(theMeasure, scores.Options, at) ?? (ordered.IsEmpty
                ? $"it read no evidence item here ({Names.DocsUrl("measures.md")} says what the measure needs)"
                : $"the items listed were read but are not enough for a value (see {Names.DocsUrl("measures.md")} for what the measure needs)");
        return new Explanation(dyad, period, theMeasure.Name, value, theMeasure.Formula, theMeasure.Citation, ordered, withoutAll) { Reason = reason };
    }

    /// <summary><see cref="State"/> or <see cref="PatronClient"/> when a name is one of them (any case), else null.</summary>
    /// <summary>
    /// The term an item fed, or, when it fed several (a support item that both lies in a window and bounds it), each
    /// with its own weight, so that the summed weight is not read as the weight in one of them.
    /// </summary>
    private static string TermsOf(IEnumerable<EvidenceUse> uses)
    {
        var terms = uses.GroupBy(u => u.Term).Select(g => (Term: g.Key, Weight: g.Sum(u => u.Weight))).ToArray();
        return terms.Length == 1
            ? terms[0].Term
            : string.Join("; ", terms.Select(t => $"{t.Term}, weight {t.Weight.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    private static string? VerdictNamed(string name) =>
        string.Equals(name, State, StringComparison.OrdinalIgnoreCase) ? State
        : string.Equals(name, PatronClient, StringComparison.OrdinalIgnoreCase) ? PatronClient
        : null;

    private static Explanation ExplainVerdict(ScoreSet scores, Dyad dyad, Period period, string verdict)
    {
        var d = scores.RequireDyad(dyad);
        var p = scores.RequirePeriod(period);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (verdict == State)
        {
            var v = scores.State(d, p);
            var t = scores.Options.States;
            var formula = string.Create(inv, $"unobserved when conflict is undefined (the dyad not observed in its window) or a party did not exist; else inverted when account balance ≤ −{t.InvertedBalance}; else exchange (high ≥ {t.HighExchange}, undefined counts as low) × conflict (high ≥ {t.HighConflict}): consolidated (high, low), contested (high, high), estranged (low, high), dormant (low, low)");
            return new Explanation(dyad, period, State, null, formula, "Biermann (2025), pp. 3–7: the features of patron–client relations; Sharma (2026) on \"strange bedfellows\"", [])
            {
                Verdict = v.State is { } st ? RelationshipStates.StateName(st) : "unobserved",
                Rule = v.Rule,
            };
        }

        var pc = scores.PatronClient(d, p);
        var th = scores.Options.PatronClient;
        var test = string.Create(inv, $"patron–client when exchange ≥ {th.Exchange}, asymmetry ≥ {th.Asymmetry}, diffuse obligation ≥ {th.DiffuseObligation} and endurance ≥ {th.Endurance}; not when one is below; undetermined when one is undefined or a party did not exist");
        return new Explanation(dyad, period, PatronClient, null, test, "Biermann (2025), pp. 3–7: the four features of patron–client relations", [])
        {
            Verdict = pc.IsPatronClient switch { true => "patron–client", false => "not patron–client", _ => "undetermined" },
            Rule = pc.Rule,
        };
    }

    /// <summary>
    /// What a built-in measure needs for a value, which an undefined value did not have (from the measure's definition
    /// in docs/measures.md, with the options' numbers), and for the measures with several conditions, which one this
    /// period fails; null for a measure of your own.
    /// </summary>
    private static string? WhyUndefined(Measure measure, ScoringOptions o, in DyadPeriod at)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string Years(double y) => string.Create(inv, $"{y:0.##} year{(y == 1 ? string.Empty : "s")}");
        var needs = measure switch
        {
            Exchange => $"support flowing in either direction within its reciprocity window ({Years(o.Exchange.ReciprocityWindowYears)})",
            PowerAsymmetry => "a capability observation of both actors by the end of the period",
            Conflict or ConflictByPatron or ConflictByClient => $"the dyad observed (any evidence between the two) within its window ({Years(o.Conflict.WindowYears)})",
            DiffuseObligation => $"a commitment in force, or patron support over at least two periods of its variability window ({Years(o.DiffuseObligation.VariabilityWindowYears)}), with a weight above 0",
            Endurance or AccountBalance => "a support flow in either direction in or before the period",
            Attainment => $"an observation of one of the patron's objectives within its look-back ({Years(o.Attainment.LookbackYears)})",
            Compliance => $"a demand of the patron on the client within its window ({Years(o.Compliance.WindowYears)})",
            IssueSpecificity => $"demands on at least two issues within its window ({Years(o.Compliance.WindowYears)})",
            CounterReaction => $"an overreach by the patron within its lag window ({Years(o.CounterReaction.LagYears)}) and demands, with a weight above 0, both after it and in the baseline before it ({Years(o.CounterReaction.BaselineYears)})",
            InputEfficiency => string.Create(inv, $"at least {o.InputEfficiency.MinimumPoints} independent points within its window ({Years(o.InputEfficiency.WindowYears)}), counted from the patron's first input to the client and from when both parties existed: periods with an observed attainment, resting on at least {o.InputEfficiency.MinimumPoints} distinct sets of observations (one span over several years is one), with growth in the patron's cumulative input between them"),
            Presence => $"the dyad observed (any evidence between the two) within its window ({Years(o.Presence.WindowYears)})",
            PresenceInfluenceGap => "presence and at least one part of influence (attainment or compliance)",
            ClientAgency => "at least one of its parts: a demand of the patron within the compliance window (defiance, red lines), the dyad observed within the conflict window (client force), or support received by the client within the reciprocity window (outside options)",
            PatronShare or AlternativePatrons or SupplierConcentration => $"support, with a weight above 0, received by the client within its window ({Years(o.Exchange.ReciprocityWindowYears)})",
            DependenceAsymmetry => "a support item received by the patron or the client within its window",
            Brokerage => "a channel between the client and a third party within its network window (and patron and client not one movement)",
            ReverseLeverage => "the client supporting a third party, or a third party coercing the patron, within its network window",
            _ => null,
        };
        if (needs is null)
        {
            return null;
        }

        var here = measure switch
        {
            CounterReaction => CounterReaction.Missing(at),
            InputEfficiency => InputEfficiency.Missing(at),
            PresenceInfluenceGap => Presence.Instance.Evaluate(at) is null
                ? "presence is undefined"
                : "attainment and compliance are both undefined",
            _ => null,
        };
        return here is null ? $"{measure.Name} needs {needs}, which it does not have here" : $"{measure.Name} needs {needs}; here {here}";
    }

    private static double? WithoutRows(ScoreSet scores, Measure measure, DyadPeriod at, HashSet<int> rows)
    {
        var without = scores.Case.WhereEvidence(r => !rows.Contains(r));
        var index = EvidenceIndex.Build(without, scores.Index.Grid, scores.Options, EvidenceIndex.Parts.None);
        var again = new DyadPeriod(index, at.Patron, at.Client, at.T);
        return Scorer.Checked(measure, measure.Evaluate(again), again);
    }
}
