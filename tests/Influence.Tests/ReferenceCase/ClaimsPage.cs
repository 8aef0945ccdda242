using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Support;

namespace Influence.Tests.ReferenceCase;

/// <summary>
/// A page of docs/ that quotes the reference case's findings (docs/reference-case.md, "The article's claims";
/// docs/multilateral.md, "Findings on the reference case"; docs/time-series.md, "The reference finding"). The findings tests look each claim's row up on the page and
/// check that every figure its "computed" column prints is what the scores give, at the precision printed there: the
/// expected figures are read from the page, never typed into the test, so the page and the computation cannot drift
/// apart. After changing the case or a measure, change the page; the test says which figure and what it now computes.
/// </summary>
internal sealed partial class ClaimsPage
{
    private static readonly Dictionary<string, ClaimsPage> Pages = new(StringComparer.Ordinal);

    private ClaimsPage(string file, string section)
    {
        File = file;
        Section = section;
        Text = Normalise(System.IO.File.ReadAllText(Repository.PathOf("docs", file)));
    }

    /// <summary>docs/reference-case.md.</summary>
    public static ClaimsPage ReferenceCase => Of("reference-case.md", "### The article's claims");

    /// <summary>docs/multilateral.md.</summary>
    public static ClaimsPage Multilateral => Of("multilateral.md", "## 8. Findings on the reference case");

    /// <summary>docs/time-series.md; its section's table lists the change points of each series.</summary>
    public static ClaimsPage TimeSeries => Of("time-series.md", "## The reference finding");

    /// <summary>The page's file name under docs/.</summary>
    public string File { get; }

    /// <summary>The heading of the section whose table lists the claims (or the findings).</summary>
    public string Section { get; }

    /// <summary>The page's text, runs of white space made one space.</summary>
    public string Text { get; }

    /// <summary>The row of the section's claims table whose first cell is <paramref name="firstCell"/> (the claim's number, or its text).</summary>
    /// <param name="firstCell">The first cell, exactly.</param>
    /// <returns>The row; its last two cells are "computed" and "holds?".</returns>
    public ClaimRow Row(string firstCell)
    {
        var row = Cells(firstCell);
        return new ClaimRow(File, firstCell, row[^2], row[^1]);
    }

    /// <summary>Every cell of the row of the section's table whose first cell is <paramref name="firstCell"/>.</summary>
    /// <param name="firstCell">The first cell, exactly.</param>
    /// <returns>The cells, trimmed, the first one included.</returns>
    public IReadOnlyList<string> Cells(string firstCell)
    {
        var lines = System.IO.File.ReadAllLines(Repository.PathOf("docs", File));
        var heading = Array.FindIndex(lines, l => l.StartsWith(Section, StringComparison.Ordinal));
        heading.Should().BeGreaterThanOrEqualTo(0, $"docs/{File} has a section '{Section}'");
        var rows = lines
            .Skip(heading + 1)
            .TakeWhile(l => !l.StartsWith('#'))
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == firstCell)
            .ToList();

