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
/// The demand sums by issue and of red lines that the measures build for one dyad's pair (<c>EvidenceIndex.PairDemands</c>),
/// checked against sums worked out by hand and against a plain sum over the pair's demand items; the public accessors
/// (<c>IssueSums</c>, the red-line <c>Sum</c>) read the same sums.
/// </summary>
public class DemandPartsTests
{
    [Fact]
    public void PairDemands_AddEachIssuesDemandsAndTheRedLines_ByHand_IntoBuffersReused()
    {
        // Yearly 2000–2003, red-line salience 0.8, credit complied 1, partial ½: issue i1 has 0.9 complied (2001, a
        // red line) and 0.5 partial (2002); issue i2 has 0.4 defied (2001) and 0.95 defied (2003, a red line).
        var c = TestCases.Builder()
            .AddIssue(new Issue("i1", "Issue 1"))
            .AddIssue(new Issue("i2", "Issue 2"))
            .Add(TestCases.Demand("d1", TestCases.Year(2001), "i1", 0.9, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2001), "i2", 0.4, DemandResponse.Defied))
            .Add(TestCases.Demand("d3", TestCases.Year(2002), "i1", 0.5, DemandResponse.Partial))
            .Add(TestCases.Demand("d4", TestCases.Year(2003), "i2", 0.95, DemandResponse.Defied))
            .Add(TestCases.Support("s", TestCases.Year(2002), "C", "P", 1))
            .Build();
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(2000), Period.FromYear(2003)), ScoringOptions.Default);
        var (weight, met, red, defied) = (new double[8], new double[8], new double[4], new double[4]);
        var slotOf = new int[2];

        Fill(weight, met, red, defied);
        index.PairDemands(index.PairOf(0, 1), weight, met, red, defied, slotOf);
        weight.Should().Equal(0, 0.9, 0.5, 0, /* i2 */ 0, 0.4, 0, 0.95);
        met.Should().Equal(0, 0.9, 0.25, 0, /* i2 */ 0, 0, 0, 0);
        red.Should().Equal(0, 0.9, 0, 0.95);
        defied.Should().Equal(0, 0, 0, 0.95);
        index.IssueSums(index.PairOf(0, 1), 1, 0, 3).Should().Be((0.4 + 0.95, 0.0));
        index.Sum(PairSum.RedLineDefied, index.PairOf(0, 1), 0, 3).Should().Be(0.95);

        // The same buffers for a pair without demands (C → P gave support only): the red lines are cleared too.
        Fill(weight, met, red, defied);
        index.PairDemands(index.PairOf(1, 0), [], [], red, defied, slotOf);
        red.Should().Equal(0, 0, 0, 0);
        defied.Should().Equal(0, 0, 0, 0);
        var (firstSlot, endSlot) = index.IssueSlots(index.PairOf(1, 0));
        endSlot.Should().Be(firstSlot, "the pair has no issue slots");

        static void Fill(params double[][] buffers)
        {
            foreach (var b in buffers)
            {
                b.AsSpan().Fill(double.NaN);
            }
        }
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 4)]
    public void PairDemands_EqualAPlainSumOverThePairsDemandItems(long seed, int threads)
    {
        var (c, index, options) = GeneratedIndex.Build(seed, actors: 40, periods: 24, evidence: 60_000, threads);
        var t = index.Periods;
        var slotOf = new int[c.Issues.Length];
        var (red, defied) = (new double[t], new double[t]);
        var compared = 0;
        for (var pair = 0; pair < index.PairCountTotal; pair++)
        {
            var (first, end) = index.IssueSlots(pair);
            var slots = index.IssuesOf(pair).ToArray();
            var (weight, met) = (new double[(end - first) * t], new double[(end - first) * t]);
            red.AsSpan().Fill(double.NaN);
            defied.AsSpan().Fill(double.NaN);
            index.PairDemands(pair, weight, met, red, defied, slotOf);
            for (var q = 0; q < t; q++)
            {
                double redWeight = 0, redDefied = 0;
                var byIssue = new (double Weight, double Met)[slots.Length];
                foreach (var row in index.Items(pair, EvidenceKind.Demand, q, q))
                {
                    var d = (DemandEvidence)c.Evidence[row];
                    var s = index.Weight(row) * index.Share(row, q);
                    var k = Array.IndexOf(slots, c.Issues.IndexOf(c.Issues.Single(i => i.Id == d.Issue)));
                    byIssue[k].Weight += s;
                    byIssue[k].Met += s * options.Compliance.Credit(d.Response);
                    if (d.Salience >= options.Compliance.RedLineSalience)
                    {
                        redWeight += s;
                        redDefied += d.Response is DemandResponse.Defied or DemandResponse.Ignored ? s : 0;
                    }
                }

                red[q].Should().BeApproximately(redWeight, 1e-12, "the red-line weight of pair {0} in period {1}", pair, q);
                defied[q].Should().BeApproximately(redDefied, 1e-12, "the red-line defiance of pair {0} in period {1}", pair, q);
                for (var k = 0; k < slots.Length; k++)
                {
                    weight[(k * t) + q].Should().BeApproximately(byIssue[k].Weight, 1e-12, "issue {0} of pair {1} in period {2}", slots[k], pair, q);
                    met[(k * t) + q].Should().BeApproximately(byIssue[k].Met, 1e-12, "issue {0} of pair {1} in period {2}", slots[k], pair, q);
                    index.IssueSums(pair, slots[k], q, q).Should().Be((weight[(k * t) + q], met[(k * t) + q]), "the accessor reads the same sums");
                    compared += byIssue[k].Weight > 0 ? 1 : 0;
                }
            }
        }

        compared.Should().BeGreaterThan(100, "the universe has demands on issues in the grid");
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

/// <summary>
/// The dyad-level sums (demands, presence, overreach, commitments) are built per pair when read, not stored for every
/// pair: built into a reused buffer they equal a plain sum over the pair's items, the public accessors read the same
/// values, and scoring keeps none of them.
/// </summary>
public class DyadLevelTests
{
    [Theory]
    [InlineData(5, 1)]
    [InlineData(5, 4)]
    public void DyadLevel_EqualsAPlainSumOverThePairsItems_IntoOneBufferReused(long seed, int threads)
    {
        var (c, index, options) = GeneratedIndex.Build(seed, actors: 40, periods: 24, evidence: 40_000, threads);
        var sums = new DyadLevelSums();
        var compared = 0;
        for (var pair = 0; pair < index.PairCountTotal; pair++)
        {
            index.DyadLevel(pair, sums);
            for (var q = 0; q < index.Periods; q++)
            {
                var expected = new double[DyadLevelSums.SumSlots.Length];
                var counts = new int[DyadLevelSums.CountSlots.Length];
                foreach (var (kind, slot) in new[] { (EvidenceKind.Demand, 0), (EvidenceKind.Presence, 1), (EvidenceKind.Overreach, 2), (EvidenceKind.Commitment, 3) })
                {
                    foreach (var row in index.Items(pair, kind, q, q))
                    {
                        var s = index.Weight(row) * index.Share(row, q);
                        counts[slot]++;
                        switch (c.Evidence[row])
                        {
                            case DemandEvidence d:
                                expected[0] += s;
                                expected[1] += s * options.Compliance.Credit(d.Response);
                                expected[2] += d.Response is DemandResponse.Defied or DemandResponse.Ignored ? s : 0;
                                break;
                            case CommitmentEvidence m:
                                expected[5] += s;
                                expected[6] += s * options.DiffuseObligation.Of(m.Formality);
                                break;
                            default:
                                expected[kind == EvidenceKind.Presence ? 3 : 4] += s;
                                break;
                        }
                    }
                }

                for (var k = 0; k < DyadLevelSums.SumSlots.Length; k++)
                {
                    var sum = DyadLevelSums.SumSlots[k];
                    sums.Series(sum)[q].Should().BeApproximately(expected[k], 1e-12, "{0} of pair {1} in period {2}", sum, pair, q);
                    index.At(sum, pair, q).Should().Be(sums.Series(sum)[q], "the accessor reads the same sums");
                    compared += expected[k] > 0 ? 1 : 0;
                }

                for (var k = 0; k < DyadLevelSums.CountSlots.Length; k++)
                {
                    var count = DyadLevelSums.CountSlots[k];
                    sums.Counts(count).In(q, q).Should().Be(counts[k], "{0} of pair {1} in period {2}", count, pair, q);
                    index.Count(count, pair, q, q).Should().Be(counts[k]);
                }
            }
        }

        compared.Should().BeGreaterThan(1000, "the universe has every dyad-level kind in the grid");
    }

    [Fact]
    public void DyadLevel_KeepsThePairsDemandFields_OnlyWhenAsked()
    {
        var (c, index, _) = GeneratedIndex.Build(5, actors: 40, periods: 24, evidence: 40_000);
        var columns = c.Evidence.Columns;
        var keeping = new DyadLevelSums { KeepsDemands = true };
        var plain = new DyadLevelSums();
        var demands = 0;
        for (var pair = 0; pair < index.PairCountTotal; pair++)
        {
            index.DyadLevel(pair, keeping);
            index.DyadLevel(pair, plain);
            var rows = index.PairItemSpan(pair, EvidenceKind.Demand).ToArray();
            keeping.Demands.ToArray().Should().Equal(
                rows.Select(r => new DemandFields(index.Weight(r), columns.FirstDay[r], columns.LastDay[r], columns.IsSpan(r), (byte)((DemandEvidence)c.Evidence[r]).Response)),
                "pair {0}'s demands, in the order of its rows", pair);
            plain.Demands.IsEmpty.Should().BeTrue();
            demands += rows.Length;
        }

        demands.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void ScoringEveryMeasure_KeepsNoPairsDyadLevelSums_WhileAnAccessorKeepsThePairItReads()
    {
        var (_, index, _) = GeneratedIndex.Build(seed: 2, actors: 30, periods: 24, evidence: 20_000);

        var scores = Scorer.Score(index);

        scores.Measures.Length.Should().Be(Influence.Theory.Measures.BuiltIn.Length);
        index.DyadLevelPairsKept.Should().Be(0, "the measures' series build their dyad's pairs per thread");
        var pair = Enumerable.Range(0, index.PairCountTotal).First(p => index.Items(p, EvidenceKind.Demand, 0, index.Periods - 1).Any());
        index.DyadLevelPairsKept.Should().Be(0, "listing items reads no sums");
        index.Sum(PairSum.DemandWeight, pair, 0, index.Periods - 1).Should().BeGreaterThan(0);
        index.DyadLevelPairsKept.Should().Be(1, "a public read builds and keeps the pair it reads");
        index.Count(PairCount.Commitment, pair, 0, index.Periods - 1);
        index.DyadLevelPairsKept.Should().Be(1, "the pair's other dyad-level kinds were built with it");
    }
}

/// <summary>A dyad-level buffer holds cells only for the kinds its pair has, and a new buffer reads as empty.</summary>
public class DyadLevelSumsTests
{
    [Fact]
    public void Reset_GivesCellsOnlyToThePairsKinds_AndANewBufferIsEmpty()
    {
        var fresh = new DyadLevelSums();
        fresh.Series(PairSum.Presence).IsEmpty.Should().BeTrue();
        fresh.Counts(PairCount.Demand).IsEmpty.Should().BeTrue();

        // Presence (count slot 1) only, over 4 periods from period 3.
        var sums = new DyadLevelSums();
        sums.Reset(7, 3, 4, 1 << 1);
        sums.SumCells(3).Length.Should().Be(4);
        sums.SumCells(3)[2] = 0.5;
        sums.Series(PairSum.Presence)[5].Should().Be(0.5);
        sums.Series(PairSum.Presence)[2].Should().Be(0, "before the span");
        sums.Counts(PairCount.Presence).Prefix.Length.Should().Be(5);
        foreach (var sum in new[] { PairSum.DemandWeight, PairSum.DemandMet, PairSum.DemandDefied, PairSum.Overreach, PairSum.CommitmentWeight, PairSum.CommitmentFormality })
        {
            sums.Series(sum).IsEmpty.Should().BeTrue("the pair has no {0}", sum);
        }

        sums.Counts(PairCount.Commitment).IsEmpty.Should().BeTrue();

        // Reused for a pair with demands only: the presence cells are gone, the demand cells cleared.
        sums.Reset(8, 0, 2, 1 << 0);
        sums.Series(PairSum.Presence).IsEmpty.Should().BeTrue();
        sums.Series(PairSum.DemandWeight).Values.ToArray().Should().Equal(0, 0);
        sums.Counts(PairCount.Demand).Prefix.ToArray().Should().Equal(0, 0, 0);
    }
}

/// <summary>
/// Every pair's compact support items (what dependence asymmetry's window pass reads) hold the pair's support rows in
/// order, with the weight, days, resource and span flag of each item, whether the build wrote them (a scoring that
/// asks for them) or they were gathered from the evidence columns afterwards (an index built on its own).
/// </summary>
public class SupportItemsTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 4)]
    public void SupportItems_HoldEachPairsSupportRowsInOrder_WrittenByTheBuildOrGatheredLater(long seed, int threads)
    {
        // A grid narrower than the evidence: the items before and after it are kept as well.
        var (c, built, gathered) = GeneratedIndex.TwoWays(seed, 20_000, 6, threads, EvidenceIndex.Parts.SupportItems);
        var columns = c.Evidence.Columns;
        int checkedItems = 0, outside = 0;
        for (var pair = 0; pair < built.PairCountTotal; pair++)
        {
            var rows = built.PairItemSpan(pair, EvidenceKind.Support).ToArray();
            gathered.PairItemSpan(pair, EvidenceKind.Support).ToArray().Should().Equal(rows);
            var (items, codes) = built.SupportItemsOf(pair);
            var (otherItems, otherCodes) = gathered.SupportItemsOf(pair);
            items.ToArray().Should().Equal(otherItems.ToArray(), "pair {0}'s items are the same however they were made", pair);
            codes.ToArray().Should().Equal(otherCodes.ToArray());
            items.Length.Should().Be(rows.Length);
            for (var k = 0; k < rows.Length; k++)
            {
                var item = (SupportEvidence)c.Evidence[rows[k]];
                items[k].Whole.Should().Be(built.Weight(rows[k]), "pair {0}, row {1}", pair, rows[k]);
                items[k].First.Should().Be(columns.FirstDay[rows[k]]);
                items[k].Last.Should().Be(columns.LastDay[rows[k]]);
                codes[k].Should().Be(SupportItems.Code((byte)item.Resource, item.Date.IsSpan));
                outside += built.PeriodOfDay(items[k].Last) < 0 || built.PeriodOfDay(items[k].First) >= built.Periods ? 1 : 0;
                checkedItems++;
            }
        }

        checkedItems.Should().BeGreaterThan(5000, "most support items roll up to one pair or more");
        outside.Should().BeGreaterThan(100, "the grid leaves out the evidence's first and last six months");
    }

    [Fact]
    public void SupportItems_KeepTheLastDayOfAnItemLongerThan65534Days()
    {
        var c = TestCases.Builder()
            .Add(new SupportEvidence("s", EvidenceDate.Span(EvidenceDate.InYear(1800), EvidenceDate.InYear(2010)), Confidence.Reported, TestCases.Src, "P", "C", ResourceType.Arms, 0.5))
            .Build();
        var grid = new PeriodGrid(Period.FromYear(1790), Period.FromYear(2010));

        foreach (var index in new[] { EvidenceIndex.Build(c, grid, ScoringOptions.Default, EvidenceIndex.Parts.SupportItems), EvidenceIndex.Build(c, grid, ScoringOptions.Default) })
        {
            var (items, codes) = index.SupportItemsOf(index.PairOf(0, 1));
            items.ToArray().Should().Equal(new SupportItem(ScoringOptions.Default.Confidence.Of(Confidence.Reported) * 0.5, c.Evidence.Columns.FirstDay[0], c.Evidence.Columns.LastDay[0]));
            codes.ToArray().Should().Equal(SupportItems.Code((byte)ResourceType.Arms, span: true));
            (c.Evidence.Columns.LastDay[0] - c.Evidence.Columns.FirstDay[0]).Should().BeGreaterThan(65534);
        }
    }
}

