using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// The how-to pages quote regions of the samples (<c>// &lt;name&gt;</c> … <c>// &lt;/name&gt;</c> in samples/*.cs)
/// as code blocks marked <c>&lt;!-- snippet: ../samples/FILE.cs#name --&gt;</c>, so the code reads the same on GitHub,
/// in a clone and on the documentation site, and CI runs what the pages show. After changing a sample, rewrite the
/// quotes with <c>INFLUENCE_WRITE_SNIPPETS=1 dotnet test tests/Influence.Tests --filter FullyQualifiedName~SampleSnippet</c>.
/// </summary>
public partial class SampleSnippetTests
{
    [Fact]
    public void EveryQuotedRegion_IsTheSampleRegionVerbatim()
    {
        var write = Environment.GetEnvironmentVariable("INFLUENCE_WRITE_SNIPPETS") == "1";
        var quoted = 0;
        foreach (var page in Directory.GetFiles(Repository.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(page).ReplaceLineEndings("\n");
            var name = Path.GetFileName(page);
            var markers = Marker().Count(text);
            text.Should().NotContain("[!code-", $"docs/{name} quotes samples as marked code blocks, which GitHub shows, not DocFX includes, which it does not");
            var rewritten = Quote().Replace(text, m =>
            {
                quoted++;
                var region = Region(m.Groups["file"].Value, m.Groups["region"].Value);
                if (!write)
                {
                    m.Groups["body"].Value.Should().Be(region, $"docs/{name} quotes {m.Groups["file"].Value}#{m.Groups["region"].Value} as it is (rewrite with INFLUENCE_WRITE_SNIPPETS=1)");
                }

                return $"{m.Groups["marker"].Value}{region}```";
            });
            Quote().Count(text).Should().Be(markers, $"every snippet marker in docs/{name} is followed by a ```csharp block that ends");
            if (write && rewritten != text)
            {
                File.WriteAllText(page, rewritten);
            }
        }

        quoted.Should().BeGreaterThan(15, "the how-to pages quote the samples' regions");
    }

    /// <summary>The lines between <c>// &lt;name&gt;</c> and <c>// &lt;/name&gt;</c>, common indentation removed, each ending in a newline.</summary>
    private static string Region(string relative, string name)
    {
        var path = Path.GetFullPath(Path.Combine(Repository.PathOf("docs"), relative));
        File.Exists(path).Should().BeTrue($"{relative} (quoted by the docs) exists");
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, $"// <{name}>");
        var end = Array.IndexOf(lines, $"// </{name}>");
        start.Should().BeGreaterThanOrEqualTo(0, $"{relative} has a region '{name}'");
        end.Should().BeGreaterThan(start, $"{relative}'s region '{name}' is closed");
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Concat(body.Select(l => (l.Trim().Length > 0 ? l[indent..] : string.Empty) + "\n"));
    }

    [GeneratedRegex(@"(?<marker><!-- snippet: (?<file>\.\./samples/[^#\s]+)#(?<region>[\w-]+) -->\n```csharp\n)(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Quote();

    [GeneratedRegex(@"^<!-- snippet: \.\./samples/[^#\s]+#[\w-]+ -->$", RegexOptions.Multiline)]
    private static partial Regex Marker();
}
