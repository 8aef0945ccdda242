using System.CommandLine;
using Influence.IO;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence export-evidence [CASE] [--out FILE.csv] [--citations]</c>: a case's evidence as CSV, one item a row, in
/// the columns <c>--evidence</c> reads, so a spreadsheet can start from an existing case (reading it back gives the same
/// case). <c>--citations</c> adds, after <c>sources</c>, each item's source citations and URLs in two columns whose
/// names start with <c>#</c>, which the reader ignores.
/// </summary>
internal static class ExportEvidenceCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var output = Common.Out("Write the CSV to this file (UTF-8 with a byte order mark, for spreadsheets) instead of standard output (written whole or not at all).");
        var citations = new Option<bool>("--citations")
        {
            Description = "Add, after the sources column, the cited sources' citations and URLs (\"#source citations\", \"#source urls\": one entry per source id, in its order, separated by \" | \"); --evidence ignores these columns, so the file still reads back as the same case.",
        };
        var command = new Command("export-evidence", "Write a case's evidence as CSV, one item a row, in the columns --evidence reads (" + Common.DocsUrl("case-format.md") + ").")
        {
            @case, output, citations,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: --out (checked here too after the parser's errors, which skip
            // the check before the command runs), then the case.
            var checks = new UsageChecks(io, parse);
            var outPath = checks.Take(() => parse.GetValue(output));
            var withCitations = checks.Take(() => parse.GetValue(citations));
            var loaded = checks.LoadCase(parse, parse.GetValue(@case));
            checks.ThrowIfAny();
            var theCase = loaded!;
            if (outPath is not null)
            {
                Common.WriteFile(io, outPath, stream => CaseWriter.WriteEvidenceCsv(theCase, stream, withCitations));
            }
            else
            {
                io.Out.Write(EvidenceCsv.Write(theCase, withCitations));
                io.Out.Flush();
            }

            FormulaWarning(theCase, io.Error, withCitations);
            return Cli.Success;
        }, undone: "written"));
        return command;
    }

    /// <summary>
    /// Text that starts with =, +, - or @ is read as a formula by spreadsheets, which then save its result back: the
    /// CSV keeps the text as it is (so it reads back the same), and the items are named on standard error. With
    /// citations, a citation cell starts with the item's first source's citation, so that is checked too.
    /// </summary>
    private static void FormulaWarning(Cases.Case theCase, TextWriter error, bool citations)
    {
        var ids = new List<string>();
        for (var i = 0; i < theCase.Evidence.Count; i++)
        {
            var item = theCase.Evidence[i];
            if (LooksLikeFormula(item.Id) || LooksLikeFormula(item.Note) || item.Sources.Any(LooksLikeFormula)
                || (citations && item.Sources.Length > 0 && theCase.FindSource(item.Sources[0]) is { } first && (LooksLikeFormula(first.Citation) || LooksLikeFormula(first.Url))))
            {
                ids.Add(item.Id);
            }
        }

        if (ids.Count > 0)
        {
            error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"influence: warning: {ids.Count} item{(ids.Count == 1 ? " has" : "s have")} a cell starting with =, +, - or @, which a spreadsheet may read as a formula and save changed ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", …" : string.Empty)}); import the file with those columns as Text ({Common.DocsUrl("howto-write-a-case.md")})."));
        }
    }

    private static bool LooksLikeFormula(string? text) => text is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@';
}
