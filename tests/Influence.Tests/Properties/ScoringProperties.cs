using CsCheck;
using FluentAssertions;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Properties;

/// <summary>
/// Invariants of the engine on random small cases (see <see cref="Generators"/>). Iteration counts are kept modest so
/// the class runs in seconds; a failure prints the seed and the evidence that broke the property.
/// </summary>
public class ScoringProperties
{
    private const int Iterations = 100;

    [Fact]
    public void EveryValue_IsInTheRangeOfItsScaleOrNull_NeverNaN_AndEveryMarginIsFinite()
    {
        var largestCount = 0.0;
        Gen.Select(Generators.Items(), Gen.Bool, Generators.SupportFromBothThirdParties, Generators.Granularity).Sample(
            (items, addSupport, support, granularity) =>
            {
                var scores = Generators.Score(Generators.Build(addSupport ? [.. items, .. support] : items), granularity);
                InterlockedMax(ref largestCount, CheckValues(scores));
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1) + (t.Item2 ? "\n" + Generators.Print(t.Item3) : string.Empty) + $"\n{t.Item4}");

        largestCount.Should().BeGreaterThanOrEqualTo(2, "some case gives a client two supporters besides its patron, so counts above 1 were checked");
    }

    [Fact]
    public void UnderAnyValidOptions_EveryValueIsStillInRangeOrNull_NeverNaN()
    {
        // Up to six numeric options (OptionKnob.All), each set to an end of the values it may take, a value far out
        // (a scale or window of 10⁻³ or 10³ years) or one in between; a value an option refuses
        // (ArgumentOutOfRangeException, as documented) is skipped. Researchers set options; the Monte Carlo intervals and
        // the sensitivity analysis draw them.
        var knob = Gen.Select(Gen.Int[0, OptionKnob.All.Length - 1], Gen.Int[0, 4], Gen.Double[0, 1]);
        Gen.Select(Generators.Items(), Generators.Granularity, knob.Array[1, 6]).Sample(
            (items, granularity, knobs) =>
            {
                var options = Apply(knobs);
                CheckValues(Generators.Score(Generators.Build(items), granularity, options));
            },
            iter: FuzzTime.Iter(Iterations),
            time: FuzzTime.Time,
            print: t => Generators.Print(t.Item1) + $"\n{t.Item2}\n" + string.Join("\n", Describe(t.Item3)));
    }

    /// <summary>The options with each drawn knob set; refused values are left out.</summary>
    private static ScoringOptions Apply((int Knob, int How, double U)[] knobs)
    {
        var options = ScoringOptions.Default;
        foreach (var (k, value) in Values(knobs, options))
        {
            try
            {
                options = OptionKnob.All[k].With(options, value);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Refused, as documented (out of the option's range, or out of order with its neighbours): not set.
            }
        }

        return options;
    }

    private static IEnumerable<(int Knob, double Value)> Values((int Knob, int How, double U)[] knobs, ScoringOptions options)
    {
        foreach (var (k, how, u) in knobs)
        {
            var knob = OptionKnob.All[k];
            var (low, high) = knob.Bounds(options);
            var open = double.IsPositiveInfinity(high);
            yield return (k, how switch
            {
                0 => open ? 1e-3 : low,
                1 => open ? 1e3 : high,
                2 => open ? Math.Pow(10, -3 + (6 * u)) : low + (u * (high - low)),
                _ => knob.Get(options) * (open ? 0.5 + u : 1),
            });
        }
    }

    private static IEnumerable<string> Describe((int Knob, int How, double U)[] knobs) =>
        Values(knobs, ScoringOptions.Default).Select(v => $"{OptionKnob.All[v.Knob].Name} = {v.Value}");

    /// <summary>
    /// Checks that every value of <paramref name="scores"/> is in the range of its measure's scale or null (its interval
    /// then null too), a count a whole number, every patron–client margin finite, and the JSON free of NaN and
    /// infinity; returns the largest count seen.
    /// </summary>
    internal static double CheckValues(ScoreSet scores)
    {
        var largest = 0.0;
        for (var m = 0; m < scores.Measures.Length; m++)
        {
            var scale = scores.Measures[m].Scale;
            for (var d = 0; d < scores.Dyads.Length; d++)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    var s = scores.Get(m, d, p);
                    if (s.Value is not { } v)
                    {
                        s.Low.Should().BeNull();
                        s.High.Should().BeNull();
                        continue;
                    }

                    var name = $"{scores.Measures[m].Name} {scores.Dyads[d]} {scores.Periods[p]}";
                    s.Low!.Value.Should().BeLessThanOrEqualTo(v, name);
                    s.High!.Value.Should().BeGreaterThanOrEqualTo(v, name);
                    switch (scale)
                    {
                        case MeasureScale.Unit:
                            v.Should().BeInRange(0, 1, name);
                            s.Low.Value.Should().BeGreaterThanOrEqualTo(0, name);
                            s.High.Value.Should().BeLessThanOrEqualTo(1, name);
                            break;
                        case MeasureScale.Signed:
                            v.Should().BeInRange(-1, 1, name);
                            s.Low.Value.Should().BeGreaterThanOrEqualTo(-1, name);
                            s.High.Value.Should().BeLessThanOrEqualTo(1, name);
                            break;
                        default:
                            // A count: a whole number ≥ 0, with no upper bound, and so are its interval's ends.
                            scale.Should().Be(MeasureScale.Count, name);
                            v.Should().BeGreaterThanOrEqualTo(0, name).And.Be(Math.Floor(v), name);
                            s.Low.Value.Should().BeGreaterThanOrEqualTo(0, name).And.Be(Math.Floor(s.Low.Value), name);
                            s.High.Value.Should().Be(Math.Floor(s.High.Value), name);
                            largest = Math.Max(largest, v);
                            break;
                    }
                }
            }
        }

