using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// What docs/uncertainty.md says samples/how-sure.cs prints is what it prints: the page quotes the sample's 2022 line
/// and describes its flip search, and CI compares the sample's output with samples/how-sure.expected.txt, so a change
/// of the case or the engine that moves them fails here until the page follows.
/// </summary>
public sealed class UncertaintyPageTests
{
    private static readonly string[] Printed = File.ReadAllLines(Repository.PathOf("samples", "how-sure.expected.txt"));

    [Fact]
    public void The2022LineThePageQuotes_IsTheOneTheSamplePrints()
    {
        var line = Printed.Single(l => l.StartsWith("2022", StringComparison.Ordinal) && l.Contains(" of the draws", StringComparison.Ordinal));

        new DocPage("uncertainty.md").Quotes($"`{line}`");
    }

    [Fact]
    public void TheFlipSearchThePageDescribes_IsTheOneTheSamplePrints()
    {
        Printed.Should().Contain("  removing 2 item(s) makes it dormant (no smaller set does):",
            "uncertainty.md says two items' removal makes 2022's state dormant and that no smaller set does");
        Printed.Where(l => l.StartsWith("    sup-", StringComparison.Ordinal)).Should().HaveCount(2, "uncertainty.md calls both support items");
        Printed.Should().Contain("  or Conflict.WindowYears from 1 to 1.5 makes it contested",
            "uncertainty.md says conflict's window from 1 year to 1.5 makes it contested");
        new DocPage("uncertainty.md").Quotes("two support items whose removal makes the state dormant (no smaller set does), and one option change that makes it contested: conflict's window from 1 year to 1.5");
    }
}
