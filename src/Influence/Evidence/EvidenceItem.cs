using System.Collections.Immutable;
using Influence.Internal;

namespace Influence.Evidence;

/// <summary>
/// One dated, sourced piece of evidence. Every item has an id, a date (a point or a span), a confidence, at least
/// one source and an optional note; the kinds add their own fields.
/// </summary>
/// <remarks>
/// Items are immutable; their constructors and <c>init</c> accessors validate every field, so <c>with</c> cannot
/// produce an invalid item. Cross-references (actor, issue, objective and source ids) are checked when the item is
/// added to a <see cref="Cases.Case"/>.
/// </remarks>
public abstract record EvidenceItem
{
    private protected EvidenceItem(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources)
    {
        Id = id;
        Date = date;
        Confidence = confidence;
        Sources = sources;
    }

    /// <summary>The kind of evidence.</summary>
    public abstract EvidenceKind Kind { get; }

    /// <summary>The item's identifier, unique in its case.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); }

    /// <summary>When it happened: a point (an event) or a span (a sustained flow or state).</summary>
    /// <exception cref="ArgumentException">The date is <c>default(EvidenceDate)</c>, which is no date (an unset one).</exception>
    public EvidenceDate Date
    {
        get;
        init => field = value != default
            ? value
            : throw new ArgumentException($"evidence item \"{Id}\" has no date (default(EvidenceDate)); give one with EvidenceDate.InYear, InMonth, OnDay, Point or Span", nameof(Date));
    }

    /// <summary>How well the item is established.</summary>
    public Confidence Confidence
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Confidence), value, "confidence must be confirmed, reported or alleged");
    }

    /// <summary>The ids of the sources the item cites (at least one).</summary>
    public ImmutableArray<string> Sources
    {
        get;
        init
        {
            if (value.IsDefaultOrEmpty)
            {
                throw new ArgumentException("an evidence item must cite at least one source", nameof(Sources));
            }

            foreach (var s in value)
            {
                Check.IdentifierOrThrow(s, nameof(Sources));
            }

            field = value;
        }
    }

    /// <summary>A note in the coder's own words.</summary>
    public string? Note { get; init => field = Check.TextOrThrow(value, nameof(Note)); }

    /// <inheritdoc />
    public virtual bool Equals(EvidenceItem? other) =>
        other is not null && EqualityContract == other.EqualityContract && Id == other.Id && Date == other.Date
        && Confidence == other.Confidence && Sources.SequenceEqual(other.Sources) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, Id, Date, Confidence);

    /// <summary>Writes the item's members for <c>ToString</c>, its sources by their ids (the kinds add their own fields).</summary>
    /// <param name="builder">The text being built.</param>
    /// <returns>True: members were written.</returns>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Kind), Kind).Add(nameof(Id), Id).Add(nameof(Date), Date).Add(nameof(Confidence), Confidence)
            .Add(nameof(Sources), Sources).Add(nameof(Note), Note);
        return true;
    }
}

/// <summary>Evidence about a directed pair of actors (from → to).</summary>
public abstract record DyadicEvidence : EvidenceItem
{
    private protected DyadicEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to)
        : base(id, date, confidence, sources)
    {
        From = from;
        To = to;
    }

    /// <summary>The acting actor's id.</summary>
    public string From { get; init => field = Check.IdentifierOrThrow(value, nameof(From)); }

    /// <summary>The actor acted on.</summary>
    public string To { get; init => field = Check.IdentifierOrThrow(value, nameof(To)); }
}

