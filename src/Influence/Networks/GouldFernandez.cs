using QuikGraph;

namespace Influence.Networks;

/// <summary>
/// The five brokerage roles of Gould and Fernandez (1989), by the groups of the three actors on an open two-path
/// a → b → c (b the broker).
/// </summary>
public enum BrokerageRole
{
    /// <summary>Coordinator: a, b and c are all in one group (g(a) = g(b) = g(c)).</summary>
    Coordinator = 0,

    /// <summary>Itinerant (cosmopolitan): a and c share a group, b is an outsider (g(a) = g(c) ≠ g(b)).</summary>
    Itinerant,

    /// <summary>Gatekeeper: b admits a flow from outside into its own group (g(b) = g(c) ≠ g(a)).</summary>
    Gatekeeper,

    /// <summary>Representative: b carries its own group's flow to an outsider (g(a) = g(b) ≠ g(c)).</summary>
    Representative,

    /// <summary>Liaison: a, b and c are in three different groups.</summary>
    Liaison,
}

/// <summary>An actor's brokerage counts, one per Gould–Fernandez role: how many open two-paths it brokers in each.</summary>
/// <param name="Coordinator">Two-paths inside one group.</param>
/// <param name="Itinerant">Two-paths between members of one group through an outsider.</param>
/// <param name="Gatekeeper">Two-paths from outside into the broker's group.</param>
/// <param name="Representative">Two-paths from the broker's group to outside.</param>
/// <param name="Liaison">Two-paths across three groups.</param>
public readonly record struct BrokerageRoles(int Coordinator, int Itinerant, int Gatekeeper, int Representative, int Liaison)
{
    /// <summary>All open two-paths the actor brokers (unweighted brokerage, Gould and Fernandez 1989).</summary>
    public int Total => Coordinator + Itinerant + Gatekeeper + Representative + Liaison;

    /// <summary>The count of one role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not one of the five roles.</exception>
    public int this[BrokerageRole role] => role switch
    {
        BrokerageRole.Coordinator => Coordinator,
        BrokerageRole.Itinerant => Itinerant,
        BrokerageRole.Gatekeeper => Gatekeeper,
        BrokerageRole.Representative => Representative,
        BrokerageRole.Liaison => Liaison,
        _ => throw UndefinedRole(role),
    };

    /// <summary>These counts with one more two-path in a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not one of the five roles.</exception>
    public BrokerageRoles With(BrokerageRole role) => role switch
    {
        BrokerageRole.Coordinator => this with { Coordinator = Coordinator + 1 },
        BrokerageRole.Itinerant => this with { Itinerant = Itinerant + 1 },
        BrokerageRole.Gatekeeper => this with { Gatekeeper = Gatekeeper + 1 },
        BrokerageRole.Representative => this with { Representative = Representative + 1 },
        BrokerageRole.Liaison => this with { Liaison = Liaison + 1 },
        _ => throw UndefinedRole(role),
    };

    private static ArgumentOutOfRangeException UndefinedRole(BrokerageRole role) =>
        Internal.Check.Undefined(role, nameof(role), "coordinator, itinerant, gatekeeper, representative or liaison");
}

/// <summary>An open two-path From → Broker → To: both ties exist and no tie runs From → To.</summary>
/// <typeparam name="TVertex">The vertex type.</typeparam>
/// <param name="From">The origin a.</param>
/// <param name="Broker">The broker b.</param>
/// <param name="To">The destination c.</param>
public readonly record struct BrokerageTwoPath<TVertex>(TVertex From, TVertex Broker, TVertex To);

