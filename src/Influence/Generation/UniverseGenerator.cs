using System.Globalization;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.Generation;

/// <summary>
/// Generates synthetic universes: many actors, a sparse support network and millions of dated evidence items, for
/// benchmarks, load tests and examples. The same <see cref="UniverseOptions"/> (seed included) always give the same
/// case, byte for byte, on every platform.
/// </summary>
/// <remarks>
/// <para>What a universe holds:</para>
/// <list type="bullet">
/// <item><description>
/// Actors: states (<c>s…</c>), armed groups (<c>g…</c>) and factions (<c>f…</c>); a faction's parent is a group or,
/// one time in six, another faction, so evidence rolls up over one or two levels.
/// </description></item>
/// <item><description>
/// A sparse support network of round(actors × <see cref="UniverseOptions.LinksPerActor"/>) directed patron → client
/// links with heavy-tailed degrees: patrons are drawn with weight (rank + 1)^−1.1 and clients (groups and factions)
/// with weight (rank + 1)^−0.7 over random orders of the actors, so a few patrons back many clients and a few
/// clients have many patrons. Each link is active over one stretch of periods; every link is a declared dyad.
/// </description></item>
/// <item><description>
/// Dyadic evidence on active links, uniform over active link-periods: support both ways (44%), coercion both ways
/// (15%), demands on the link's three issues with responses (20%), presence (10%), commitments in force for one to
/// five years (5%), overreach (2%), and support to the client from third parties, the first ten actors of the patrons' order (4%). Dates are mostly months, some
/// days, some whole years (spread over the year) and some spans.
/// </description></item>
/// <item><description>
/// Non-dyadic evidence (at most a fifth of the items): a yearly capability observation per actor, and quarterly
/// attainment observations of each patron's objectives (one toward its first client, sometimes a general one; one
/// objective in five is observed through an indicator series).
/// </description></item>
/// </list>
/// <para>
/// Evidence ids are <c>e</c> and a zero-padded sequence number, so they arrive in canonical order; the order is
/// random with respect to dyads and periods, as in real data sets. Building goes through the columnar
/// <see cref="CaseBuilder"/> methods (no record per item), so a universe costs about the memory of its columns.
/// </para>
/// </remarks>
public static class UniverseGenerator
{
    private const int IssueCount = 12;
    private const int SourceCount = 8;
    private const int ThirdParties = 10;

    /// <summary>Generates a universe.</summary>
    /// <param name="options">What to generate (null: <see cref="UniverseOptions.Default"/>).</param>
    /// <returns>The case; its declared dyads are the support links.</returns>
    /// <exception cref="ArgumentException">
    /// The periods run past the year 9999, or <see cref="UniverseOptions.StateShare"/> +
    /// <see cref="UniverseOptions.FactionShare"/> is not below 1.
    /// </exception>
    public static Case Generate(UniverseOptions? options = null) => new Run(options ?? UniverseOptions.Default).Build();

    private sealed class Run
    {
        private readonly UniverseOptions _o;
        private readonly int _n;
        private readonly int _t;
        private readonly int[] _periodStart;
        private readonly string[] _actorIds;
        private readonly int[] _parent;
        private readonly string[] _sources;
        private readonly string[] _issues;
        private readonly List<(int Patron, int Client, int Start, int Length, int[] Issues)> _links = [];
        private Xoshiro _rng;
        private int[] _patrons = [];
        private double[] _patronWeights = [];

