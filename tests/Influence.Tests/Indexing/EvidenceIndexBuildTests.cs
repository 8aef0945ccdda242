using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Indexing;

/// <summary>The index build's compact entries: items longer than 65 534 days and issues numbered 255 or more take a slower path.</summary>
public class EvidenceIndexBuildTests
{
    [Fact]
    public void Build_SpreadsAnItemLongerThan65534Days_OverEveryYear()
    {
        var c = TestCases.Builder()
            .Add(new CommitmentEvidence("m", EvidenceDate.Span(EvidenceDate.InYear(1800), EvidenceDate.InYear(2010)), Confidence.Confirmed, TestCases.Src, "P", "C", CommitmentFormality.Treaty))
            .Build();

        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(1790), Period.FromYear(2010)), ScoringOptions.Default);
        var pair = index.PairOf(0, 1);

        index.At(PairSum.CommitmentWeight, pair, 9).Should().Be(0, "1799 is before the span");
        index.At(PairSum.CommitmentWeight, pair, 10).Should().Be(1, "a span counts in full in every year it covers");
        index.At(PairSum.CommitmentWeight, pair, 220).Should().Be(1);
        index.Count(PairCount.Commitment, pair, 0, 220).Should().Be(211);
    }

    [Fact]
    public void Build_KeepsTheIssueOfADemand_NumberedAbove255()
    {
        var b = TestCases.Builder();
        for (var i = 0; i < 300; i++)
        {
            b.AddIssue(new Issue($"i{i}", $"Issue {i}"));
        }

        b.Add(TestCases.Demand("d1", TestCases.Year(2005), "i299", 0.5, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "i3", 1, DemandResponse.Defied));
        var c = b.Build();

        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(2000), Period.FromYear(2010)), ScoringOptions.Default);
        var pair = index.PairOf(0, 1);

        index.IssuesOf(pair).Should().Equal(3, 299);
        index.IssueSums(pair, 299, 5, 5).Should().Be((0.5, 0.5));
        index.IssueSums(pair, 3, 5, 5).Should().Be((1.0, 0.0));
    }
}

/// <summary>Each pair's item rows are grouped by kind, each kind in canonical order, so one kind's items are read alone.</summary>
public class PairItemOrderTests
{
    private static readonly EvidenceKind[] GroupOrder =
        [EvidenceKind.Support, EvidenceKind.Coercion, EvidenceKind.Demand, EvidenceKind.Presence, EvidenceKind.Overreach, EvidenceKind.Commitment];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 4)]
    [InlineData(7, 2)]
    public void PairItems_AreGroupedByKind_EachKindInCanonicalOrder(long seed, int threads)
    {
        var c = Influence.Generation.UniverseGenerator.Generate(new Influence.Generation.UniverseOptions { Seed = seed, Actors = 60, Periods = 36, Evidence = 20_000 });
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(1990), Period.FromYear(2040)), ScoringOptions.Default with { MaxDegreeOfParallelism = threads });
        var kinds = c.Evidence.Columns.Kind;
        var rowsSeen = 0;
        var kindsSeen = new HashSet<EvidenceKind>();
        for (var pair = 0; pair < index.PairCountTotal; pair++)
        {
            var all = index.PairItemSpan(pair).ToArray();
            var grouped = GroupOrder.SelectMany(k => all.Where(r => (EvidenceKind)kinds[r] == k).Order()).ToArray();
            all.Should().Equal(grouped, "pair {0}'s rows go by kind, then by row", pair);
            foreach (var kind in Enum.GetValues<EvidenceKind>())
            {
                var ofKind = index.PairItemSpan(pair, kind).ToArray();
                ofKind.Should().Equal(all.Where(r => (EvidenceKind)kinds[r] == kind), "pair {0}, {1}", pair, kind);
                index.Items(pair, kind, 0, index.Periods - 1).Should().Equal(ofKind, "every item of the kind lies in the grid");
                if (ofKind.Length > 0)
                {
                    kindsSeen.Add(kind);
                }
            }

            rowsSeen += all.Length;
        }

        rowsSeen.Should().BeGreaterThan(c.Evidence.Count / 2, "most items are dyadic, and factions' items roll up to more than one pair");
        kindsSeen.Should().BeEquivalentTo(GroupOrder, "the universe holds every dyadic kind");
    }
}

