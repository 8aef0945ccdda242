using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Properties;

/// <summary>
/// The readers on damaged input: the sample case files and the evidence CSV written from one, each mutated a few
/// times at random (a value replaced by one of another type or out of range, a property or item removed, renamed or
/// repeated, bytes flipped, cut, deleted or inserted), must give either a case or a list of located problems, never
/// an exception; a case read that way writes and reads back to the same case, and scores its declared dyads (if it
/// still declares any) with no NaN or infinity in its output.
/// </summary>
/// <remarks>
/// A short run (<see cref="Iterations"/> mutated inputs per test, a few seconds) is part of the suite. To fuzz for
/// longer, give the seconds each test may run: <c>INFLUENCE_FUZZ_SECONDS=600 dotnet test tests/Influence.Tests -c Release
/// --filter FullyQualifiedName~ReaderFuzzing</c> (tests/README.md, "Fuzzing"). A failure prints the mutations, the
/// damaged input's opening and CsCheck's seed, which replays it.
/// </remarks>
public partial class ReaderFuzzing
{
    private const int Iterations = 150;

    private static readonly Lazy<(string Name, byte[] Json)[]> Cases = new(() =>
        [.. new[] { "pakistan-taliban-1990s.json", "pakistan-taliban.json" }
            .Select(name => (name, File.ReadAllBytes(Repository.PathOf("samples", "data", name))))]);

    /// <summary>The 1990s case without its evidence, and its evidence as CSV, for the CSV reader.</summary>
    private static readonly Lazy<(byte[] Json, byte[] Csv)> Split = new(() =>
    {
        var bytes = Cases.Value[0].Json;
        var node = JsonNode.Parse(bytes)!.AsObject();
        node.Remove("evidence");
        var csv = EvidenceCsv.Write(CaseReader.Read(Encoding.UTF8.GetString(bytes)));
        return (Encoding.UTF8.GetBytes(node.ToJsonString()), Encoding.UTF8.GetBytes(csv));
    });

