using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;

namespace Influence.Baselines;

/// <summary>
/// The baseline measures written as a C# user would first write them: LINQ over the evidence records, a dictionary
/// of per-(pair, period) totals, and LINQ again over each window. Deliberately separate from the engine (it shares no
/// code with it beyond the public records and options), so that agreeing with it means something.
/// </summary>
/// <remarks>Scores the case's declared dyads at its own granularity, over its own range.</remarks>
public static class NaiveLinqBaseline
{
    /// <summary>Computes the baseline measures.</summary>
    /// <param name="case">The case (with its range and granularity set).</param>
    /// <param name="options">The options whose weights and windows apply.</param>
    /// <returns>The values.</returns>
    public static BaselineResult Score(Case @case, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        var granularity = @case.Granularity;
        var from = @case.From ?? throw new ArgumentException("the case needs a first period", nameof(@case));
        var to = @case.To ?? throw new ArgumentException("the case needs a last period", nameof(@case));

        // The periods: from the earliest evidence (so windows see all history) to the last scored period.
        var earliest = @case.Evidence.Count == 0 ? from : Period.Containing(granularity, @case.Evidence.Min(e => e.Date.First));
        var first = earliest < from ? earliest : from;
        var periods = Enumerable.Range(0, to.PeriodsSince(first) + 1).Select(first.AddPeriods).ToList();
        var offset = from.PeriodsSince(first);

        // Faction roll-up: an item between a and b counts for every pair of their ancestors-or-self that are not
        // one inside the other.
        var parent = @case.Actors.ToDictionary(a => a.Id, a => a.Parent);
        List<string> Chain(string id)
        {
            var chain = new List<string>();
            for (string? x = id; x is not null; x = parent[x])
            {
                chain.Add(x);
            }

            return chain;
        }

        var chains = @case.Actors.ToDictionary(a => a.Id, a => Chain(a.Id));
        bool Related(string a, string b) => chains[a].Contains(b) || chains[b].Contains(a);

        var dyadic = @case.Evidence
            .Select(e => e switch
            {
                SupportEvidence s => new Item(s, s.From, s.To, s.Magnitude),
                CoercionEvidence c => new Item(c, c.From, c.To, c.Severity),
                DemandEvidence d => new Item(d, d.From, d.To, d.Salience),
                PresenceEvidence p => new Item(p, p.From, p.To, p.Level),
                OverreachEvidence o => new Item(o, o.From, o.To, o.Severity),
                CommitmentEvidence m => new Item(m, m.From, m.To, m.Scope),
                _ => null,
            })
            .Where(x => x is not null)
            .Select(x => x!);

        var cells = dyadic
            .SelectMany(x => chains[x.From].SelectMany(a => chains[x.To].Where(b => !Related(a, b)).Select(b => (From: a, To: b, x.Evidence, x.Value))))
            .SelectMany(x => Enumerable.Range(0, periods.Count)
                .Where(t => periods[t].Start <= x.Evidence.Date.Last && periods[t].End >= x.Evidence.Date.First)
                .Select(t => (x.From, x.To, T: t, x.Evidence, Weight: options.Confidence.Of(x.Evidence.Confidence) * x.Value * Share(x.Evidence.Date, periods[t]))));

        var totals = cells
            .GroupBy(c => (c.From, c.To, c.T))
            .ToDictionary(g => g.Key, g => new Totals
            {
                Activity = g.Count(),
                Support = g.Where(c => c.Evidence is SupportEvidence).Sum(c => c.Weight),
                SupportCount = g.Count(c => c.Evidence is SupportEvidence),
                Coercion = g.Where(c => c.Evidence is CoercionEvidence).Sum(c => c.Weight),
                DemandWeight = g.Where(c => c.Evidence is DemandEvidence).Sum(c => c.Weight),
                DemandMet = g.Where(c => c.Evidence is DemandEvidence).Sum(c => c.Weight * options.Compliance.Credit(((DemandEvidence)c.Evidence).Response)),
                DemandDefied = g.Where(c => c.Evidence is DemandEvidence { Response: DemandResponse.Defied or DemandResponse.Ignored }).Sum(c => c.Weight),
                DemandCount = g.Count(c => c.Evidence is DemandEvidence),
                Presence = g.Where(c => c.Evidence is PresenceEvidence).Sum(c => c.Weight),
                CommitmentWeight = g.Where(c => c.Evidence is CommitmentEvidence).Sum(c => c.Weight),
                CommitmentFormality = g.Where(c => c.Evidence is CommitmentEvidence).Sum(c => c.Weight * options.DiffuseObligation.Of(((CommitmentEvidence)c.Evidence).Formality)),
                CommitmentCount = g.Count(c => c.Evidence is CommitmentEvidence),
            });

        Totals At(string a, string b, int t) => totals.TryGetValue((a, b, t), out var x) ? x : Totals.None;
        IEnumerable<int> Window(int t, double years) => Enumerable.Range(t - granularity.PeriodsIn(years) + 1, granularity.PeriodsIn(years)).Where(x => x >= 0);

        var count = periods.Count - offset;
        var values = Baseline.Measures.Select(_ => new double[@case.Dyads.Length * count]).ToArray();
        for (var d = 0; d < @case.Dyads.Length; d++)
        {
            var (p, c) = (@case.Dyads[d].Patron, @case.Dyads[d].Client);
            var firstExchange = Enumerable.Range(0, periods.Count).Where(t => At(p, c, t).SupportCount + At(c, p, t).SupportCount > 0).DefaultIfEmpty(-1).First();
            var firstInput = Enumerable.Range(0, periods.Count).Where(t => At(p, c, t).SupportCount > 0).DefaultIfEmpty(-1).First();
            for (var i = 0; i < count; i++)
            {
                var t = offset + i;
                var cell = (d * count) + i;

                // Exchange: volume over its window × reciprocity over the reciprocity window.
                var reciprocity = Window(t, options.Exchange.ReciprocityWindowYears).ToList();
                var given = reciprocity.Sum(x => At(p, c, x).Support);
                var back = reciprocity.Sum(x => At(c, p, x).Support);
                var volume = Window(t, options.Exchange.VolumeWindowYears).ToList();
                values[0][cell] = reciprocity.Sum(x => At(p, c, x).SupportCount + At(c, p, x).SupportCount) == 0
                    ? double.NaN
                    : Saturate(volume.Sum(x => At(p, c, x).Support) + volume.Sum(x => At(c, p, x).Support), options.Exchange.VolumeScale) * (given + back > 0 ? 2 * Math.Min(given, back) / (given + back) : 0);

                // Conflict: coercion both ways and defied demands over the window, when the dyad was observed.
                var conflict = Window(t, options.Conflict.WindowYears).ToList();
                values[1][cell] = conflict.Any(x => At(p, c, x).Activity + At(c, p, x).Activity > 0)
                    ? Saturate(conflict.Sum(x => At(p, c, x).Coercion) + conflict.Sum(x => At(c, p, x).Coercion) + (options.Conflict.DefianceWeight * conflict.Sum(x => At(p, c, x).DemandDefied)), options.Conflict.Scale)
                    : double.NaN;

                // Diffuse obligation: informality of commitments in force, variability of the patron's input over the
                // window from its first input on.
                var commitments = At(p, c, t).CommitmentCount + At(c, p, t).CommitmentCount;
                var commitmentWeight = At(p, c, t).CommitmentWeight + At(c, p, t).CommitmentWeight;
                double? informality = commitments > 0 && commitmentWeight > 0
                    ? Math.Clamp(1 - ((At(p, c, t).CommitmentFormality + At(c, p, t).CommitmentFormality) / commitmentWeight), 0, 1)
                    : null;
                // The window from the patron's first input on, in year-long steps counted back from t: each step's total.
                var inputStep = granularity.PeriodsIn(options.DiffuseObligation.VariabilityStepYears);
                var inputSteps = (Window(t, options.DiffuseObligation.VariabilityWindowYears).Count(x => x >= firstInput) + inputStep - 1) / inputStep;
                var inputs = Enumerable.Range(0, inputSteps).Reverse()
                    .Select(k => Window(t - (k * inputStep), options.DiffuseObligation.VariabilityStepYears).Sum(x => At(p, c, x).Support))
                    .ToList();
                double? variability = null;
                if (inputs.Count >= 2 && inputs.Sum() > 0)
                {
                    var mean = inputs.Average();
                    var cv = Math.Sqrt(inputs.Sum(v => (v - mean) * (v - mean)) / inputs.Count) / mean;
                    variability = cv / (1 + cv);
                }

                var alpha = options.DiffuseObligation.InformalityWeight;
                values[2][cell] = (informality, variability) switch
                {
                    ({ } a, { } v) => (alpha * a) + ((1 - alpha) * v),
                    ({ } a, null) => a,
                    (null, { } v) => v,
                    _ => double.NaN,
                };

                // Endurance: duration since the first exchange × share of the recent year-long steps with exchange.
                if (firstExchange < 0 || firstExchange > t)
                {
                    values[3][cell] = double.NaN;
                }
                else
                {
                    var recent = Window(t, options.Endurance.ContinuityWindowYears).Where(x => x >= firstExchange).ToList();
                    var step = granularity.PeriodsIn(options.Endurance.ContinuityStepYears);
                    var steps = (recent.Count + step - 1) / step;
                    var active = Enumerable.Range(0, steps).Count(k => Window(t - (k * step), options.Endurance.ContinuityStepYears).Any(x => At(p, c, x).SupportCount + At(c, p, x).SupportCount > 0));
                    var years = (t - firstExchange + 1) / (double)granularity.PeriodsPerYear();
                    values[3][cell] = Saturate(years, options.Endurance.DurationScaleYears) * active / steps;
                }

                // Compliance: the weighted share of the patron's demands met over the window.
                var demands = Window(t, options.Compliance.WindowYears).Select(x => At(p, c, x)).ToList();
                var demandWeight = demands.Sum(x => x.DemandWeight);
                values[4][cell] = demands.Sum(x => x.DemandCount) > 0 && demandWeight > 0 ? demands.Sum(x => x.DemandMet) / demandWeight : double.NaN;

                // Presence: the patron's presence over the window, when the dyad was observed in it.
                var presence = Window(t, options.Presence.WindowYears).ToList();
                values[5][cell] = presence.Any(x => At(p, c, x).Activity + At(c, p, x).Activity > 0) ? Saturate(presence.Sum(x => At(p, c, x).Presence), options.Presence.Scale) : double.NaN;
            }
        }

        return new BaselineResult(Baseline.Measures, @case.Dyads.Length, count, values);
    }

    private static double Saturate(double x, double k) => x <= 0 ? 0 : 1 - Math.Exp(-x / k);

    /// <summary>A point spreads over the periods it covers by days; a span is a yearly rate: the days it covers over the days of the period's year.</summary>
    private static double Share(EvidenceDate date, Period period)
    {
        var overlap = Math.Min(date.Last.DayNumber, period.End.DayNumber) - Math.Max(date.First.DayNumber, period.Start.DayNumber) + 1;
        return date.IsSpan
            ? (double)overlap / (DateTime.IsLeapYear(period.Year) ? 366 : 365)
            : (double)overlap / date.Days;
    }

    private sealed record Item(EvidenceItem Evidence, string From, string To, double Value);

    private sealed class Totals
    {
        public static readonly Totals None = new();

        public int Activity { get; init; }

        public double Support { get; init; }

        public int SupportCount { get; init; }

        public double Coercion { get; init; }

        public double DemandWeight { get; init; }

        public double DemandMet { get; init; }

        public double DemandDefied { get; init; }

        public int DemandCount { get; init; }

        public double Presence { get; init; }

        public double CommitmentWeight { get; init; }

        public double CommitmentFormality { get; init; }

        public int CommitmentCount { get; init; }
    }
}