/// <summary>
/// Gould–Fernandez brokerage on any QuikGraph bidirectional graph (QuikGraph itself has no brokerage measures).
/// </summary>
/// <remarks>
/// <para>
/// Definition (Gould and Fernandez 1989, Sociological Methodology 19, pp. 89–126): b brokers the ordered pair (a, c)
/// when the ties a → b and b → c exist, a, b and c are three different vertices, and there is no tie a → c (the
/// two-path is <em>open</em>). Each ordered pair (a, c) counts once for b, however many parallel tie edges there are.
/// The role of the two-path depends on the groups g(a), g(b), g(c) (see <see cref="BrokerageRole"/>):
/// coordinator g(a) = g(b) = g(c); itinerant g(a) = g(c) ≠ g(b); gatekeeper g(b) = g(c) ≠ g(a); representative
/// g(a) = g(b) ≠ g(c); liaison all three differ.
/// </para>
/// <para>
/// Cost: <see cref="Roles"/> is O(E + Σ_b in-degree(b) × out-degree(b)) with a hash set of the E ties;
/// <see cref="OpenTwoPaths"/> for one broker is O(E + in × out); <see cref="OpenTwoPathsWith"/> for one broker and
/// one endpoint is O(degree(broker) + degree(endpoint)). Which edges count as ties is given by a predicate (default:
/// every edge). Results follow the graph's vertex and edge order, so they are deterministic for a deterministic graph.
/// </para>
/// </remarks>
public static class GouldFernandez
{
    /// <summary>The role of an open two-path a → b → c from the three groups.</summary>
    /// <param name="groupOfFrom">g(a).</param>
    /// <param name="groupOfBroker">g(b).</param>
    /// <param name="groupOfTo">g(c).</param>
    /// <returns>The role.</returns>
    public static BrokerageRole Classify(string groupOfFrom, string groupOfBroker, string groupOfTo)
    {
        ArgumentNullException.ThrowIfNull(groupOfFrom);
        ArgumentNullException.ThrowIfNull(groupOfBroker);
        ArgumentNullException.ThrowIfNull(groupOfTo);
        var ab = string.Equals(groupOfFrom, groupOfBroker, StringComparison.Ordinal);
        var bc = string.Equals(groupOfBroker, groupOfTo, StringComparison.Ordinal);
        var ac = string.Equals(groupOfFrom, groupOfTo, StringComparison.Ordinal);
        return (ab, bc, ac) switch
        {
            (true, true, _) => BrokerageRole.Coordinator,
            (false, false, true) => BrokerageRole.Itinerant,
            (false, true, _) => BrokerageRole.Gatekeeper,
            (true, false, _) => BrokerageRole.Representative,
            _ => BrokerageRole.Liaison,
        };
    }

