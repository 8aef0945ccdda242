using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Influence.Cases;
using Influence.Internal;

namespace Influence.IO;

/// <summary>A case whose evidence comes from a CSV file (see docs/case-format.md, "Evidence from a CSV file").</summary>
public static partial class CaseReader
{
    /// <summary>
    /// Reads a case from a JSON file that holds everything but the evidence, and a CSV file with one evidence item a
    /// row (see docs/case-format.md). The CSV's rows are the case's evidence: the JSON file's <c>evidence</c> may be
    /// absent, and if present its items are set aside, unread.
    /// </summary>
    /// <param name="casePath">The case file (JSON).</param>
    /// <param name="evidenceCsvPath">The evidence file (CSV, UTF-8).</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFormatException">Either file is invalid; every problem in both is listed.</exception>
    /// <exception cref="FileNotFoundException">There is no file at one of the paths.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static Case ReadFileWithEvidenceCsv(string casePath, string evidenceCsvPath)
    {
        var result = TryReadFileWithEvidenceCsv(casePath, evidenceCsvPath);
        return result.Case ?? throw new CaseFormatException(casePath, result.Problems);
    }

    /// <summary>
    /// Reads a case from a JSON file and a CSV file of evidence (as <see cref="ReadFileWithEvidenceCsv"/>) without
    /// throwing on invalid content. Problems in the CSV name the CSV file, the row's line (the header is line 1; a
    /// quoted cell with line breaks spans several), the cell's column number (1-based) and, as the path, the column's
    /// name (<c>row</c> for the row as a whole); problems in the JSON keep their JSON locations.
    /// </summary>
    /// <param name="casePath">The case file (JSON).</param>
    /// <param name="evidenceCsvPath">The evidence file (CSV, UTF-8).</param>
    /// <returns>The case or the problems of both files.</returns>
    /// <exception cref="FileNotFoundException">There is no file at one of the paths.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static CaseReadResult TryReadFileWithEvidenceCsv(string casePath, string evidenceCsvPath)
    {
        ArgumentNullException.ThrowIfNull(casePath);
        ArgumentNullException.ThrowIfNull(evidenceCsvPath);
        using var json = FileBytes.Read(casePath, "case file");
        using var csv = FileBytes.Read(evidenceCsvPath, "CSV file");
        return TryReadWithEvidenceCsv(json.Span, csv.Span, casePath, evidenceCsvPath);
    }