        public Run(UniverseOptions options)
        {
            if (options.StateShare + options.FactionShare >= 1)
            {
                // Checked here, not as each is set: with init, one share is set before the other.
                throw new ArgumentException(
                    $"StateShare + FactionShare must be below 1, leaving a share for the armed groups that factions belong to; were StateShare {Check.Show(options.StateShare)} + FactionShare {Check.Show(options.FactionShare)} = {Check.Show(options.StateShare + options.FactionShare)}",
                    nameof(options));
            }

            _o = options;
            _n = options.Actors;
            _t = options.Periods;
            var first = Period.Containing(options.Granularity, new DateOnly(options.FirstYear, 1, 1));
            var lastYear = (long)options.FirstYear + ((long)_t / options.Granularity.PeriodsPerYear());
            if (lastYear > 9999)
            {
                throw new ArgumentException($"the periods must end by the year 9999; {_t} {options.Granularity.ToName()}s from {options.FirstYear} do not", nameof(options));
            }

            _periodStart = new int[_t + 1];
            for (var t = 0; t <= _t; t++)
            {
                _periodStart[t] = first.AddPeriods(t).Start.DayNumber;
            }

            _rng = new Xoshiro(options.Seed);
            _actorIds = new string[_n];
            _parent = new int[_n];
            _sources = [.. Enumerable.Range(1, SourceCount).Select(i => $"src{i}")];
            _issues = [.. Enumerable.Range(1, IssueCount).Select(i => $"issue{i:D2}")];
        }

        public Case Build()
        {
            var b = new CaseBuilder($"universe-{_o.Seed}", string.Create(CultureInfo.InvariantCulture, $"Synthetic universe: {_n} actors, {_t} periods, {_o.Evidence} evidence items (seed {_o.Seed})"))
            {
                Description = "Generated by Influence.Generation.UniverseGenerator for benchmarks and load tests; not real data.",
                CapabilityIndex = "synthetic capability index",
                Granularity = _o.Granularity,
                From = Period.Containing(_o.Granularity, DateOnly.FromDayNumber(_periodStart[0])),
                To = Period.Containing(_o.Granularity, DateOnly.FromDayNumber(_periodStart[_t] - 1)),

                // The universe is "looked at" over all its periods: a sparse one whose last item ends early still
                // scores to its end, as the baselines do. Items dated by year cover the whole of the last year, so
                // the evidence ends on that year's last day (past the range when it ends inside the year).
                EvidenceEnds = new DateOnly(DateOnly.FromDayNumber(_periodStart[_t] - 1).Year, 12, 31),
            };
            foreach (var s in _sources)
            {
                b.AddSource(new Source(s, $"Synthetic source {s}"));
            }

            foreach (var i in _issues)
            {
                b.AddIssue(new Issue(i, $"Issue {i}") { Core = i.EndsWith('1') });
            }

            AddActors(b);
            AddLinks(b);
            var objectives = AddObjectives(b);
            AddEvidence(b, objectives);
            return b.Build();
        }

        private void AddActors(CaseBuilder b)
        {
            var states = Math.Max(1, (int)Math.Round(_n * _o.StateShare));
            var factions = Math.Min(_n - states - 1, (int)Math.Round(_n * _o.FactionShare));
            var groups = _n - states - factions;
            var width = _n.ToString(CultureInfo.InvariantCulture).Length;
            for (var i = 0; i < _n; i++)
            {
                _parent[i] = -1;
                if (i < states)
                {
                    _actorIds[i] = Id("s", i + 1, width);
                    b.AddActor(new Actor(_actorIds[i], $"State {i + 1}", ActorKind.State));
                }
                else if (i < states + groups)
                {
                    _actorIds[i] = Id("g", i - states + 1, width);
                    b.AddActor(new Actor(_actorIds[i], $"Group {i - states + 1}", ActorKind.NonStateArmedGroup));
                }
                else
                {
                    var k = i - states - groups;
                    _parent[i] = k > 0 && _rng.Next(6) == 0 ? states + groups + _rng.Next(k) : states + _rng.Next(groups);
                    _actorIds[i] = Id("f", k + 1, width);
                    b.AddActor(new Actor(_actorIds[i], $"Faction {k + 1}", ActorKind.Faction) { Parent = _actorIds[_parent[i]] });
                }
            }
        }

