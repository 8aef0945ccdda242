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
        var command = new Command("export-evidence", "Write a case's evidence as CSV, one item a row, in the columns --evidence reads (docs/case-format.md).")
        {
            @case, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            var theCase = Common.LoadCase(parse, parse.GetValue(@case));
            if (parse.GetValue(output) is { } outPath)
            {
                Common.WriteFile(io, outPath, stream => CaseWriter.WriteEvidenceCsv(theCase, stream));
            }
            else
            {
                io.Out.Write(CaseWriter.ToEvidenceCsv(theCase));
                io.Out.Flush();
            }

            return Cli.Success;
        }));
        return command;
    }
}