        rows.Should().ContainSingle($"docs/{File}, '{Section}', has one table row whose first cell is '{firstCell}'");
        return rows[0];
    }

    /// <summary>
    /// The cell in column <paramref name="column"/> (0: the first) of the row whose first cell is
    /// <paramref name="firstCell"/> reads <paramref name="template"/> as a whole, each <c>{}</c> a printed figure, and
    /// each figure is the corresponding value rounded as the page prints it.
    /// </summary>
    public void CellReads(string firstCell, int column, string template, params double?[] values)
    {
        var cells = Cells(firstCell);
        cells.Count.Should().BeGreaterThan(column, $"docs/{File}, row '{firstCell}', has a column {column + 1}");
        Figures.Check(cells[column], $"docs/{File}, row '{firstCell}', column {column + 1}", template, anchored: true, values);
    }

    /// <summary>The page says this, line breaks aside.</summary>
    public void Quoted(string phrase) => Text.Should().Contain(Normalise(phrase), $"docs/{File} says so");

    /// <summary>
    /// Somewhere the page says <paramref name="template"/>, each <c>{}</c> a printed figure, and each figure is the
    /// corresponding value rounded as the page prints it.
    /// </summary>
    public void Says(string template, params double?[] values) => Figures.Check(Text, $"docs/{File}", template, anchored: false, values);

    private static ClaimsPage Of(string file, string section)
    {
        lock (Pages)
        {
            if (!Pages.TryGetValue(file, out var page))
            {
                page = new ClaimsPage(file, section);
                Pages[file] = page;
            }

            return page;
        }
    }

    private static string Normalise(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>One row of a claims table.</summary>
/// <param name="File">The page.</param>
/// <param name="Claim">The row's first cell.</param>
/// <param name="Computed">The "computed" cell.</param>
/// <param name="Holds">The "holds?" cell.</param>
internal sealed record ClaimRow(string File, string Claim, string Computed, string Holds)
{
    /// <summary>
    /// The whole "computed" cell reads <paramref name="template"/>, each <c>{}</c> a printed figure, and each figure is
    /// the corresponding value rounded as the page prints it.
    /// </summary>
    public void Reads(string template, params double?[] values) =>
        Figures.Check(Computed, $"docs/{File}, claim '{Claim}'", template, anchored: true, values);

    /// <summary>Part of the "computed" cell reads <paramref name="template"/> (as <see cref="Reads"/>).</summary>
    public void Contains(string template, params double?[] values) =>
        Figures.Check(Computed, $"docs/{File}, claim '{Claim}'", template, anchored: false, values);

    /// <summary>The "holds?" cell gives the outcome the test finds.</summary>
    public void Outcome(bool holds) =>
        Holds.Should().StartWith(holds ? "**yes**" : "**no**", $"docs/{File}, claim '{Claim}': the test finds that the claim {(holds ? "holds" : "does not hold")}");
}

/// <summary>Printed figures against computed values.</summary>
internal static class Figures
{
    private const string Number = @"(−?-?\d+(?:\.\d+)?)";

    /// <summary>
    /// <paramref name="text"/> contains (or, anchored, is) <paramref name="template"/> with a figure at each <c>{}</c>,
    /// and each printed figure is the value rounded to as many decimals as the figure has.
    /// </summary>
    public static void Check(string text, string where, string template, bool anchored, params double?[] values)
    {
        var parts = template.Split("{}");
        parts.Length.Should().Be(values.Length + 1, $"the template '{template}' has one {{}} per value");
        var pattern = string.Join(Number, parts.Select(Regex.Escape));
        var match = Regex.Match(text, anchored ? $"^{pattern}$" : pattern);

        match.Success.Should().BeTrue($"{where} should read '{template}' (figures at {{}}); it reads: {text}");
        for (var i = 0; i < values.Length; i++)
        {
            Figure(values[i], match.Groups[i + 1].Value, $"{where}, figure {i + 1} of '{template}'");
        }
    }

    /// <summary>
    /// The value, rounded as the page prints it (as many decimals as the figure has), is the figure; a figure printed
    /// without decimals is a whole number, which the value must be (to 1e-9), not merely round to.
    /// </summary>
    public static void Figure(double? value, string printed, string where)
    {
        var text = printed.Replace('−', '-');
        var decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var expected = double.Parse(text, CultureInfo.InvariantCulture);

        value.Should().NotBeNull($"{where} prints {printed}");
        var given = $"{where} prints {printed}; the scores give {value!.Value.ToString("R", CultureInfo.InvariantCulture)}";
        if (decimals == 0)
        {
            // The pages print a figure without decimals (a count, a year, 0 for a path that does not close) only when the
            // value is that whole number.
            value.Value.Should().BeApproximately(expected, 1e-9, given);
            return;
        }

        Math.Round(value.Value, decimals, MidpointRounding.AwayFromZero).Should().Be(expected, given);
    }
}