        private bool Related(int a, int c)
        {
            for (var x = a; x >= 0; x = _parent[x])
            {
                if (x == c)
                {
                    return true;
                }
            }

            for (var x = c; x >= 0; x = _parent[x])
            {
                if (x == a)
                {
                    return true;
                }
            }

            return false;
        }

        private void AddLinks(CaseBuilder b)
        {
            var wanted = _o.Dyads;
            _patrons = Shuffled(Enumerable.Range(0, _n).ToArray());
            _patronWeights = Cumulative(_patrons.Length, 1.1);
            var clients = Shuffled(Enumerable.Range(0, _n).Where(i => _actorIds[i][0] != 's').ToArray());
            var clientWeights = Cumulative(clients.Length, 0.7);
            var seen = new HashSet<long>();
            for (var attempt = 0; _links.Count < wanted && attempt < wanted * 50; attempt++)
            {
                var p = _patrons[Pick(_patronWeights)];
                var c = clients[Pick(clientWeights)];
                if (p == c || Related(p, c) || seen.Contains(Key(c, p)) || !seen.Add(Key(p, c)))
                {
                    continue;
                }

                var length = Math.Max(1, (int)Math.Round(_t * Math.Sqrt(_rng.NextDouble())));
                var start = _rng.Next(_t - length + 1);
                var issues = new int[3];
                for (var k = 0; k < issues.Length; k++)
                {
                    issues[k] = _rng.Next(IssueCount);
                }

                _links.Add((p, c, start, length, issues));
                b.AddDyad(_actorIds[p], _actorIds[c]);
            }
        }

        private List<(string Id, string? Indicator)> AddObjectives(CaseBuilder b)
        {
            var objectives = new List<(string Id, string? Indicator)>();
            var done = new HashSet<int>();
            foreach (var link in _links)
            {
                if (!done.Add(link.Patron))
                {
                    continue;
                }

                Add(link.Patron, _actorIds[link.Client]);
                if (_rng.Chance(0.4))
                {
                    Add(link.Patron, null);
                }
            }

            return objectives;

            void Add(int holder, string? toward)
            {
                var id = $"o{objectives.Count + 1}";
                b.AddObjective(new Objective(id, _actorIds[holder], $"Objective {objectives.Count + 1}", Round(0.2 + (0.8 * _rng.NextDouble())))
                {
                    Toward = toward,
                    Issue = _issues[_rng.Next(IssueCount)],
                });
                string? indicator = null;
                if (_rng.Chance(0.2))
                {
                    indicator = $"i{objectives.Count + 1}";
                    b.AddIndicator(new Indicator(indicator, id, $"Indicator {objectives.Count + 1}", IndicatorDirection.LowerIsBetter, 0, 200) { Unit = "incidents" });
                }

                objectives.Add((id, indicator));
            }
        }

        private void AddEvidence(CaseBuilder b, List<(string Id, string? Indicator)> objectives)
        {
            var total = _o.Evidence;
            var perYear = _o.Granularity.PeriodsPerYear();
            var years = (_t + perYear - 1) / perYear;
            var quarters = (_t + Math.Max(1, perYear / 4) - 1) / Math.Max(1, perYear / 4);
            long capability = (long)_n * years;
            long attainment = (long)objectives.Count * quarters;
            var budget = total / 5;
            if (capability + attainment > budget)
            {
                var scale = budget / (double)(capability + attainment);
                capability = (long)(capability * scale);
                attainment = (long)(attainment * scale);
            }

            var nonDyadic = (int)(capability + attainment);
            var schedule = new long[nonDyadic];
            for (var i = 0; i < nonDyadic; i++)
            {
                schedule[i] = i;
            }

            Shuffle(schedule);
            var linkCumulative = new long[_links.Count];
            long active = 0;
            for (var i = 0; i < _links.Count; i++)
            {
                active += _links[i].Length;
                linkCumulative[i] = active;
            }

            var width = Math.Max(9, total.ToString(CultureInfo.InvariantCulture).Length);
            var nextNonDyadic = 0;
            for (var k = 0; k < total; k++)
            {
                var id = Id("e", k, width);
                var remaining = total - k;
                if (nextNonDyadic < nonDyadic && _rng.Next(remaining) < nonDyadic - nextNonDyadic)
                {
                    var slot = schedule[nextNonDyadic++];
                    if (slot < capability)
                    {
                        AddCapability(b, id, (int)(slot % _n), (int)(slot / _n) * perYear);
                    }
                    else
                    {
                        var a = slot - capability;
                        var o = (int)(a % Math.Max(1, objectives.Count));
                        var q = (int)(a / Math.Max(1, objectives.Count));
                        AddObservation(b, id, objectives[o], Math.Min(_t - 1, q * Math.Max(1, perYear / 4)));
                    }

                    continue;
                }

                var r = (long)(_rng.NextDouble() * active);
                var li = Array.BinarySearch(linkCumulative, r + 1);
                li = li >= 0 ? li : ~li;
                var link = _links[li];
                var t = link.Start + (int)(r - (linkCumulative[li] - link.Length));
                AddDyadic(b, id, link, t);
            }
        }

