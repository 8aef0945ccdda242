using FluentAssertions;
using Influence.Generation;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>Small things an API review found: shares that cannot be honoured, an article, a missing folder.</summary>
public class SmallFixesTests
{
    [Theory]
    [InlineData(0.8, 0.8)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.15, 0.9)]
    public void UniverseShares_ThatLeaveNoArmedGroups_AreRefused_NamingBoth(double states, double factions)
    {
        var options = new UniverseOptions { Actors = 10, Periods = 12, Evidence = 10, StateShare = states, FactionShare = factions };

        var act = () => UniverseGenerator.Generate(options);

        act.Should().Throw<ArgumentException>().WithMessage("StateShare + FactionShare must be below 1*StateShare * + FactionShare *").Which.ParamName.Should().Be("options");
    }

    [Fact]
    public void UniverseShares_BelowOne_AreHonoured()
    {
        var c = UniverseGenerator.Generate(new UniverseOptions { Actors = 10, Periods = 12, Evidence = 10, StateShare = 0.3, FactionShare = 0.6 });

        c.Actors.Count(a => a.Kind == ActorKind.State).Should().Be(3);
        c.Actors.Count(a => a.Kind == ActorKind.Faction).Should().Be(6);
    }

    [Fact]
    public void AnUnknownUnit_IsAUnit_NotAnUnit()
    {
        var b = TestCases.Builder();
        b.AddUnit(new Influence.Cases.AmountUnit("usd", "US$", 1e9));
        b.Add(TestCases.Support("e1", TestCases.Year(2005), "P", "C", 0.5) with { Amount = 1, Unit = "eur" });

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Message.Should().StartWith("expected the id of a unit of the case; no unit is called \"eur\"");
    }

    [Fact]
    public void AFileInAFolderThatDoesNotExist_IsReportedAsAMissingFile_AsAMissingFileInAnExistingFolderIs()
    {
        var folder = Path.Combine(Path.GetTempPath(), "influence-" + Guid.NewGuid().ToString("N"));
        var inMissingFolder = Path.Combine(folder, "x.json");
        var inExistingFolder = Path.Combine(Path.GetTempPath(), "influence-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var missingFolder = () => CaseReader.TryReadFile(inMissingFolder);
        var missingFile = () => CaseReader.TryReadFile(inExistingFolder);
        var read = () => CaseReader.ReadFile(inMissingFolder);

        missingFolder.Should().Throw<FileNotFoundException>().Which.Should().Match<FileNotFoundException>(e => e.FileName == inMissingFolder && e.Message == $"Could not find file '{inMissingFolder}'.");
        missingFile.Should().Throw<FileNotFoundException>().Which.Message.Should().Be($"Could not find file '{inExistingFolder}'.");
        read.Should().Throw<FileNotFoundException>();
        Directory.Exists(folder).Should().BeFalse();
    }
}