/// <summary>
/// The dyad-level sums read the build's kept entries while <see cref="Scorer"/> scores (one sweep over a pair's entries)
/// and the evidence columns otherwise: both give the same bits, long items, issues numbered 255 or more and red lines
/// included, and the scorer drops the entries once it is done.
/// </summary>
public class KeptEntriesTests
{
    public static TheoryData<string> Cases => ["universe, 1 thread", "universe, 4 threads", "long items and large issues"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void DyadLevelSumsAndDemandSums_FromKeptEntries_EqualThoseFromTheEvidenceColumns_BitForBit(string which)
    {
        var (c, grid, options) = Make(which);
        var kept = EvidenceIndex.Build(c, grid, options, EvidenceIndex.Parts.Entries);
        var plain = EvidenceIndex.Build(c, grid, options);
        kept.KeepsEntries.Should().BeTrue();
        plain.KeepsEntries.Should().BeFalse();

        var compared = Compare(c, kept, plain);
        compared.Should().BeGreaterThan(which.StartsWith("universe", StringComparison.Ordinal) ? 1000 : 2, "the sums compared hold items");

        kept.ReleaseEntries();
        kept.KeepsEntries.Should().BeFalse();
        Compare(c, kept, plain).Should().Be(compared, "once released, the columns give the same sums");
    }

    [Fact]
    public void Scorer_DropsTheEntries_OnceItHasScored_AndScoresAsOverAnIndexWithoutThem()
    {
        var (c, grid, options) = Make("universe, 4 threads");

        var scores = Scorer.Score(c, options);

        scores.Index.KeepsEntries.Should().BeFalse("the scores hold the index, not the build's entries");
        var again = Scorer.Score(EvidenceIndex.Build(c, grid, options));
        again.Measures.Select(m => m.Name).Should().Equal(scores.Measures.Select(m => m.Name));
        foreach (var measure in scores.Measures)
        {
            foreach (var dyad in scores.Dyads)
            {
                again.Series(measure.Name, dyad).Should().Equal(scores.Series(measure.Name, dyad), "{0} of {1}", measure.Name, dyad);
            }
        }
    }

    private static (Case Case, PeriodGrid Grid, ScoringOptions Options) Make(string which)
    {
        if (which.StartsWith("universe", StringComparison.Ordinal))
        {
            var (c, index, options) = GeneratedIndex.Build(5, actors: 40, periods: 24, evidence: 40_000, threads: which.Contains('4', StringComparison.Ordinal) ? 4 : 1);
            return (c, index.Grid, options);
        }

        var b = TestCases.Builder();
        for (var i = 0; i < 300; i++)
        {
            b.AddIssue(new Issue($"i{i}", $"Issue {i}"));
        }

        var caseWithMarkers = b
            .Add(new CommitmentEvidence("m", EvidenceDate.Span(EvidenceDate.InYear(1800), EvidenceDate.InYear(2010)), Confidence.Confirmed, TestCases.Src, "P", "C", CommitmentFormality.Treaty))
            .Add(new DemandEvidence("long", EvidenceDate.Span(EvidenceDate.InYear(1801), EvidenceDate.InYear(2009)), Confidence.Reported, TestCases.Src, "P", "C", "i3", 0.9, DemandResponse.Partial))
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "i299", 0.5, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "i3", 1, DemandResponse.Defied))
            .Add(TestCases.Demand("d3", TestCases.Year(2006), "i260", 0.95, DemandResponse.Ignored))
            .Build();
        return (caseWithMarkers, new PeriodGrid(Period.FromYear(1790), Period.FromYear(2010)), ScoringOptions.Default);
    }

    /// <summary>Compares every pair's dyad-level sums, counts and demand fields, and its demand sums; the cells compared that hold a value.</summary>
    private static int Compare(Case c, EvidenceIndex kept, EvidenceIndex plain)
    {
        var (a, b) = (new DyadLevelSums { KeepsDemands = true }, new DyadLevelSums { KeepsDemands = true });
        var slotOf = new int[Math.Max(1, c.Issues.Length)];
        var nonZero = 0;
        for (var pair = 0; pair < kept.PairCountTotal; pair++)
        {
            kept.DyadLevel(pair, a);
            plain.DyadLevel(pair, b);
            foreach (var sum in DyadLevelSums.SumSlots)
            {
                var x = a.Series(sum);
                var y = b.Series(sum);
                for (var q = 0; q < kept.Periods; q++)
                {
                    BitConverter.DoubleToInt64Bits(x[q]).Should().Be(BitConverter.DoubleToInt64Bits(y[q]), "{0} of pair {1} in period {2}", sum, pair, q);
                    nonZero += x[q] != 0 ? 1 : 0;
                }
            }

            foreach (var count in DyadLevelSums.CountSlots)
            {
                for (var q = 0; q < kept.Periods; q++)
                {
                    a.Counts(count).In(q, q).Should().Be(b.Counts(count).In(q, q), "{0} of pair {1} in period {2}", count, pair, q);
                }
            }

            a.Demands.ToArray().Should().Equal(b.Demands.ToArray(), "pair {0}'s demands", pair);

            var (first, end) = kept.IssueSlots(pair);
            var n = (end - first) * kept.Periods;
            var (w1, m1, r1, d1) = (new double[n], new double[n], new double[kept.Periods], new double[kept.Periods]);
            var (w2, m2, r2, d2) = (new double[n], new double[n], new double[kept.Periods], new double[kept.Periods]);
            kept.PairDemands(pair, w1, m1, r1, d1, slotOf);
            plain.PairDemands(pair, w2, m2, r2, d2, slotOf);
            Bits(w1).Should().Equal(Bits(w2), "pair {0}'s demand weight by issue", pair);
            Bits(m1).Should().Equal(Bits(m2), "pair {0}'s met weight by issue", pair);
            Bits(r1).Should().Equal(Bits(r2), "pair {0}'s red-line weight", pair);
            Bits(d1).Should().Equal(Bits(d2), "pair {0}'s defied red-line weight", pair);
            nonZero += r1.Count(v => v != 0);
        }

        return nonZero;
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}

