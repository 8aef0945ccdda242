using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.Cases;

/// <summary>
/// Builds a <see cref="Case"/>: add actors, sources, issues, objectives, indicators, dyads and evidence in any
/// order, then <see cref="Build"/>, which checks every cross-reference and reports every problem at once.
/// </summary>
/// <remarks>
/// Evidence is stored as columns as it is added, so building a case of millions of items costs about as much
/// memory as the case itself. Not thread-safe.
/// </remarks>
public sealed class CaseBuilder
{
    private readonly List<Actor> _actors = [];
    private readonly List<Source> _sources = [];
    private readonly List<Issue> _issues = [];
    private readonly List<Objective> _objectives = [];
    private readonly List<Indicator> _indicators = [];
    private readonly List<AmountUnit> _units = [];
    private readonly List<Dyad> _dyads = [];
    private readonly Rows _rows = new();

    /// <summary>Starts a case.</summary>
    /// <param name="id">The case id.</param>
    /// <param name="name">The case title.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is not an identifier, or <paramref name="name"/> is empty, white space or holds a control
    /// character or a bidirectional override.
    /// </exception>
    public CaseBuilder(string id, string name)
    {
        Id = Check.IdentifierOrThrow(id, nameof(id));
        Name = Check.RequiredTextOrThrow(name, "a case's name", nameof(name));
    }

    /// <summary>The case id.</summary>
    public string Id { get; }

    /// <summary>The case title.</summary>
    public string Name { get; }

    /// <summary>A description of the case and how it was coded.</summary>
    public string? Description { get; set => field = Check.TextOrThrow(value, nameof(Description)); }

    /// <summary>What capability values measure.</summary>
    public string? CapabilityIndex { get; set => field = Check.TextOrThrow(value, nameof(CapabilityIndex)); }

