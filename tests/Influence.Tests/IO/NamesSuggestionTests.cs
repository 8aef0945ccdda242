using FluentAssertions;
using Influence.Internal;
using Xunit;

namespace Influence.Tests.IO;

/// <summary><see cref="Names.DidYouMean"/> for a shortened or partial id.</summary>
public class NamesSuggestionTests
{
    private static readonly string[] Ids = ["pakistan", "taliban", "ttp", "haqqani", "afghan-republic", "afghanistan-daud", "afghan-opposition", "india"];

    [Theory]
    [InlineData("talib", "; did you mean \"taliban\"?")]
    [InlineData("pakistn", "; did you mean \"pakistan\"?")]
    [InlineData("Taliban", "; did you mean \"taliban\"?")]
    [InlineData("haqq", "; did you mean \"haqqani\"?")]
    [InlineData("afghan", "; did you mean \"afghan-opposition\", \"afghan-republic\" or \"afghanistan-daud\"?")]
    [InlineData("republic", "; did you mean \"afghan-republic\"?")]
    [InlineData("tal", "")]
    [InlineData("zeppelin", "")]
    public void AShortenedId_IsSuggested_WhenFewIdsHoldIt(string given, string hint) =>
        Names.DidYouMean(given, Ids).Should().Be(hint);

    [Fact]
    public void APartOfManyIds_IsNoSuggestion_AndTheIdsAreListed() =>
        Names.DidYouMean("afgh", ["afgh-a", "afgh-b", "afgh-c", "afgh-d"], "actors").Should().Be("; the case's actors are \"afgh-a\", \"afgh-b\", \"afgh-c\", \"afgh-d\"");
}