/// <summary>
/// The demand sums the measures build for one dyad's pair (<c>EvidenceIndex.PairDemands</c>) equal, bit for bit, the
/// demand parts the public accessors build for every pair, on any number of threads.
/// </summary>
public class DemandPartsTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 4)]
    public void DemandsBuiltForOnePair_EqualThePartsBuiltForEveryPair_BitForBit(long seed, int threads)
    {
        var c = Influence.Generation.UniverseGenerator.Generate(new Influence.Generation.UniverseOptions { Seed = seed, Actors = 40, Periods = 24, Evidence = 60_000 });
        var (from, to) = Scorer.ResolveRange(c);
        var grid = new PeriodGrid(from, to);
        var index = EvidenceIndex.Build(c, grid, ScoringOptions.Default with { MaxDegreeOfParallelism = threads });
        index.Prepare(EvidenceIndex.Parts.Demands);
        var t = index.Periods;
        var slotOf = new int[c.Issues.Length];
        var (red, defied) = (new double[t], new double[t]);
        var compared = 0;
        for (var pair = 0; pair < index.PairCountTotal; pair++)
        {
            var (first, end) = index.IssueSlots(pair);
            var (weight, met) = (new double[(end - first) * t], new double[(end - first) * t]);
            red.AsSpan().Fill(double.NaN);
            index.PairDemands(pair, weight, met, red, defied, slotOf);
            Bits(red).Should().Equal(Bits(index.SumSeries(PairSum.RedLineWeight, pair).Values, t), "the red-line weight of pair {0}", pair);
            Bits(defied).Should().Equal(Bits(index.SumSeries(PairSum.RedLineDefied, pair).Values, t), "the red-line defiance of pair {0}", pair);
            for (var slot = first; slot < end; slot++)
            {
                Bits(weight.AsSpan((slot - first) * t, t)).Should().Equal(Bits(index.IssueWeightSeries(slot), t), "issue slot {0} of pair {1}", slot, pair);
                Bits(met.AsSpan((slot - first) * t, t)).Should().Equal(Bits(index.IssueMetSeries(slot), t), "issue slot {0} of pair {1}", slot, pair);
                compared += weight.AsSpan((slot - first) * t, t).ContainsAnyExcept(0.0) ? 1 : 0;
            }
        }

        compared.Should().BeGreaterThan(100, "the universe has demands on issues in the grid");
    }

    [Fact]
    public void DemandSums_OverTwoCenturiesOfMonths_AddUpOverEachDemandsYear()
    {
        // One demand every ten years over two centuries of months: many periods, few items.
        var b = TestCases.Builder().AddIssue(new Issue("i1", "Issue 1"));
        for (var year = 1810; year < 2010; year += 10)
        {
            b.Add(TestCases.Demand($"d{year}", TestCases.Year(year), "i1", 0.5, DemandResponse.Complied));
        }

        var c = b.Build();
        var grid = new PeriodGrid(Period.FromMonth(1810, 1), Period.FromMonth(2009, 12));
        var index = EvidenceIndex.Build(c, grid, ScoringOptions.Default);
        var pair = index.PairOf(0, 1);

        index.IssueSums(pair, index.IssuesOf(pair).Single(), 0, grid.Count - 1).Weight.Should().BeApproximately(20 * 0.5, 1e-12, "twenty demands of salience 0.5, each spread over its year");
        var (weight, met) = (new double[grid.Count], new double[grid.Count]);
        index.PairDemands(pair, weight, met, new double[grid.Count], new double[grid.Count], new int[1]);
        weight.Sum().Should().BeApproximately(20 * 0.5, 1e-12);
        met.Sum().Should().BeApproximately(20 * 0.5, 1e-12, "every demand was complied with");
    }

    private static long[] Bits(ReadOnlySpan<double> values, int length = -1)
    {
        // An empty series (a pair without demands) reads as zeros.
        var bits = new long[length < 0 ? values.Length : length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values.IsEmpty ? 0 : values[i]);
        }

        return bits;
    }
}

/// <summary>Pairs are found by their actors, and a look-up that matches no pair says so.</summary>
public class PairLookUpTests
{
    [Fact]
    public void PairOf_FindsEveryPair_AndNoneForActorsWithoutOne()
    {
        var c = Influence.Generation.UniverseGenerator.Generate(new Influence.Generation.UniverseOptions { Seed = 5, Actors = 50, Periods = 12, Evidence = 5_000 });
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(1990), Period.FromYear(2040)), ScoringOptions.Default);
        var found = new HashSet<(int, int)>();
        for (var pair = 0; pair < index.PairCountTotal; pair++)
        {
            index.PairOf(index.PairFrom(pair), index.PairTo(pair)).Should().Be(pair);
            found.Add((index.PairFrom(pair), index.PairTo(pair)));
        }

        var misses = 0;
        for (var a = 0; a < c.Actors.Length; a++)
        {
            for (var b = 0; b < c.Actors.Length; b++)
            {
                if (!found.Contains((a, b)))
                {
                    index.PairOf(a, b).Should().Be(-1, "actors {0} and {1} form no pair", a, b);
                    misses++;
                }
            }
        }

        misses.Should().BeGreaterThan(0);
        index.PairOf(-1, -1).Should().Be(-1, "no actor has a negative position");
        index.PairOf(-1, 0).Should().Be(-1);
        index.PairOf(0, c.Actors.Length).Should().Be(-1);
    }
}
