namespace Influence.Cases;

/// <summary>
/// When actors existed (<see cref="Actor.ActiveFrom"/>, <see cref="Actor.ActiveTo"/>), with their movements: evidence
/// about a faction counts for its movement, so a faction exists only while it and every movement above it do. One
/// rule for scoring (<see cref="Case.Inactive(int, int, Period)"/>), the network of a window and the case checks.
/// </summary>
internal sealed class Lifetimes
{
    private readonly IReadOnlyList<Actor> _actors;
    private readonly int[][] _lineage;

    /// <summary>Creates the lifetimes of a case's actors.</summary>
    /// <param name="actors">The actors.</param>
    /// <param name="indexOf">An actor's position by id (−1 when unknown).</param>
    public Lifetimes(IReadOnlyList<Actor> actors, Func<string, int> indexOf)
    {
        _actors = actors;
        _lineage = new int[actors.Count][];
        for (var i = 0; i < actors.Count; i++)
        {
            var line = new List<int> { i };
            var current = actors[i];
            while (current.Parent is { } parent && indexOf(parent) is var p and >= 0 && !line.Contains(p))
            {
                line.Add(p);
                current = actors[p];
            }

            _lineage[i] = [.. line];
        }
    }

    /// <summary>An actor and its movements (its parent, the parent's parent, …), the actor first.</summary>
    public ReadOnlySpan<int> Lineage(int actor) => _lineage[actor];

    /// <summary>
    /// The days in which every actor of the lineages of <paramref name="a"/> and <paramref name="b"/> (−1: none)
    /// existed: the latest start and the earliest end, with the actors that set them (−1 when unbounded).
    /// </summary>
    public Span Joint(int a, int b)
    {
        var span = new Span(int.MinValue, -1, int.MaxValue, -1);
        foreach (var actor in new[] { a, b })
        {
            if (actor < 0)
            {
                continue;
            }

            foreach (var x in _lineage[actor])
            {
                if (_actors[x].ActiveFrom is { } f && f.First.DayNumber > span.First)
                {
                    span = span with { First = f.First.DayNumber, FirstBy = x };
                }

                if (_actors[x].ActiveTo is { } t && t.Last.DayNumber < span.Last)
                {
                    span = span with { Last = t.Last.DayNumber, LastBy = x };
                }
            }
        }

        return span;
    }

    /// <summary>
    /// Why the dyad of <paramref name="patron"/> and <paramref name="client"/> has no value in
    /// <paramref name="period"/>, or null when both parties (and their movements) existed together on one of its days.
    /// </summary>
    public string? Inactive(int patron, int client, Period period) => Inactive(patron, client, period, period);

    /// <summary>
    /// Why the dyad has no value in any period of <paramref name="from"/> … <paramref name="to"/> ("taliban did not exist
    /// in 1973–1993"), or null when both parties existed together on one of its days.
    /// </summary>
    public string? Inactive(int patron, int client, Period from, Period to)
    {
        var joint = Joint(patron, client);
        var (first, last) = (from.Start.DayNumber, to.End.DayNumber);
        var period = from == to ? $"{from}" : $"{from}–{to}";
        if (joint.First > joint.Last)
        {
            return $"{_actors[patron].Id} and {_actors[client].Id} never existed at the same time ({Describe(joint.FirstBy, patron, client)}; {Describe(joint.LastBy, patron, client)})";
        }

        if (last < joint.First)
        {
            return $"{_actors[joint.FirstBy].Id} did not exist in {period} (it existed {Describe(joint.FirstBy, patron, client, withId: false)})";
        }

        return first > joint.Last
            ? $"{_actors[joint.LastBy].Id} did not exist in {period} (it existed {Describe(joint.LastBy, patron, client, withId: false)})"
            : null;
    }

    /// <summary>"taliban existed from 1994" or, for a movement of one of the parties, "…; haqqani is part of it".</summary>
    private string Describe(int actor, int patron, int client, bool withId = true)
    {
        var a = _actors[actor];
        var text = withId ? $"{a.Id} existed {a.ActiveText()}" : a.ActiveText()!;
        if (actor == patron || actor == client)
        {
            return text;
        }

        var (ofPatron, ofClient) = (_lineage[patron].Contains(actor), _lineage[client].Contains(actor));
        return ofPatron && ofClient
            ? $"{text}; {_actors[patron].Id} and {_actors[client].Id} are part of it"
            : $"{text}; {_actors[ofPatron ? patron : client].Id} is part of it";
    }

    /// <summary>Days from <see cref="First"/> to <see cref="Last"/>, and the actors whose dates set them (−1: none).</summary>
    public readonly record struct Span(int First, int FirstBy, int Last, int LastBy);
}
