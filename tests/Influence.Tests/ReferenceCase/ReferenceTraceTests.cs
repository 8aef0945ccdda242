using FluentAssertions;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.ReferenceCase;

/// <summary>Every defined value of the reference case can be traced to evidence.</summary>
public class ReferenceTraceTests(ReferenceCaseFixture reference) : IClassFixture<ReferenceCaseFixture>
{
    [Fact]
    public void EveryDefinedValue_TracesAtLeastOneItem_InEveryDyadAndPeriod()
    {
        // A defined value with an empty trace has an explanation with no contributions and no sources. Before the
        // observed rule's items were traced, Pakistan → Taliban had 89 of its 1 188 measure-periods so (conflict 20,
        // presence 21, conflictByPatron 27, conflictByClient 21): values of 0 defined only because the window was
        // observed. Explain's contributions are the traced items grouped by row, so an empty trace is an empty list.
        var scores = reference.Scores;
        var untraced = new Dictionary<string, int>(StringComparer.Ordinal);
        var defined = 0;
        for (var m = 0; m < scores.Measures.Length; m++)
        {
            for (var d = 0; d < scores.Dyads.Length; d++)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    if (scores.Get(m, d, p).Value is null)
                    {
                        continue;
                    }

                    defined++;
                    if (scores.Trace(m, d, p).Count == 0)
                    {
                        var key = $"{scores.Measures[m].Name} {scores.Dyads[d]}";
                        untraced[key] = untraced.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        defined.Should().BeGreaterThan(1000);
        string.Join("; ", untraced.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}: {u.Value}"))
            .Should().BeEmpty("every defined value rests on some evidence item, which its trace should name");
    }

    [Fact]
    public void ConflictOfZero_IsExplainedByTheItemsThatObserveTheWindow()
    {
        // Pakistan → Taliban, 1994: no coercion and no defied demand in the conflict window, yet the dyad is observed
        // (the support of that year), so conflict is a real 0 and rests on those items.
        var scores = reference.Scores;
        var dyad = ReferenceCaseFixture.PakistanTaliban;
        var year = Enumerable.Range(1990, 37)
            .First(y => scores.For(dyad, Period.FromYear(y))["conflict"].Value == 0);

        var e = Explainer.Explain(scores, dyad, Period.FromYear(year), "conflict");

        e.Value.Should().Be(0);
        e.Contributions.Should().NotBeEmpty().And.OnlyContain(c => c.Term == "observes the window" && c.Weight == 0);
        e.Sources.Should().NotBeEmpty();
        e.ValueWithoutAll.Should().BeNull("without every item that observes the window the dyad is unobserved there");
    }
}