        private void AddCapability(CaseBuilder b, string id, int actor, int t)
        {
            var scale = _actorIds[actor][0] switch { 's' => 50.0, 'g' => 5.0, _ => 1.0 };
            var day = RandomDay(Math.Min(t, _t - 1));
            b.AddCapability(id, EvidenceDate.OnDay(DateOnly.FromDayNumber(day)), Confidence(), Source(), _actorIds[actor], Round(scale * (0.5 + _rng.NextDouble())));
        }

        private void AddObservation(CaseBuilder b, string id, (string Id, string? Indicator) objective, int t)
        {
            var date = Point(RandomDay(t), DatePrecision.Month);
            if (objective.Indicator is { } indicator)
            {
                b.AddIndicatorValue(id, date, Confidence(), Source(), indicator, Math.Round(200 * _rng.NextDouble()));
            }
            else
            {
                b.AddAttainment(id, date, Confidence(), Source(), objective.Id, Round(_rng.NextDouble()));
            }
        }

        private void AddDyadic(CaseBuilder b, string id, (int Patron, int Client, int Start, int Length, int[] Issues) link, int t)
        {
            var p = _actorIds[link.Patron];
            var c = _actorIds[link.Client];
            var day = RandomDay(t);
            var kind = _rng.NextDouble();
            if (kind < 0.30)
            {
                b.AddSupport(id, SupportDate(day), Confidence(), Source(), p, c, (ResourceType)_rng.Next(21), Magnitude());
            }
            else if (kind < 0.44)
            {
                b.AddSupport(id, SupportDate(day), Confidence(), Source(), c, p, (ResourceType)_rng.Next(21), Magnitude());
            }
            else if (kind < 0.51)
            {
                b.AddCoercion(id, EventDate(day), Confidence(), Source(), p, c, (CoercionType)_rng.Next(12), Magnitude());
            }
            else if (kind < 0.59)
            {
                b.AddCoercion(id, EventDate(day), Confidence(), Source(), c, p, (CoercionType)_rng.Next(12), Magnitude());
            }
            else if (kind < 0.79)
            {
                var response = _rng.NextDouble() switch
                {
                    < 0.35 => DemandResponse.Complied,
                    < 0.60 => DemandResponse.Partial,
                    < 0.85 => DemandResponse.Defied,
                    _ => DemandResponse.Ignored,
                };
                b.AddDemand(id, EventDate(day), Confidence(), Source(), p, c, _issues[link.Issues[_rng.Next(link.Issues.Length)]], Round(0.1 + (0.9 * _rng.NextDouble())), response);
            }
            else if (kind < 0.89)
            {
                var date = _rng.Chance(0.5) ? SpanDate(day, 3, 12) : Point(day, DatePrecision.Month);
                b.AddPresence(id, date, Confidence(), Source(), p, c, (PresenceType)_rng.Next(7), Magnitude());
            }
            else if (kind < 0.94)
            {
                var (from, to) = _rng.Chance(0.7) ? (p, c) : (c, p);
                b.AddCommitment(id, SpanDate(day, 12, 60), Confidence(), Source(), from, to, (CommitmentFormality)_rng.Next(4));
            }
            else if (kind < 0.96)
            {
                b.AddOverreach(id, EventDate(day), Confidence(), Source(), p, c, Magnitude());
            }
            else
            {
                var third = _patrons[_rng.Next(Math.Min(ThirdParties, _patrons.Length))];
                if (third == link.Client || Related(third, link.Client))
                {
                    third = link.Patron;
                }

                b.AddSupport(id, SupportDate(day), Confidence(), Source(), _actorIds[third], c, (ResourceType)_rng.Next(21), Magnitude());
            }
        }