/// <summary>
/// Support received per actor is built from the receivers' pairs' compact support items, merging a receiver's pairs by
/// row: the items the build filled (a build asked for <see cref="EvidenceIndex.Parts.Received"/> fills them) and those
/// gathered from the evidence columns later give the same bits, and the counts follow the roll-up rule stated plainly
/// over the rows, however many levels of the giver reach the receiver.
/// </summary>
public class SupportReceivedTests
{
    [Theory]
    [InlineData(5, 1)]
    [InlineData(5, 4)]
    [InlineData(11, 2)]
    public void SupportReceived_FromThePairsItems_EqualsThatFromEveryRow_BitForBit(long seed, int threads)
    {
        var (c, merged, scanned) = GeneratedIndex.TwoWays(seed, 30_000, 3, threads, EvidenceIndex.Parts.Received);
        merged.Prepare(EvidenceIndex.Parts.Received);

        // Receivers reached by one item through two pairs or more (the giver and its movement), where the merge must take the row once.
        var shared = 0;
        for (var actor = 0; actor < c.Actors.Length; actor++)
        {
            var pairs = merged.PairsInto(actor).ToArray();
            var rows = pairs.SelectMany(p => merged.PairItemSpan(p, EvidenceKind.Support).ToArray()).ToArray();
            shared += rows.Length - rows.Distinct().Count();
        }

        shared.Should().BeGreaterThan(100, "the universe's factions roll their support up to their movements");
        Compare(c, merged, scanned).Should().BeGreaterThan(500, "most actors receive support in most periods");
        CountsByTheRule(c, merged).Should().BeGreaterThan(500);
    }