    /// <summary>Values put in place of a value of the file: other types, ends of ranges, damaged dates and text.</summary>
    private static readonly string[] Palette =
    [
        "null", "true", "false", "0", "-1", "1", "0.5", "-0.0", "1e308", "-1e308", "1e400", "5e-324", "2147483648",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\u001b[31m\"", "\"\\u202e\"", "\"\\u2028\"", "\"\\ufeff\"", "\"\\ud800\"",
        "\"2024-02-30\"", "\"0000-01-01\"", "\"9999-12-31\"", "\"2024\"", "\"2024Q5\"", "\"2024-13\"", "\"1990/2001\"",
        "\"2001/1990\"", "\"2024-01-01/\"", "\"year\"", "\"quarter\"", "\"support\"", "\"defied\"", "\"high\"",
        "[]", "{}", "[null]", "[[]]", "{\"x\":1}", "[\"\"]", "\"" + new string('a', 5000) + "\"",
    ];

    /// <summary>Bytes that mean something to JSON or CSV, or to a terminal, inserted more often than others.</summary>
    private static readonly byte[] Special = [.. "\"{}[],:\\\n\r\u0000\u001b"u8];

    [Fact]
    public void ADamagedCaseFile_GivesACaseOrLocatedProblems_NeverAnException()
    {
        Gen.Select(Gen.Int[0, Cases.Value.Length - 1], Gen.Int[1, 3], Gen.Int).Sample(
            (which, count, seed) =>
            {
                var (name, json) = Cases.Value[which];
                var (damaged, _) = Damage(json, count, seed, structured: true);
                Check(damaged, () => CaseReader.TryRead(damaged, name), name);
            },
            iter: FuzzTime.Iter(Iterations),
            time: FuzzTime.Time,
            print: t => Describe(Cases.Value[t.Item1].Json, t.Item2, t.Item3, structured: true, Cases.Value[t.Item1].Name));
    }

    [Fact]
    public void ADamagedEvidenceCsv_GivesACaseOrLocatedProblems_NeverAnException()
    {
        Gen.Select(Gen.Int[1, 3], Gen.Int).Sample(
            (count, seed) =>
            {
                var (json, csv) = Split.Value;
                var (damaged, _) = Damage(csv, count, seed, structured: false);
                Check(damaged, () => CaseReader.TryReadWithEvidenceCsv(json, damaged, "case.json", "evidence.csv"), "evidence.csv");
            },
            iter: FuzzTime.Iter(Iterations),
            time: FuzzTime.Time,
            print: t => Describe(Split.Value.Csv, t.Item1, t.Item2, structured: false, "evidence.csv"));
    }

    [Fact]
    public void TheMutations_DamageTheInputs_AndSomeDamagedCasesAreStillRead()
    {
        // The fuzzing above would pass vacuously if every mutation left the file as it was, or if none left a case
        // that could be read (then the round trip and scoring checks would never run).
        var (changed, read) = (0, 0);
        for (var seed = 0; seed < 200; seed++)
        {
            var (damaged, _) = Damage(Cases.Value[0].Json, 1, seed, structured: true);
            changed += damaged.AsSpan().SequenceEqual(Cases.Value[0].Json) ? 0 : 1;
            read += CaseReader.TryRead(damaged).Success ? 1 : 0;
        }

        changed.Should().BeGreaterThan(190, "a mutation changes the file");
        read.Should().BeInRange(10, 190, "some damaged files are still valid cases, and most are not");

        var (json, csv) = Split.Value;
        CaseReader.TryReadWithEvidenceCsv(json, csv).Success.Should().BeTrue("the undamaged case and CSV are read");
        (changed, read) = (0, 0);
        for (var seed = 0; seed < 200; seed++)
        {
            var (damaged, _) = Damage(csv, 1, seed, structured: false);
            changed += damaged.AsSpan().SequenceEqual(csv) ? 0 : 1;
            read += CaseReader.TryReadWithEvidenceCsv(json, damaged).Success ? 1 : 0;
        }

        changed.Should().BeGreaterThan(180, "a mutation changes the CSV (swapping a line with itself does not)");
        read.Should().BeInRange(10, 190, "some damaged CSV files still give a valid case, and most do not");
    }

    /// <summary>The checks of one damaged input, <paramref name="read"/> being the reader's call on it.</summary>
    private static void Check(byte[] damaged, Func<CaseReadResult> read, string file)
    {
        var result = ReaderChecks.NeverThrows(read);
        if (result.Case is null)
        {
            result.Problems.Should().NotBeEmpty("a file that gives no case says why");
            foreach (var problem in result.Problems)
            {
                var text = problem.ToString();
                problem.Message.Should().NotBeNullOrWhiteSpace(text);
                problem.Path.Should().NotBeNullOrWhiteSpace(text);
                (problem.Line is null or >= 1).Should().BeTrue($"a line counts from 1: {text}");
                (problem.Column is null or >= 1).Should().BeTrue($"a column counts from 1: {text}");
                text.Should().NotContainAny(["\u001b", "\u202e", "\u0000"], "the problem's text is printable");
            }

            ReaderChecks.GivesTheSameProblemsAgain(result, read);
            return;
        }

        // A case: it writes and reads back to the same case, and scores without NaN or infinity.
        var written = CaseWriter.ToJson(result.Case, canonical: true);
        var again = CaseReader.TryRead(Encoding.UTF8.GetBytes(written));
        again.Problems.Should().BeEmpty($"a case read from {file} is written as a valid case");
        CaseWriter.ToJson(again.Case!, canonical: true).Should().Be(written, "writing and reading a case keeps it");
        if (result.Case.Dyads.IsEmpty)
        {
            return; // valid, but nothing to score unless a request names dyads
        }

        var scores = ScoreWriter.ToJson(Scorer.Score(result.Case, ScoringOptions.Default, ScoringRequest.Default));
        scores.Should().NotContain("NaN").And.NotContain("Infinity");
    }

    private static string Describe(byte[] input, int count, int seed, bool structured, string name)
    {
        var (damaged, mutations) = Damage(input, count, seed, structured);
        var text = Encoding.UTF8.GetString(damaged);
        return $"{name}, {string.Join("; ", mutations)}; the damaged input opens: {text[..Math.Min(400, text.Length)]}";
    }

    /// <summary>
    /// <paramref name="count"/> mutations of <paramref name="input"/> drawn from <paramref name="seed"/>: with
    /// <paramref name="structured"/>, mostly on the JSON's values and members, otherwise on lines, cells and bytes.
    /// </summary>
    private static (byte[] Damaged, List<string> Mutations) Damage(byte[] input, int count, int seed, bool structured)
    {
        var random = new Random(seed);
        var bytes = input;
        var mutations = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(10);
            (bytes, var what) = structured && kind < 6 && TryMutateJson(bytes, random) is { } mutated
                ? mutated
                : !structured && kind < 6 ? MutateLines(bytes, random) : MutateBytes(bytes, random);
            mutations.Add(what);
        }

        return (bytes, mutations);
    }