        private EvidenceDate SupportDate(int day) => _rng.NextDouble() switch
        {
            < 0.70 => Point(day, DatePrecision.Month),
            < 0.85 => Point(day, DatePrecision.Day),
            < 0.93 => Point(day, DatePrecision.Year),
            _ => SpanDate(day, 2, 6),
        };

        private EvidenceDate EventDate(int day) => _rng.NextDouble() switch
        {
            < 0.50 => Point(day, DatePrecision.Day),
            < 0.92 => Point(day, DatePrecision.Month),
            _ => Point(day, DatePrecision.Year),
        };

        /// <summary>A span of <paramref name="min"/> to <paramref name="max"/> months from the month of a day, ending by the last period.</summary>
        private EvidenceDate SpanDate(int day, int min, int max)
        {
            var start = DateOnly.FromDayNumber(day);
            var end = start.AddMonths(min + _rng.Next(max - min + 1) - 1);
            var lastDay = DateOnly.FromDayNumber(_periodStart[_t] - 1);
            if (end > lastDay)
            {
                end = lastDay;
            }

            return EvidenceDate.Span(EvidenceDate.Point(start, DatePrecision.Month), EvidenceDate.Point(end, DatePrecision.Month));
        }

        private static EvidenceDate Point(int day, DatePrecision precision) => EvidenceDate.Point(DateOnly.FromDayNumber(day), precision);

        private int RandomDay(int t) => _periodStart[t] + _rng.Next(_periodStart[t + 1] - _periodStart[t]);

        private Confidence Confidence() => _rng.NextDouble() switch
        {
            < 0.50 => Evidence.Confidence.Confirmed,
            < 0.85 => Evidence.Confidence.Reported,
            _ => Evidence.Confidence.Alleged,
        };

        private string Source() => _sources[_rng.Next(SourceCount)];

        private double Magnitude() => Round(0.05 + (0.95 * _rng.NextDouble()));

        private T[] Shuffled<T>(T[] items)
        {
            Shuffle(items);
            return items;
        }

        private void Shuffle<T>(T[] items)
        {
            for (var i = items.Length - 1; i > 0; i--)
            {
                var j = _rng.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private int Pick(double[] cumulative)
        {
            var u = _rng.NextDouble() * cumulative[^1];
            var i = Array.BinarySearch(cumulative, u);
            i = i >= 0 ? i + 1 : ~i;
            return Math.Min(i, cumulative.Length - 1);
        }

        private static double[] Cumulative(int count, double exponent)
        {
            var c = new double[count];
            var s = 0.0;
            for (var i = 0; i < count; i++)
            {
                s += Math.Pow(i + 1, -exponent);
                c[i] = s;
            }

            return c;
        }

        private static double Round(double x) => Math.Round(x, 3, MidpointRounding.AwayFromZero) is var r && r > 0 ? r : 0.001;

        private static long Key(int a, int b) => ((long)a << 32) | (uint)b;

        private static string Id(string prefix, int number, int width) =>
            prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }
}
