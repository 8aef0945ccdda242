#:project ../src/Influence/Influence.csproj
// Testing another reading of a measure without changing the library: three custom measures, each diffuse obligation
// with its variability part read differently, scored beside the built-in one on the reference case. They are the
// options of docs/open-questions.md §10 ("Diffuse obligation reads the patron pulling back as more diffuse
// obligation"), computed here so that the question can be decided on figures. Run from the repository root:
//
//     dotnet run samples/alternative-readings.cs
//
// CI compares what it prints with samples/alternative-readings.expected.txt.
using System.Globalization;
using Influence;
using Influence.Indexing;
using Influence.IO;
using Influence.Scoring;
using Influence.Theory;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var @case = CaseReader.LoadBuiltIn();
var dyad = @case.Dyads[0]; // pakistan → taliban
var readings = new[] { Reading.AsScored, Reading.AroundTrend, Reading.AroundLevelShift, Reading.InputStepsOnly, Reading.BothDirections };
var options = ScoringOptions.Default with { CustomMeasures = [.. readings.Select(r => new DiffuseReading(r))] };
var scores = Scorer.Score(@case, options);

// The sample's own code first recomputes the measure as the library defines it; only once the two agree in every
// period does a changed reading mean anything. (They agree to rounding: the library sums the window's years in
// another order.)
var rows = scores.For(dyad).ToList();
var asScored = DiffuseReading.NameOf(Reading.AsScored);
var agree = rows.All(p => p.DiffuseObligation.Value is { } v
    ? p[asScored].Value is { } w && Math.Abs(v - w) <= 1e-12
    : p[asScored].Value is null);
Console.WriteLine($"{dyad}: diffuse obligation = 0.5 · informality + 0.5 · variability, variability = cv/(1 + cv) of the patron's yearly input over 5 years");
Console.WriteLine($"the sample's recomputation gives the library's value (within 1e-12, undefined where it is undefined) in all {rows.Count} periods: {agree}");
Console.WriteLine();
Console.WriteLine("period  patron input  client input  informality  as scored  (a) trend  (a′) one shift  (b) input years  (c) both ways");
foreach (var p in rows.Where(p => p.Period.Year >= 2016))
{
    var at = scores.IsPartial(p.Period) ? $"{p.Period}†" : p.Period.ToString();
    var (given, back, informality) = DiffuseReading.PartsOf(scores, dyad, p.Period);
    Console.WriteLine(
        $"{at,-6}  {F(given),12}  {F(back),12}  {F(informality),11}  {F(p.DiffuseObligation.Value),9}  {F(p[DiffuseReading.NameOf(Reading.AroundTrend)].Value),9}  " +
        $"{F(p[DiffuseReading.NameOf(Reading.AroundLevelShift)].Value),14}  {F(p[DiffuseReading.NameOf(Reading.InputStepsOnly)].Value),15}  {F(p[DiffuseReading.NameOf(Reading.BothDirections)].Value),13}");
}

Console.WriteLine($"† the case's evidence ends on {scores.EvidenceEnds:yyyy-MM-dd}: that year rests on part of it.");
Console.WriteLine("(a) the deviations are taken from the least-squares line through the window's yearly totals, not from their mean:");
Console.WriteLine("    a steady fall is no variability (needs 3 years; undefined otherwise)");
Console.WriteLine("(a′) the deviations are taken from the best fit of two levels, one before and one after a single shift in the window:");
Console.WriteLine("    one step down (or up) is no variability (needs 3 years)");
Console.WriteLine("(b) only the years with patron input count: the years after the input stopped are not zeros of it");
Console.WriteLine("(c) the mean of the patron's variability and the client's (each as scored; either alone when the other is undefined)");

static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";

/// <summary>How the variability part of diffuse obligation is read.</summary>
internal enum Reading
{
    /// <summary>As the library scores it: cv around the mean of the patron's yearly input, from its first input on.</summary>
    AsScored,

    /// <summary>Option (a): cv of the residuals around the least-squares line through the yearly input.</summary>
    AroundTrend,

    /// <summary>
    /// A variant of option (a): cv of the residuals around the best two-level fit (one level before a single shift in
    /// the window, one after), so that one step is no variability.
    /// </summary>
    AroundLevelShift,

    /// <summary>Option (b): cv over the years with patron input only.</summary>
    InputStepsOnly,

    /// <summary>Option (c): the mean of the patron's and the client's variability.</summary>
    BothDirections,
}

/// <summary>
/// Diffuse obligation, α · informality + (1 − α) · variability, with the variability read as <see cref="Reading"/>
/// says; informality, α, the window and the step are the library's (<see cref="DiffuseObligation.Informality"/>,
/// <see cref="ScoringOptions.DiffuseObligation"/>).
/// </summary>
internal sealed class DiffuseReading(Reading reading) : Measure(NameOf(reading))
{
    public static string NameOf(Reading reading) => reading switch
    {
        Reading.AsScored => "diffuseAsScored",
        Reading.AroundTrend => "diffuseAroundTrend",
        Reading.AroundLevelShift => "diffuseAroundLevelShift",
        Reading.InputStepsOnly => "diffuseInputStepsOnly",
        _ => "diffuseBothDirections",
    };

