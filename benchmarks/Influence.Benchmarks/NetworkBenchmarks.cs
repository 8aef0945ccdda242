using BenchmarkDotNet.Attributes;
using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Networks;
using Influence.Scoring;
using Influence.Theory;

namespace Influence.Benchmarks;

/// <summary>
/// The network step: building one period's actor network from the evidence index, Gould–Fernandez roles of every
/// actor, and the six multilateral measures for every declared dyad in that period (each reads the ego network of its
/// dyad). A synthetic case: <see cref="Actors"/> actors (a fifth of them states, a tenth factions of the first movements),
/// 20 support and 5 coercion items per actor over 2000–2009, targets drawn with a heavy tail (a few hubs), seed 42.
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private EvidenceIndex _index = null!;
    private ActorNetwork _network = null!;
    private (int Patron, int Client)[] _dyads = [];
    private int _t;

    /// <summary>The number of actors.</summary>
    [Params(100, 1_000, 10_000)]
    public int Actors { get; set; }

    /// <summary>Generates the case and builds the index (not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var b = new CaseBuilder("synthetic-network", "Synthetic network") { From = Period.FromYear(2000), To = Period.FromYear(2009) };
        b.AddSource(new Source("s", "synthetic"));
        var movements = Math.Max(1, Actors / 10);
        for (var a = 0; a < Actors; a++)
        {
            var kind = a % 5 == 0 ? ActorKind.State : ActorKind.NonStateArmedGroup;
            var actor = new Actor($"a{a}", $"Actor {a}", kind);
            if (a >= Actors - (Actors / 10))
            {
                actor = actor with { Kind = ActorKind.Faction, Parent = $"a{1 + (a % movements)}" };
            }

            b.AddActor(actor);
        }

        int Pick() => (int)(Actors * Math.Pow(rng.NextDouble(), 3));
        var n = 0;
        for (var i = 0; i < 25 * Actors; i++)
        {
            var from = rng.Next(Actors);
            var to = Pick();
            if (from == to)
            {
                continue;
            }

            var date = EvidenceDate.InYear(2000 + rng.Next(10));
            var id = $"e{n++:D8}";
            if (i % 5 == 4)
            {
                b.AddCoercion(id, date, Confidence.Reported, "s", $"a{from}", $"a{to}", CoercionType.Attack, Math.Round(rng.NextDouble(), 2));
            }
            else
            {
                b.AddSupport(id, date, Confidence.Confirmed, "s", $"a{from}", $"a{to}", (ResourceType)rng.Next(21), Math.Round(rng.NextDouble(), 2));
            }
        }

        var @case = b.Build();
        _index = EvidenceIndex.Build(@case, new PeriodGrid(Period.FromYear(2000), Period.FromYear(2009)), ScoringOptions.Default);
        _t = _index.Periods - 1;
        _network = ActorNetwork.Build(_index, _t, _t);
        _dyads = [.. Enumerable.Range(0, Math.Min(Actors, 1_000)).Select(i => (Patron: i % (Actors / 2), Client: (Actors / 2) + (i % (Actors / 2))))
            .Where(d => !_index.AreRelated(d.Patron, d.Client))];
    }

    /// <summary>Builds the whole network of the last period: O(pairs) filter, O(kept pairs × window) sums.</summary>
    /// <returns>The network.</returns>
    [Benchmark(Baseline = true, Description = "build one period's network")]
    public ActorNetwork Build() => ActorNetwork.Build(_index, _t, _t);

    /// <summary>Gould–Fernandez roles of every actor: O(E + Σ in-degree × out-degree).</summary>
    /// <returns>The roles.</returns>
    [Benchmark(Description = "Gould–Fernandez roles of every actor")]
    public IReadOnlyDictionary<int, BrokerageRoles> Roles() => _network.BrokerageRoles();

    /// <summary>The six multilateral measures for up to 1,000 dyads in the last period.</summary>
    /// <returns>A checksum of the defined values.</returns>
    [Benchmark(Description = "6 multilateral measures, min(actors, 1,000) dyads, one period")]
    public double Measures()
    {
        var sum = 0.0;
        foreach (var (p, c) in _dyads)
        {
            var at = new DyadPeriod(_index, p, c, _t);
            foreach (var m in Influence.Theory.Measures.Multilateral)
            {
                sum += m.Evaluate(at) ?? 0;
            }
        }

        return sum;
    }
}