/// <summary>A resource flow from <see cref="DyadicEvidence.From"/> to <see cref="DyadicEvidence.To"/> (Biermann's cooperative resource exchange).</summary>
public sealed record SupportEvidence : DyadicEvidence
{
    /// <summary>Creates a support flow.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">A point (a one-off transfer) or a span (a sustained flow, a yearly rate spread over each year's periods by days).</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="from">The giver.</param>
    /// <param name="to">The receiver.</param>
    /// <param name="resource">What flows.</param>
    /// <param name="magnitude">How large the flow is, in [0, 1] (1: the most the giver could plausibly provide).</param>
    public SupportEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to, ResourceType resource, double magnitude)
        : base(id, date, confidence, sources, from, to)
    {
        Resource = resource;
        Magnitude = magnitude;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Support;

    /// <summary>What flows.</summary>
    public ResourceType Resource { get; init => field = Check.DefinedOrThrow(value, nameof(Resource), "a resource type"); }

    /// <summary>How large the flow is, in [0, 1].</summary>
    public double Magnitude { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Magnitude)); }

    /// <summary>
    /// The amount the magnitude was derived from, if the case gave one. A case file holds the amount, not the magnitude,
    /// so <see cref="Cases.CaseBuilder.Build"/> requires <see cref="Magnitude"/> to be exactly what the unit gives for it
    /// (<see cref="Cases.AmountUnit.ToMagnitude"/>): a case scores the same once written and read back.
    /// </summary>
    public double? Amount { get; init => field = value is { } a ? Check.NonNegativeOrThrow(a, nameof(Amount)) : null; }

    /// <summary>The unit id of <see cref="Amount"/>, if any.</summary>
    public string? Unit { get; init; }
}

/// <summary>A coercive act by <see cref="DyadicEvidence.From"/> against <see cref="DyadicEvidence.To"/> (the conflictual character of asymmetry).</summary>
public sealed record CoercionEvidence : DyadicEvidence
{
    /// <summary>Creates a coercive act.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">When.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="from">The coercer.</param>
    /// <param name="to">The target.</param>
    /// <param name="type">The form of coercion.</param>
    /// <param name="severity">How severe, in [0, 1].</param>
    public CoercionEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to, CoercionType type, double severity)
        : base(id, date, confidence, sources, from, to)
    {
        Type = type;
        Severity = severity;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Coercion;

    /// <summary>The form of coercion.</summary>
    public CoercionType Type { get; init => field = Check.DefinedOrThrow(value, nameof(Type), "a coercion type"); }

    /// <summary>How severe, in [0, 1].</summary>
    public double Severity { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Severity)); }
}

/// <summary>A demand by <see cref="DyadicEvidence.From"/> on <see cref="DyadicEvidence.To"/> about an issue, and the response.</summary>
public sealed record DemandEvidence : DyadicEvidence
{
    /// <summary>Creates a demand.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">When the demand was made (and answered).</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="from">The demander (the patron).</param>
    /// <param name="to">The target (the client).</param>
    /// <param name="issue">The issue id.</param>
    /// <param name="salience">How much the demand matters to the demander, in (0, 1].</param>
    /// <param name="response">How the target responded.</param>
    public DemandEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to, string issue, double salience, DemandResponse response)
        : base(id, date, confidence, sources, from, to)
    {
        Issue = issue;
        Salience = salience;
        Response = response;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Demand;

    /// <summary>The issue id.</summary>
    public string Issue { get; init => field = Check.IdentifierOrThrow(value, nameof(Issue)); }

    /// <summary>How much the demand matters, in (0, 1].</summary>
    public double Salience
    {
        get;
        init => field = value > 0 ? Check.UnitIntervalOrThrow(value, nameof(Salience)) : throw new ArgumentOutOfRangeException(nameof(Salience), $"Salience must be in (0, 1]; was {Check.Show(value)}");
    }

    /// <summary>How the target responded.</summary>
    public DemandResponse Response { get; init => field = Check.DefinedOrThrow(value, nameof(Response), "a response"); }
}

/// <summary>A direct observation of how far an objective is attained, in [0, 1].</summary>
public sealed record AttainmentEvidence : EvidenceItem
{
    /// <summary>Creates an attainment observation.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">When the attainment was observed.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="objective">The objective id.</param>
    /// <param name="value">The attainment, in [0, 1].</param>
    public AttainmentEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string objective, double value)
        : base(id, date, confidence, sources)
    {
        Objective = objective;
        Value = value;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Attainment;

    /// <summary>The objective id.</summary>
    public string Objective { get; init => field = Check.IdentifierOrThrow(value, nameof(Objective)); }

    /// <summary>The attainment, in [0, 1].</summary>
    public double Value { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Value)); }
}

