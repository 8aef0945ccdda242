using FluentAssertions;
using Influence.Baselines;
using Influence.Generation;
using Influence.Scoring;
using Xunit;

namespace Influence.Benchmarks.Tests;

/// <summary>
/// The oracle: the engine, the naive LINQ baseline and the DuckDB SQL baseline, three implementations that share no
/// code, agree on every value of the six baseline measures within 1e-9, and on which values are undefined.
/// </summary>
public class BaselineOracleTests
{
    public static TheoryData<string, UniverseOptions> Universes => new()
    {
        { "monthly", new UniverseOptions { Actors = 24, Periods = 48, Evidence = 8000, Seed = 1 } },
        { "monthly, many factions", new UniverseOptions { Actors = 20, Periods = 36, Evidence = 6000, Seed = 2, FactionShare = 0.6 } },
        { "quarterly", new UniverseOptions { Actors = 16, Periods = 24, Evidence = 4000, Seed = 3, Granularity = Granularity.Quarter } },
        { "yearly", new UniverseOptions { Actors = 16, Periods = 20, Evidence = 4000, Seed = 4, Granularity = Granularity.Year } },
        { "sparse", new UniverseOptions { Actors = 30, Periods = 60, Evidence = 600, Seed = 5 } },
    };

    [Theory]
    [MemberData(nameof(Universes))]
    public void EngineLinqAndSql_AgreeOnEveryValue(string name, UniverseOptions universe)
    {
        var @case = UniverseGenerator.Generate(universe);
        var engine = BaselineResult.FromEngine(Scorer.Score(@case, ScoringOptions.Default, Baseline.EngineRequest));
        var naive = NaiveLinqBaseline.Score(@case, ScoringOptions.Default);
        using var session = DuckDbBaseline.Load(@case, ScoringOptions.Default);
        var sql = session.Score();

        engine.Compare(naive).Should().Match<Agreement>(a => a.Agree, $"LINQ agrees with the engine on the {name} universe");
        engine.Compare(sql).Should().Match<Agreement>(a => a.Agree, $"SQL agrees with the engine on the {name} universe");
        DefinedShare(engine).Should().BeGreaterThan(0.3, "most values are defined, so the agreement is not empty");
    }

    [Fact]
    public void EngineLinqAndSql_Agree_WithOtherWindowsAndWeights()
    {
        var options = ScoringOptions.Default with
        {
            Confidence = new ConfidenceWeights { Reported = 0.5, Alleged = 0.2 },
            Exchange = new ExchangeOptions { ReciprocityWindowYears = 2, VolumeScale = 0.5, VolumeWindowYears = 0.5 },
            Conflict = new ConflictOptions { WindowYears = 0.5, DefianceWeight = 1, Scale = 2 },
            DiffuseObligation = new DiffuseObligationOptions { VariabilityWindowYears = 3, InformalityWeight = 0.3, PublicPledgeFormality = 0.2, VariabilityStepYears = 7.0 / 12 },
            Endurance = new EnduranceOptions { ContinuityWindowYears = 4, DurationScaleYears = 5, ContinuityStepYears = 1.5 },
            Compliance = new ComplianceOptions { WindowYears = 1, PartialCredit = 0.25 },
            Presence = new PresenceOptions { Scale = 3, WindowYears = 2 },
        };
        var @case = UniverseGenerator.Generate(new UniverseOptions { Actors = 20, Periods = 60, Evidence = 8000, Seed = 6 });
        var engine = BaselineResult.FromEngine(Scorer.Score(@case, options, Baseline.EngineRequest));
        using var session = DuckDbBaseline.Load(@case, options);

        engine.Compare(NaiveLinqBaseline.Score(@case, options)).Agree.Should().BeTrue();
        engine.Compare(session.Score()).Agree.Should().BeTrue();
    }

    [Fact]
    public void Compare_FindsADifference_AndAValueDefinedOnOneSideOnly()
    {
        var a = new BaselineResult(Baseline.Measures, 1, 1, [.. Baseline.Measures.Select(_ => new[] { 0.5 })]);
        var shifted = a with { Values = [.. Baseline.Measures.Select(_ => new[] { 0.5 + 1e-6 })] };
        var undefined = a with { Values = [.. Baseline.Measures.Select(_ => new[] { double.NaN })] };

        a.Compare(shifted).Agree.Should().BeFalse();
        a.Compare(undefined).LargestDifference.Should().Be(double.PositiveInfinity);
        a.Compare(a).Agree.Should().BeTrue();
    }

    private static double DefinedShare(BaselineResult r) =>
        r.Values.Sum(v => v.Count(x => !double.IsNaN(x))) / (double)r.Values.Sum(v => v.Length);
}
