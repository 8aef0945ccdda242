using System.Collections.Immutable;
using Influence.Internal;

namespace Influence;

/// <summary>What sort of political actor an <see cref="Actor"/> is.</summary>
public enum ActorKind
{
    /// <summary>A state (its government, army or intelligence service acting for it).</summary>
    State = 0,

    /// <summary>A non-state armed group.</summary>
    NonStateArmedGroup,

    /// <summary>A faction of a larger movement or group (give the movement as <see cref="Actor.Parent"/>).</summary>
    Faction,

    /// <summary>A political or armed movement.</summary>
    Movement,

    /// <summary>An international or regional organisation.</summary>
    Organisation,

    /// <summary>Any other actor.</summary>
    Other,
}

/// <summary>A political actor: a state, an armed group, a faction, a movement or an organisation.</summary>
/// <remarks>
/// An actor may have a <see cref="Parent"/> (the Haqqani network is a faction of the Afghan Taliban). Evidence about
/// a faction also counts for its parent (and the parent's parent) when a dyad is scored at the higher level;
/// evidence inside one movement is internal and forms no dyad at the movement's level. An actor may also say when it
/// existed (<see cref="ActiveFrom"/>, <see cref="ActiveTo"/>): evidence involving it must fall in that time, and a dyad
/// is undefined, every measure of it, in periods when one of its parties did not exist.
/// </remarks>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="id">A stable identifier used by evidence (letters, digits and <c>- _ . : / # @</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The kind of actor.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a valid identifier, <paramref name="name"/> is empty or <paramref name="kind"/> is not a kind of actor.</exception>
    public Actor(string id, string name, ActorKind kind)
    {
        Id = id;
        Name = name;
        Kind = kind;
    }

    /// <summary>The identifier evidence refers to.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); }

    /// <summary>The display name.</summary>
    public string Name
    {
        get;
        init => field = Check.RequiredTextOrThrow(value, "an actor's name", nameof(Name));
    }

    /// <summary>The kind of actor.</summary>
    public ActorKind Kind { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Kind), value, "not a kind of actor (state, non-state armed group, faction, movement, organisation or other)"); }

    /// <summary>The id of the actor this one is part of, if any: a faction's movement or group, usually.</summary>
    /// <remarks>
    /// Any kind of actor may have a parent, and the roll-up is the same whatever the kinds: evidence about this actor
    /// also counts for its parent, and evidence between the two is internal. An agency coded apart from its state
    /// (kind <see cref="ActorKind.Other"/>, parent the state) is one such use; a client state given its patron as
    /// parent is a mistake, since nothing between them would then count (a declared dyad between the two is refused).
    /// </remarks>
    public string? Parent { get; init => field = value is null ? null : Check.IdentifierOrThrow(value, nameof(Parent)); }

    /// <summary>Other names the actor is known by (for search and display; evidence uses <see cref="Id"/>).</summary>
    public ImmutableArray<string> Aliases { get; init => field = value.IsDefault ? [] : Aliased(value, nameof(Aliases)); } = [];

    /// <summary>A note on the actor (for example who acts for it).</summary>
    public string? Note { get; init => field = Check.TextOrThrow(value, nameof(Note)); }

    /// <summary>
    /// When the actor came into being (its first day: 1994 means 1 January 1994), if the case says; null: it existed
    /// before the case's evidence. A dyad is not scored in periods that end before either party exists.
    /// </summary>
    /// <exception cref="ArgumentException">The date is a span or a default value.</exception>
    public EvidenceDate? ActiveFrom { get; init => field = ActiveDate(value, nameof(ActiveFrom)); }

    /// <summary>
    /// When the actor ceased to exist (its last day: 2014 means 31 December 2014), if the case says; null: it still
    /// exists, or outlived the case's evidence. A dyad is not scored in periods that begin after either party is gone.
    /// </summary>
    /// <exception cref="ArgumentException">The date is a span or a default value.</exception>
    public EvidenceDate? ActiveTo { get; init => field = ActiveDate(value, nameof(ActiveTo)); }

    /// <summary>Whether the actor exists at some time in the days <paramref name="first"/> … <paramref name="last"/> (day numbers).</summary>
    internal bool ActiveDuring(int first, int last) =>
        (ActiveFrom is not { } f || last >= f.First.DayNumber) && (ActiveTo is not { } t || first <= t.Last.DayNumber);

    /// <summary>The actor's span as text: "from 1994", "until 2014" or "1994 to 2014" (null when it has none).</summary>
    internal string? ActiveText() => (ActiveFrom, ActiveTo) switch
    {
        (null, null) => null,
        ({ } f, null) => $"from {f}",
        (null, { } t) => $"until {t}",
        ({ } f, { } t) => $"{f} to {t}",
    };

    private static ImmutableArray<string> Aliased(ImmutableArray<string> aliases, string name)
    {
        for (var i = 0; i < aliases.Length; i++)
        {
            var alias = aliases[i] ?? throw new ArgumentException($"{name}[{i}] is null", name);
            _ = Check.TextOrThrow(alias, $"{name}[{i}]");
        }

        return aliases;
    }

    private static EvidenceDate? ActiveDate(EvidenceDate? value, string name) => value switch
    {
        null => null,
        { } d when d == default => throw new ArgumentException("expected a date; was the default (uninitialised) EvidenceDate", name),
        { IsSpan: true } d => throw new ArgumentException($"expected a point date (a year, month or day); was the span {d}", name),
        _ => value,
    };

    /// <inheritdoc />
    public bool Equals(Actor? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && Parent == other.Parent
        && Aliases.SequenceEqual(other.Aliases) && Note == other.Note && ActiveFrom == other.ActiveFrom && ActiveTo == other.ActiveTo;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Parent);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Id), Id).Add(nameof(Name), Name).Add(nameof(Kind), Kind).Add(nameof(Parent), Parent)
            .Add(nameof(Aliases), Aliases).Add(nameof(Note), Note).Add(nameof(ActiveFrom), ActiveFrom).Add(nameof(ActiveTo), ActiveTo);
        return true;
    }
}