    /// <summary>
    /// Reads a case from UTF-8 JSON that holds everything but the evidence and UTF-8 CSV with one evidence item a row,
    /// without throwing on invalid content (see <see cref="TryReadFileWithEvidenceCsv"/>).
    /// </summary>
    /// <param name="caseJson">The case JSON.</param>
    /// <param name="evidenceCsv">The evidence CSV.</param>
    /// <param name="caseFile">The case file's name to put in problems, if any.</param>
    /// <param name="evidenceFile">The evidence file's name to put in problems, if any.</param>
    /// <returns>The case or the problems of both.</returns>
    public static CaseReadResult TryReadWithEvidenceCsv(ReadOnlySpan<byte> caseJson, ReadOnlySpan<byte> evidenceCsv, string? caseFile = null, string? evidenceFile = null)
    {
        if (caseJson.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            caseJson = caseJson[3..];
        }

        // The case file with the rows' JSON array in place of its evidence, assembled in one buffer (in native memory,
        // freed at the end): the case file up to its evidence, the rows (written by the CSV reader as it reads them),
        // the rest of the case file. The rows' JSON is about twice as long as the CSV.
        var splice = FindEvidence(caseJson);
        using var buffer = new NativeBuffer((int)Math.Min(Array.MaxLength, caseJson.Length + (evidenceCsv.Length * 3L)));
        var (start, end, insert) = splice ?? (0, 0, false);
        buffer.Write(caseJson[..start]);
        if (insert)
        {
            buffer.Write(start == end && !caseJson[..start].TrimEnd(" \t\r\n"u8).EndsWith("{"u8) ? ",\"evidence\":"u8 : "\"evidence\":"u8);
        }

        var table = EvidenceCsv.Parse(evidenceCsv, evidenceFile, buffer);
        var problems = new List<CaseProblem>();
        var rows = table.Rows;
        if (splice is null)
        {
            // The JSON is not a well-formed object: its problems are the reader's, and the rows cannot be checked
            // against it (the CSV's own problems are still reported).
            problems.AddRange(TryRead(caseJson, caseFile).Problems);
            problems.AddRange(table.Problems);
            problems.Add(new CaseProblem("rows", null, "rows not checked: they are checked against the case file's actors, sources and units, and the case file is not a well-formed JSON object (see its problem above)") { File = evidenceFile });
            return new CaseReadResult(null, problems);
        }

        var after = buffer.WrittenCount;
        buffer.Write(caseJson[end..]);
        var assembled = buffer.WrittenSpan;

        var read = TryRead(assembled, caseFile, evidenceFromCsv: true);
        if (read.Success && table.Problems.Count == 0)
        {
            return read;
        }

        var assembledLines = JsonLines.Build(assembled);
        var (spliceLine, spliceColumn) = assembledLines.Locate(start);
        var (_, afterColumn) = assembledLines.Locate(after);
        var (endLine, endColumn) = JsonLines.Build(caseJson).Locate(end);
        var inCsv = new List<CaseProblem>();
        foreach (var p in read.Problems)
        {
            if (EvidenceItemPath().Match(p.Path) is { Success: true } m
                && int.TryParse(m.Groups["index"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < rows.Count)
            {
                if (!table.SaidByCell(index, m.Groups["rest"].Value)
                    && table.Locate(index, m.Groups["rest"].Value, p) is var located && !table.InOrAfterMalformedCell(located)
                    && !table.InMissingCell(located))
                {
                    inCsv.Add(located);
                }
            }
            else if (p.Line is not { } line || p.Column is not { } column || line < spliceLine || (line == spliceLine && column < spliceColumn))
            {
                problems.Add(p);
            }
            else if (line == spliceLine)
            {
                problems.Add(p with { Line = endLine, Column = column >= afterColumn ? endColumn + (column - afterColumn) : endColumn });
            }
            else
            {
                problems.Add(p with { Line = line - spliceLine + endLine });
            }
        }

        inCsv = EvidenceCsv.InCellTerms(table.CollapseMissingColumns(inCsv));
        inCsv.AddRange(table.Problems);
        problems.AddRange(inCsv
            .OrderBy(p => p.Line ?? int.MaxValue)
            .ThenBy(p => p.Column ?? int.MaxValue)
            .ThenBy(p => p.Path, StringComparer.Ordinal));
        return new CaseReadResult(null, problems);
    }

    /// <summary>
    /// The problems of an evidence CSV file found without its case file (which is missing): the file's own (encoding,
    /// quoting, header, cell counts) and each row's that need no case (a kind, confidence, date or number that is not
    /// one, a field missing, an id twice). What a row refers to (actors, sources, units, issues, objectives,
    /// indicators) is the case's, and is not checked.
    /// </summary>
    /// <param name="evidenceCsv">The evidence CSV.</param>
    /// <param name="evidenceFile">The evidence file's name to put in problems.</param>
    internal static IReadOnlyList<CaseProblem> EvidenceCsvProblemsWithoutCase(ReadOnlySpan<byte> evidenceCsv, string evidenceFile)
    {
        // A case with nothing declared: its own problems (no actors) are dropped, and so are the rows' references to
        // what it would declare.
        var stub = """{"schema":"influence.case/1","id":"evidence-only","name":"Evidence only","sources":[],"actors":[],"dyads":[]}"""u8;
        return [.. TryReadWithEvidenceCsv(stub, evidenceCsv, "(no case)", evidenceFile).Problems
            .Where(p => p.File == evidenceFile && !IsReferenceProblem(p))];
    }

    /// <summary>
    /// The problems of a case file read for use with an evidence CSV file that is missing: the case file's own, its
    /// evidence left aside (as the CSV's rows would replace it).
    /// </summary>
    /// <param name="caseJson">The case JSON.</param>
    /// <param name="caseFile">The case file's name to put in problems.</param>
    internal static IReadOnlyList<CaseProblem> CaseProblemsWithoutEvidenceCsv(ReadOnlySpan<byte> caseJson, string caseFile)
    {
        const string NoFile = "\u0000no evidence file";
        return [.. TryReadWithEvidenceCsv(caseJson, "id\n"u8, caseFile, NoFile).Problems.Where(p => p.File != NoFile)];
    }

    /// <summary>Whether a problem is that a row names an actor, source, unit, issue, objective or indicator the case does not declare.</summary>
    private static bool IsReferenceProblem(CaseProblem p) => p.Kind == ProblemKind.UnknownReference;

    [GeneratedRegex(@"^\$\.evidence\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex EvidenceItemPath();

    /// <summary>
    /// Where the root object's <c>evidence</c> value is (replace [start, end) with the rows' array), or where to put
    /// one (start = end, insert: before the root's closing brace); null when the JSON is not a well-formed object.
    /// </summary>
    private static (int Start, int End, bool Insert)? FindEvidence(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, JsonTree.Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            (int, int, bool)? found = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    var close = (int)reader.TokenStartIndex;
                    while (reader.Read())
                    {
                        // Anything after the root (only comments are skipped) makes the file malformed: the reader says so.
                    }

                    return found ?? (close, close, true);
                }

                var isEvidence = reader.ValueTextEquals("evidence"u8);
                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                reader.Skip();
                var valueEnd = (int)reader.BytesConsumed;
                if (isEvidence && found is null)
                {
                    found = (valueStart, valueEnd, false);
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bytes of a file, as every reader of a file takes them: a missing file (also through a missing folder) is a
    /// <see cref="FileNotFoundException"/>, a folder or a file that changes while it is read an
    /// <see cref="IOException"/>. They are copied into native memory (freed on <see cref="Dispose"/>) rather than into
    /// the managed heap, where a large case file would double the reader's peak managed memory, and not mapped: a
    /// mapped file that another program truncates while it is read kills the process on Unix, where a copy can only
    /// come out short, which is reported. What has no length (a pipe, a named pipe, an empty file) is read to its end
    /// from the handle already open: opening a named pipe a second time would wait for a writer that has come and gone.
    /// </summary>
    private sealed unsafe class FileBytes : IDisposable
    {
        private byte* _native;
        private int _length;
        private byte[]? _managed;

        private FileBytes()
        {
        }

        public ReadOnlySpan<byte> Span => _managed ?? new ReadOnlySpan<byte>(_native, _length);

        /// <param name="path">The file's path.</param>
        /// <param name="what">What the file should be, for the messages ("case file").</param>
        public static FileBytes Read(string path, string what)
        {
            if (Directory.Exists(path))
            {
                // Opening a folder as a file says "access denied" on Unix, which sends the reader to check permissions.
                throw new IOException($"{path}: is a folder, not a {what}");
            }

            using var handle = Open(path);
            long length;
            try
            {
                length = RandomAccess.GetLength(handle);
            }
            catch (Exception e) when (e is IOException or NotSupportedException or UnauthorizedAccessException)
            {
                length = 0;
            }

            if (length > int.MaxValue)
            {
                throw new IOException($"{path}: the file is {length} bytes long; {what}s of 2 GB or more are not supported");
            }

            var bytes = new FileBytes();
            if (length > 0)
            {
                bytes._native = (byte*)NativeMemory.Alloc((nuint)length);
                bytes._length = (int)length;
                try
                {
                    ReadWhole(handle, new Span<byte>(bytes._native, bytes._length), path);
                }
                catch
                {
                    bytes.Dispose();
                    throw;
                }

                return bytes;
            }

            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            using var whole = new MemoryStream();
            stream.CopyTo(whole);
            bytes._managed = whole.ToArray();
            return bytes;
        }

        public void Dispose()
        {
            if (_native is not null)
            {
                NativeMemory.Free(_native);
                _native = null;
                _length = 0;
            }
        }
    }
}