    /// <summary>Every open two-path through one broker.</summary>
    /// <typeparam name="TVertex">The vertex type.</typeparam>
    /// <typeparam name="TEdge">The edge type.</typeparam>
    /// <param name="graph">The graph.</param>
    /// <param name="broker">The broker b.</param>
    /// <param name="isTie">Which edges are ties (null: all).</param>
    /// <returns>The two-paths, in in-edge × out-edge order.</returns>
    /// <exception cref="ArgumentException">The broker is not a vertex of the graph.</exception>
    public static IReadOnlyList<BrokerageTwoPath<TVertex>> OpenTwoPaths<TVertex, TEdge>(IBidirectionalGraph<TVertex, TEdge> graph, TVertex broker, Func<TEdge, bool>? isTie = null)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        ArgumentNullException.ThrowIfNull(graph);
        RequireVertex(graph, broker, nameof(broker));
        var ties = TieSet<TVertex, TEdge>(graph.Edges, isTie);
        var paths = new List<BrokerageTwoPath<TVertex>>();
        Through<TVertex, TEdge>(graph, broker, isTie, ties, paths);
        return paths;
    }

    /// <summary>
    /// The open two-paths through one broker that start or end at one endpoint (endpoint → b → c and a → b → endpoint).
    /// Needs only the edges incident to the broker and to the endpoint, so it is exact on an ego network of both.
    /// </summary>
    /// <typeparam name="TVertex">The vertex type.</typeparam>
    /// <typeparam name="TEdge">The edge type.</typeparam>
    /// <param name="graph">The graph.</param>
    /// <param name="broker">The broker b.</param>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="isTie">Which edges are ties (null: all).</param>
    /// <returns>The two-paths: first those from the endpoint, then those to it.</returns>
    /// <exception cref="ArgumentException">The broker or endpoint is not a vertex, or they are the same vertex.</exception>
    public static IReadOnlyList<BrokerageTwoPath<TVertex>> OpenTwoPathsWith<TVertex, TEdge>(IBidirectionalGraph<TVertex, TEdge> graph, TVertex broker, TVertex endpoint, Func<TEdge, bool>? isTie = null)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        ArgumentNullException.ThrowIfNull(graph);
        RequireVertex(graph, broker, nameof(broker));
        RequireVertex(graph, endpoint, nameof(endpoint));
        var eq = EqualityComparer<TVertex>.Default;
        if (eq.Equals(broker, endpoint))
        {
            throw new ArgumentException($"the endpoint must differ from the broker; both are {broker}", nameof(endpoint));
        }

        var endpointOut = Neighbours(graph.OutEdges(endpoint), isTie, e => e.Target, endpoint);
        var endpointIn = Neighbours(graph.InEdges(endpoint), isTie, e => e.Source, endpoint);
        var brokerOut = Neighbours(graph.OutEdges(broker), isTie, e => e.Target, broker);
        var brokerIn = Neighbours(graph.InEdges(broker), isTie, e => e.Source, broker);
        var outSet = new HashSet<TVertex>(endpointOut);
        var inSet = new HashSet<TVertex>(endpointIn);
        var paths = new List<BrokerageTwoPath<TVertex>>();
        if (brokerIn.Contains(endpoint))
        {
            foreach (var c in brokerOut)
            {
                if (!eq.Equals(c, endpoint) && !outSet.Contains(c))
                {
                    paths.Add(new(endpoint, broker, c));
                }
            }
        }

        if (brokerOut.Contains(endpoint))
        {
            foreach (var a in brokerIn)
            {
                if (!eq.Equals(a, endpoint) && !inSet.Contains(a))
                {
                    paths.Add(new(a, broker, endpoint));
                }
            }
        }

        return paths;
    }

    /// <summary>Every vertex's brokerage counts by role.</summary>
    /// <typeparam name="TVertex">The vertex type.</typeparam>
    /// <typeparam name="TEdge">The edge type.</typeparam>
    /// <param name="graph">The graph.</param>
    /// <param name="groupOf">The group of each vertex.</param>
    /// <param name="isTie">Which edges are ties (null: all).</param>
    /// <returns>The counts of every vertex (zero for non-brokers), in the graph's vertex order.</returns>
    public static IReadOnlyDictionary<TVertex, BrokerageRoles> Roles<TVertex, TEdge>(IBidirectionalGraph<TVertex, TEdge> graph, Func<TVertex, string> groupOf, Func<TEdge, bool>? isTie = null)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(groupOf);
        var ties = TieSet<TVertex, TEdge>(graph.Edges, isTie);
        var groups = new Dictionary<TVertex, string>();
        foreach (var v in graph.Vertices)
        {
            groups[v] = groupOf(v) ?? throw new InvalidOperationException($"groupOf returned null for vertex {v}");
        }

        var result = new Dictionary<TVertex, BrokerageRoles>();
        var paths = new List<BrokerageTwoPath<TVertex>>();
        foreach (var b in graph.Vertices)
        {
            paths.Clear();
            Through<TVertex, TEdge>(graph, b, isTie, ties, paths);
            var roles = default(BrokerageRoles);
            foreach (var p in paths)
            {
                roles = roles.With(Classify(groups[p.From], groups[b], groups[p.To]));
            }

            result[b] = roles;
        }

        return result.AsReadOnly();
    }

    private static void Through<TVertex, TEdge>(IBidirectionalGraph<TVertex, TEdge> graph, TVertex b, Func<TEdge, bool>? isTie, HashSet<(TVertex, TVertex)> ties, List<BrokerageTwoPath<TVertex>> paths)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        var eq = EqualityComparer<TVertex>.Default;
        var ins = Neighbours(graph.InEdges(b), isTie, e => e.Source, b);
        if (ins.Count == 0)
        {
            return;
        }

        var outs = Neighbours(graph.OutEdges(b), isTie, e => e.Target, b);
        foreach (var a in ins)
        {
            foreach (var c in outs)
            {
                if (!eq.Equals(a, c) && !ties.Contains((a, c)))
                {
                    paths.Add(new(a, b, c));
                }
            }
        }
    }

    private static List<TVertex> Neighbours<TVertex, TEdge>(IEnumerable<TEdge> edges, Func<TEdge, bool>? isTie, Func<TEdge, TVertex> other, TVertex self)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        var eq = EqualityComparer<TVertex>.Default;
        var list = new List<TVertex>();
        HashSet<TVertex>? seen = null;
        foreach (var e in edges)
        {
            if (isTie is not null && !isTie(e))
            {
                continue;
            }

            var v = other(e);
            if (eq.Equals(v, self))
            {
                continue;
            }

            seen ??= [];
            if (seen.Add(v))
            {
                list.Add(v);
            }
        }

        return list;
    }

    private static HashSet<(TVertex, TVertex)> TieSet<TVertex, TEdge>(IEnumerable<TEdge> edges, Func<TEdge, bool>? isTie)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        var set = new HashSet<(TVertex, TVertex)>();
        foreach (var e in edges)
        {
            if (isTie is null || isTie(e))
            {
                set.Add((e.Source, e.Target));
            }
        }

        return set;
    }

    private static void RequireVertex<TVertex, TEdge>(IBidirectionalGraph<TVertex, TEdge> graph, TVertex v, string name)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        if (!graph.ContainsVertex(v))
        {
            throw new ArgumentException($"{name} must be a vertex of the graph; {v} is not", name);
        }
    }
}
