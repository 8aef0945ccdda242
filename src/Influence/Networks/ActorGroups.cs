using System.Collections.Frozen;

namespace Influence.Networks;

/// <summary>
/// The groups Gould–Fernandez brokerage roles are defined over: every actor belongs to exactly one group, named by a
/// string. The default, <see cref="StatesAndNonStates"/>, puts states in one group and every other actor in another.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class ActorGroups
{
    /// <summary>The name of the states' group in <see cref="StatesAndNonStates"/>.</summary>
    public const string State = "state";

    /// <summary>The name of the other actors' group in <see cref="StatesAndNonStates"/>.</summary>
    public const string NonState = "non-state";

    private readonly Func<Actor, string> _groupOf;

    private ActorGroups(string description, Func<Actor, string> groupOf)
    {
        Description = description;
        _groupOf = groupOf;
    }

    /// <summary>The default: states (<see cref="ActorKind.State"/>) in group "state", every other actor in "non-state".</summary>
    public static ActorGroups StatesAndNonStates { get; } =
        new("states vs non-state actors", a => a.Kind == ActorKind.State ? State : NonState);

    /// <summary>One group per <see cref="ActorKind"/> (state, nonStateArmedGroup, faction, movement, organisation, other).</summary>
    public static ActorGroups ByKind { get; } = new("one group per actor kind", a => a.Kind switch
    {
        ActorKind.State => "state",
        ActorKind.NonStateArmedGroup => "nonStateArmedGroup",
        ActorKind.Faction => "faction",
        ActorKind.Movement => "movement",
        ActorKind.Organisation => "organisation",
        _ => "other",
    });

    /// <summary>A human-readable description of the grouping (written in network output).</summary>
    public string Description { get; }

    /// <summary>Groups given by actor id; actors not listed fall back to another grouping.</summary>
    /// <param name="groupOfActor">Group name by actor id (names must not be empty).</param>
    /// <param name="fallback">The grouping of actors not listed (null: <see cref="StatesAndNonStates"/>).</param>
    /// <returns>The groups.</returns>
    /// <exception cref="ArgumentException">A group name is empty.</exception>
    public static ActorGroups FromMap(IReadOnlyDictionary<string, string> groupOfActor, ActorGroups? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(groupOfActor);
        foreach (var (id, group) in groupOfActor)
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                throw new ArgumentException($"every group name must be non-empty; actor '{id}' has an empty one", nameof(groupOfActor));
            }
        }

        var map = groupOfActor.ToFrozenDictionary(StringComparer.Ordinal);
        var rest = fallback ?? StatesAndNonStates;
        return new($"user-defined groups ({map.Count} {(map.Count == 1 ? "actor" : "actors")}), others: {rest.Description}", a => map.TryGetValue(a.Id, out var g) ? g : rest.GroupOf(a));
    }

    /// <summary>The group of an actor.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>The group's name.</returns>
    public string GroupOf(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _groupOf(actor);
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