    /// <summary>The default granularity (year unless set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a <see cref="Influence.Granularity"/>.</exception>
    public Granularity Granularity { get; set => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Granularity), value, "granularity must be year, quarter or month"); } = Granularity.Year;

    /// <summary>
    /// The default first period to score (null: the first year of the evidence). It may be coarser than
    /// <see cref="Granularity"/> (a year in a monthly case starts in its January), not finer: that is a build problem.
    /// </summary>
    public Period? From { get; set; }

    /// <summary>The default last period to score (null: the last year of the evidence); as <see cref="From"/>, not finer than <see cref="Granularity"/>.</summary>
    public Period? To { get; set; }

    /// <summary>
    /// The last day the case's evidence was looked for (null: the last day any evidence item covers); not before that
    /// day. Periods that start after it are not scored, and the period holding it short of its end is partial
    /// (<see cref="Case.EvidenceEnds"/>). Declare a later day when the coder looked further and found nothing: the
    /// measures then carry earlier evidence forward up to it, as they do between items.
    /// </summary>
    public DateOnly? EvidenceEnds { get; set; }

    /// <summary>
    /// Ids the case reader found declared but could not read whole (an objective whose holder is not an id):
    /// references to them are not reported again as "no objective is called …", which would send the reader to a
    /// declaration that is there.
    /// </summary>
    private readonly HashSet<(string What, string Id)> _unreadable = [];

    /// <summary>
    /// The ends of the range ("from", "to") the case reader found in the file but could not read: reported already,
    /// and not taken for ends left out.
    /// </summary>
    private readonly HashSet<string> _unreadableEnds = new(StringComparer.Ordinal);

    /// <summary>Notes that a declaration with this id is in the file but had problems of its own (see <see cref="_unreadable"/>).</summary>
    internal void DeclaredWithProblems(string what, string id) => _unreadable.Add((what, id));

    /// <summary>
    /// The kinds of id ("source", "actor") whose whole collection the case reader found missing or not an array:
    /// reported once there, and references to them are not reported again each as "no source is called …".
    /// </summary>
    private readonly HashSet<string> _unreadableCollections = new(StringComparer.Ordinal);

    /// <summary>Notes that the collection of this kind of id ("source") is missing or unreadable (see <see cref="_unreadableCollections"/>).</summary>
    internal void CollectionUnreadable(string what) => _unreadableCollections.Add(what);

    /// <summary>Notes that the range's end <paramref name="field"/> ("from" or "to") is in the file but could not be read (see <see cref="_unreadableEnds"/>).</summary>
    internal void RangeEndUnreadable(string field) => _unreadableEnds.Add(field);

    /// <summary>The number of evidence items added so far.</summary>
    public int EvidenceCount => _rows.Count;

    /// <summary>Adds an actor.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddActor(Actor actor) => Add(_actors, actor);

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddSource(Source source) => Add(_sources, source);

    /// <summary>Adds an issue.</summary>
    /// <param name="issue">The issue.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddIssue(Issue issue) => Add(_issues, issue);

    /// <summary>Adds an objective.</summary>
    /// <param name="objective">The objective.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddObjective(Objective objective) => Add(_objectives, objective);

    /// <summary>Adds an indicator series.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddIndicator(Indicator indicator) => Add(_indicators, indicator);

    /// <summary>Adds a unit for support amounts.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddUnit(AmountUnit unit) => Add(_units, unit);

    /// <summary>Declares a dyad to score.</summary>
    /// <param name="patron">The patron's id.</param>
    /// <param name="client">The client's id.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patron"/> or <paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="patron"/> or <paramref name="client"/> is not an identifier.</exception>
    public CaseBuilder AddDyad(string patron, string client)
    {
        _dyads.Add(new Dyad(Check.IdentifierOrThrow(patron, nameof(patron)), Check.IdentifierOrThrow(client, nameof(client))));
        return this;
    }

    /// <summary>Adds an evidence item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder Add(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _rows.Add(item);
        return this;
    }

    /// <summary>Adds evidence items.</summary>
    /// <param name="items">The items.</param>
    /// <returns>This builder.</returns>
    public CaseBuilder AddRange(IEnumerable<EvidenceItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Add(item);
        }

        return this;
    }

    /// <summary>
    /// Adds a support flow without building a record (for generators adding millions of items). The same rules apply
    /// as for <see cref="SupportEvidence"/>.
    /// </summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="from">The giver.</param>
    /// <param name="to">The receiver.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="magnitude">The magnitude in [0, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddSupport(string id, EvidenceDate date, Confidence confidence, string source, string from, string to, ResourceType resource, double magnitude)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        _rows.AddRaw(EvidenceKind.Support, id, date, confidence, source, from, to, (byte)Check.DefinedOrThrow(resource, nameof(resource), "a resource type"), Check.UnitIntervalOrThrow(magnitude, nameof(magnitude)), null);
        return this;
    }

    /// <summary>Adds a coercive act without building a record; see <see cref="CoercionEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="from">The coercer.</param>
    /// <param name="to">The target.</param>
    /// <param name="type">The form of coercion.</param>
    /// <param name="severity">The severity in [0, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddCoercion(string id, EvidenceDate date, Confidence confidence, string source, string from, string to, CoercionType type, double severity)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        _rows.AddRaw(EvidenceKind.Coercion, id, date, confidence, source, from, to, (byte)Check.DefinedOrThrow(type, nameof(type), "a coercion type"), Check.UnitIntervalOrThrow(severity, nameof(severity)), null);
        return this;
    }

    /// <summary>Adds a demand without building a record; see <see cref="DemandEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="from">The demander.</param>
    /// <param name="to">The target.</param>
    /// <param name="issue">The issue id.</param>
    /// <param name="salience">The salience in (0, 1].</param>
    /// <param name="response">The response.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddDemand(string id, EvidenceDate date, Confidence confidence, string source, string from, string to, string issue, double salience, DemandResponse response)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(issue);
        if (!(salience > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(salience), $"salience must be in (0, 1]; was {Check.Show(salience)}");
        }

        _rows.AddRaw(EvidenceKind.Demand, id, date, confidence, source, from, to, (byte)Check.DefinedOrThrow(response, nameof(response), "a response"), Check.UnitIntervalOrThrow(salience, nameof(salience)), issue);
        return this;
    }

    /// <summary>Adds a presence observation without building a record; see <see cref="PresenceEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="from">The present actor.</param>
    /// <param name="to">The host.</param>
    /// <param name="type">The form of presence.</param>
    /// <param name="level">The level in [0, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddPresence(string id, EvidenceDate date, Confidence confidence, string source, string from, string to, PresenceType type, double level)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        _rows.AddRaw(EvidenceKind.Presence, id, date, confidence, source, from, to, (byte)Check.DefinedOrThrow(type, nameof(type), "a presence type"), Check.UnitIntervalOrThrow(level, nameof(level)), null);
        return this;
    }

    /// <summary>Adds a commitment without building a record; see <see cref="CommitmentEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="from">One party.</param>
    /// <param name="to">The other party.</param>
    /// <param name="formality">The formality.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddCommitment(string id, EvidenceDate date, Confidence confidence, string source, string from, string to, CommitmentFormality formality)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        _rows.AddRaw(EvidenceKind.Commitment, id, date, confidence, source, from, to, (byte)Check.DefinedOrThrow(formality, nameof(formality), "a formality"), 1, null);
        return this;
    }

    /// <summary>Adds an attainment observation without building a record; see <see cref="AttainmentEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="objective">The objective id.</param>
    /// <param name="value">The attainment in [0, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddAttainment(string id, EvidenceDate date, Confidence confidence, string source, string objective, double value)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _rows.AddRaw(EvidenceKind.Attainment, id, date, confidence, source, null, null, 0, Check.UnitIntervalOrThrow(value, nameof(value)), objective);
        return this;
    }

    /// <summary>Adds an indicator observation without building a record; see <see cref="IndicatorEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="indicator">The indicator id.</param>
    /// <param name="value">The raw value (any finite number).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddIndicatorValue(string id, EvidenceDate date, Confidence confidence, string source, string indicator, double value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        _rows.AddRaw(EvidenceKind.Indicator, id, date, confidence, source, null, null, 0, Check.FiniteOrThrow(value, nameof(value)), indicator);
        return this;
    }

    /// <summary>Adds a capability observation without building a record; see <see cref="CapabilityEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="value">The capability, &gt; 0.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddCapability(string id, EvidenceDate date, Confidence confidence, string source, string actor, double value)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _rows.AddRaw(EvidenceKind.Capability, id, date, confidence, source, actor, null, 0, Check.PositiveOrThrow(value, nameof(value)), null);
        return this;
    }

    /// <summary>Adds an overreach event without building a record; see <see cref="OverreachEvidence"/>.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The date.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="source">The single source id.</param>
    /// <param name="from">The intruding patron.</param>
    /// <param name="to">The client.</param>
    /// <param name="severity">The severity in [0, 1].</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">A string argument (an id) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="source"/> is not an identifier, or the date is unset (references are checked by <see cref="Build"/>).</exception>
    public CaseBuilder AddOverreach(string id, EvidenceDate date, Confidence confidence, string source, string from, string to, double severity)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        _rows.AddRaw(EvidenceKind.Overreach, id, date, confidence, source, from, to, 0, Check.UnitIntervalOrThrow(severity, nameof(severity)), null);
        return this;
    }

    /// <summary>Makes room for <paramref name="count"/> evidence items in all, so that the columns are allocated once.</summary>
    internal void EnsureEvidenceCapacity(int count) => _rows.EnsureCapacity(count);

    /// <summary>The id of the evidence item added in position <paramref name="row"/> (0-based, in the order added).</summary>
    internal string EvidenceIdAt(int row) => _rows.IdAt(row);

    /// <summary>Cuts the evidence columns to the number of rows (after sizing them from an estimate).</summary>
    internal void TrimEvidence() => _rows.Trim();

    /// <summary>
    /// Adds an evidence item whose fields the caller has already checked with the rules of the records
    /// (<see cref="Check"/>, as <see cref="IO.CaseReader"/> does), without building a record. The fields are those of
    /// the columns: <paramref name="a"/> and <paramref name="b"/> the actors (the capability's actor in
    /// <paramref name="a"/>), <paramref name="type"/> the kind's enum (resource, coercion, response, presence,
    /// formality), <paramref name="value"/> its number (magnitude, severity, salience, value, level, scope) and
    /// <paramref name="reference"/> the issue, objective or indicator; <paramref name="amount"/> and
    /// <paramref name="unit"/> the amount a support magnitude was derived from. References are checked by <see cref="TryBuild"/>.
    /// </summary>
    internal void AddEvidence(EvidenceKind kind, string id, EvidenceDate date, Confidence confidence, IReadOnlyList<string> sources, string? a, string? b, byte type, double value, string? reference, string? note, double? amount, string? unit) =>
        _rows.AddChecked(kind, id, date, confidence, sources, a, b, type, value, reference, note, amount, unit);

    /// <summary>Checks every cross-reference and builds the case.</summary>
    /// <returns>The case.</returns>
    /// <exception cref="InvalidCaseException">Something is wrong; every problem found is listed.</exception>
    public Case Build() => TryBuild(out var @case, out var problems) ? @case : throw new InvalidCaseException(problems);


    /// <summary>Checks every cross-reference and builds the case, or lists every problem.</summary>
    /// <param name="case">The case, when there were no problems (null otherwise).</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns>Whether the case was built.</returns>
    public bool TryBuild([NotNullWhen(true)] out Case? @case, out IReadOnlyList<CaseProblem> problems)
    {
        var found = new List<CaseProblem>();
        var actorIdx = UniqueIds(_actors, a => a.Id, "actors", found);
        var suggestions = new Suggestions(_unreadable, _unreadableCollections);
        var sourceIdx = UniqueIds(_sources, s => s.Id, "sources", found);
        var issueIdx = UniqueIds(_issues, s => s.Id, "issues", found);
        var objectiveIdx = UniqueIds(_objectives, s => s.Id, "objectives", found);
        var indicatorIdx = UniqueIds(_indicators, s => s.Id, "indicators", found);
        var unitIdx = UniqueIds(_units, s => s.Id, "units", found);

        for (var i = 0; i < _actors.Count; i++)
        {
            var a = _actors[i];
            if (a.Parent is { } parent)
            {
                if (!actorIdx.ContainsKey(parent) && !suggestions.DeclaredWithProblems("actor", parent))
                {
                    found.Add(new($"$.actors[{i}].parent", a.Id, $"expected the id of an actor of the case; no actor is called \"{Printable.Shown(parent)}\"{suggestions.For("actor", parent, actorIdx)}") { Detail = new(ProblemKind.UnknownReference) });
                }
                else if (HasCycle(a.Id))
                {
                    found.Add(new($"$.actors[{i}].parent", a.Id, "expected a parent chain that ends; this one loops back to the actor"));
                }
            }

        }

        for (var i = 0; i < _objectives.Count; i++)
        {
            var o = _objectives[i];
            RequireActor(o.Holder, $"$.objectives[{i}].holder", o.Id);
            if (o.Toward is { } toward)
            {
                RequireActor(toward, $"$.objectives[{i}].toward", o.Id);
            }

            if (o.Issue is { } issue && !issueIdx.ContainsKey(issue) && !suggestions.DeclaredWithProblems("issue", issue))
            {
                found.Add(new($"$.objectives[{i}].issue", o.Id, $"expected the id of an issue of the case; no issue is called \"{Printable.Shown(issue)}\"") { Detail = new(ProblemKind.UnknownReference) });
            }
        }

        for (var i = 0; i < _indicators.Count; i++)
        {
            var ind = _indicators[i];
            if (!objectiveIdx.ContainsKey(ind.Objective) && !suggestions.DeclaredWithProblems("objective", ind.Objective))
            {
                found.Add(new($"$.indicators[{i}].objective", ind.Id, $"expected the id of an objective of the case; no objective is called \"{Printable.Shown(ind.Objective)}\"") { Detail = new(ProblemKind.UnknownReference) });
            }

            if (ind.DirectionProblem() is { } dp)
            {
                found.Add(new($"$.indicators[{i}]", ind.Id, $"expected {dp}"));
            }
        }

        var seenDyads = new HashSet<Dyad>();
        for (var i = 0; i < _dyads.Count; i++)
        {
            var d = _dyads[i];
            RequireActor(d.Patron, $"$.dyads[{i}].patron", null);
            RequireActor(d.Client, $"$.dyads[{i}].client", null);
            if (d.Patron == d.Client)
            {
                found.Add(new($"$.dyads[{i}]", null, $"expected two different actors; patron and client are both \"{d.Patron}\""));
            }

            if (!seenDyads.Add(d))
            {
                found.Add(new($"$.dyads[{i}]", null, $"expected each dyad once; {d} is declared twice"));
            }

            if (d.Patron != d.Client && (Within(d.Client, d.Patron) ?? Within(d.Patron, d.Client)) is { } inside)
            {
                found.Add(new($"$.dyads[{i}]", null, $"expected a patron and a client outside each other's movement; {inside}, so what passes between them stays inside one movement and the dyad is never scored"));
            }
        }

        foreach (var (end, field) in new[] { (From, "from"), (To, "to") })
        {
            // A coarser end covers its periods (a monthly case from 2002 starts in 2002-01); a finer one would be
            // widened to its period silently, so what the file says and what is scored would differ.
            if (end is { } p && p.Granularity > Granularity)
            {
                found.Add(new($"$.{field}", null, $"expected a period no finer than the case's granularity ({Granularity.ToName()}); was {p}, a {p.Granularity.ToName()}"));
            }
        }

        if (From is { } from && To is { } to && (from.Granularity != to.Granularity || from > to))
        {
            found.Add(new("$.to", null, $"expected a last period of the same granularity as, and not before, the first ({from}); was {to}"));
        }

        var life = _actors.Exists(x => x.ActiveFrom is not null || x.ActiveTo is not null)
            ? new Lifespans(_actors, actorIdx, _objectives, objectiveIdx, _indicators)
            : null;
        if (life is not null)
        {
            for (var i = 0; i < _actors.Count; i++)
            {
                var a = _actors[i];
                if (a.ActiveFrom is { } af && a.ActiveTo is { } at && at.Last < af.First)
                {
                    found.Add(new($"$.actors[{i}].activeTo", a.Id, $"expected an end not before the actor's start ({af}); was {at}"));
                }
                else if (!HasCycle(a.Id) && life.OutsideMovement(i) is { } outside)
                {
                    found.Add(new($"$.actors[{i}].{outside.Field}", a.Id, outside.Message));
                }
            }

            for (var i = 0; i < _dyads.Count; i++)
            {
                if (life.NeverTogether(_dyads[i]) is { } why)
                {
                    found.Add(new($"$.dyads[{i}]", null, why));
                }
            }
        }

        var columns = _rows.Resolve(life, actorIdx, sourceIdx, issueIdx, objectiveIdx, indicatorIdx, unitIdx, _units, found, suggestions);
        if (EvidenceEnds is { } early && From is { } start && early < start.Start)
        {
            found.Add(new("$.evidenceEnds", null, $"expected a day not before the case's first period ({start}, from {Day(start.Start)}); was {Day(early)}"));
        }

        if (EvidenceEnds is { } declared && Covered(columns, last: true) is { } latest && latest.Day > declared.DayNumber)
        {
            found.Add(new("$.evidenceEnds", null, $"expected a day not before the last day the evidence covers ({Day(DateOnly.FromDayNumber(latest.Day))}, item \"{latest.Id}\"); was {Day(declared)}"));
        }

        // With one end declared, the other is the year the evidence starts or ends (Scorer.ResolveRange): a declared
        // end beyond it leaves the case no period to score, and every request is refused.
        if (From is null && !_unreadableEnds.Contains("from") && To is { } declaredTo && Covered(columns, last: false) is { } earliest
            && declaredTo.ToGranularity(Granularity, atEnd: true) < Scorer.EvidenceYear(earliest.Day).ToGranularity(Granularity))
        {
            found.Add(new("$.to", null, $"expected a last period not before the year the evidence starts ({DateOnly.FromDayNumber(earliest.Day).Year}, item \"{earliest.Id}\" from {Day(DateOnly.FromDayNumber(earliest.Day))}), or a declared \"from\" too; was {declaredTo}"));
        }

        // A first period that starts after the evidence ends leaves the case no period to score (Scorer trims the
        // periods after the evidence ends, Case.AfterEvidence): every request is refused, whether "to" is declared or
        // is the year the evidence ends.
        if (!_unreadableEnds.Contains("to") && EvidenceEnds is null && From is { } declaredFrom && Covered(columns, last: true) is { } last
            && declaredFrom.Start.DayNumber > last.Day && (To is not { } declaredLast || declaredLast.Start >= declaredFrom.Start))
        {
            var range = To is { } rangeTo ? $"its range ({(rangeTo == declaredFrom ? $"{declaredFrom}" : $"{declaredFrom}–{rangeTo}")})" : "the case";
            found.Add(new("$.from", null, $"expected a first period that starts by the day the evidence ends ({Day(DateOnly.FromDayNumber(last.Day))}, item \"{last.Id}\"); was {declaredFrom}, which starts on {Day(declaredFrom.Start)}: nothing after the evidence ends is scored, so {range} has no period to score; a case looked at for longer declares its \"evidenceEnds\""));
        }

        if (found.Count > 0)
        {
            @case = null!;
            problems = InFileOrder(found);
            return false;
        }

        var info = new CaseInfo(Id, Name, Description, CapabilityIndex, Granularity, From, To, EvidenceEnds);
        var table = new EvidenceTable(
            columns,
            [.. _actors.Select(a => a.Id)],
            [.. _sources.Select(s => s.Id)],
            [.. _issues.Select(s => s.Id)],
            [.. _objectives.Select(s => s.Id)],
            [.. _indicators.Select(s => s.Id)],
            [.. _units.Select(s => s.Id)]);
        @case = new Case(info, [.. _actors], [.. _sources], [.. _issues], [.. _objectives], [.. _indicators], [.. _units], [.. _dyads], table);
        problems = [];
        return true;

        void RequireActor(string id, string path, string? item)
        {
            if (!actorIdx.ContainsKey(id) && !suggestions.DeclaredWithProblems("actor", id))
            {
                found.Add(new(path, item, $"expected the id of an actor of the case; no actor is called \"{Printable.Shown(id)}\"{suggestions.For("actor", id, actorIdx)}") { Detail = new(ProblemKind.UnknownReference) });
            }
        }

        // How `inner` lies within `outer` ("'hq' is part of 'tb' (its parent)"), or null when it does not (or the chain loops).
        string? Within(string inner, string outer) =>
            actorIdx.ContainsKey(inner) && !HasCycle(inner)
                ? Case.Within(inner, outer, id => actorIdx.TryGetValue(id, out var k) ? _actors[k].Parent : null)
                : null;

        bool HasCycle(string start)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var current = start;
            while (actorIdx.TryGetValue(current, out var k) && _actors[k].Parent is { } p)
            {
                if (!seen.Add(p))
                {
                    return true;
                }

                current = p;
            }

            return false;
        }
    }

    private CaseBuilder Add<T>(List<T> list, T item, [CallerArgumentExpression(nameof(item))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(item, name);
        list.Add(item);
        return this;
    }

    /// <summary>The sections of a case, in the order a case file has them (<c>CaseWriter</c>'s).</summary>
    private static readonly string[] Sections = ["schema", "id", "name", "description", "capabilityIndex", "granularity", "from", "to", "evidenceEnds", "units", "sources", "actors", "issues", "objectives", "indicators", "dyads", "evidence"];

    /// <summary>
    /// The problems in the order the case file would list them, as the reader sorts its own by line: by section, then
    /// by item position ($.evidence[2] before $.evidence[10]), the problems of one item in the order they were found.
    /// </summary>
    private static List<CaseProblem> InFileOrder(List<CaseProblem> found) =>
        [.. found.OrderBy(p => Key(p.Path).Section).ThenBy(p => Key(p.Path).Item)];

    private static (int Section, int Item) Key(string path)
    {
        // "$.name", "$.evidence[12].magnitude"
        var rest = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var end = rest.IndexOfAny(['.', '[']);
        var section = Array.IndexOf(Sections, end < 0 ? rest : rest[..end]);
        var item = end >= 0 && rest[end] == '[' && rest.IndexOf(']', end) is var close and > 0
            && int.TryParse(rest.AsSpan(end + 1, close - end - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        return (section < 0 ? Sections.Length : section, item);
    }

    private static Dictionary<string, int> UniqueIds<T>(List<T> items, Func<T, string> id, string collection, List<CaseProblem> found)
    {
        var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = id(items[i]);
            if (!index.TryAdd(key, i))
            {
                found.Add(new($"$.{collection}[{i}].id", key, CaseProblem.UniqueIdMessage(key, Invariant.Format($"{collection}[{index[key]}]"))));
            }
        }

        return index;
    }

    /// <summary>
    /// The times actors existed (<see cref="Actor.ActiveFrom"/>, <see cref="Actor.ActiveTo"/>), as the evidence checks
    /// need them (<see cref="Lifetimes"/>): an item must fall in the time in which every actor it counts for existed
    /// together — the actors it names and, since evidence about a faction counts for its movement, their movements; the
    /// holder and target of the objective an attainment or indicator observation is about. A point (an event whose day
    /// may be uncertain) needs only to overlap that time; a span (a sustained flow or state) must begin and end in it,
    /// each end at its own precision ("2002..2021-08" ends in August 2021 and fits an actor that ceased on 15 August
    /// 2021; "1995..2003" does not fit one that began in 2000), or its early part would count in the first periods the
    /// actor existed.
    /// </summary>
    internal sealed class Lifespans
    {
        private readonly List<Actor> _actors;
        private readonly Dictionary<string, int> _actorIdx;
        private readonly Lifetimes _lifetimes;
        private readonly (int Holder, int Toward, string Id)[] _objectives;
        private readonly int[] _indicatorObjective;

        public Lifespans(List<Actor> actors, Dictionary<string, int> actorIdx, List<Objective> objectives, Dictionary<string, int> objectiveIdx, List<Indicator> indicators)
        {
            _actors = actors;
            _actorIdx = actorIdx;
            _lifetimes = new Lifetimes(actors, id => actorIdx.TryGetValue(id, out var i) ? i : -1);
            _objectives = [.. objectives.Select(o => (
                actorIdx.TryGetValue(o.Holder, out var h) ? h : -1,
                o.Toward is { } t && actorIdx.TryGetValue(t, out var w) ? w : -1,
                o.Id))];
            _indicatorObjective = [.. indicators.Select(x => objectiveIdx.TryGetValue(x.Objective, out var o) ? o : -1)];
        }

        /// <summary>
        /// A faction whose own time reaches outside its movement's: the field that does (activeFrom or activeTo) and
        /// the message; null when it does not.
        /// </summary>
        public (string Field, string Message)? OutsideMovement(int actor)
        {
            var a = _actors[actor];
            if (a.ActiveFrom is null && a.ActiveTo is null)
            {
                return null;
            }

            var lineage = _lifetimes.Lineage(actor);
            var (from, to) = (a.ActiveFrom?.First.DayNumber ?? int.MinValue, a.ActiveTo?.Last.DayNumber ?? int.MaxValue);
            for (var k = 1; k < lineage.Length; k++)
            {
                var m = _actors[lineage[k]];
                var (mFrom, mTo) = (m.ActiveFrom?.First.DayNumber ?? int.MinValue, m.ActiveTo?.Last.DayNumber ?? int.MaxValue);
                var field = (a.ActiveFrom is not null && (from < mFrom || from > mTo)) ? "activeFrom"
                    : (a.ActiveTo is not null && (to > mTo || to < mFrom)) ? "activeTo"
                    : null;
                if (field is not null)
                {
                    return (field, $"expected a time within that of \"{m.Id}\", which \"{a.Id}\" is part of ({m.ActiveText()}); was {a.ActiveText()}");
                }
            }

            return null;
        }

        /// <summary>Why a declared dyad can never be scored (its parties never existed at the same time), or null.</summary>
        public string? NeverTogether(Dyad dyad)
        {
            // An actor whose dates are reversed (already a problem of its own), or a movement of either party whose are,
            // gives no time to compare: said once, at the actor, not again as a dyad naming the wrong pair.
            if (!_actorIdx.TryGetValue(dyad.Patron, out var p) || !_actorIdx.TryGetValue(dyad.Client, out var c) || LineageReversed(p) || LineageReversed(c))
            {
                return null;
            }

            var joint = _lifetimes.Joint(p, c);
            return joint.First <= joint.Last
                ? null
                : $"expected a patron and a client that existed at the same time; \"{_actors[joint.FirstBy].Id}\" existed {_actors[joint.FirstBy].ActiveText()} and \"{_actors[joint.LastBy].Id}\" {_actors[joint.LastBy].ActiveText()}";
        }

        /// <summary>An item's date: its first and last day, the precision of each end, and whether it is a span.</summary>
        public readonly record struct When(int First, int Last, DatePrecision StartPrecision, DatePrecision EndPrecision, bool Span)
        {
            /// <summary>The last day of the unit (year, month or day) the span starts in.</summary>
            public int StartUnitLast => StartPrecision switch
            {
                DatePrecision.Year => new DateOnly(DateOnly.FromDayNumber(First).Year, 12, 31).DayNumber,
                DatePrecision.Month => DateOnly.FromDayNumber(First) is var d ? new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)).DayNumber : First,
                _ => First,
            };

            /// <summary>The first day of the unit the span ends in.</summary>
            public int EndUnitFirst => EndPrecision switch
            {
                DatePrecision.Year => new DateOnly(DateOnly.FromDayNumber(Last).Year, 1, 1).DayNumber,
                DatePrecision.Month => DateOnly.FromDayNumber(Last) is var d ? new DateOnly(d.Year, d.Month, 1).DayNumber : Last,
                _ => Last,
            };

            /// <summary>Whether the date fits the days first … last; for a span, which end does not (".start" or ".end").</summary>
            public string? Misfit(int first, int last)
            {
                if (first > last)
                {
                    return Span ? ".start" : ".date";
                }

                if (!Span)
                {
                    return Last >= first && First <= last ? null : ".date";
                }

                return StartUnitLast < first || First > last ? ".start" : EndUnitFirst > last || Last < first ? ".end" : null;
            }
        }

        /// <summary>
        /// Checks an item's date against the times of the actors it counts for: each actor alone first (the message
        /// names it), then all of them together. Reports (field, what was expected) once per actor.
        /// </summary>
        public void Check(EvidenceKind kind, int a, int b, int reference, When when, Action<string, string> report)
        {
            (int Actor, string? Why)[] parties = kind switch
            {
                EvidenceKind.Attainment when reference >= 0 => Objective(reference),
                EvidenceKind.Indicator when reference >= 0 && _indicatorObjective[reference] >= 0 => Objective(_indicatorObjective[reference]),
                EvidenceKind.Attainment or EvidenceKind.Indicator => [],
                _ => [(a, null), (b, null)],
            };
            var seen = new HashSet<int>();
            var alone = false;
            foreach (var (party, why) in parties)
            {
                if (party < 0)
                {
                    continue;
                }

                foreach (var x in _lifetimes.Lineage(party))
                {
                    var actor = _actors[x];
                    if (!seen.Add(x) || Reversed(x))
                    {
                        continue;
                    }

                    if (when.Misfit(actor.ActiveFrom?.First.DayNumber ?? int.MinValue, actor.ActiveTo?.Last.DayNumber ?? int.MaxValue) is { } field)
                    {
                        alone = true;
                        var via = x == party ? why : $"\"{_actors[party].Id}\" is part of it, so evidence about \"{_actors[party].Id}\" counts for it";
                        report(field, $"expected {(when.Span ? "a span within the time" : "a date when")} \"{actor.Id}\" existed ({actor.ActiveText()}, as its actor entry says{(via is null ? string.Empty : "; " + via)})");
                    }
                }
            }

            var named = parties.Where(q => q.Actor >= 0).ToArray();
            if (alone || named.Length < 2)
            {
                return;
            }

            var together = _lifetimes.Joint(named[0].Actor, named[1].Actor);
            if (together.FirstBy < 0 || together.LastBy < 0 || Reversed(together.FirstBy) || Reversed(together.LastBy))
            {
                return;
            }

            if (when.Misfit(together.First, together.Last) is { } f2)
            {
                var (s, e) = (_actors[together.FirstBy], _actors[together.LastBy]);
                var never = together.First > together.Last ? "; they never did" : string.Empty;
                report(f2, $"expected {(when.Span ? "a span within the time" : "a date when")} \"{s.Id}\" and \"{e.Id}\" both existed{never} (\"{s.Id}\" {s.ActiveText()}, \"{e.Id}\" {e.ActiveText()})");
            }
        }

        private (int Actor, string? Why)[] Objective(int objective)
        {
            var (holder, toward, id) = _objectives[objective];
            return [(holder, $"it holds objective \"{id}\""), (toward, $"objective \"{id}\" is pursued through it")];
        }

        /// <summary>An actor whose end comes before its start: reported already, and not checked against.</summary>
        private bool Reversed(int actor) =>
            _actors[actor].ActiveFrom is { } f && _actors[actor].ActiveTo is { } t && t.Last < f.First;

        /// <summary>Whether the actor's dates, or those of a movement it is part of, are reversed.</summary>
        private bool LineageReversed(int actor)
        {
            foreach (var k in _lifetimes.Lineage(actor))
            {
                if (Reversed(k))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The last day any item covers (<paramref name="last"/>) or the first, and the first item (in canonical order) that
    /// covers it; null without items.
    /// </summary>
    private static (int Day, string Id)? Covered(EvidenceColumns c, bool last)
    {
        (int Day, string Id)? found = null;
        for (var i = 0; i < c.Count; i++)
        {
            var day = last ? c.LastDay[i] : c.FirstDay[i];
            if (found is null || (last ? day > found.Value.Day : day < found.Value.Day))
            {
                found = (day, c.Ids[i]);
            }
        }

        return found;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Evidence rows as they are added, with references still as ids.</summary>
    /// <remarks>
    /// Append-only arrays (growing by doubling, or sized once by <see cref="EnsureCapacity"/>). When the rows are
    /// already in canonical order and the arrays are exactly full, <see cref="Resolve"/> hands them to the case instead
    /// of copying them: rows are never changed once added, and adding more later grows into new arrays.
    /// </remarks>
    private sealed class Rows
    {
        private readonly List<string> _sources = [];
        private readonly Dictionary<int, (double Amount, string Unit)> _amounts = [];
        private string[] _ids = [];
        private byte[] _kind = [];
        private int[] _first = [];
        private int[] _last = [];
        private byte[] _dateFlags = [];
        private byte[] _confidence = [];
        private string?[] _a = [];
        private string?[] _b = [];
        private byte[] _type = [];
        private double[] _value = [];
        private string?[] _ref = [];
        private int[] _sourceStart = [];
        private string?[] _notes = [];

        public int Count { get; private set; }

        public string IdAt(int row) => _ids[row];

        public void EnsureCapacity(int capacity)
        {
            if (capacity <= _ids.Length)
            {
                return;
            }

            Resize(capacity);
            _sources.Capacity = Math.Max(_sources.Capacity, capacity);
        }

        public void Trim()
        {
            if (Count != _ids.Length)
            {
                Resize(Count);
            }
        }

        /// <summary>Every per-row column to <paramref name="length"/> rows (the rows kept keep their values).</summary>
        private void Resize(int length)
        {
            Array.Resize(ref _ids, length);
            Array.Resize(ref _kind, length);
            Array.Resize(ref _first, length);
            Array.Resize(ref _last, length);
            Array.Resize(ref _dateFlags, length);
            Array.Resize(ref _confidence, length);
            Array.Resize(ref _a, length);
            Array.Resize(ref _b, length);
            Array.Resize(ref _type, length);
            Array.Resize(ref _value, length);
            Array.Resize(ref _ref, length);
            Array.Resize(ref _sourceStart, length);
            Array.Resize(ref _notes, length);
        }

        public void Add(EvidenceItem item)
        {
            var row = Count;
            switch (item)
            {
                case SupportEvidence s:
                    Append(item, s.From, s.To, (byte)s.Resource, s.Magnitude, null);
                    if (s.Amount is { } amount && s.Unit is { } unit)
                    {
                        _amounts[row] = (amount, unit);
                    }

                    break;
                case CoercionEvidence c:
                    Append(item, c.From, c.To, (byte)c.Type, c.Severity, null);
                    break;
                case DemandEvidence d:
                    Append(item, d.From, d.To, (byte)d.Response, d.Salience, d.Issue);
                    break;
                case AttainmentEvidence a:
                    Append(item, null, null, 0, a.Value, a.Objective);
                    break;
                case IndicatorEvidence ind:
                    Append(item, null, null, 0, ind.Value, ind.Indicator);
                    break;
                case PresenceEvidence p:
                    Append(item, p.From, p.To, (byte)p.Type, p.Level, null);
                    break;
                case OverreachEvidence o:
                    Append(item, o.From, o.To, 0, o.Severity, null);
                    break;
                case CommitmentEvidence m:
                    Append(item, m.From, m.To, (byte)m.Formality, m.Scope, null);
                    break;
                case CapabilityEvidence cap:
                    Append(item, cap.Actor, null, 0, cap.Value, null);
                    break;
                default:
                    throw new ArgumentException($"unknown evidence type {item.GetType().Name}", nameof(item));
            }
        }

        public void AddRaw(EvidenceKind kind, string id, EvidenceDate date, Confidence confidence, string source, string? a, string? b, byte type, double value, string? reference)
        {
            Check.IdentifierOrThrow(id, nameof(id));
            Check.IdentifierOrThrow(source, nameof(source));
            if (!Enum.IsDefined(confidence))
            {
                throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be confirmed, reported or alleged");
            }

            var row = Append(kind, id, date, confidence, null, a, b, type, value, reference);
            _sourceStart[row] = _sources.Count;
            _sources.Add(source);
        }

        public void AddChecked(EvidenceKind kind, string id, EvidenceDate date, Confidence confidence, IReadOnlyList<string> sources, string? a, string? b, byte type, double value, string? reference, string? note, double? amount, string? unit)
        {
            var row = Append(kind, id, date, confidence, note, a, b, type, value, reference);
            _sourceStart[row] = _sources.Count;
            for (var i = 0; i < sources.Count; i++)
            {
                _sources.Add(sources[i]);
            }

            if (amount is { } x && unit is { } u)
            {
                _amounts[row] = (x, u);
            }
        }

        public EvidenceColumns Resolve(
            Lifespans? life,
            Dictionary<string, int> actors,
            Dictionary<string, int> sources,
            Dictionary<string, int> issues,
            Dictionary<string, int> objectives,
            Dictionary<string, int> indicators,
            Dictionary<string, int> units,
            List<AmountUnit> unitList,
            List<CaseProblem> found,
            Suggestions suggestions)
        {
            var n = Count;
            var order = CanonicalOrder();
            var a = new int[n];
            var b = new int[n];
            var refs = new int[n];
            var sourceStart = new int[n + 1];
            var sourceIndex = new int[_sources.Count];
            var amounts = new Dictionary<int, (double Amount, int Unit)>();
            var s = 0;
            var runFirst = -1;
            for (var k = 0; k < n; k++)
            {
                var i = order is null ? k : order[k];
                var id = _ids[i];

                // Sorted by id, equal ids are neighbours: each repeats the first of its run in the order added (the sort
                // is not stable, so a run's rows may come in any order: the first added is found at the run's start).
                if (k == 0 || !string.Equals(id, _ids[order is null ? k - 1 : order[k - 1]], StringComparison.Ordinal))
                {
                    runFirst = i;
                    for (var j = k + 1; order is not null && j < n && string.Equals(id, _ids[order[j]], StringComparison.Ordinal); j++)
                    {
                        runFirst = Math.Min(runFirst, order[j]);
                    }
                }

                if (i != runFirst)
                {
                    found.Add(CaseProblem.DuplicateEvidenceId(Path(i, ".id"), id, runFirst, AddedPosition(runFirst)));
                }

                var ek = (EvidenceKind)_kind[i];
                var dyadic = ek is not (EvidenceKind.Attainment or EvidenceKind.Indicator or EvidenceKind.Capability);
                a[k] = dyadic || ek == EvidenceKind.Capability
                    ? Lookup(actors, _a[i], i, ek == EvidenceKind.Capability ? ".actor" : ".from", -1, "actor", id)
                    : -1;
                b[k] = dyadic ? Lookup(actors, _b[i], i, ".to", -1, "actor", id) : -1;
                if (dyadic && a[k] >= 0 && a[k] == b[k])
                {
                    found.Add(new(Path(i, ".to"), id, $"expected an actor other than the acting one; from and to are both \"{_a[i]}\""));
                }

                refs[k] = ek switch
                {
                    EvidenceKind.Demand => Lookup(issues, _ref[i], i, ".issue", -1, "issue", id),
                    EvidenceKind.Attainment => Lookup(objectives, _ref[i], i, ".objective", -1, "objective", id),
                    EvidenceKind.Indicator => Lookup(indicators, _ref[i], i, ".indicator", -1, "indicator", id),
                    _ => -1,
                };
                if (life is not null)
                {
                    var span = (_dateFlags[i] & EvidenceColumns.SpanFlag) != 0;
                    var when = new Lifespans.When(_first[i], _last[i], (DatePrecision)(_dateFlags[i] & 0x3), (DatePrecision)((_dateFlags[i] >> 2) & 0x3), span);
                    life.Check(ek, a[k], b[k], refs[k], when, (field, expected) => found.Add(new(Path(i, field), id, $"{expected}; was {DateOf(i)}")));
                }

                sourceStart[k] = s;
                var end = i + 1 < n ? _sourceStart[i + 1] : _sources.Count;
                for (var j = _sourceStart[i]; j < end; j++)
                {
                    sourceIndex[s++] = Lookup(sources, _sources[j], i, ".sources", j - _sourceStart[i], "source", id);
                }

                if (_amounts.Count > 0 && _amounts.TryGetValue(i, out var amt))
                {
                    var unit = Lookup(units, amt.Unit, i, ".unit", -1, "unit", id);
                    amounts[k] = (amt.Amount, unit);

                    // The amount is what a case file holds (CaseWriter writes it, not the magnitude), so a magnitude
                    // other than the one it gives would score differently once written and read back, under the
                    // same input hash.
                    if (unit >= 0 && unitList[unit].ToMagnitude(amt.Amount) is var derived && derived != _value[i])
                    {
                        found.Add(new(Path(i, ".magnitude"), id, Invariant.Format(
                            $"expected the magnitude its amount gives ({Check.Show(amt.Amount)} {amt.Unit}: {Check.Show(derived)}, by the unit's reference); was {Check.Show(_value[i])}. Set it with the unit's ToMagnitude(amount), or give no amount")));
                    }
                }
            }

            sourceStart[n] = s;
            return new EvidenceColumns
            {
                Count = n,
                Ids = Column(_ids),
                Kind = Column(_kind),
                FirstDay = Column(_first),
                LastDay = Column(_last),
                DateFlags = Column(_dateFlags),
                Confidence = Column(_confidence),
                A = a,
                B = b,
                Type = Column(_type),
                Value = Column(_value),
                Ref = refs,
                SourceStart = sourceStart,
                SourceIndex = sourceIndex,
                Notes = Column(_notes),
                Amounts = amounts,
            };

            // In canonical order: the row's own array when it is already in that order and exactly full, else a copy.
            T[] Column<T>(T[] rows)
            {
                if (order is null && rows.Length == n)
                {
                    return rows;
                }

                var column = new T[n];
                for (var k = 0; k < n; k++)
                {
                    column[k] = rows[order is null ? k : order[k]];
                }

                return column;
            }

            int Lookup(Dictionary<string, int> table, string? key, int row, string field, int element, string what, string item)
            {
                if (key is not null && table.TryGetValue(key, out var v))
                {
                    return v;
                }

                if (key is not null && suggestions.DeclaredWithProblems(what, key))
                {
                    return -1;
                }

                var path = element < 0 ? Path(row, field) : Path(row, Invariant.Format($"{field}[{element}]"));
                found.Add(key is null
                    ? new(path, item, $"expected the id of {Article(what)} {what} of the case")
                    : new(path, item, $"expected the id of {Article(what)} {what} of the case; no {what} is called \"{Printable.Shown(key)}\"{suggestions.For(what, key, table)}") { Detail = new(ProblemKind.UnknownReference) });
                return -1;
            }

            EvidenceDate DateOf(int row) => EvidenceDate.FromParts(
                DateOnly.FromDayNumber(_first[row]),
                (DatePrecision)(_dateFlags[row] & 0x3),
                DateOnly.FromDayNumber(_last[row]),
                (DatePrecision)((_dateFlags[row] >> 2) & 0x3),
                (_dateFlags[row] & EvidenceColumns.SpanFlag) != 0);

            static string Path(int row, string field) => Invariant.Format($"$.evidence[{row}]{field}");

            // An item as a user of the builder knows it: by the order it was added, with the path its problems have.
            static string AddedPosition(int row) => Invariant.Format($"the {CaseProblem.Ordinal(row + 1)} evidence item added ({Path(row, string.Empty)})");
        }

        // By sound, not spelling: "an actor", "an issue", but "a unit".
        private static string Article(string word) => word is "actor" or "issue" or "objective" or "indicator" ? "an" : "a";

        /// <summary>The rows in canonical order (by id, ordinal), or null when they are in that order already.</summary>
        private int[]? CanonicalOrder()
        {
            var n = Count;
            var sorted = true;
            for (var i = 1; i < n && sorted; i++)
            {
                sorted = string.CompareOrdinal(_ids[i - 1], _ids[i]) <= 0;
            }

            if (sorted)
            {
                return null;
            }

            var order = new int[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            var keys = _ids[..n];
            Array.Sort(keys, order, StringComparer.Ordinal);
            return order;
        }

        private void Append(EvidenceItem item, string? a, string? b, byte type, double value, string? reference)
        {
            var row = Append(item.Kind, item.Id, item.Date, item.Confidence, item.Note, a, b, type, value, reference);
            _sourceStart[row] = _sources.Count;
            _sources.AddRange(item.Sources);
        }

        private int Append(EvidenceKind kind, string id, EvidenceDate date, Confidence confidence, string? note, string? a, string? b, byte type, double value, string? reference)
        {
            if (date == default)
            {
                // Almost always a date left unset; taken as a date it would stretch the case back to the year 1.
                throw new ArgumentException($"evidence item \"{id}\" has no date (default(EvidenceDate)); give one with EvidenceDate.InYear, InMonth, OnDay, Point or Span", nameof(date));
            }

            var row = Count;
            if (row == _ids.Length)
            {
                EnsureCapacity(Math.Max(16, row * 2));
            }

            _ids[row] = id;
            _kind[row] = (byte)kind;
            _first[row] = date.First.DayNumber;
            _last[row] = date.Last.DayNumber;
            _dateFlags[row] = EvidenceColumns.PackDate(date);
            _confidence[row] = (byte)confidence;
            _notes[row] = note;
            _a[row] = a;
            _b[row] = b;
            _type[row] = type;
            _value[row] = value + 0.0; // −0 kept as +0: the two are the same number, and the input hash should not tell them apart
            _ref[row] = reference;
            Count = row + 1;
            return row;
        }
    }
}

/// <summary>Formatting helpers shared by readers and writers.</summary>
internal static class Invariant
{
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// "Did you mean" suggestions for unknown ids, one per distinct (kind of id, id) for the whole build: a large file
/// repeating one wrong id pays for it once.
/// </summary>
internal sealed class Suggestions(HashSet<(string What, string Id)> unreadable, HashSet<string> unreadableCollections)
{
    private readonly Dictionary<(string What, string Key), string> _made = [];

    /// <summary>
    /// Whether an unknown id was declared in the file with problems of its own, or its whole collection is missing or
    /// unreadable (reported there, not again).
    /// </summary>
    public bool DeclaredWithProblems(string what, string key) => unreadableCollections.Contains(what) || unreadable.Contains((what, key));

    public string For(string what, string key, Dictionary<string, int> known)
    {
        if (!_made.TryGetValue((what, key), out var suggestion))
        {
            _made[(what, key)] = suggestion = Names.DidYouMean(key, known.Keys, listAs: $"{what}s");
        }

        return suggestion;
    }
}