        for (var d = 0; d < scores.Dyads.Length; d++)
        {
            for (var p = 0; p < scores.PeriodCount; p++)
            {
                if (scores.PatronClient(d, p).Margin is { } margin)
                {
                    double.IsFinite(margin).Should().BeTrue($"{scores.Dyads[d]} {scores.Periods[p]}");
                }
            }
        }

        var json = ScoreWriter.ToJson(scores);
        json.Should().NotContain("NaN").And.NotContain("Infinity");

        return largest;
    }

    private static void InterlockedMax(ref double target, double value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    [Fact]
    public void PermutingTheEvidence_ChangesNoByteOfTheOutput_NorTheInputHash()
    {
        Gen.Select(Generators.Items(), Generators.Granularity, Gen.Int).Sample(
            (items, granularity, seed) =>
            {
                var random = new Random(seed);
                var shuffled = items.OrderBy(_ => random.Next()).ToArray();
                var a = Generators.Score(Generators.Build(items), granularity);
                var b = Generators.Score(Generators.Build(shuffled), granularity);

                ScoreWriter.ToJson(b).Should().Be(ScoreWriter.ToJson(a));
                b.InputHash.Should().Be(a.InputHash);
                Csv(b).Should().Be(Csv(a));
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1));
    }

    [Fact]
    public void OneThreadAndFour_GiveByteIdenticalJson()
    {
        Gen.Select(Generators.Items(), Generators.Granularity).Sample(
            (items, granularity) =>
            {
                var c = Generators.Build(items);
                var one = Generators.Score(c, granularity, ScoringOptions.Default with { MaxDegreeOfParallelism = 1 });
                var four = Generators.Score(c, granularity, ScoringOptions.Default with { MaxDegreeOfParallelism = 4 });

                ScoreWriter.ToJson(four).Should().Be(ScoreWriter.ToJson(one));
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1));
    }

    [Fact]
    public void AddingAPatronToClientFlow_NeverLowersExchangeVolume()
    {
        Gen.Select(Generators.Items(), Generators.Granularity, Gen.Int[0, 2], Generators.Date, Generators.Unit, Generators.Confidence).Sample(
            (items, granularity, dyad, date, magnitude, confidence) =>
            {
                var d = Generators.Dyads[dyad];
                var added = new SupportEvidence("zz-added", date, confidence, ["s1"], d.Patron, d.Client, ResourceType.Arms, magnitude);
                var before = Generators.Score(Generators.Build(items), granularity);
                var after = Generators.Score(Generators.Build([.. items, added]), granularity);

                for (var p = 0; p < before.PeriodCount; p++)
                {
                    if (Exchange.Volume(before.At(dyad, p)) is { } v0)
                    {
                        Exchange.Volume(after.At(dyad, p)).Should().BeGreaterThanOrEqualTo(v0, $"{d} {before.Periods[p]}");
                    }
                }
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1) + $"\nadded {t.Item4} {t.Item5} to dyad {t.Item3}");
    }

    [Fact]
    public void AddingCoercion_NeverLowersConflict()
    {
        Gen.Select(Generators.Items(), Generators.Granularity, Gen.Int[0, 2], Gen.Bool, Generators.Date, Generators.Unit).Sample(
            (items, granularity, dyad, byPatron, date, severity) =>
            {
                var d = Generators.Dyads[dyad];
                var (from, to) = byPatron ? (d.Patron, d.Client) : (d.Client, d.Patron);
                var added = new CoercionEvidence("zz-added", date, Confidence.Reported, ["s1"], from, to, CoercionType.Clash, severity);
                var before = Generators.Score(Generators.Build(items), granularity);
                var after = Generators.Score(Generators.Build([.. items, added]), granularity);

                foreach (var measure in new[] { "conflict", "conflictByPatron", "conflictByClient" })
                {
                    for (var p = 0; p < before.PeriodCount; p++)
                    {
                        if (before.Get(measure, d, before.Periods[p]).Value is { } k0)
                        {
                            after.Get(measure, d, after.Periods[p]).Value.Should().BeGreaterThanOrEqualTo(k0, $"{measure} {d} {before.Periods[p]}");
                        }
                    }
                }
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1) + $"\nadded {(t.Item4 ? "patron→client" : "client→patron")} {t.Item5} {t.Item6} to dyad {t.Item3}");
    }

    private static string Csv(ScoreSet scores)
    {
        using var w = new StringWriter();
        ScoreWriter.WriteCsv(scores, w);
        return w.ToString();
    }
}
