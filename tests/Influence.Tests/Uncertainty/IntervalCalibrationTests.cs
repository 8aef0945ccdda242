using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Uncertainty;
using Xunit;
using Xunit.Abstractions;

namespace Influence.Tests.Uncertainty;

public class IntervalCalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void BootstrapIntervals_CoverTheTruth_AboutAsOftenAsTheirLevel()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("INFLUENCE_CALIBRATION_RUNS"), out var r) ? r : 40;
        var density = double.TryParse(Environment.GetEnvironmentVariable("INFLUENCE_CALIBRATION_DENSITY"), System.Globalization.CultureInfo.InvariantCulture, out var dd) ? dd : 3;
        var (covered, total, byMeasure) = Measure(runs, draws: 200, density);
        var rate = covered / (double)total;
        output.WriteLine($"coverage {rate:P1} ({covered}/{total}) over {runs} runs; " + string.Join(", ", byMeasure.Select(kv => $"{kv.Key} {kv.Value.Covered / (double)kv.Value.Total:P1}")));
        // docs/uncertainty.md, section 6: about 78% at density 1 (500 cases), 86-88% from density 3 on.
        var lowest = density < 2 ? 0.72 : 0.8;
        rate.Should().BeInRange(lowest, 0.97, $"nominal 90% intervals at density {density} cover about as often as measured for the docs");
    }

    private static (int Covered, int Total, Dictionary<string, (int Covered, int Total)> ByMeasure) Measure(int runs, int draws, double density)
    {
        var truth = new Dictionary<string, double>
        {
            ["conflict"] = GeneratedCases.TrueConflict,
            ["presence"] = GeneratedCases.TruePresence,
            ["exchange"] = GeneratedCases.TrueExchange,
        };
        var byMeasure = truth.Keys.ToDictionary(k => k, _ => (Covered: 0, Total: 0));
        for (var run = 0; run < runs; run++)
        {
            var @case = GeneratedCases.Generate(1000 + run, density);
            var request = new ScoringRequest { From = Period.FromYear(2005), To = Period.FromYear(GeneratedCases.LastYear) };
            var scores = Intervals.Compute(@case, GeneratedCases.OptionsFor(density), request, new IntervalOptions { Draws = draws, Seed = (ulong)run, Kind = IntervalKind.Bootstrap });
            foreach (var (measure, value) in truth)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    var s = scores.Get(scores.MeasureIndexOf(measure), 0, p);
                    var (c, t) = byMeasure[measure];
                    byMeasure[measure] = (c + (s.Low <= value && value <= s.High ? 1 : 0), t + 1);
                }
            }
        }

        return (byMeasure.Values.Sum(v => v.Covered), byMeasure.Values.Sum(v => v.Total), byMeasure);
    }
}