    /// <summary>
    /// Checks every actor's count of items received in every period against the rule stated plainly over the evidence
    /// rows: an item counts for the receiver and each of its ancestors that some level of the giver is not related
    /// to (neither is the other's ancestor or itself), once, in each period it touches. Returns the cells with a count.
    /// </summary>
    private static int CountsByTheRule(Case c, EvidenceIndex index)
    {
        var chains = c.Actors.Select(a => Chain(c, a.Id)).ToArray();
        bool Related(int x, int y) => chains[x].Contains(y) || chains[y].Contains(x);
        var columns = c.Evidence.Columns;
        var expected = new int[c.Actors.Length, index.Periods];
        for (var row = 0; row < c.Evidence.Count; row++)
        {
            if (columns.Kind[row] != (byte)EvidenceKind.Support)
            {
                continue;
            }

            var (from, to) = (columns.A[row], columns.B[row]);
            foreach (var receiver in chains[to].Where(y => chains[from].Any(x => !Related(x, y))))
            {
                for (var q = Math.Max(0, index.PeriodOfDay(columns.FirstDay[row])); q <= Math.Min(index.Periods - 1, index.PeriodOfDay(columns.LastDay[row])); q++)
                {
                    expected[receiver, q]++;
                }
            }
        }

        var cells = 0;
        for (var actor = 0; actor < c.Actors.Length; actor++)
        {
            for (var q = 0; q < index.Periods; q++)
            {
                index.SupportReceivedCount(actor, q, q).Should().Be(expected[actor, q], "items received by {0} in period {1}", c.Actors[actor].Id, q);
                cells += expected[actor, q] > 0 ? 1 : 0;
            }
        }

        return cells;
    }

