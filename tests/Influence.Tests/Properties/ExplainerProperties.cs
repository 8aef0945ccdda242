using CsCheck;
using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.Properties;

/// <summary>
/// The explainer against an independent recomputation: every value is scored again by <see cref="Scorer"/> on
/// <see cref="Case.WithoutEvidence"/> of each item, and compared with what the explainer says the item did.
/// </summary>
public class ExplainerProperties
{
    private const int Iterations = 60;

    [Fact]
    public void EachTracedItemsEffect_IsTheValueMinusTheValueWithoutIt()
    {
        // One dyad and period per case, every measure explained; each contribution checked against a fresh score.
        Gen.Select(Generators.Items(10), Generators.Granularity, Gen.Int[0, 2], Gen.Int[0, 5]).Sample(
            (items, granularity, dyad, year) =>
            {
                var c = Generators.Build(items);
                var scores = Generators.Score(c, granularity);
                var without = Without(c, granularity);
                var d = Generators.Dyads[dyad];
                var period = Generators.From.AddPeriods(year).ToGranularity(granularity, atEnd: true);
                foreach (var measure in scores.Measures)
                {
                    var explanation = Explainer.Explain(scores, d, period, measure.Name);
                    var value = scores.Get(measure.Name, d, period).Value;
                    explanation.Value.Should().Be(value);
                    foreach (var contribution in explanation.Contributions)
                    {
                        var recomputed = without[contribution.EvidenceId].Get(measure.Name, d, period).Value;
                        var because = $"{measure.Name} {d} {period}, without {contribution.EvidenceId}";
                        contribution.ValueWithout.Should().Be(recomputed, because);
                        contribution.Effect.Should().Be(value is { } v && recomputed is { } w ? v - w : null, because);
                    }
                }
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1) + $"\n{t.Item2}, dyad {t.Item3}, year {2000 + t.Item4}");
    }

    [Fact]
    public void ItemsNotTraced_NeverChangeADefinedValue()
    {
        // A defined value rests on what its trace lists: it lists at least one item, and removing any other item leaves
        // the value as it was, neither moved to another value (the trace would hide a cause) nor made undefined. Before
        // the items that observe the window were traced, a 0 of conflict or presence failed the second half (its only
        // support was untraced).
        Gen.Select(Generators.Items(10), Generators.Granularity).Sample(
            (items, granularity) =>
            {
                var c = Generators.Build(items);
                var scores = Generators.Score(c, granularity);
                var without = Without(c, granularity);
                for (var m = 0; m < scores.Measures.Length; m++)
                {
                    for (var d = 0; d < scores.Dyads.Length; d++)
                    {
                        for (var p = 0; p < scores.PeriodCount; p++)
                        {
                            if (scores.Get(m, d, p).Value is not { } value)
                            {
                                continue;
                            }

                            var at = $"{scores.Measures[m].Name} {scores.Dyads[d]} {scores.Periods[p]}";
                            var traced = scores.Trace(m, d, p).Select(u => c.Evidence.IdAt(u.Row)).ToHashSet(StringComparer.Ordinal);
                            traced.Should().NotBeEmpty($"{at} is defined");
                            foreach (var (id, reduced) in without)
                            {
                                if (!traced.Contains(id))
                                {
                                    reduced.Get(m, d, p).Value.Should().Be(value, $"{at} changed without untraced {id}");
                                }
                            }
                        }
                    }
                }
            },
            iter: Iterations,
            print: t => Generators.Print(t.Item1) + $"\n{t.Item2}");
    }

    /// <summary>The case scored without each of its items in turn.</summary>
    private static Dictionary<string, ScoreSet> Without(Case c, Granularity granularity) =>
        c.Evidence.Select(e => e.Id).ToDictionary(id => id, id => Generators.Score(c.WithoutEvidence([id]), granularity), StringComparer.Ordinal);
}
