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
/// The demand sums built with the blocks (when the scorer asks for them ahead and they are no larger than the build's
/// entries) equal those built on first use; when they would be larger, they are built on first use.
/// </summary>
public class DemandPartsTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 4)]
    public void DemandsBuiltWithTheBlocks_EqualDemandsBuiltOnFirstUse_BitForBit(long seed, int threads)
    {
        var c = Influence.Generation.UniverseGenerator.Generate(new Influence.Generation.UniverseOptions { Seed = seed, Actors = 40, Periods = 24, Evidence = 60_000 });
        var (from, to) = Scorer.ResolveRange(c);
        var grid = new PeriodGrid(from, to);
        var options = ScoringOptions.Default with { MaxDegreeOfParallelism = threads };
        var early = EvidenceIndex.Build(c, grid, options, EvidenceIndex.Parts.Demands);
        var late = EvidenceIndex.Build(c, grid, options);
        early.DemandsBuiltWithBlocks.Should().BeTrue("the demand sums take less memory than the build's entries here");
        late.DemandsBuiltWithBlocks.Should().BeFalse();
        var compared = 0;
        for (var pair = 0; pair < late.PairCountTotal; pair++)
        {
            early.IssuesOf(pair).Should().Equal(late.IssuesOf(pair));
            for (var t = 0; t < late.Periods; t++)
            {
                foreach (var sum in new[] { PairSum.RedLineWeight, PairSum.RedLineDefied, PairSum.DemandWeight })
                {
                    BitConverter.DoubleToInt64Bits(early.At(sum, pair, t)).Should().Be(BitConverter.DoubleToInt64Bits(late.At(sum, pair, t)), "{0} of pair {1} in period {2}", sum, pair, t);
                }

                foreach (var issue in late.IssuesOf(pair))
                {
                    var (w, m) = late.IssueSums(pair, issue, t, t);
                    early.IssueSums(pair, issue, t, t).Should().Be((w, m), "issue {0} of pair {1} in period {2}", issue, pair, t);
                    compared += w > 0 ? 1 : 0;
                }
            }
        }

        compared.Should().BeGreaterThan(100, "the universe has demands on issues in the grid");
    }

    [Fact]
    public void DemandsLargerThanTheEntries_AreBuiltOnFirstUse()
    {
        // One demand a year over two centuries of months: the sums (two per issue and period) outgrow the entries.
        var b = TestCases.Builder().AddIssue(new Issue("i1", "Issue 1"));
        for (var year = 1810; year < 2010; year += 10)
        {
            b.Add(TestCases.Demand($"d{year}", TestCases.Year(year), "i1", 0.5, DemandResponse.Complied));
        }

        var c = b.Build();
        var grid = new PeriodGrid(Period.FromMonth(1810, 1), Period.FromMonth(2009, 12));
        var index = EvidenceIndex.Build(c, grid, ScoringOptions.Default, EvidenceIndex.Parts.Demands);

        index.DemandsBuiltWithBlocks.Should().BeFalse();
        index.IssueSums(index.PairOf(0, 1), index.IssuesOf(index.PairOf(0, 1)).Single(), 0, grid.Count - 1).Weight.Should().BeApproximately(20 * 0.5, 1e-12, "twenty demands of salience 0.5, each spread over its year");
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
