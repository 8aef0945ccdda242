using CsCheck;
using FluentAssertions;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Theory;
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
                                    InterlockedMax(ref largestCount, v);
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
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1) + (t.Item2 ? "\n" + Generators.Print(t.Item3) : string.Empty) + $"\n{t.Item4}");

        largestCount.Should().BeGreaterThanOrEqualTo(2, "some case gives a client two supporters besides its patron, so counts above 1 were checked");
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
