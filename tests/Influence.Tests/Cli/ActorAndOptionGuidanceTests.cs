using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// What the tool says when the command line names an actor the case does not have, with no id near it (some of the
/// case's ids, so that a reader who guessed sees real ones), and when an option is given another option for its value
/// ("--patron --client taliban": the option without its value, not what the parser made of the rest).
/// </summary>
public sealed class ActorAndOptionGuidanceTests : IDisposable
{
    private static readonly string NL = Environment.NewLine;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The reference case's actors, sorted: the first 12 are listed, then "and 18 more".</summary>
    private const string FirstTwelve = "\"afghan-opposition\", \"afghan-republic\", \"afghan-royalists-nationalists\", \"afghanistan-daud\", \"baradar\", \"border-traders\", \"central-asia\", \"china\", \"haqqani\", \"hezb-islami\", \"india\", \"iran\"";

    [Fact]
    public void UnknownActor_WithNoNearMatch_InACaseOfManyActors_ListsTheFirstIdsInOrder_AndHowManyMore()
    {
        var (code, output, err) = CliRunner.Run("score", "--patron", "nobody", "--client", "taliban", "builtin");

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be(
            $"influence: dyad nobody→taliban: no actor is called \"nobody\" in case 'pakistan-taliban'; the case's actors include {FirstTwelve} and 18 more (all 30 are in the case's \"actors\"){NL}");
    }

    [Fact]
    public void UnknownActor_NearAnId_StillSuggestsIt_WithoutTheList()
    {
        var (code, _, err) = CliRunner.Run("score", "--patron", "pakistan", "--client", "talibn", "builtin");

        code.Should().Be(2);
        err.Should().Contain("no actor is called \"talibn\" in case 'pakistan-taliban'; did you mean \"taliban\"?").And.NotContain("actors include");
    }

    [Fact]
    public void UnknownActor_InACaseOfFewActors_ListsThemAll()
    {
        var path = _cli.Write(TestCases.Builder().Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8)).Build());

        var (code, _, err) = CliRunner.Run("score", path, "--patron", "nobody", "--client", "C");

        code.Should().Be(2);
        err.Should().Contain("no actor is called \"nobody\" in case 'test'; the case's actors are \"C\", \"P\", \"X\"").And.NotContain("more");
    }

    [Theory]
    [InlineData("counterfactual builtin --patron pakistan --client taliban --without nobody", "influence: no actor is called \"nobody\"")]
    [InlineData("network builtin --period 2010 --focus nobody", "influence: --focus: no actor is called \"nobody\"")]
    [InlineData("network builtin --period 2010 --group nobody=g", "influence: --group nobody=g: no actor is called \"nobody\"")]
    [InlineData("explain builtin --patron nobody --client taliban --period 2010 --measure exchange", "influence: dyad nobody→taliban: no actor is called \"nobody\"")]
    public void UnknownActor_InEveryOptionThatNamesOne_ListsTheCasesIds(string line, string start)
    {
        var (code, _, err) = CliRunner.Run(line.Split(' '));

        code.Should().Be(2);
        err.Should().Contain($"{start} in case 'pakistan-taliban'; the case's actors include {FirstTwelve} and 18 more");
    }

    [Fact]
    public void Option_GivenAnotherOptionForItsValue_SaysSo_AndNothingOfWhatTheParserMadeOfTheRest()
    {
        // Without this, "--client" was the patron, "taliban" the case file and the case file an unexpected argument.
        var (code, output, err) = CliRunner.Run("score", "--patron", "--client", "taliban", "builtin");

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be($"influence: --patron needs an actor id; got the option --client{NL}Run 'influence score --help' for usage.{NL}");
    }

    [Fact]
    public void RequiredOption_GivenAnotherOptionForItsValue_IsNotAlsoSaidToBeMissing()
    {
        var (code, _, err) = CliRunner.Run("network", "builtin", "--period", "--format", "dot");

        code.Should().Be(2);
        err.Should().Be($"influence: --period needs a period (YYYY, YYYYQn or YYYY-MM); got the option --format{NL}Run 'influence network --help' for usage.{NL}");
    }

    [Fact]
    public void Option_GivenAnotherOptionForItsValue_IsReportedWithTheLinesOtherProblems()
    {
        var (code, _, err) = CliRunner.Run("score", "--format", "--out", "x.txt", "builtin", "--formt", "json");

        code.Should().Be(2);
        err.Should().StartWith($"influence: --format needs a value; got the option --out{NL}influence: unknown option '--formt'; did you mean \"--format\"?{NL}");
    }

    [Fact]
    public void Option_WhoseValueIsGivenWithAnEqualsSign_IsTakenAsMeant()
    {
        var (code, _, err) = CliRunner.Run("score", "builtin", "--patron=--client", "--client", "taliban");

        code.Should().Be(2);
        err.Should().NotContain("needs an actor id").And.Contain("no actor is called \"--client\"");
    }
}