/// <summary>An observation of an indicator series; its case's <see cref="Cases.Indicator"/> maps it onto attainment.</summary>
public sealed record IndicatorEvidence : EvidenceItem
{
    /// <summary>Creates an indicator observation.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The period the value is for.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="indicator">The indicator id.</param>
    /// <param name="value">The raw value (any finite number).</param>
    public IndicatorEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string indicator, double value)
        : base(id, date, confidence, sources)
    {
        Indicator = indicator;
        Value = value;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Indicator;

    /// <summary>The indicator id.</summary>
    public string Indicator { get; init => field = Check.IdentifierOrThrow(value, nameof(Indicator)); }

    /// <summary>The raw value.</summary>
    public double Value { get; init => field = Check.FiniteOrThrow(value, nameof(Value)); }
}

/// <summary>The presence of <see cref="DyadicEvidence.From"/> (the patron) inside <see cref="DyadicEvidence.To"/> (Rubinstein's third inference).</summary>
public sealed record PresenceEvidence : DyadicEvidence
{
    /// <summary>Creates a presence observation.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">A span while the presence lasts, or a point.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="from">The present actor (patron).</param>
    /// <param name="to">The host (client).</param>
    /// <param name="type">The form of presence.</param>
    /// <param name="level">How extensive, in [0, 1].</param>
    public PresenceEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to, PresenceType type, double level)
        : base(id, date, confidence, sources, from, to)
    {
        Type = type;
        Level = level;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Presence;

    /// <summary>The form of presence.</summary>
    public PresenceType Type { get; init => field = Check.DefinedOrThrow(value, nameof(Type), "a presence type"); }

    /// <summary>How extensive, in [0, 1].</summary>
    public double Level { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Level)); }
}

/// <summary>A visible intrusion by <see cref="DyadicEvidence.From"/> (the patron) into the internal politics of <see cref="DyadicEvidence.To"/> (Rubinstein's first inference).</summary>
public sealed record OverreachEvidence : DyadicEvidence
{
    /// <summary>Creates an overreach event.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">When.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="from">The intruding patron.</param>
    /// <param name="to">The client intruded upon.</param>
    /// <param name="severity">How visible and intrusive, in [0, 1].</param>
    public OverreachEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to, double severity)
        : base(id, date, confidence, sources, from, to)
    {
        Severity = severity;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Overreach;

    /// <summary>How visible and intrusive, in [0, 1].</summary>
    public double Severity { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Severity)); }
}

/// <summary>A commitment between two actors while it is in force (Biermann's diffuse obligation).</summary>
public sealed record CommitmentEvidence : DyadicEvidence
{
    /// <summary>Creates a commitment.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">The span the commitment is in force (or a point).</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="from">One party (usually the patron).</param>
    /// <param name="to">The other party.</param>
    /// <param name="formality">How formal.</param>
    public CommitmentEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string from, string to, CommitmentFormality formality)
        : base(id, date, confidence, sources, from, to)
    {
        Formality = formality;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Commitment;

    /// <summary>How formal.</summary>
    public CommitmentFormality Formality { get; init => field = Check.DefinedOrThrow(value, nameof(Formality), "a formality"); }

    /// <summary>How much of the relationship the commitment covers, in [0, 1] (default 1); weights it among commitments in force.</summary>
    public double Scope { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Scope)); } = 1;
}

/// <summary>An observation of an actor's capabilities on the case's capability index (any positive scale).</summary>
public sealed record CapabilityEvidence : EvidenceItem
{
    /// <summary>Creates a capability observation.</summary>
    /// <param name="id">The item id.</param>
    /// <param name="date">When observed; it holds until the actor's next observation.</param>
    /// <param name="confidence">The confidence.</param>
    /// <param name="sources">The source ids.</param>
    /// <param name="actor">The actor id.</param>
    /// <param name="value">The capability, &gt; 0, on the case's capability index.</param>
    public CapabilityEvidence(string id, EvidenceDate date, Confidence confidence, ImmutableArray<string> sources, string actor, double value)
        : base(id, date, confidence, sources)
    {
        Actor = actor;
        Value = value;
    }

    /// <inheritdoc />
    public override EvidenceKind Kind => EvidenceKind.Capability;

    /// <summary>The actor id.</summary>
    public string Actor { get; init => field = Check.IdentifierOrThrow(value, nameof(Actor)); }

    /// <summary>The capability, &gt; 0.</summary>
    public double Value { get; init => field = Check.PositiveOrThrow(value, nameof(Value)); }
}