    public override MeasureScale Scale => MeasureScale.Unit;

    public override string Formula => $"α·informality + (1 − α)·variability, variability read as {reading}";

    public override string Citation => "Biermann (2025), pp. 3–7: diffuse obligation; docs/open-questions.md §10";

    /// <summary>
    /// The weighted support each way in a period (S[P→C], S[C→P]) and the informality the library reads (the same in
    /// every reading).
    /// </summary>
    public static (double Given, double Back, double? Informality) PartsOf(ScoreSet scores, Influence.Cases.Dyad dyad, Period period)
    {
        var index = scores.Index;
        var at = new DyadPeriod(index, index.Case.ActorIndexOf(dyad.Patron), index.Case.ActorIndexOf(dyad.Client), index.Grid.IndexOf(period));
        return (index.Sum(PairSum.Support, at.PatronToClient, at.T, at.T), index.Sum(PairSum.Support, at.ClientToPatron, at.T, at.T), DiffuseObligation.Informality(at));
    }

    public override double? Evaluate(in DyadPeriod at)
    {
        var variability = reading switch
        {
            Reading.BothDirections => Mean(Variability(at, at.PatronToClient, Reading.AsScored), Variability(at, at.ClientToPatron, Reading.AsScored)),
            _ => Variability(at, at.PatronToClient, reading),
        };
        var alpha = at.Options.DiffuseObligation.InformalityWeight;
        return (DiffuseObligation.Informality(at), variability) switch
        {
            ({ } i, { } v) => (alpha * i) + ((1 - alpha) * v),
            ({ } i, null) => i,
            (null, { } v) => v,
            _ => null,
        };
    }

    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (from, to) = at.Trailing(at.Options.DiffuseObligation.VariabilityWindowYears);
        TraceItems(at, uses, at.PatronToClient, Influence.Evidence.EvidenceKind.Commitment, at.T, at.T, "commitment in force");
        TraceItems(at, uses, at.ClientToPatron, Influence.Evidence.EvidenceKind.Commitment, at.T, at.T, "commitment in force");
        TraceItems(at, uses, at.PatronToClient, Influence.Evidence.EvidenceKind.Support, 0, to, "patron input (variability)");
        if (reading == Reading.BothDirections)
        {
            TraceItems(at, uses, at.ClientToPatron, Influence.Evidence.EvidenceKind.Support, 0, to, "client input (variability)");
        }
    }

    private static double? Mean(double? a, double? b) => (a, b) switch
    {
        ({ } x, { } y) => (x + y) / 2,
        ({ } x, null) => x,
        (null, { } y) => y,
        _ => null,
    };

    /// <summary>
    /// cv/(1 + cv) of one pair's support in year-long steps counted back from the period, over the trailing window,
    /// from the pair's first support on (as the library reads the patron's input), with the deviations read as
    /// <paramref name="reading"/> says.
    /// </summary>
    private static double? Variability(in DyadPeriod at, int pair, Reading reading)
    {
        var index = at.Index;
        if (pair < 0 || index.FirstSupportPeriod(pair) < 0)
        {
            return null;
        }

        var step = index.Grid.Granularity switch { Granularity.Year => 1, Granularity.Quarter => 4, _ => 12 };
        var (a, b) = at.Trailing(at.Options.DiffuseObligation.VariabilityWindowYears);
        a = Math.Max(Math.Max(a, 0), index.FirstSupportPeriod(pair));
        var n = (b - a + step) / step;
        var totals = new List<double>();
        for (var k = 0; k < n; k++)
        {
            var end = b - ((n - 1 - k) * step);
            var total = index.Sum(PairSum.Support, pair, end - step + 1, end);
            if (reading != Reading.InputStepsOnly || total > 0)
            {
                totals.Add(total);
            }
        }

        var minimum = reading is Reading.AroundTrend or Reading.AroundLevelShift ? 3 : 2;
        var mean = totals.Count == 0 ? 0 : totals.Average();
        if (totals.Count < minimum || !(mean > 0))
        {
            return null;
        }

        double squares;
        if (reading == Reading.AroundTrend)
        {
            // Least-squares line through (k, total_k); the residuals' squares.
            var (intercept, slope) = MathNet.Numerics.Fit.Line([.. Enumerable.Range(0, totals.Count).Select(k => (double)k)], [.. totals]);
            squares = totals.Select((y, k) => Math.Pow(y - (intercept + (slope * k)), 2)).Sum();
        }
        else if (reading == Reading.AroundLevelShift)
        {
            // The shift that leaves the least: for each split of the years into an earlier and a later run, the squares
            // around each run's own mean.
            squares = Enumerable.Range(1, totals.Count - 1).Min(k => SquaresAroundMean(totals.Take(k)) + SquaresAroundMean(totals.Skip(k)));
        }
        else
        {
            squares = SquaresAroundMean(totals);
        }

        var cv = Math.Sqrt(squares / totals.Count) / mean;
        return cv / (1 + cv);
    }

    private static double SquaresAroundMean(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return list.Sum(y => (y - mean) * (y - mean));
    }
}