    /// <summary>An actor's position and its ancestors' positions, nearest first.</summary>
    private static int[] Chain(Case c, string id)
    {
        var chain = new List<int>();
        for (string? at = id; at is not null; at = c.Actors[c.ActorIndexOf(at)].Parent)
        {
            chain.Add(c.ActorIndexOf(at));
        }

        return [.. chain];
    }

    [Fact]
    public void AnItemReachingAReceiverThroughThreePairs_CountsOnce_AndAnInternalItemNotAtAll()
    {
        var b = TestCases.Builder();
        b.AddActor(new Actor("G", "Group", ActorKind.NonStateArmedGroup));
        b.AddActor(new Actor("F", "Faction of G", ActorKind.Faction) { Parent = "G" });
        b.AddActor(new Actor("FF", "Faction of F", ActorKind.Faction) { Parent = "F" });
        var c = b
            .Add(TestCases.Support("s1", TestCases.Year(2003), "FF", "C", 0.4))
            .Add(TestCases.Support("s2", TestCases.Year(2003), "G", "C", 0.25))
            .Add(TestCases.Support("s3", TestCases.Year(2004), "F", "C", 0.5))
            .Add(TestCases.Support("internal", TestCases.Year(2003), "FF", "G", 0.9))
            .Add(TestCases.Support("s4", TestCases.Year(2003), "P", "FF", 0.3))
            .Build();
        var grid = new PeriodGrid(Period.FromYear(2000), Period.FromYear(2010));
        var merged = EvidenceIndex.Build(c, grid, ScoringOptions.Default, EvidenceIndex.Parts.Received);
        var scanned = EvidenceIndex.Build(c, grid, ScoringOptions.Default);

        var (client, g, ff) = (c.ActorIndexOf("C"), c.ActorIndexOf("G"), c.ActorIndexOf("FF"));
        merged.PairsInto(client).Should().HaveCount(3, "FF's item reaches C as FF's, F's and G's");
        foreach (var index in new[] { merged, scanned })
        {
            index.SupportReceived(client, 3, 3).Should().Be(0.4 + 0.25);
            index.SupportReceivedCount(client, 3, 3).Should().Be(2, "s1 counts once, not once per pair");
            index.SupportReceived(client, 4, 4).Should().Be(0.5);
            index.SupportReceivedCount(g, 0, 10).Should().Be(1, "FF's item to its own movement is internal; P's item to FF reaches G");
            index.SupportReceived(ff, 3, 3).Should().Be(0.3);
        }

        Compare(c, merged, scanned).Should().BeGreaterThan(3);
        CountsByTheRule(c, merged).Should().BeGreaterThan(3);
    }

    /// <summary>Compares every actor's support received and its count in every period, bit for bit; the cells that hold a value.</summary>
    private static int Compare(Case c, EvidenceIndex merged, EvidenceIndex scanned)
    {
        var nonZero = 0;
        for (var actor = 0; actor < c.Actors.Length; actor++)
        {
            for (var q = 0; q < merged.Periods; q++)
            {
                var x = merged.SupportReceived(actor, q, q);
                BitConverter.DoubleToInt64Bits(x).Should().Be(BitConverter.DoubleToInt64Bits(scanned.SupportReceived(actor, q, q)), "support received by {0} in period {1}", c.Actors[actor].Id, q);
                merged.SupportReceivedCount(actor, q, q).Should().Be(scanned.SupportReceivedCount(actor, q, q), "items received by {0} in period {1}", c.Actors[actor].Id, q);
                nonZero += x != 0 ? 1 : 0;
            }
        }

        return nonZero;
    }
}
