using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Shared;
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
        var quoted = Check(Repository.PathOf("docs"), write: Environment.GetEnvironmentVariable("INFLUENCE_WRITE_SNIPPETS") == "1");
        quoted.Should().BeGreaterThan(15, "the how-to pages quote the samples' regions");
    }

    [Fact]
    public void RewritingAQuote_WritesThePage_AndFailsOnce_ThenPasses()
    {
        var root = Directory.CreateTempSubdirectory("influence-snippets-");
        try
        {
            var docs = Directory.CreateDirectory(Path.Combine(root.FullName, "docs")).FullName;
            var samples = Directory.CreateDirectory(Path.Combine(root.FullName, "samples")).FullName;
            File.WriteAllText(Path.Combine(samples, "s.cs"), "// <r>\nvar x = 2;\n// </r>\n");
            var page = Path.Combine(docs, "howto.md");
            var stale = "Text.\n\n<!-- snippet: ../samples/s.cs#r -->\n```csharp\nvar x = 1;\n```\n";
            File.WriteAllText(page, stale);

            FluentActions.Invoking(() => Check(docs, write: false)).Should().Throw<Exception>().WithMessage("*s.cs#r as it is*");
            File.ReadAllText(page).Should().Be(stale, "a run without the switch writes nothing");

            FluentActions.Invoking(() => Check(docs, write: true)).Should().Throw<Exception>()
                .WithMessage("INFLUENCE_WRITE_SNIPPETS=1 wrote *howto.md, whose quotes differed from the samples' regions (a run that writes a change fails once, by design)*");
            File.ReadAllText(page).Should().Be(stale.Replace("var x = 1;", "var x = 2;", StringComparison.Ordinal), "the switch rewrote the quote");

            Check(docs, write: true).Should().Be(1, "a run that writes nothing new checked the page, and passes");
            Check(docs, write: false).Should().Be(1);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Checks every quote in the pages of <paramref name="docsFolder"/> against the sample region it names and returns
    /// how many there are. With <paramref name="write"/> (INFLUENCE_WRITE_SNIPPETS=1) it rewrites each page whose quotes
    /// differ, then fails naming them: a run that writes a change fails once, and the next run checks the pages.
    /// </summary>
    private static int Check(string docsFolder, bool write)
    {
        var quoted = 0;
        var written = new List<string>();
        foreach (var page in Directory.GetFiles(docsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(page).ReplaceLineEndings("\n");
            var name = Path.GetFileName(page);
            var markers = Marker().Count(text);
            text.Should().NotContain("[!code-", $"docs/{name} quotes samples as marked code blocks, which GitHub shows, not DocFX includes, which it does not");
            var rewritten = Quote().Replace(text, m =>
            {
                quoted++;
                var region = Region(docsFolder, m.Groups["file"].Value, m.Groups["region"].Value);
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
                written.Add(page);
            }
        }

        if (written.Count > 0)
        {
            // A run that rewrites a quote has checked nothing of it: it fails once, and the next run checks the pages.
            Assert.Fail($"INFLUENCE_WRITE_SNIPPETS=1 {Snapshot.Wrote(written, "whose quotes differed from the samples' regions")}: review `git diff docs` and commit it if the samples changed as intended; the next run without the switch checks it");
        }

        return quoted;
    }

    /// <summary>The lines between <c>// &lt;name&gt;</c> and <c>// &lt;/name&gt;</c>, common indentation removed, each ending in a newline.</summary>
    private static string Region(string docsFolder, string relative, string name)
    {
        var path = Path.GetFullPath(Path.Combine(docsFolder, relative));
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
