using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.ReferenceCase;

/// <summary>
/// How the reference case's sources are organised (docs/reference-case.md, "Sources"): the article's four sections,
/// footnotes cited as a whole where no item can be tied to one of the works they cite, and one source per report
/// (<c>sharma2026-fnN-name</c>) where an item can.
/// </summary>
public sealed partial class ReferenceSourcesTests
{
    private static readonly DocPage Page = new("reference-case.md");

    [Fact]
    public void Every_source_is_cited_and_the_page_gives_how_many_there_are_of_each_kind()
    {
        var c = CaseReader.LoadBuiltIn(CaseReader.ReferenceCaseId);
        var cited = Enumerable.Range(0, c.Evidence.Count).SelectMany(i => c.Evidence[i].Sources).ToHashSet(StringComparer.Ordinal);

        c.Sources.Select(s => s.Id).Should().OnlyContain(id => cited.Contains(id), "a source no item cites tells the reader nothing");
        var sections = c.Sources.Count(s => Section().IsMatch(s.Id));
        var footnotes = c.Sources.Count(s => Footnote().IsMatch(s.Id));
        var reports = c.Sources.Count(s => Report().IsMatch(s.Id));
        (sections + footnotes + reports).Should().Be(c.Sources.Length, "every source id is a section, a footnote or a report of a footnote");
        Page.Quotes(string.Create(CultureInfo.InvariantCulture, $"| sources | {c.Sources.Length}: {sections} article sections, {footnotes} footnotes cited as a whole, {reports} works cited alone |"));
    }

    [Fact]
    public void A_work_cited_alone_names_its_footnote_and_no_item_cites_it_beside_its_whole_footnote()
    {
        var c = CaseReader.LoadBuiltIn(CaseReader.ReferenceCaseId);

        foreach (var source in c.Sources.Where(s => Report().IsMatch(s.Id)))
        {
            var footnote = Report().Match(source.Id).Groups["n"].Value;
            source.Citation.Should().EndWith($", cited in Sharma (2026), footnote {footnote}", source.Id);
            source.Url.Should().NotBeNull(source.Id);
        }

        for (var i = 0; i < c.Evidence.Count; i++)
        {
            var sources = c.Evidence[i].Sources;
            var whole = sources.Where(s => Footnote().IsMatch(s)).ToHashSet(StringComparer.Ordinal);
            sources.Where(s => Report().IsMatch(s)).Select(s => "sharma2026-fn" + Report().Match(s).Groups["n"].Value)
                .Should().NotIntersectWith(whole, $"{c.Evidence[i].Id} cites a work and also its whole footnote");
        }
    }

    [Fact]
    public void The_1990s_excerpt_copies_its_sources_from_the_full_case()
    {
        var full = CaseReader.LoadBuiltIn(CaseReader.ReferenceCaseId);
        var excerpt = CaseReader.LoadBuiltIn("pakistan-taliban-1990s");

        foreach (var source in excerpt.Sources)
        {
            full.FindSource(source.Id).Should().Be(source, "the excerpt says every source is copied unchanged from the full case");
        }

        for (var i = 0; i < excerpt.Evidence.Count; i++)
        {
            var id = excerpt.Evidence[i].Id;
            var inFull = Enumerable.Range(0, full.Evidence.Count).Single(j => full.Evidence[j].Id == id);
            excerpt.Evidence[i].Sources.Should().Equal(full.Evidence[inFull].Sources, id);
        }
    }

    [GeneratedRegex(@"^sharma2026-s[1-4]$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^sharma2026-fn[0-9]+$")]
    private static partial Regex Footnote();

    [GeneratedRegex(@"^sharma2026-fn(?<n>[0-9]+)-[a-z0-9-]+$")]
    private static partial Regex Report();
}
