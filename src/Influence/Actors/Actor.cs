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
/// evidence inside one movement is internal and forms no dyad at the movement's level.
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
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("an actor's name must not be empty", nameof(Name)) : value;
    }

    /// <summary>The kind of actor.</summary>
    public ActorKind Kind { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Kind), value, "not a kind of actor (state, non-state armed group, faction, movement, organisation or other)"); }

    /// <summary>The id of the movement or group this actor is a faction of, if any.</summary>
    public string? Parent { get; init => field = value is null ? null : Check.IdentifierOrThrow(value, nameof(Parent)); }

    /// <summary>Other names the actor is known by (for search and display; evidence uses <see cref="Id"/>).</summary>
    public ImmutableArray<string> Aliases { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>A note on the actor (for example who acts for it).</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public bool Equals(Actor? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && Parent == other.Parent
        && Aliases.SequenceEqual(other.Aliases) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Parent);
}
