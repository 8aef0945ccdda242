using FluentAssertions;
using Influence.Cases;
using Influence.Charts;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.PublicApi;

/// <summary>
/// Wrong arguments to the public API are refused at once, naming the caller's own parameter and what was expected,
/// rather than by the runtime's messages or by a parameter of an internal call.
/// </summary>
public class ArgumentErrorsTests
{
    [Fact]
    public void EvidenceDates_NameTheFieldOutOfRange()
    {
        ((Action)(() => EvidenceDate.InMonth(2000, 13))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("month").WithMessage("month must be in [1, 12]; was 13*");
        ((Action)(() => EvidenceDate.InYear(0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("year");
        ((Action)(() => EvidenceDate.InMonth(10000, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("year");
        ((Action)(() => EvidenceDate.OnDay(2021, 2, 29))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("day").WithMessage("day must be in [1, 28] for 2021-02; was 29*");
        EvidenceDate.OnDay(2021, 8, 15).Should().Be(EvidenceDate.OnDay(new DateOnly(2021, 8, 15)));
    }

    [Fact]
    public void OutOfRangeMessages_SayTheValueOnce_AndKeepTheParameterName()
    {
        Action[] throwers =
        [
            () => _ = new IntervalOptions { Level = 90 },
            () => _ = new InputEfficiencyOptions { IntervalLevel = 90 },
            () => _ = Score.Of(double.NaN),
            () => _ = new Score(0.5, 0.6, 0.7),
            () => EvidenceDate.InMonth(2000, 13),
            () => _ = new Influence.Generation.UniverseOptions { StateShare = 2 },
            () => Scorer.Score(TestCases.Builder().Build()).Get(999, 0, 0),
        ];

        foreach (var thrower in throwers)
        {
            var e = thrower.Should().Throw<ArgumentOutOfRangeException>().Which;
            e.ParamName.Should().NotBeNullOrEmpty();
            e.Message.Should().MatchRegex(@"\b(was|were) ", "the message says what the value was");
            e.Message.Should().EndWith($" (Parameter '{e.ParamName}')", "the value is said once, in the library's words")
                .And.NotContain("Actual value");
        }

        ((Action)(() => _ = new IntervalOptions { Level = 90 })).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().Be("Level must be a coverage in (0, 0.999]; was 90 (Parameter 'Level')");
    }

    [Theory]
    [InlineData("P", "", "Client")]
    [InlineData(" ", "C", "Patron")]
    public void Dyads_NeedBothIds(string patron, string client, string parameter)
    {
        ((Action)(() => _ = new Dyad(patron, client))).Should().ThrowExactly<ArgumentException>().WithParameterName(parameter).WithMessage("*must not be empty*");
        ((Action)(() => _ = new Dyad("P", "C") with { Client = "" })).Should().ThrowExactly<ArgumentException>().WithParameterName("Client");
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullException_NamingTheParameter_AsTheScorerDoes()
    {
        var b = TestCases.Builder();
        var date = TestCases.Year(2003);
        var thrown = new (Action Call, string Parameter)[]
        {
            (() => Scorer.Score((Case)null!), "case"),
            (() => _ = new Dyad(null!, "C"), "Patron"),
            (() => _ = new Dyad("P", null!), "Client"),
            (() => _ = new Dyad("P", "C") with { Client = null! }, "Client"),
            (() => _ = new CaseBuilder(null!, "A case"), "id"),
            (() => _ = new CaseBuilder("c", null!), "name"),
            (() => _ = new Source(null!, "A citation"), "Id"),
            (() => _ = new Source("s", null!), "Citation"),
            (() => _ = new Issue("i", null!), "Name"),
            (() => _ = new Actor("a", null!, ActorKind.State), "Name"),
            (() => _ = new Actor(null!, "A", ActorKind.State), "Id"),
            (() => _ = TestCases.Support(null!, date, "P", "C", 0.5), "Id"),
            (() => _ = TestCases.Support("e", date, null!, "C", 0.5), "From"),
            (() => b.AddDyad(null!, "C"), "patron"),
            (() => b.AddSupport(null!, date, Confidence.Confirmed, "s1", "P", "C", ResourceType.Funding, 0.5), "id"),
            (() => b.AddSupport("e", date, Confidence.Confirmed, source: null!, "P", "C", ResourceType.Funding, 0.5), "source"),
            (() => b.AddSupport("e", date, Confidence.Confirmed, "s1", null!, "C", ResourceType.Funding, 0.5), "from"),
            (() => b.AddCoercion("e", date, Confidence.Confirmed, "s1", "P", null!, CoercionType.Clash, 0.5), "to"),
            (() => b.AddDemand("e", date, Confidence.Confirmed, "s1", "P", "C", null!, 0.5, DemandResponse.Complied), "issue"),
            (() => b.AddAttainment("e", date, Confidence.Confirmed, "s1", null!, 0.5), "objective"),
            (() => b.AddIndicatorValue("e", date, Confidence.Confirmed, "s1", null!, 3), "indicator"),
            (() => b.AddCapability("e", date, Confidence.Confirmed, "s1", null!, 3), "actor"),
        };

        foreach (var (call, parameter) in thrown)
        {
            call.Should().ThrowExactly<ArgumentNullException>().WithParameterName(parameter);
        }

        b.EvidenceCount.Should().Be(0, "nothing was added by a refused call");
        ((Action)(() => _ = new Source("s", " "))).Should().ThrowExactly<ArgumentException>().WithParameterName("Citation").WithMessage("a source's citation must not be empty*");
        ((Action)(() => _ = new CaseBuilder("c", ""))).Should().ThrowExactly<ArgumentException>().WithParameterName("name").WithMessage("a case's name must not be empty*");
        ((Action)(() => b.AddSupport("e", date, Confidence.Confirmed, "", "P", "C", ResourceType.Funding, 0.5))).Should().ThrowExactly<ArgumentException>()
            .WithParameterName("source").WithMessage("source must be a non-empty identifier*");
        ((Action)(() => _ = new Dyad(null!, "C"))).Should().Throw<ArgumentNullException>().WithMessage("a dyad's patron id must not be null*");
        ((Action)(() => b.AddSupport("e", date, Confidence.Confirmed, null!, "P", "C", ResourceType.Funding, 0.5))).Should().Throw<ArgumentNullException>().WithMessage("source must be a non-empty identifier; was null*");
    }

    [Fact]
    public void Builder_NamesTheArgumentThatIsNull()
    {
        ((Action)(() => TestCases.Builder().AddActor(null!))).Should().Throw<ArgumentNullException>().WithParameterName("actor");
        ((Action)(() => TestCases.Builder().AddSource(null!))).Should().Throw<ArgumentNullException>().WithParameterName("source");
    }

    [Fact]
    public void Sensitivity_NamesTheDyad_WhenItNamesAnUnknownActor()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2003), "P", "C", 0.5)).Build();

        ((Action)(() => Sensitivity.Tornado(c, new Dyad("P", "nobody"), Period.FromYear(2003), "exchange"))).Should().Throw<ArgumentException>()
            .WithParameterName("dyad").WithMessage("*no actor is called \"nobody\"*");
    }

    [Fact]
    public void Counterfactual_SaysTheThirdPartyIsThePatron()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2003), "P", "C", 0.5)).Build();

        ((Action)(() => Counterfactual.WithoutThirdParty(c, new Dyad("P", "C"), "P"))).Should().Throw<ArgumentException>()
            .WithParameterName("thirdParty").WithMessage("the third party must be neither patron nor client; 'P' is the dyad's patron*");
    }

    [Fact]
    public void Series_ThatWouldRunPastTheLastYear_AreRefusedNamingTheStart()
    {
        var values = Enumerable.Range(0, 20).Select(i => (double?)i).ToArray();

        ((Action)(() => ChangePoints.Detect(values, Period.FromYear(9990)))).Should().Throw<ArgumentException>()
            .WithParameterName("from").WithMessage("a series of 20 periods from 9990 would run past 9999*");
        ((Action)(() => Trends.Fit(values, Period.FromMonth(9999, 1)))).Should().Throw<ArgumentException>().WithParameterName("from");
        ChangePoints.Detect(values, Period.FromYear(9980)).To.Should().Be(Period.FromYear(9999));
    }

    [Fact]
    public void ReadingAFolder_SaysItIsAFolder()
    {
        var folder = Directory.CreateTempSubdirectory("influence-").FullName;
        try
        {
            ((Action)(() => CaseReader.ReadFile(folder))).Should().Throw<IOException>().WithMessage($"{folder}: is a folder, not a case file");
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void SavingAChart_IntoAFolderThatDoesNotExist_NamesTheFolder_NotATemporaryFile()
    {
        var scores = Scorer.Score(TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2003), "P", "C", 0.5)).Build());
        var path = Path.Combine(Path.GetTempPath(), "influence-no-such-folder", "x.png");

        ((Action)(() => DyadChart.SavePng(scores, new Dyad("P", "C"), path))).Should().Throw<DirectoryNotFoundException>()
            .WithMessage($"{path}: the folder {Path.GetDirectoryName(path)} does not exist");
    }
}
