using System.CommandLine;
using Influence.IO;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence export-evidence [CASE] [--out FILE.csv]</c>: a case's evidence as CSV, one item a row, in the columns
/// <c>--evidence</c> reads, so a spreadsheet can start from an existing case (reading it back gives the same case).
/// </summary>
internal static class ExportEvidenceCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var output = Common.Out("Write the CSV to this file (UTF-8 with a byte order mark, for spreadsheets) instead of standard output (written whole or not at all).");
        var command = new Command("export-evidence", "Write a case's evidence as CSV, one item a row, in the columns --evidence reads (" + Common.DocsUrl("case-format.md") + ").")
        {
            @case, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            var theCase = Common.LoadCase(io, parse, parse.GetValue(@case));
            if (parse.GetValue(output) is { } outPath)
            {
                Common.WriteFile(io, outPath, stream => CaseWriter.WriteEvidenceCsv(theCase, stream));
            }
            else
            {
                io.Out.Write(CaseWriter.ToEvidenceCsv(theCase));
                io.Out.Flush();
            }

            FormulaWarning(theCase, io.Error);
            return Cli.Success;
        }, undone: "written"));
        return command;
    }

    /// <summary>
    /// Text that starts with =, +, - or @ is read as a formula by spreadsheets, which then save its result back: the
    /// CSV keeps the text as it is (so it reads back the same), and the items are named on standard error.
    /// </summary>
    private static void FormulaWarning(Cases.Case theCase, TextWriter error)
    {
        var ids = new List<string>();
        for (var i = 0; i < theCase.Evidence.Count; i++)
        {
            var item = theCase.Evidence[i];
            if (LooksLikeFormula(item.Id) || LooksLikeFormula(item.Note) || item.Sources.Any(LooksLikeFormula))
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