    /// <summary>
    /// A mutation of the JSON's values and members, or null when an earlier mutation left a document that JSON nodes
    /// cannot hold (a property named twice, a lone surrogate): the bytes are mutated instead.
    /// </summary>
    private static (byte[], string)? TryMutateJson(byte[] bytes, Random random)
    {
        try
        {
            return JsonNode.Parse(bytes) is { } node ? MutateJson(node, random) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static (byte[], string) MutateJson(JsonNode root, Random random)
    {
        var nodes = new List<(JsonNode? Node, JsonNode Parent, string Key, int Index)>();
        Walk(root, nodes);
        if (nodes.Count == 0)
        {
            return (Encoding.UTF8.GetBytes(root.ToJsonString()), "nothing to mutate");
        }

        var (node, parent, key, index) = nodes[random.Next(nodes.Count)];
        var where = node?.GetPath() ?? (parent.GetPath() + (index >= 0 ? $"[{index}]" : $".{key}"));
        string what;
        switch (random.Next(6))
        {
            case 0 or 1:
                var value = random.Next(4) == 0 ? nodes[random.Next(nodes.Count)].Node?.DeepClone() : Raw(random);
                Set(parent, key, index, value);
                what = $"{where} := {Shown(value)}";
                break;
            case 2:
                Remove(parent, key, index);
                what = $"{where} removed";
                break;
            case 3 when parent is JsonArray array:
                array.Insert(index, node?.DeepClone());
                what = $"{where} repeated";
                break;
            case 4 when parent is JsonObject o:
                o.Remove(key);
                o[key + "x"] = node;
                what = $"{where} renamed {key}x";
                break;
            default:
                if (parent is JsonObject extra)
                {
                    extra["unexpected"] = Raw(random);
                    what = $"{parent.GetPath()}.unexpected added";
                }
                else
                {
                    Set(parent, key, index, Raw(random));
                    what = $"{where} replaced";
                }

                break;
        }

        return (Encoding.UTF8.GetBytes(WithRaw(root.ToJsonString())), what);
    }

    /// <summary>
    /// A stand-in for a value of <see cref="Palette"/>, which <see cref="WithRaw"/> replaces by the value's text once
    /// the document is written: some of them (1e400, a lone surrogate) cannot be held by a JSON node.
    /// </summary>
    private static JsonNode Raw(Random random) => JsonValue.Create($"@@raw{random.Next(Palette.Length)}@@");

    private static string WithRaw(string json) => RawValue().Replace(json, m => Palette[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);

    private static string Shown(JsonNode? value)
    {
        var text = WithRaw(value?.ToJsonString() ?? "null");
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"@@raw([0-9]+)@@\"")]
    private static partial System.Text.RegularExpressions.Regex RawValue();

    private static void Walk(JsonNode node, List<(JsonNode? Node, JsonNode Parent, string Key, int Index)> nodes)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    nodes.Add((child, o, key, -1));
                    if (child is not null)
                    {
                        Walk(child, nodes);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    nodes.Add((a[i], a, string.Empty, i));
                    if (a[i] is { } child)
                    {
                        Walk(child, nodes);
                    }
                }

                break;
        }
    }

    private static void Set(JsonNode parent, string key, int index, JsonNode? value)
    {
        if (parent is JsonObject o)
        {
            o[key] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }
    }

    private static void Remove(JsonNode parent, string key, int index)
    {
        if (parent is JsonObject o)
        {
            o.Remove(key);
        }
        else
        {
            parent.AsArray().RemoveAt(index);
        }
    }

    /// <summary>A line removed, repeated or moved, or one of its comma-separated cells replaced, removed or doubled.</summary>
    private static (byte[], string) MutateLines(byte[] bytes, Random random)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        var i = random.Next(lines.Count);
        string what;
        switch (random.Next(5))
        {
            case 0:
                lines.RemoveAt(i);
                what = $"line {i + 1} removed";
                break;
            case 1:
                lines.Insert(i, lines[i]);
                what = $"line {i + 1} repeated";
                break;
            case 2:
                var j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                what = $"lines {i + 1} and {j + 1} swapped";
                break;
            default:
                var cells = lines[i].Split(',').ToList();
                var c = random.Next(cells.Count);
                var cell = Palette[random.Next(Palette.Length)].Trim('"');
                switch (random.Next(3))
                {
                    case 0:
                        cells.RemoveAt(c);
                        what = $"line {i + 1} cell {c + 1} removed";
                        break;
                    case 1:
                        cells.Insert(c, cells[c]);
                        what = $"line {i + 1} cell {c + 1} doubled";
                        break;
                    default:
                        cells[c] = cell;
                        what = $"line {i + 1} cell {c + 1} := {cell[..Math.Min(20, cell.Length)]}";
                        break;
                }

                lines[i] = string.Join(',', cells);
                break;
        }

        return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), what);
    }

    /// <summary>The file cut short, or a byte replaced, a run of bytes deleted, or a few bytes inserted.</summary>
    private static (byte[], string) MutateBytes(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return ([(byte)'{'], "byte inserted into an empty file");
        }

        var at = random.Next(bytes.Length);
        byte[] Interesting() => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(3) > 0 ? Special[random.Next(Special.Length)] : (byte)random.Next(256))];
        switch (random.Next(4))
        {
            case 0:
                return (bytes[..at], $"cut at byte {at}");
            case 1:
                var copy = bytes.ToArray();
                copy[at] = Interesting()[0];
                return (copy, $"byte {at} := 0x{copy[at]:X2}");
            case 2:
                var length = Math.Min(random.Next(1, 20), bytes.Length - at);
                return ([.. bytes[..at], .. bytes[(at + length)..]], $"{length} bytes deleted at {at}");
            default:
                var inserted = Interesting();
                return ([.. bytes[..at], .. inserted, .. bytes[at..]], $"{Convert.ToHexString(inserted)} inserted at {at}");
        }
    }
}
