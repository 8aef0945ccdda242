using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// docs/time-series.md shows what <c>influence trend</c> prints on the built-in case. The command is read from the
/// page (the sentence before the block names it) and run, and the block must be its output, line for line: the page's
/// slopes, Mann–Kendall statistics and intervals cannot drift from what the command computes.
/// </summary>
public partial class TimeSeriesPageTests
{
    [Fact]
    public void TheTrendExample_IsWhatTheCommandNamedBeforeItPrints()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "time-series.md")).ReplaceLineEndings("\n");
        var example = TrendExample().Match(page);
        example.Success.Should().BeTrue("docs/time-series.md names a trend command in backticks and shows its output in the text block after it");
        var command = Regex.Replace(example.Groups["command"].Value, @"\s+", " ").Split(' ');
        command[0].Should().Be("influence");

        var (code, output, error) = CliRunner.Run(command[1..]);

        code.Should().Be(0, error);
        output.ReplaceLineEndings("\n").TrimEnd('\n').Should().Be(example.Groups["block"].Value.TrimEnd('\n'));
    }

    [GeneratedRegex(@"\(`(?<command>influence trend[^`]*)`\):\s*\n\s*```text\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex TrendExample();
}
