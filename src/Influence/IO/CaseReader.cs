using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;
using Microsoft.Win32.SafeHandles;

namespace Influence.IO;

/// <summary>
/// A case file could not be read: <see cref="InvalidCaseException.Problems"/> lists every problem in the file, each
/// with the file, line, column, JSON path, item id and what was expected.
/// </summary>
public sealed class CaseFormatException : InvalidCaseException
{
    /// <summary>Creates the exception.</summary>
    public CaseFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CaseFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CaseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from the problems found in a file.</summary>
    /// <param name="file">The file name, if any.</param>
    /// <param name="problems">Every problem found.</param>
    public CaseFormatException(string? file, IReadOnlyList<CaseProblem> problems)
        : base(problems)
    {
        File = file;
    }

    /// <summary>The file read, if any.</summary>
    public string? File { get; }
}

/// <summary>The outcome of reading a case without throwing: either the case and no problems, or no case and the problems.</summary>
/// <param name="Case">The case, when the file had no problems.</param>
/// <param name="Problems">Every problem found (empty on success).</param>
/// <exception cref="ArgumentException">
/// A case is given with problems, or neither a case nor a problem is given: a result is one or the other (so turn
/// one into the other with a new result, not <c>with</c>).
/// </exception>
public sealed record CaseReadResult(Case? Case, IReadOnlyList<CaseProblem> Problems)
{
    /// <summary>The case, when the file had no problems; otherwise null.</summary>
    public Case? Case { get; init => field = value is null || _problems is not { Count: > 0 } ? value : throw Mixed(nameof(Case)); } = Case;

    /// <summary>Every problem found, in file order (a copy of the list given, so later changes to it do not show); empty when <see cref="Case"/> was read.</summary>
    public IReadOnlyList<CaseProblem> Problems { get => _problems; init => _problems = Consistent(Copy(value), Case, nameof(Problems)); }

    private readonly IReadOnlyList<CaseProblem> _problems = Consistent(Copy(Problems), Case, nameof(Problems));

    /// <summary>Whether the case was read (then <see cref="Case"/> is not null and there are no problems).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Case))]
    public bool Success => Case is not null;

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Problems"/> by their contents, in order; the case by reference.</remarks>
    public bool Equals(CaseReadResult? other) =>
        other is not null && ReferenceEquals(Case, other.Case) && Records.SequenceEqual(Problems, other.Problems);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Case, Records.SequenceHash(Problems));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Success), Success).Add(nameof(Case), Case?.Id).Add(nameof(Problems), Problems);
        return true;
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<CaseProblem> Copy(IReadOnlyList<CaseProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.ToArray().AsReadOnly();
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<CaseProblem> Consistent(System.Collections.ObjectModel.ReadOnlyCollection<CaseProblem> problems, Case? @case, string name) =>
        (@case is null) == (problems.Count > 0)
            ? problems
            : @case is null
                ? throw new ArgumentException("a read that gave no case must list at least one problem saying why", name)
                : throw Mixed(name);

    private static ArgumentException Mixed(string name) =>
        new("a result holds either a case (the file was read) or problems (it was not), never both", name);
}

/// <summary>
/// Reads case files (JSON, schema <c>influence.case/1</c>; see <see href="https://github.com/influence-research/influence/blob/main/docs/case-format.md">docs/case-format.md</see> and the JSON Schema shipped as
/// <c>case.schema.json</c>). Reading checks everything and reports every problem in one pass; nothing is returned
/// from an invalid file.
/// </summary>
public static partial class CaseReader
{
    /// <summary>The schema name a case file declares.</summary>
    public const string Schema = "influence.case/1";

    /// <summary>The id of the built-in reference case.</summary>
    public const string ReferenceCaseId = "pakistan-taliban";

    /// <summary>Reads a case file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFormatException">The file is invalid; every problem is listed.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (also when a folder on the path does not exist).</exception>
    /// <exception cref="IOException">The file cannot be read, or its length changed while it was read.</exception>
    public static Case ReadFile(string path)
    {
        var result = TryReadFile(path);
        return result.Case ?? throw new CaseFormatException(path, result.Problems);
    }

