using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Scoring;

namespace Influence.Tests.Support;

/// <summary>
/// A docs page read once, white space collapsed, for tests that check what it quotes: its phrases and the figures it
/// prints, at the precision printed.
/// </summary>
internal sealed partial class DocPage(string file)
{
    private readonly Lazy<string> _text = new(() => Normalise(File.ReadAllText(Repository.PathOf("docs", file))));

    /// <summary>The page's text, line breaks and runs of spaces read as one space.</summary>
    public string Text => _text.Value;

    /// <summary>The page says this, line breaks aside.</summary>
    public void Quotes(string phrase) => Text.Should().Contain(Normalise(phrase));

    /// <summary>The value, rounded as the page prints it (as many decimals as the figure has; − for minus), is the figure.</summary>
    public static void Figure(Score score, string printed)
    {
        var text = printed.Replace('−', '-');
        var decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var expected = double.Parse(text, CultureInfo.InvariantCulture);

        score.Value.Should().NotBeNull();
        Math.Round(score.Value!.Value, decimals, MidpointRounding.AwayFromZero).Should().Be(expected, $"the page prints {printed}; the scores give {score.Value:R}");
    }

    private static string Normalise(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
