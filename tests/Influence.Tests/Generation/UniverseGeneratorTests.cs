using FluentAssertions;
using Influence.Evidence;
using Influence.Generation;
using Influence.IO;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.Generation;

public class UniverseGeneratorTests
{
    private static readonly UniverseOptions Small = new() { Actors = 40, Periods = 24, Evidence = 5000, Seed = 42 };

    [Fact]
    public void Generate_GivesTheSameCanonicalBytes_ForTheSameSeed()
    {
        var a = UniverseGenerator.Generate(Small);
        var b = UniverseGenerator.Generate(Small);

        Reproducibility.InputHash(a, ScoringOptions.Default).Should().Be(Reproducibility.InputHash(b, ScoringOptions.Default));
    }

    [Fact]
    public void Generate_GivesAnotherUniverse_ForAnotherSeed()
    {
        var a = UniverseGenerator.Generate(Small);
        var b = UniverseGenerator.Generate(Small with { Seed = 43 });

        Reproducibility.InputHash(a, ScoringOptions.Default).Should().NotBe(Reproducibility.InputHash(b, ScoringOptions.Default));
    }

    [Fact]
    public void Generate_IsPinned_ForSeed42()
    {
        // The generator's algorithm is part of its contract (benchmarks and golden outputs depend on it): a change of
        // this hash means every published figure and golden file must be re-made. The hash is of the case alone (its
        // canonical file), so that a new scoring option does not move it.
        using var file = new MemoryStream();
        CaseWriter.Write(UniverseGenerator.Generate(Small), file, canonical: true);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file.ToArray())).ToLowerInvariant();

        hash.Should().Be("05d73482ea5784fc95d8840d31e0de118854725c0c89d79d44f550a76b9adf5c");
    }

    [Fact]
    public void Generate_HoldsExactlyTheEvidenceAsked()
    {
        var c = UniverseGenerator.Generate(Small);

        c.Evidence.Count.Should().Be(5000);
        c.Actors.Should().HaveCount(40);
        c.Dyads.Should().HaveCount(Small.Dyads);
    }

    [Fact]
    public void Generate_HoldsEveryKindOfEvidence()
    {
        var c = UniverseGenerator.Generate(Small);

        var kinds = Enumerable.Range(0, c.Evidence.Count).Select(c.Evidence.KindAt).ToHashSet();

        kinds.Should().BeEquivalentTo(Enum.GetValues<EvidenceKind>());
    }

    [Fact]
    public void Generate_MakesStatesGroupsAndFactionsWithParents()
    {
        var c = UniverseGenerator.Generate(Small);

        c.Actors.Select(a => a.Kind).Distinct().Should().BeEquivalentTo([ActorKind.State, ActorKind.NonStateArmedGroup, ActorKind.Faction]);
        c.Actors.Where(a => a.Kind == ActorKind.Faction).Should().OnlyContain(a => a.Parent != null);
    }

    [Fact]
    public void Generate_GivesHeavyTailedPatronDegrees()
    {
        var c = UniverseGenerator.Generate(new UniverseOptions { Actors = 1000, Periods = 12, Evidence = 0, Seed = 1 });

        var degrees = c.Dyads.GroupBy(d => d.Patron).Select(g => g.Count()).ToList();
        var mean = (double)c.Dyads.Length / c.Actors.Length;

        degrees.Max().Should().BeGreaterThan((int)(20 * mean), "a few patrons back many clients");
        (c.Actors.Length - degrees.Count).Should().BeGreaterThan(c.Actors.Length / 2, "most actors back no one");
    }

    [Fact]
    public void Generate_DeclaresOnlyDyadsOfUnrelatedActors()
    {
        var c = UniverseGenerator.Generate(Small);
        var parent = c.Actors.ToDictionary(a => a.Id, a => a.Parent);

        List<string> Chain(string id)
        {
            var chain = new List<string>();
            for (string? x = id; x is not null; x = parent[x])
            {
                chain.Add(x);
            }

            return chain;
        }

        var related = c.Dyads.Where(d => Chain(d.Patron).Contains(d.Client) || Chain(d.Client).Contains(d.Patron));

        related.Should().BeEmpty();
    }

    [Fact]
    public void ForDyadPeriods_SizesTheUniverse()
    {
        var o = UniverseOptions.ForDyadPeriods(100_000);

        ((double)o.Dyads * o.Periods).Should().BeApproximately(100_000, 1_000);
        o.Evidence.Should().Be(1_000_000);
    }

    [Fact]
    public void Options_RejectTooFewActors()
    {
        var act = () => new UniverseOptions { Actors = 3 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Actors");
    }

    [Fact]
    public void Generate_RejectsPeriodsPastTheYear9999()
    {
        var act = () => UniverseGenerator.Generate(new UniverseOptions { FirstYear = 9000, Periods = 20_000, Granularity = Granularity.Month });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options");
    }
}