    /// <summary>Reads a case file without throwing on invalid content.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The case or the problems.</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (also when a folder on the path does not exist).</exception>
    /// <exception cref="IOException">The file cannot be read, or its length changed while it was read.</exception>
    public static CaseReadResult TryReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var bytes = FileBytes.Read(path, "case file");
        return TryRead(bytes.Span, path);
    }

    /// <summary>
    /// Opens a case file to read. A path through a folder that does not exist is a missing file to the caller: it is
    /// reported as a missing file in an existing folder is (<see cref="FileNotFoundException"/>, full path, same
    /// words), not as <see cref="DirectoryNotFoundException"/>.
    /// </summary>
    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (DirectoryNotFoundException e)
        {
            var full = Path.GetFullPath(path);
            throw new FileNotFoundException($"Could not find file '{full}'.", full, e);
        }
    }

    /// <summary>
    /// Fills <paramref name="into"/> from the start of the file and checks that the file still has that length, so a
    /// file another program shortens or extends while it is read is an error, not a case read from half of it.
    /// </summary>
    internal static void ReadWhole(SafeFileHandle handle, Span<byte> into, string path)
    {
        var read = 0;
        while (read < into.Length)
        {
            var n = RandomAccess.Read(handle, into[read..], read);
            if (n == 0)
            {
                throw new IOException(
                    $"{path}: the file was {into.Length} bytes long when opened but ended after {read} bytes; it changed while it was read (read it again once it is written)");
            }

            read += n;
        }

        var now = RandomAccess.GetLength(handle);
        if (now != into.Length)
        {
            throw new IOException(
                $"{path}: the file was {into.Length} bytes long when opened and is {now} bytes now; it changed while it was read (read it again once it is written)");
        }
    }

    /// <summary>Reads a case from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="file">The file name to put in problems, if any.</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFormatException">The JSON is invalid; every problem is listed.</exception>
    public static Case Read(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var result = TryRead(System.Text.Encoding.UTF8.GetBytes(json), file);
        return result.Case ?? throw new CaseFormatException(file, result.Problems);
    }

    /// <summary>Reads a case from UTF-8 JSON without throwing on invalid content.</summary>
    /// <param name="utf8">The JSON bytes.</param>
    /// <param name="file">The file name to put in problems, if any.</param>
    /// <returns>The case or the problems.</returns>
    public static CaseReadResult TryRead(ReadOnlySpan<byte> utf8, string? file = null) => TryRead(utf8, file, evidenceFromCsv: false);

    /// <summary>
    /// Reads a case from UTF-8 JSON without throwing on invalid content; with <paramref name="evidenceFromCsv"/>, its
    /// evidence items are an evidence sheet's rows, and a date not in the case format's form is said to be one a
    /// spreadsheet may have reformatted, rather than given in the form meant.
    /// </summary>
    private static CaseReadResult TryRead(ReadOnlySpan<byte> utf8, string? file, bool evidenceFromCsv)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // A UTF-16 byte-order mark (what some editors write as "Unicode"): the parser would only see a bad first byte.
            return new CaseReadResult(null, [new CaseProblem("$", null, "expected UTF-8 text; the file starts with a UTF-16 byte-order mark (saved as \"Unicode\" or UTF-16): save it as UTF-8") { File = file, Line = 1, Column = 1 }]);
        }

        // The evidence is read while the file is parsed, in one pass, when it is the root's last property (as the
        // writer puts it): everything it depends on (units, the ids of sources and actors) has been read by then. If
        // another property follows it, that reading is dropped and the evidence is read again once the rest is known.
        JsonTree root;
        Reading? inline = null;
        CaseBuilder? inlineBuilder = null;
        JsonTree? inlineArray = null;
        try
        {
            var length = utf8.Length;
            root = JsonTree.Parse(utf8, deferred: "evidence", (JsonTree partial, JsonTree evidence, ref Utf8JsonReader reader) =>
            {
                inlineArray = evidence;
                inline = new Reading(evidenceFromCsv);
                inlineBuilder = inline.ReadCase(partial, ref reader, length);
                return inline.EvidenceCount;
            });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var col = e.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            var (path, id, hint) = ("$", (string?)null, string.Empty);
            var atEnd = false;
            if (line is { } ln && col is { } cn)
            {
                var offset = JsonLines.Build(utf8).Offset(ln, cn);

                // Failing at the file's last character (a number, a name, a literal cut short) is the file ending inside it.
                atEnd = offset >= utf8.TrimEnd(" \t\r\n"u8).Length - 1;
                (path, id) = JsonErrorPath.At(utf8, offset);
                hint = JsonErrorPath.Hint(utf8, offset, e.Message);
            }

            if (LooksLikeEvidenceCsv(utf8))
            {
                hint += "; this file looks like an evidence sheet (CSV), not a case file: give it as the evidence (--evidence), with a case file";
            }

            // Too deep is no slip of punctuation: said in the file's terms, not System.Text.Json's.
            var message = line is { } dl && col is { } dc && NestingAt(utf8, JsonLines.Build(utf8).Offset(dl, dc)) > JsonTree.Options.MaxDepth
                ? string.Create(CultureInfo.InvariantCulture, $"expected arrays and objects nested at most {JsonTree.Options.MaxDepth} deep; this value is deeper (a case file nests a few levels: is a bracket repeated, or the file not a case file?)")
                : $"expected well-formed JSON: {InReadersWords(e.Message, utf8, atEnd)}{hint}";
            return new CaseReadResult(null, [new CaseProblem(path, id, message) { File = file, Line = line, Column = col }]);
        }

        catch (InvalidDataException e) when (e.Data["offset"] is int offset)
        {
            var (line, col) = JsonLines.Build(utf8).Locate(offset);
            var what = e.Data["utf8"] is true ? "the text is not UTF-8 (a string holds a byte sequence that is not a character)" : e.Message;
            var (path, id) = JsonErrorPath.At(utf8, offset);
            return new CaseReadResult(null, [new CaseProblem(path, id, $"expected well-formed JSON: {what}") { File = file, Line = line, Column = col }]);
        }

        Reading reading;
        CaseBuilder? builder;
        // The array read inline must be the root's last property: another "evidence" after it (a repeated name) is not.
        if (inline is not null && ReferenceEquals(root.Properties[^1].Value, inlineArray))
        {
            (reading, builder) = (inline, inlineBuilder);
        }
        else
        {
            inline = null;
            inlineBuilder = null;
            reading = new Reading(evidenceFromCsv);
            builder = reading.ReadCase(root, utf8);
        }

        if (builder is not null)
        {
            if (builder.TryBuild(out var built, out var buildProblems))
            {
                if (reading.Problems.Count == 0)
                {
                    return new CaseReadResult(built, []);
                }
            }
            else
            {
                reading.AddFromBuilder(buildProblems, utf8);
            }
        }

        var lines = JsonLines.Build(utf8);
        var ordered = reading.Problems
            .Select(p => p.At < 0 ? p.Problem with { File = file } : Located(p.Problem, lines.Locate(p.At)))
            .OrderBy(p => p.Line ?? int.MaxValue)
            .ThenBy(p => p.Column ?? int.MaxValue)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        return new CaseReadResult(null, ordered);

        CaseProblem Located(CaseProblem p, (int Line, int Column) at) => p with { File = file, Line = at.Line, Column = at.Column };
    }

    private const string ResourcePrefix = "Influence.BuiltIn.";

    /// <summary>
    /// The problem of a support item with neither <c>magnitude</c> nor <c>amount</c> (with <c>unit</c>): either will do,
    /// so both are named. The CSV reader recognises it by its kind (<see cref="ProblemKind.MissingMagnitude"/>) to say
    /// once that a sheet has no column for either.
    /// </summary>
    private const string MissingMagnitude = "expected \"magnitude\" (a number in [0, 1]) or, in its place, \"amount\" (a number, 0 or more) with \"unit\" (the id of one of the case's \"units\"); neither is given";

    /// <summary>The ids of the cases built into the package; the first is the default.</summary>
    public static ImmutableArray<string> BuiltInCases { get; } =
    [
        .. typeof(CaseReader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .OrderBy(n => n == ReferenceCaseId ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal),
    ];

    /// <summary>Loads a case built into the package (default: the Pakistan → Afghan Taliban reference case).</summary>
    /// <param name="id">The case id (null: the default, <see cref="BuiltInCases"/>[0]).</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">No built-in case has that id.</exception>
    public static Case LoadBuiltIn(string? id = null)
    {
        id ??= BuiltInCases.FirstOrDefault() ?? ReferenceCaseId;
        var resource = $"{ResourcePrefix}{id}.json";
        using var stream = typeof(CaseReader).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"no built-in case is called '{id}'; built in: {string.Join(", ", BuiltInCases)}", nameof(id));
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var result = TryRead(memory.ToArray(), $"built-in:{id}");
        return result.Case ?? throw new CaseFormatException($"built-in:{id}", result.Problems);
    }

    /// <summary>
    /// Whether text given as a case file is an evidence sheet: its first line (after a byte-order mark) names columns,
    /// separated by commas, among them <c>id</c> and <c>kind</c>.
    /// </summary>
    private static bool LooksLikeEvidenceCsv(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var end = utf8.IndexOfAny((byte)'\n', (byte)'\r');
        var first = System.Text.Encoding.UTF8.GetString(end < 0 ? utf8 : utf8[..end]);
        var names = first.Split(',', StringSplitOptions.TrimEntries);
        return names.Length > 1 && names.Contains("id", StringComparer.OrdinalIgnoreCase) && names.Contains("kind", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How many arrays and objects are open at a byte offset of the JSON text (strings and comments skipped).</summary>
    private static int NestingAt(ReadOnlySpan<byte> utf8, int offset)
    {
        var (depth, deepest) = (0, 0);
        for (var i = 0; i < Math.Min(offset + 1, utf8.Length); i++)
        {
            switch (utf8[i])
            {
                case (byte)'"':
                    for (i++; i < utf8.Length && utf8[i] != (byte)'"'; i++)
                    {
                        if (utf8[i] == (byte)'\\')
                        {
                            i++;
                        }
                    }

                    break;
                case (byte)'/' when i + 1 < utf8.Length && utf8[i + 1] == (byte)'/':
                    while (i < utf8.Length && utf8[i] != (byte)'\n')
                    {
                        i++;
                    }

                    break;
                case (byte)'/' when i + 1 < utf8.Length && utf8[i + 1] == (byte)'*':
                    for (i += 2; i + 1 < utf8.Length && !(utf8[i] == (byte)'*' && utf8[i + 1] == (byte)'/'); i++)
                    {
                    }

                    i++;
                    break;
                case (byte)'[' or (byte)'{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case (byte)']' or (byte)'}':
                    depth--;
                    break;
                default:
                    break;
            }
        }

        return deepest;
    }

    /// <summary>
    /// A syntax error of System.Text.Json in the reader's words where its own are a parser's (the file empty, cut
    /// short, a comment never closed, more after the root): its first sentence otherwise.
    /// </summary>
    private static string InReadersWords(string message, ReadOnlySpan<byte> utf8, bool atEnd)
    {
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal) || message.StartsWith("the file is empty", StringComparison.Ordinal))
        {
            return "the file is empty (nothing but white space or comments): expected a case, a JSON object { … }";
        }

        if (message.Contains("after a single JSON value", StringComparison.Ordinal) || message.StartsWith("unexpected content after the end", StringComparison.Ordinal))
        {
            return utf8.TrimStart(" \t\r\n"u8).StartsWith("{"u8)
                ? "there is more after the case's closing brace (only white space and comments may follow it; is a brace closed too early, or a second case pasted in?)"
                : "there is more after the file's first JSON value (a case file holds one object)";
        }

        if (message.Contains("end of comment", StringComparison.OrdinalIgnoreCase))
        {
            return "the file ends inside a comment: a comment that starts with /* needs a */ to end it";
        }

        if (message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || message.Contains("depth to be zero", StringComparison.Ordinal)
            || (atEnd && (message.Contains("end of a number", StringComparison.Ordinal) || message.Contains("literal", StringComparison.Ordinal))))
        {
            return "the file ends inside a value (an object, array, string or number is not closed); is it cut short?";
        }

        return FirstSentence(message);
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json words this one for programmers ("… not supported in this mode. Change the reader options.").
        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "a comma after the last item of an array or the last property of an object (JSON allows none there)";
        }

        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }

    [GeneratedRegex(@"^\s*\d{4}(-\d{2}){0,2}\s*(-|–|\.\.|/|to)\s*\d{4}(-\d{2}){0,2}\s*$")]
    private static partial Regex SpanLike();

    [GeneratedRegex(@"^(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}[/.]\d{4}|\d{4}/\d{1,2}(/\d{1,2})?|\d{4}-\d{1,2}(-\d{1,2})?([T ]\d{1,2}:\d{2}(:\d{2})?)?|[A-Za-z]{3}-\d{2}|[A-Za-z]{3,9}[ -]\d{4}|\d{5})$")]
    private static partial Regex SpreadsheetDate();

    [GeneratedRegex(@"^[-+]?\d+(,\d+)+$")]
    private static partial Regex NumberWithComma();

    [GeneratedRegex(@"^\$\.(?<collection>[a-z]+)\[(?<index>\d+)\]")]
    private static partial Regex CollectionPath();

    /// <summary>
    /// The JSON path of an object in the file, <c>$</c> or <c>$.collection[index]</c>, formatted only when a problem
    /// names it (an evidence file of a million items would otherwise format a million paths).
    /// </summary>
    private readonly record struct JPath(string Prefix, int Index = -1)
    {
        public override string ToString() => Index < 0 ? Prefix : Invariant.Format($"{Prefix}[{Index}]");
    }

    /// <summary>One pass over a parsed file.</summary>
    /// <remarks>
    /// Problems are collected with the byte offset of the value they are about (<see cref="Problems"/>); offsets become
    /// lines and columns only when there are problems. The evidence array is streamed, one reusable item tree at a time
    /// (<see cref="JsonTree.ReadItem"/>), and its items go straight into the builder's columns: reading keeps no record,
    /// path or location per item. Where a later problem of the builder needs the location of a field of an evidence
    /// item, the items concerned are read again (<see cref="AddFromBuilder"/>).
    /// </remarks>
    private sealed partial class Reading(bool evidenceFromCsv)
    {
        private const string EvidencePath = "$.evidence";

        private readonly Dictionary<string, int> _locations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _fileIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AmountUnit> _units = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _unitProblems = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _declared = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private readonly Dictionary<string, EvidenceDate?> _points = new(StringComparer.Ordinal);
        private readonly List<(string Id, int Index)> _rejectedIds = [];

        // The paths of properties taken as misspelt ("sources", where "source" was written): see Misnamed.
        private readonly HashSet<string> _misnamed = new(StringComparer.Ordinal);

        // The value of the property the last Allowed took for a misspelt "id" ("ID": "x"), or null: see MisspeltId.
        private JsonTree? _misspeltId;

        // The kinds of id ("source", "actor") whose whole collection is missing or not an array: a reference to one is
        // not also reported as unknown, once per citation (see ForEach).
        private readonly HashSet<string> _unreadableCollections = new(StringComparer.Ordinal);
        private string? _lastEvidenceId;
        private Dictionary<string, int>? _evidenceIds;

        // The evidence array: where it starts, and the file index of each item the builder holds (null while every
        // item so far was accepted, so that builder row k is item k).
        private int _evidenceOffset = -1;
        private int _evidenceAccepted;
        private List<int>? _evidenceRows;
        private bool _streaming;

        /// <summary>Every problem found, with the byte offset it is about (−1: none).</summary>
        public List<(CaseProblem Problem, int At)> Problems { get; } = [];

        /// <summary>The number of evidence items read (valid or not).</summary>
        public int EvidenceCount { get; private set; }

        /// <summary>Reads a parsed file whose evidence array was deferred, streaming it from the file.</summary>
        public CaseBuilder? ReadCase(JsonTree root, ReadOnlySpan<byte> utf8)
        {
            var builder = ReadHead(root, out var evidence);
            if (builder is not null && evidence is not null)
            {
                var reader = new Utf8JsonReader(utf8[evidence.Offset..], JsonTree.Options);
                reader.Read();
                StreamEvidence(builder, evidence, ref reader, evidence.Offset, evidence.DeferredCount, 0);
            }

            return builder;
        }

        /// <summary>
        /// Reads the root object parsed so far, then its evidence array from the parser's own reader (at the array's
        /// start; left at its end). The builder's columns are sized from the first items' length in bytes.
        /// </summary>
        public CaseBuilder? ReadCase(JsonTree root, ref Utf8JsonReader reader, int length)
        {
            var builder = ReadHead(root, out var evidence);
            if (builder is not null && evidence is not null)
            {
                StreamEvidence(builder, evidence, ref reader, 0, 0, length);
                builder.TrimEvidence();
            }

            return builder;
        }

        /// <summary>Reads everything but the items of a deferred evidence array, which it returns.</summary>
        private CaseBuilder? ReadHead(JsonTree root, out JsonTree? deferredEvidence)
        {
            deferredEvidence = null;
            var top = new JPath("$");
            if (root.Kind != JsonKind.Object)
            {
                Add("$", null, root, $"expected a JSON object (a case); was {root.KindName}");
                return null;
            }

            Remember("$", root);
            // "$schema" attaches the JSON Schema in an editor (docs/case-format.md): any string, not read.
            Allowed(root, top, null, "$schema", "schema", "id", "name", "description", "capabilityIndex", "granularity", "from", "to", "evidenceEnds", "sources", "actors", "issues", "objectives", "indicators", "units", "dyads", "evidence");
            _ = Text(root, top, "$schema", null, required: false);
            var schema = Text(root, top, "schema", null, required: true);
            if (schema is not null && schema != Schema)
            {
                Add("$.schema", null, root["schema"]!, $"expected \"{Schema}\"; was \"{Printable.Shown(schema)}\"");
            }

            var id = Id(root, top, "id", null, required: true) ?? "case";
            var name = NonEmpty(root, top, "name", null, required: true) ?? id;
            var builder = new CaseBuilder(Check.Identifier(id) is null ? id : "case", string.IsNullOrWhiteSpace(name) ? "case" : name)
            {
                Description = Text(root, top, "description", null, required: false),
                CapabilityIndex = Text(root, top, "capabilityIndex", null, required: false),
            };
            if (Text(root, top, "granularity", null, required: false) is { } g)
            {
                if (GranularityExtensions.TryParse(g, out var granularity) && g == granularity.ToName())
                {
                    builder.Granularity = granularity;
                }
                else
                {
                    Add("$.granularity", null, root["granularity"]!, $"expected \"year\", \"quarter\" or \"month\"; was \"{Printable.Shown(g)}\"");
                }
            }

            builder.From = PeriodField(root, top, "from", builder.Granularity);
            builder.To = PeriodField(root, top, "to", builder.Granularity);
            foreach (var (end, field) in new[] { (builder.From, "from"), (builder.To, "to") })
            {
                if (end is null && root[field] is not null)
                {
                    // Reported already: the builder must not read the end as left out and report the other again.
                    builder.RangeEndUnreadable(field);
                }
            }
            builder.EvidenceEnds = DayField(root, top, "evidenceEnds");

            ForEach(root, "units", required: false, (item, path) => ReadUnit(builder, item, path));
            ForEach(root, "sources", required: true, (item, path) => ReadSource(builder, item, path));
            ForEach(root, "actors", required: true, (item, path) => ReadActor(builder, item, path));
            ForEach(root, "issues", required: false, (item, path) => ReadIssue(builder, item, path));
            ForEach(root, "objectives", required: false, (item, path) => ReadObjective(builder, item, path));
            ForEach(root, "indicators", required: false, (item, path) => ReadIndicator(builder, item, path));
            ForEach(root, "dyads", required: false, (item, path) => ReadDyad(builder, item, path));
            foreach (var what in _unreadableCollections)
            {
                builder.CollectionUnreadable(what);
            }

            if (ForEach(root, "evidence", required: true, (item, path) => ReadEvidence(builder, item, path)) is { IsDeferred: true } evidence)
            {
                deferredEvidence = evidence;
            }

            return builder;
        }

        /// <summary>Adds the builder's problems, mapping its evidence positions to the file's and locating each.</summary>
        public void AddFromBuilder(IReadOnlyList<CaseProblem> problems, ReadOnlySpan<byte> utf8)
        {
            // Problems about evidence items are located by reading those items again: index in the file → problems.
            var again = new SortedDictionary<int, List<(int Problem, string Suffix)>>();
            foreach (var p in problems)
            {
                var path = p.Path;
                var m = CollectionPath().Match(path);
                var collection = m.Success ? m.Groups["collection"].Value : null;
                var k = m.Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : -1;
                if (collection == "evidence" && _evidenceOffset >= 0)
                {
                    var i = _evidenceRows is null ? k : k < _evidenceRows.Count ? _evidenceRows[k] : -1;
                    if (i >= 0)
                    {
                        path = Invariant.Format($"{EvidencePath}[{i}]") + path[m.Length..];
                        if (!again.TryGetValue(i, out var list))
                        {
                            again[i] = list = [];
                        }

                        list.Add((Problems.Count, p.Path[m.Length..]));
                        Problems.Add((p with { Path = path }, -1));
                        continue;
                    }
                }
                else if (collection is not null && _fileIndex.TryGetValue(collection, out var map) && k < map.Count)
                {
                    path = $"$.{collection}[{map[k]}]" + path[m.Length..];
                }

                Problems.Add((p with { Path = path }, Probe(path)));
            }

            if (again.Count > 0)
            {
                LocateInEvidence(again, utf8);
            }
        }

        private int Probe(string path)
        {
            var probe = path;
            while (!_locations.ContainsKey(probe) && probe.Length > 1)
            {
                var cut = Math.Max(probe.LastIndexOf('.'), probe.LastIndexOf('['));
                probe = cut > 0 ? probe[..cut] : "$";
            }

            return _locations.TryGetValue(probe, out var at) ? at : -1;
        }

        /// <summary>
        /// Locates problems about evidence items by reading the items again: each problem's path after the item
        /// (<c>.to</c>, <c>.sources[1]</c>) leads to the value the reader read it from, or to the nearest enclosing one.
        /// </summary>
        private void LocateInEvidence(SortedDictionary<int, List<(int Problem, string Suffix)>> items, ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8[_evidenceOffset..], JsonTree.Options);
            reader.Read();
            var index = 0;
            using var wanted = items.GetEnumerator();
            var more = wanted.MoveNext();
            while (more && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index++ != wanted.Current.Key)
                {
                    reader.Skip();
                    continue;
                }

                var item = JsonTree.ReadValue(ref reader, _evidenceOffset);
                foreach (var (problem, rest) in wanted.Current.Value)
                {
                    Problems[problem] = (Problems[problem].Problem, Find(item, rest).Offset);
                }

                more = wanted.MoveNext();
            }

            static JsonTree Find(JsonTree node, string rest)
            {
                var at = 0;
                while (at < rest.Length)
                {
                    var end = rest.IndexOfAny(['.', '['], at + 1);
                    end = end < 0 ? rest.Length : end;
                    JsonTree? next = null;
                    if (rest[at] == '.' && node.Kind == JsonKind.Object)
                    {
                        next = node[rest[(at + 1)..end]];
                    }
                    else if (rest[at] == '[' && node.Kind == JsonKind.Array
                        && int.TryParse(rest.AsSpan(at + 1, end - at - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < node.Items.Count)
                    {
                        next = node.Items[k];
                    }

                    if (next is null)
                    {
                        return node;
                    }

                    node = next;
                    at = end;
                }

                return node;
            }
        }

        /// <summary>
        /// An item of a collection as an object with its required properties (<c>{ "patron": "…", "client": "…" }</c>),
        /// for a problem that an item is not an object, or the collection not an array.
        /// </summary>
        private static string Shape(string collection) => collection switch
        {
            "dyads" => "{ \"patron\": \"…\", \"client\": \"…\" }",
            "sources" => "{ \"id\": \"…\", \"citation\": \"…\" }",
            "actors" => "{ \"id\": \"…\", \"name\": \"…\", \"kind\": \"…\" }",
            "issues" => "{ \"id\": \"…\", \"name\": \"…\" }",
            "objectives" => "{ \"id\": \"…\", \"holder\": \"…\", \"name\": \"…\", \"salience\": … }",
            "indicators" => "{ \"id\": \"…\", \"objective\": \"…\", \"name\": \"…\", \"direction\": \"…\", \"best\": …, \"worst\": … }",
            "units" => "{ \"id\": \"…\", \"name\": \"…\", \"reference\": … }",
            "evidence" => "{ \"id\": \"…\", \"kind\": \"…\", \"date\": \"…\", \"confidence\": \"…\", \"sources\": [\"…\"], … }",
            _ => "{ … }",
        };

        private JsonTree? ForEach(JsonTree root, string collection, bool required, Func<JsonTree, JPath, bool> read)
        {
            var list = root[collection];
            var indices = new List<int>();
            _fileIndex[collection] = indices;
            if (list is null)
            {
                if (required)
                {
                    Add($"$.{collection}", null, root, $"expected an array \"{collection}\"; it is missing");
                    _unreadableCollections.Add(collection[..^1]);
                }

                return null;
            }

            if (list.Kind != JsonKind.Array)
            {
                Add($"$.{collection}", null, list, $"expected an array of objects like {Shape(collection)}; was {list.KindName}");
                _unreadableCollections.Add(collection[..^1]);
                return null;
            }

            var prefix = $"$.{collection}";
            Remember(prefix, list);
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                var path = new JPath(prefix, i);
                Remember(path.ToString(), item);
                if (item.Kind != JsonKind.Object)
                {
                    Add(path.ToString(), null, item, $"expected an object like {Shape(collection)}; was {item.KindName}");
                    continue;
                }

                if (read(item, path))
                {
                    indices.Add(i);
                }
            }

            return list;
        }

        /// <summary>Reads the evidence array item by item (see <see cref="Reading"/>).</summary>
        /// <param name="b">The builder.</param>
        /// <param name="list">The evidence array's node.</param>
        /// <param name="reader">A reader at the array's start.</param>
        /// <param name="offset">The offset in the file of the reader's first byte.</param>
        /// <param name="count">The number of items, if known (0: not known).</param>
        /// <param name="length">The file's length, to size the builder's columns when the number of items is not known.</param>
        private void StreamEvidence(CaseBuilder b, JsonTree list, ref Utf8JsonReader reader, int offset, int count, int length)
        {
            _evidenceOffset = list.Offset;
            b.EnsureEvidenceCapacity(count);
            const int Sample = 1024;
            var item = JsonTree.Pool.NewItem();
            var pool = new JsonTree.Pool();
            var strings = new Utf8Strings(AllowedByKind.Values.SelectMany(names => names).Distinct());
            Func<string, bool> unique = static name => name is "id" or "note";
            _streaming = true;
            var i = 0;
            for (; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i == Sample && count == 0)
                {
                    // The items that follow are about as long as the first ones: sized for them (and a little more),
                    // the columns rarely grow by doubling, and are cut to size at the end.
                    var read = offset + reader.TokenStartIndex - list.Offset;
                    var left = length - (offset + reader.TokenStartIndex);
                    b.EnsureEvidenceCapacity((int)Math.Min(int.MaxValue / 2, Sample + (left * Sample / Math.Max(1, read) * 21 / 20)));
                }

                var start = reader;
                var fast = reader.TokenType == JsonTokenType.StartObject ? TryFastEvidence(b, ref reader, i, strings) : FastDeclined;
                if (fast == FastAccepted)
                {
                    _evidenceRows?.Add(i);
                    _evidenceAccepted++;
                    continue;
                }

                reader = start;
                JsonTree.ReadItem(ref reader, offset, item, pool, strings, unique);
                var path = new JPath(EvidencePath, i);
                var accepted = item.Kind == JsonKind.Object && ReadEvidence(b, item, path, fast >= 0 ? fast : null);
                if (item.Kind != JsonKind.Object)
                {
                    Add(path.ToString(), null, item, $"expected an object like {Shape("evidence")}; was {item.KindName}");
                }

                if (accepted)
                {
                    _evidenceRows?.Add(i);
                    _evidenceAccepted++;
                }
                else if (_evidenceRows is null)
                {
                    _evidenceRows = [.. Enumerable.Range(0, _evidenceAccepted)];
                }
            }

            _streaming = false;
            EvidenceCount = i;
        }

        private bool ReadUnit(CaseBuilder b, JsonTree o, JPath path)
        {
            var id = Id(o, path, "id", null, true);
            Allowed(o, path, id, "id", "name", "reference");
            id ??= MisspeltId();
            var name = Text(o, path, "name", id, true);
            var reference = Number(o, path, "reference", id, true, Check.Positive);
            if (id is null)
            {
                return false;
            }

            // A placeholder stands in for a field already reported, so that references to the id do not cascade into
            // misleading "no unit is called …" problems (an invalid file is never returned).
            var unit = new AmountUnit(id, name ?? id, reference ?? 1);
            _units.TryAdd(id, unit);
            b.AddUnit(unit);
            return true;
        }

        private bool ReadSource(CaseBuilder b, JsonTree o, JPath path)
        {
            var id = Id(o, path, "id", null, true);
            Allowed(o, path, id, "id", "citation", "url");
            id ??= MisspeltId();
            var citation = NonEmpty(o, path, "citation", id, true);
            var url = Text(o, path, "url", id, false);
            if (id is null)
            {
                return false;
            }

            b.AddSource(new Source(id, citation ?? id) { Url = url });
            Declare("source", id);
            return true;
        }

        private bool ReadActor(CaseBuilder b, JsonTree o, JPath path)
        {
            var id = Id(o, path, "id", null, true);
            Allowed(o, path, id, "id", "name", "kind", "parent", "aliases", "note", "activeFrom", "activeTo");
            id ??= MisspeltId();
            var name = NonEmpty(o, path, "name", id, true);
            var kind = EnumField(o, path, "kind", id, Names.ActorKind, true);
            var parent = Id(o, path, "parent", id, false);
            ImmutableArray<string> aliases = [.. Strings(o, path, "aliases", id, false, text: true)];
            var note = Text(o, path, "note", id, false);
            var activeFrom = o["activeFrom"] is { } af ? Point(af, path, "activeFrom", id) : null;
            var activeTo = o["activeTo"] is { } at ? Point(at, path, "activeTo", id) : null;
            if (id is null)
            {
                return false;
            }

            b.AddActor(new Actor(id, name ?? id, kind ?? ActorKind.Other) { Parent = parent, Aliases = aliases, Note = note, ActiveFrom = activeFrom, ActiveTo = activeTo });
            Declare("actor", id);
            return true;
        }

        private bool ReadIssue(CaseBuilder b, JsonTree o, JPath path)
        {
            var id = Id(o, path, "id", null, true);
            Allowed(o, path, id, "id", "name", "core", "description");
            id ??= MisspeltId();
            var name = NonEmpty(o, path, "name", id, true);
            var core = Bool(o, path, "core", id);
            var description = Text(o, path, "description", id, false);
            if (id is null)
            {
                return false;
            }

            b.AddIssue(new Issue(id, name ?? id) { Core = core ?? false, Description = description });
            Declare("issue", id);
            return true;
        }

        private bool ReadObjective(CaseBuilder b, JsonTree o, JPath path)
        {
            var id = Id(o, path, "id", null, true);
            Allowed(o, path, id, "id", "holder", "name", "salience", "toward", "issue", "description");
            id ??= MisspeltId();
            var holder = Id(o, path, "holder", id, true);
            var name = NonEmpty(o, path, "name", id, true);
            var salience = Number(o, path, "salience", id, true, PositiveUnit);
            var toward = Id(o, path, "toward", id, false);
            var issue = Id(o, path, "issue", id, false);
            var description = Text(o, path, "description", id, false);
            if (id is null || holder is null)
            {
                if (id is not null)
                {
                    b.DeclaredWithProblems("objective", id);
                }

                return false;
            }

            b.AddObjective(new Objective(id, holder, name ?? id, salience ?? 1) { Toward = toward, Issue = issue, Description = description });
            Declare("objective", id);
            return true;
        }

        private bool ReadIndicator(CaseBuilder b, JsonTree o, JPath path)
        {
            var id = Id(o, path, "id", null, true);
            Allowed(o, path, id, "id", "objective", "name", "direction", "best", "worst", "unit", "description");
            id ??= MisspeltId();
            var objective = Id(o, path, "objective", id, true);
            var name = NonEmpty(o, path, "name", id, true);
            var direction = EnumField(o, path, "direction", id, Names.Direction, true);
            var best = Number(o, path, "best", id, true, Check.Finite);
            var worst = Number(o, path, "worst", id, true, Check.Finite);
            var unit = Text(o, path, "unit", id, false);
            var description = Text(o, path, "description", id, false);
            if (id is null || objective is null)
            {
                if (id is not null)
                {
                    b.DeclaredWithProblems("indicator", id);
                }

                return false;
            }

            var (d, hi, lo) = direction is { } dv && best is { } bv && worst is { } wv ? (dv, bv, wv) : (IndicatorDirection.HigherIsBetter, 1.0, 0.0);
            b.AddIndicator(new Indicator(id, objective, name ?? id, d, hi, lo) { Unit = unit, Description = description });
            Declare("indicator", id);
            return true;
        }

        private bool ReadDyad(CaseBuilder b, JsonTree o, JPath path)
        {
            Allowed(o, path, null, "patron", "client", "note");
            var patron = Id(o, path, "patron", null, true);
            var client = Id(o, path, "client", null, true);
            Text(o, path, "note", null, false);
            if (patron is null || client is null)
            {
                return false;
            }

            b.AddDyad(patron, client);
            return true;
        }

        private static readonly string[] Common = ["id", "kind", "date", "start", "end", "confidence", "sources", "note"];

        private static readonly Dictionary<EvidenceKind, string[]> AllowedByKind = new()
        {
            [EvidenceKind.Support] = [.. Common, "from", "to", "resource", "magnitude", "amount", "unit"],
            [EvidenceKind.Coercion] = [.. Common, "from", "to", "type", "severity"],
            [EvidenceKind.Demand] = [.. Common, "from", "to", "issue", "salience", "response"],
            [EvidenceKind.Attainment] = [.. Common, "objective", "value"],
            [EvidenceKind.Indicator] = [.. Common, "indicator", "value"],
            [EvidenceKind.Presence] = [.. Common, "from", "to", "type", "level"],
            [EvidenceKind.Overreach] = [.. Common, "from", "to", "severity"],
            [EvidenceKind.Commitment] = [.. Common, "from", "to", "formality", "scope"],
            [EvidenceKind.Capability] = [.. Common, "actor", "value"],
        };

        /// <summary>Reads one evidence item into the builder's columns (no record is built); false when it is rejected.</summary>
        /// <param name="b">The builder.</param>
        /// <param name="o">The item.</param>
        /// <param name="path">Where the item is.</param>
        /// <param name="usedBy">When the fast path already looked the item's id up: the earlier item with that id.</param>
        private bool ReadEvidence(CaseBuilder b, JsonTree o, JPath path, int? usedBy = null)
        {
            var id = Id(o, path, "id", null, true);
            var kind = EnumField(o, path, "kind", id, Names.Kind, true);
            if (kind is not null)
            {
                Allowed(o, path, id, AllowedByKind.TryGetValue(kind.Value, out var allowed) ? allowed : Common);
            }

            var date = DateField(o, path, id);
            var confidence = EnumField(o, path, "confidence", id, Names.Confidence, true);
            var sources = Strings(o, path, "sources", id, true);
            if (sources.Count == 0 && o["sources"] is { Kind: JsonKind.Array } emptySources)
            {
                Add($"{path}.sources", id, emptySources, "expected at least one source id");
            }

            var badSource = false;
            if (o["sources"] is { Kind: JsonKind.Array } sourceList)
            {
                // An entry that is no id (empty, not a string) is reported by Strings; the item is rejected, so that its
                // other ids are checked here, numbered by their place in the array, not by their place among the rest.
                badSource = sources.Count != sourceList.Items.Count;
                for (var k = 0; k < sourceList.Items.Count; k++)
                {
                    if (sourceList.Items[k] is { Kind: JsonKind.String } s && !string.IsNullOrWhiteSpace(s.String) && Check.Identifier(s.String) is { } problem)
                    {
                        Add($"{path}.sources[{k}]", id, s, $"expected {problem}");
                        badSource = true;
                    }
                }
            }

            // Duplicate ids are found here, among every item with a valid id, so that a duplicate of an item that is
            // invalid for another reason is reported in the same pass.
            var duplicate = false;
            if (id is not null && (usedBy ?? UsedBy(id, path.Index, b)) is { } first)
            {
                Problems.Add((CaseProblem.DuplicateEvidenceId($"{path}.id", id, first), o["id"]!.Offset));
                duplicate = true;
            }

            var note = Text(o, path, "note", id, false);
            if (kind is null)
            {
                // The kind is wrong or missing: the fields whose meaning is the same in every kind are still checked,
                // so that one round reports everything the item's kind did not decide.
                CheckKindless(o, path, id);
                Rejected(id, path.Index, duplicate);
                return false;
            }

            var ok = id is not null && date is not null && confidence is not null && sources.Count > 0 && !badSource && !duplicate;
            string? a = null, to = null, reference = null;
            byte type = 0;
            double? value = null, amount = null;
            string? unit = null;
            var complete = false;
            switch (kind.Value)
            {
                case EvidenceKind.Support:
                    {
                        (a, to) = FromTo(o, path, id);
                        var resource = EnumField(o, path, "resource", id, Names.Resource, true);
                        value = SupportMagnitude(o, path, id, out amount, out unit);
                        type = (byte)(resource ?? 0);
                        complete = a is not null && to is not null && resource is not null && value is not null;
                        break;
                    }

                case EvidenceKind.Coercion:
                    {
                        (a, to) = FromTo(o, path, id);
                        var t = EnumField(o, path, "type", id, Names.Coercion, true);
                        value = Number(o, path, "severity", id, true, Check.UnitInterval);
                        type = (byte)(t ?? 0);
                        complete = a is not null && to is not null && t is not null && value is not null;
                        break;
                    }

                case EvidenceKind.Demand:
                    {
                        (a, to) = FromTo(o, path, id);
                        reference = Id(o, path, "issue", id, true);
                        value = Number(o, path, "salience", id, true, PositiveUnit);
                        var response = EnumField(o, path, "response", id, Names.Response, true);
                        type = (byte)(response ?? 0);
                        complete = a is not null && to is not null && reference is not null && value is not null && response is not null;
                        break;
                    }

                case EvidenceKind.Attainment:
                    {
                        reference = Id(o, path, "objective", id, true);
                        value = Number(o, path, "value", id, true, Check.UnitInterval);
                        complete = reference is not null && value is not null;
                        break;
                    }

                case EvidenceKind.Indicator:
                    {
                        reference = Id(o, path, "indicator", id, true);
                        value = Number(o, path, "value", id, true, Check.Finite);
                        complete = reference is not null && value is not null;
                        break;
                    }

                case EvidenceKind.Presence:
                    {
                        (a, to) = FromTo(o, path, id);
                        var t = EnumField(o, path, "type", id, Names.Presence, true);
                        value = Number(o, path, "level", id, true, Check.UnitInterval);
                        type = (byte)(t ?? 0);
                        complete = a is not null && to is not null && t is not null && value is not null;
                        break;
                    }

                case EvidenceKind.Overreach:
                    {
                        (a, to) = FromTo(o, path, id);
                        value = Number(o, path, "severity", id, true, Check.UnitInterval);
                        complete = a is not null && to is not null && value is not null;
                        break;
                    }

                case EvidenceKind.Commitment:
                    {
                        (a, to) = FromTo(o, path, id);
                        var formality = EnumField(o, path, "formality", id, Names.Formality, true);
                        var scope = Number(o, path, "scope", id, false, Check.UnitInterval);
                        value = scope ?? 1;
                        type = (byte)(formality ?? 0);
                        complete = a is not null && to is not null && formality is not null && (scope is not null || o["scope"] is null);
                        break;
                    }

                case EvidenceKind.Capability:
                    {
                        a = Id(o, path, "actor", id, true);
                        value = Number(o, path, "value", id, true, Check.Positive);
                        complete = a is not null && value is not null;
                        break;
                    }
            }

            if (!ok || !complete)
            {
                // The builder never sees a rejected item, so check its references here, in the same pass.
                CheckReferences(o, path, id, ReferenceFields(kind.Value), kind.Value is not (EvidenceKind.Attainment or EvidenceKind.Indicator or EvidenceKind.Capability));
                Rejected(id, path.Index, duplicate);
                return false;
            }

            b.AddEvidence(kind.Value, id!, date!.Value, confidence!.Value, sources, a, to, type, value!.Value, reference, note, amount, unit);
            return true;
        }

        /// <summary>
        /// The file index of the earlier evidence item with this id, if any; otherwise the id is recorded. While the ids
        /// arrive in ascending ordinal order (as <see cref="CaseWriter"/> writes them) none can repeat an earlier one
        /// and only the last is kept; at the first id out of order, the dictionary of every id so far is built from
        /// the builder's rows and the rejected items.
        /// </summary>
        private int? UsedBy(string id, int index, CaseBuilder b)
        {
            if (_evidenceIds is null)
            {
                if (_lastEvidenceId is null || string.CompareOrdinal(_lastEvidenceId, id) < 0)
                {
                    _lastEvidenceId = id;
                    return null;
                }

                _evidenceIds = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var k = 0; k < _evidenceAccepted; k++)
                {
                    _evidenceIds.Add(b.EvidenceIdAt(k), _evidenceRows?[k] ?? k);
                }

                foreach (var (rejected, at) in _rejectedIds)
                {
                    _evidenceIds.Add(rejected, at);
                }
            }

            return _evidenceIds.TryAdd(id, index) ? null : _evidenceIds[id];
        }

        /// <summary>Keeps the id of a rejected item while <see cref="UsedBy"/> keeps only the last id.</summary>
        private void Rejected(string? id, int index, bool duplicate)
        {
            if (_evidenceIds is null && id is not null && !duplicate)
            {
                _rejectedIds.Add((id, index));
            }
        }

        private void Declare(string what, string id)
        {
            if (!_declared.TryGetValue(what, out var ids))
            {
                _declared[what] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(id);
        }

        /// <summary>The fields of an evidence item of this kind that name something the case declares (sources aside).</summary>
        private static string[] ReferenceFields(EvidenceKind kind) => kind switch
        {
            EvidenceKind.Demand => ["from", "to", "issue"],
            EvidenceKind.Attainment => ["objective"],
            EvidenceKind.Indicator => ["indicator"],
            EvidenceKind.Capability => ["actor"],
            _ => ["from", "to"],
        };

        /// <summary>Every property some kind of evidence item allows.</summary>
        private static readonly string[] AnyKindAllows = [.. AllowedByKind.Values.SelectMany(a => a).Distinct(StringComparer.Ordinal)];

        /// <summary>
        /// Checks what can be checked of an evidence item whose kind is wrong or missing (its id, date, confidence and
        /// sources are checked by the caller): no property unknown to every kind nor given twice; each field whose
        /// meaning does not depend on the kind, when given (from/to/actor an actor of the case, issue, objective,
        /// indicator and unit declared ids, resource/response/formality one of their names, magnitude, severity, level,
        /// scope in [0, 1], salience in (0, 1], amount ≥ 0, value a finite number); and the ids the item names. Nothing is
        /// reported missing: which fields are required depends on the kind.
        /// </summary>
        private void CheckKindless(JsonTree o, JPath path, string? id)
        {
            Allowed(o, path, id, AnyKindAllows);
            Id(o, path, "from", id, false);
            Id(o, path, "to", id, false);
            Id(o, path, "actor", id, false);
            Id(o, path, "issue", id, false);
            Id(o, path, "objective", id, false);
            Id(o, path, "indicator", id, false);
            Text(o, path, "type", id, false);
            EnumField(o, path, "resource", id, Names.Resource, false);
            EnumField(o, path, "response", id, Names.Response, false);
            EnumField(o, path, "formality", id, Names.Formality, false);
            Number(o, path, "magnitude", id, false, Check.UnitInterval);
            Number(o, path, "severity", id, false, Check.UnitInterval);
            Number(o, path, "level", id, false, Check.UnitInterval);
            Number(o, path, "scope", id, false, Check.UnitInterval);
            Number(o, path, "salience", id, false, PositiveUnit);
            Number(o, path, "amount", id, false, Check.NonNegative);
            Number(o, path, "value", id, false, Check.Finite);
            if (Id(o, path, "unit", id, false) is { } unit && !_units.ContainsKey(unit) && !_unreadableCollections.Contains("unit"))
            {
                Add($"{path}.unit", id, o["unit"]!, NoUnitCalled(unit), ProblemKind.UnknownReference);
            }

            CheckReferences(o, path, id, ["from", "to", "actor", "issue", "objective", "indicator"], dyadic: true);
        }

        /// <summary>Reports the unknown ids a rejected evidence item refers to, as the builder does for accepted ones.</summary>
        private void CheckReferences(JsonTree o, JPath path, string? id, string[] fields, bool dyadic)
        {
            foreach (var field in fields)
            {
                var what = field is "from" or "to" ? "actor" : field;
                Reference(o[field], $"{path}.{field}", what);
            }

            if (o["sources"] is { Kind: JsonKind.Array } sources)
            {
                for (var k = 0; k < sources.Items.Count; k++)
                {
                    Reference(sources.Items[k], $"{path}.sources[{k}]", "source");
                }
            }

            if (dyadic && o["from"] is { Kind: JsonKind.String } f && o["to"] is { Kind: JsonKind.String } t && f.String == t.String
                && Check.Identifier(f.String) is null)
            {
                Add($"{path}.to", id, t, $"expected an actor other than the acting one; from and to are both \"{f.String}\"");
            }

            void Reference(JsonTree? node, string at, string what)
            {
                if (node is { Kind: JsonKind.String, String: { } key } && Check.Identifier(key) is null && !_unreadableCollections.Contains(what)
                    && !(_declared.TryGetValue(what, out var ids) && ids.Contains(key)))
                {
                    var article = what is "actor" or "issue" or "objective" or "indicator" ? "an" : "a";
                    var hint = ids is null ? string.Empty : Names.DidYouMean(key, ids.Order(StringComparer.Ordinal), what + "s");
                    Add(at, id, node, $"expected the id of {article} {what} of the case; no {what} is called \"{Printable.Shown(key)}\"{hint}", ProblemKind.UnknownReference);
                }
            }
        }

        private double? SupportMagnitude(JsonTree o, JPath path, string? id, out double? amount, out string? unitId)
        {
            amount = null;
            unitId = null;
            var hasMagnitude = o["magnitude"] is not null;
            var hasAmount = o["amount"] is not null || o["unit"] is not null;
            if (hasMagnitude && hasAmount)
            {
                Add($"{path}.amount", id, o["amount"] ?? o["unit"]!, "expected either \"magnitude\" or \"amount\" with \"unit\", not both");
                return null;
            }

            if (!hasAmount)
            {
                if (!hasMagnitude)
                {
                    // Either form will do: say both, so that a case that counts in a unit is not pushed to a magnitude.
                    Add($"{path}.magnitude", id, o, MissingMagnitude, ProblemKind.MissingMagnitude);
                    return null;
                }

                return Number(o, path, "magnitude", id, true, Check.UnitInterval);
            }

            amount = Number(o, path, "amount", id, true, Check.NonNegative);
            unitId = Id(o, path, "unit", id, true);
            if (amount is null || unitId is null)
            {
                return null;
            }

            if (!_units.TryGetValue(unitId, out var unit))
            {
                if (_unreadableCollections.Contains("unit"))
                {
                    // "units" is not an array: said there, not again for each amount.
                    return null;
                }

                Add($"{path}.unit", id, o["unit"]!, NoUnitCalled(unitId), ProblemKind.UnknownReference);
                return null;
            }

            return unit.ToMagnitude(amount.Value);
        }

        /// <summary>
        /// The problem of a unit id no unit of the case has, with the nearest declared id or else the declared ids (as
        /// for an unknown actor or source); made once per id, as a file may repeat a wrong unit on every row.
        /// </summary>
        private string NoUnitCalled(string unit)
        {
            if (!_unitProblems.TryGetValue(unit, out var message))
            {
                var hint = _units.Count == 0 ? "; the case declares no units" : Names.DidYouMean(unit, _units.Keys.Order(StringComparer.Ordinal), "units");
                _unitProblems[unit] = message = $"expected the id of a unit declared in \"units\"; no unit is called \"{Printable.Shown(unit)}\"{hint}";
            }

            return message;
        }

        private (string? From, string? To) FromTo(JsonTree o, JPath path, string? id) =>
            (Id(o, path, "from", id, true), Id(o, path, "to", id, true));

        private EvidenceDate? DateField(JsonTree o, JPath path, string? id)
        {
            var date = o["date"];
            var start = o["start"];
            var end = o["end"];
            if (date is not null && (start is not null || end is not null))
            {
                Add($"{path}.date", id, date, "expected either \"date\" (a point) or \"start\" and \"end\" (a span), not both");
                return null;
            }

            if (date is null && start is null && end is null)
            {
                Add($"{path}.date", id, o, "expected \"date\" (YYYY, YYYY-MM or YYYY-MM-DD) or \"start\" and \"end\"; neither is given", ProblemKind.MissingDate);
                return null;
            }

            if (date is not null)
            {
                return Point(date, path, "date", id);
            }

            if (start is null || end is null)
            {
                var missing = start is null ? "start" : "end";
                Add($"{path}.{missing}", id, o, $"expected both \"start\" and \"end\" for a span; \"{missing}\" is missing", ProblemKind.MissingDate);
                return null;
            }

            var s = Point(start, path, "start", id);
            var e = Point(end, path, "end", id);
            if (s is null || e is null)
            {
                return null;
            }

            if (e.Value.Last < s.Value.First)
            {
                Add($"{path}.end", id, end, $"expected an end not before the start ({s}); was {e}");
                return null;
            }

            return EvidenceDate.Span(s.Value, e.Value);
        }

        private EvidenceDate? Point(JsonTree node, JPath path, string name, string? id)
        {
            Remember(path, name, node);
            if (node.Kind == JsonKind.String && ParsePoint(node.String!) is { } d)
            {
                return d;
            }

            var was = node.Kind == JsonKind.String ? $"\"{node.String}\"" : node.KindName;
            // "2010-2013" or "2010..2013" reads as a span: say how spans are written.
            var span = name == "date" && node.Kind == JsonKind.String && SpanLike().IsMatch(node.String!)
                ? "; a sustained flow or state over several periods is a span: give \"start\" and \"end\" instead of \"date\""
                : string.Empty;
            var why = node.Kind != JsonKind.String ? string.Empty
                : NoSuchDate(node.String!) is { Length: > 0 } no ? no
                : evidenceFromCsv && name is "date" or "start" or "end" ? ReformattedDate(node.String!)
                : DateForms.Hint(node.String!);
            Add($"{path}.{name}", id, node, $"expected a date YYYY, YYYY-MM or YYYY-MM-DD; was {was}{why}{span}");
            return null;
        }

        /// <summary>
        /// A hint for a date in a form spreadsheets write back on saving (7/14/2021, 2021-7-14, a time of day, Mar-20,
        /// a serial day number), or empty.
        /// </summary>
        private static string ReformattedDate(string text) =>
            SpreadsheetDate().IsMatch(text.Trim())
                ? "; a spreadsheet may have reformatted it (keep date columns as Text)"
                : string.Empty;

        /// <summary>A hint for a number written the way some locales or spreadsheets write it ("0,5", "50%"), or empty.</summary>
        private static string NumberHint(string text)
        {
            var t = text.Trim();
            return t.EndsWith('%') ? "; write a share as a number (50% is 0.5)"
                : NumberWithComma().IsMatch(t) ? "; numbers take a decimal point and no thousands separator (0.5, 1000)"
                : t.StartsWith('\u2212') ? "; write the minus sign as '-'"
                : string.Empty;
        }

        /// <summary>Why a date in the right shape is not a date ("; 2017-02 has 28 days"), or empty.</summary>
        private static string NoSuchDate(string text)
        {
            var t = text.Trim();
            if (t.Length is not (7 or 10) || t[4] != '-' || (t.Length == 10 && t[7] != '-')
                || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || !int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                || (t.Length == 10 && !int.TryParse(t.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return string.Empty;
            }

            if (y < 1)
            {
                return "; years start at 0001";
            }

            if (m is < 1 or > 12)
            {
                return $"; there is no month {m:00}";
            }

            if (t.Length != 10)
            {
                return string.Empty;
            }

            return t[8..] == "00" ? "; days start at 01" : $"; {y:0000}-{m:00} has {DateTime.DaysInMonth(y, m)} days";
        }

        /// <summary><see cref="EvidenceDate.TryParsePoint"/>, remembered: a case file repeats a few thousand dates.</summary>
        private EvidenceDate? ParsePoint(string text)
        {
            if (_points.TryGetValue(text, out var known))
            {
                return known;
            }

            EvidenceDate? date = EvidenceDate.TryParsePoint(text, out var d) ? d : null;
            if (_points.Count < 1 << 16)
            {
                _points[text] = date;
            }

            return date;
        }

        private Period? PeriodField(JsonTree o, JPath path, string name, Granularity granularity)
        {
            var node = o[name];
            if (node is null)
            {
                return null;
            }

            Remember(path, name, node);
            if (node.Kind == JsonKind.String && Period.TryParse(node.String, out var period))
            {
                if (period.Granularity > granularity)
                {
                    // Widening it to its period would score something other than what the file says.
                    Add($"{path}.{name}", null, node, $"expected a period no finer than the case's granularity ({granularity.ToName()}); was \"{Printable.Shown(node.String)}\", a {period.Granularity.ToName()}");
                    return null;
                }

                return period.ToGranularity(granularity, atEnd: name == "to");
            }

            Add($"{path}.{name}", null, node, $"expected a period YYYY, YYYYQn or YYYY-MM; was {(node.Kind == JsonKind.String ? $"\"{node.String}\"" : node.KindName)}");
            return null;
        }

        private DateOnly? DayField(JsonTree o, JPath path, string name)
        {
            var node = o[name];
            if (node is null)
            {
                return null;
            }

            Remember(path, name, node);
            if (node.Kind == JsonKind.String && DateOnly.TryParseExact(node.String, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Add($"{path}.{name}", null, node, $"expected a day YYYY-MM-DD; was {(node.Kind == JsonKind.String ? $"\"{node.String}\"" : node.KindName)}");
            return null;
        }

        private string? Text(JsonTree o, JPath path, string name, string? id, bool required)
        {
            var node = o[name];
            if (node is null)
            {
                if (required)
                {
                    Add($"{path}.{name}", id, o, $"expected \"{name}\" (a string); it is missing", ProblemKind.MissingText);
                }

                return null;
            }

            Remember(path, name, node);
            if (node.Kind != JsonKind.String)
            {
                Add($"{path}.{name}", id, node, $"expected a string; was {node.KindName}");
                return null;
            }

            // A control character (escaped in the file, "\u0000", or a C1 control such as CSI, U+009B, which JSON
            // holds raw) would be written raw into tables and terminals; a bidirectional override or isolate would
            // reorder what is shown after it (see Check.Text).
            var text = node.String!;
            if (Check.Text(text) is { } problem)
            {
                Add($"{path}.{name}", id, node, $"expected {problem}");
                return null;
            }

            return text;
        }

        private string? NonEmpty(JsonTree o, JPath path, string name, string? id, bool required)
        {
            var s = Text(o, path, name, id, required);
            if (s is not null && string.IsNullOrWhiteSpace(s))
            {
                Add($"{path}.{name}", id, o[name]!, "expected a non-empty string");
                return null;
            }

            return s;
        }

        private string? Id(JsonTree o, JPath path, string name, string? id, bool required)
        {
            var s = Text(o, path, name, id, required);
            if (s is not null && Check.Identifier(s) is { } problem)
            {
                Add($"{path}.{name}", id, o[name]!, $"expected {problem}");
                return null;
            }

            return s;
        }

        /// <summary>
        /// The non-empty strings of an array (an empty list when missing or not an array), each checked as
        /// <see cref="Check.Text"/> when <paramref name="text"/> (ids are checked as ids by the caller); the list is
        /// reused by the next call.
        /// </summary>
        private List<string> Strings(JsonTree o, JPath path, string name, string? id, bool required, bool text = false)
        {
            _strings.Clear();
            var node = o[name];
            if (node is null)
            {
                if (required)
                {
                    Add($"{path}.{name}", id, o, $"expected \"{name}\" (an array of strings); it is missing", ProblemKind.MissingStrings);
                }

                return _strings;
            }

            Remember(path, name, node);
            if (node.Kind != JsonKind.Array)
            {
                Add($"{path}.{name}", id, node, $"expected an array of strings; was {node.KindName}");
                return _strings;
            }

            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                if (!_streaming)
                {
                    Remember($"{path}.{name}[{i}]", item);
                }

                if (item.Kind != JsonKind.String || string.IsNullOrWhiteSpace(item.String))
                {
                    // A string that is there but empty says so: "was a string" would contradict "expected a string".
                    var was = item.Kind != JsonKind.String ? item.KindName : item.String!.Length == 0 ? "an empty string" : "only white space";
                    Add($"{path}.{name}[{i}]", id, item, $"expected a non-empty string; was {was}");
                    continue;
                }

                if (text && Check.Text(item.String) is { } problem)
                {
                    Add($"{path}.{name}[{i}]", id, item, $"expected {problem}");
                    continue;
                }

                _strings.Add(item.String);
            }

            return _strings;
        }

        private double? Number(JsonTree o, JPath path, string name, string? id, bool required, Func<double, string?> rule)
        {
            var node = o[name];
            if (node is null)
            {
                if (required)
                {
                    Add($"{path}.{name}", id, o, $"expected \"{name}\" (a number); it is missing", ProblemKind.MissingNumber);
                }

                return null;
            }

            Remember(path, name, node);
            if (!node.TryNumber(out var value))
            {
                Add($"{path}.{name}", id, node, node.Kind switch
                {
                    JsonKind.Number => $"expected a finite number; was {node.RawNumber}",
                    // A quoted number, or a spreadsheet cell that is not a number: say what was expected and show it.
                    JsonKind.String => $"expected {Expected(rule)}; was \"{Printable.Shown(node.String)}\"{NumberHint(node.String!)}",
                    _ => $"expected a number; was {node.KindName}",
                });
                return null;
            }

            if (rule(value) is { } problem)
            {
                Add($"{path}.{name}", id, node, $"expected {problem}");
                return null;
            }

            return value;
        }

        /// <summary>What a rule expects ("a number in [0, 1]"), from what it says of a value it refuses.</summary>
        private static string Expected(Func<double, string?> rule)
        {
            var said = rule(double.NaN) ?? "a number";
            var was = said.IndexOf("; was", StringComparison.Ordinal);
            return was > 0 ? said[..was] : said;
        }

        private bool? Bool(JsonTree o, JPath path, string name, string? id)
        {
            var node = o[name];
            if (node is null)
            {
                return null;
            }

            Remember(path, name, node);
            if (node.Kind is JsonKind.True or JsonKind.False)
            {
                return node.Kind == JsonKind.True;
            }

            Add($"{path}.{name}", id, node, $"expected true or false; was {node.KindName}");
            return null;
        }

        private T? EnumField<T>(JsonTree o, JPath path, string name, string? id, NameTable<T> names, bool required)
            where T : struct, Enum
        {
            var s = Text(o, path, name, id, required);
            if (s is null)
            {
                return null;
            }

            if (names.TryParse(s, out var value))
            {
                return value;
            }

            Add($"{path}.{name}", id, o[name]!, $"expected one of {names.Expected}; was \"{Printable.Shown(s)}\"{names.Hint(s)}");
            return null;
        }

        private void Allowed(JsonTree o, JPath path, string? id, params string[] names)
        {
            // An item has a dozen properties: comparing with the earlier ones costs less than a set per item.
            var properties = o.Properties;
            var seen = properties.Count > 16 ? new HashSet<string>(StringComparer.Ordinal) : null;
            _misspeltId = null;
            for (var i = 0; i < properties.Count; i++)
            {
                var (name, _, at) = properties[i];
                if (seen is not null ? !seen.Add(name) : SeenBefore(i))
                {
                    Problems.Add((new CaseProblem($"{path}.{name}", id, $"expected each property once; \"{name}\" appears twice"), at));
                }
                else if (Array.IndexOf(names, name) < 0)
                {
                    if ((Names.Nearest(name, names.Where(n => o[n] is null)) ?? MeantProperty(name, names, o)) is { } meant)
                    {
                        // A misspelt property ("source" for "sources"): one problem, not also that the property meant is missing.
                        Misnamed(path, meant);
                        if (meant == "id")
                        {
                            _misspeltId = properties[i].Value;
                        }

                        Problems.Add((new CaseProblem($"{path}.{name}", id, $"unknown property; did you mean \"{meant}\"{WhatItHolds(meant)}?"), at));
                    }
                    else
                    {
                        Problems.Add((new CaseProblem($"{path}.{name}", id, $"expected only the properties {string.Join(", ", names.Select(n => $"\"{n}\""))}; \"{name}\" is not one of them{Names.DidYouMean(name, names.Where(n => o[n] is null))}"), at));
                    }
                }
            }

            bool SeenBefore(int i)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(properties[j].Name, properties[i].Name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// Takes a property as misspelt where <paramref name="meant"/> was meant: a problem that <paramref name="meant"/> is
        /// missing (found before or after) is not reported; nor, for a date or a magnitude, that the item has neither
        /// form of it.
        /// </summary>
        private void Misnamed(JPath path, string meant)
        {
            var at = $"{path}.{meant switch { "start" or "end" => "date", "amount" => "magnitude", _ => meant }}";
            _misnamed.Add($"{path}.{meant}");
            _misnamed.Add(at);
            // The item's own problems are the last ones found: only those are looked at.
            var item = path.ToString();
            for (var i = Problems.Count - 1; i >= 0 && Problems[i].Problem.Path.StartsWith(item, StringComparison.Ordinal); i--)
            {
                if (IsMissing(Problems[i].Problem.Kind) && _misnamed.Contains(Problems[i].Problem.Path))
                {
                    Problems.RemoveAt(i);
                }
            }
        }

        /// <summary>
        /// The id of a declaration whose "id" the last <see cref="Allowed"/> found misspelt ("ID": "taliban"), when its
        /// value is a valid id; else null. The declaration is read under that id, so that the references to it resolve
        /// and are not each reported as unknown; the misspelling stays a problem, and the file is not accepted.
        /// </summary>
        private string? MisspeltId() =>
            _misspeltId is { Kind: JsonKind.String, String: { } s } && Check.Identifier(s) is null ? s : null;

        private static bool IsMissing(ProblemKind kind) =>
            kind is ProblemKind.MissingText or ProblemKind.MissingStrings or ProblemKind.MissingNumber or ProblemKind.MissingMagnitude or ProblemKind.MissingDate;

        /// <summary>
        /// Words coders use for a property under another name ("title" for "name", "notes" for "note"): the property
        /// meant, when this object has it and it is not given; else null.
        /// </summary>
        private static string? MeantProperty(string name, string[] names, JsonTree o) =>
            PropertyWords.TryGetValue(name, out var meant) && Array.IndexOf(names, meant) >= 0 && o[meant] is null ? meant : null;

        private static readonly Dictionary<string, string> PropertyWords = new(StringComparer.OrdinalIgnoreCase)
        {
            ["title"] = "name",
            ["label"] = "name",
            ["summary"] = "description",
            ["notes"] = "note",
            ["comment"] = "note",
            ["comments"] = "note",
            ["link"] = "url",
            ["href"] = "url",
            ["reference"] = "citation",
        };

        /// <summary>What a property holds, where its name does not say: " (an array of source ids)" for "sources".</summary>
        private static string WhatItHolds(string name) => name switch
        {
            "sources" => " (an array of source ids)",
            "aliases" => " (an array of names)",
            "date" or "start" or "end" => " (YYYY, YYYY-MM or YYYY-MM-DD)",
            _ => string.Empty,
        };

        private static string? PositiveUnit(double v) => v > 0 && v <= 1 ? null : $"a number in (0, 1]; was {Check.Show(v)}";

        private void Remember(string path, JsonTree node) => _locations[path] = node.Offset;

        /// <summary>Remembers where a field was, for the builder's problems; not while streaming evidence (see <see cref="LocateInEvidence"/>).</summary>
        private void Remember(JPath path, string name, JsonTree node)
        {
            if (!_streaming)
            {
                _locations[$"{path}.{name}"] = node.Offset;
            }
        }

        private void Add(string path, string? id, JsonTree at, string message, ProblemKind kind = ProblemKind.Other)
        {
            if (_misnamed.Count > 0 && IsMissing(kind) && _misnamed.Contains(path))
            {
                return;
            }

            Problems.Add((new CaseProblem(path, id, message) { Detail = new(kind) }, at.Offset));
        }
    }
}
