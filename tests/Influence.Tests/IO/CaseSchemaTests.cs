using System.Text.Json;
using CsCheck;
using FluentAssertions;
using Influence.IO;
using Influence.Tests.Support;
using Json.Schema;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>The JSON Schema shipped with the package (case.schema.json) against the sample cases and the reader.</summary>
public class CaseSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(SchemaPath, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The schema file copied next to the library's assembly.</summary>
    private static string SchemaPath => Path.Combine(Path.GetDirectoryName(typeof(CaseReader).Assembly.Location)!, "case.schema.json");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        // The folders too: samples/data/open-questions holds the small cases of docs/open-questions.md.
        var folder = Path.Combine(RepositoryRoot(), "samples", "data");
        foreach (var f in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        return data;
    }

    [Fact]
    public void TheSchema_SitsNextToTheAssembly_AndIsDraft202012()
    {
        File.Exists(SchemaPath).Should().BeTrue();
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        doc.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        doc.RootElement.GetProperty("title").GetString().Should().Be(CaseReader.Schema);
    }

    [Fact]
    public void TheSchema_IsPackedUnderSchemaFolder()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Influence", "Influence.csproj"));

        project.Should().Contain("<None Include=\"case.schema.json\" Pack=\"true\" PackagePath=\"schema/\"");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySample_IsValidAgainstTheSchema_AndForTheReader(string file)
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "data", file);

        var result = Evaluate(File.ReadAllText(path));

        result.IsValid.Should().BeTrue(Describe(result));
        CaseReader.TryReadFile(path).Success.Should().BeTrue();
    }

    [Theory]
    [InlineData("03-not-an-object.json")]
    [InlineData("04-wrong-schema.json")]
    [InlineData("05-missing-required.json")]
    [InlineData("06-unknown-property.json")]
    [InlineData("07-magnitude-out-of-range.json")]
    [InlineData("10-number-as-string.json")]
    [InlineData("11-bad-date.json")]
    [InlineData("14-date-and-start.json")]
    [InlineData("15-no-date.json")]
    [InlineData("25-empty-sources.json")]
    [InlineData("26-wrong-types.json")]
    [InlineData("28-invalid-identifiers.json")]
    [InlineData("29-unknown-names.json")]
    [InlineData("30-out-of-range-fields.json")]
    [InlineData("31-magnitude-and-amount.json")]
    [InlineData("33-bad-range-and-granularity.json")]
    [InlineData("35-empty-names.json")]
    [InlineData("36-several-problems.json")]
    [InlineData("37-bad-source-id.json")]
    [InlineData("47-evidence-ends-not-a-day.json")]
    public void MalformedFiles_FailTheSchemaToo(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "invalid", file));

        Evaluate(text).IsValid.Should().BeFalse();
    }

    [Theory]
    [InlineData("16-unknown-actor.json")]
    [InlineData("21-duplicate-ids.json")]
    [InlineData("24-from-equals-to.json")]
    [InlineData("27-indicator-direction.json")]
    [InlineData("46-evidence-ends-before-the-last-item.json")]
    [InlineData("48-to-before-the-evidence.json")]
    [InlineData("49-from-after-the-evidence.json")]
    public void ProblemsOnlyTheReaderCanSee_PassTheSchema(string file)
    {
        // References between items, unique ids, from ≠ to and best/worst against direction are beyond JSON Schema:
        // the schema accepts these files, the reader does not (see the catalogue).
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "invalid", file);

        Evaluate(File.ReadAllText(path)).IsValid.Should().BeTrue();
        CaseReader.TryReadFile(path).Success.Should().BeFalse();
    }

    [Theory]
    [InlineData("\"date\": \"2001\"", true)]
    [InlineData("\"date\": \" 2001-10 \"", true)]
    [InlineData("\"start\": \"1996\", \"end\": \"2001-12-31\"", true)]
    [InlineData("\"date\": \"0000\"", false)]
    [InlineData("\"date\": \"2001-1\"", false)]
    [InlineData("\"start\": \"1996\"", false)]
    public void Dates_FollowTheReadersForms(string date, bool valid)
    {
        var text = $$"""
            {"schema":"influence.case/1","id":"d","name":"Dates","sources":[{"id":"s1","citation":"S"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "evidence":[{"id":"e1","kind":"coercion",{{date}},"confidence":"alleged","sources":["s1"],"from":"P","to":"C","type":"threat","severity":0.2}]}
            """;

        Evaluate(text).IsValid.Should().Be(valid);
        CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes(text)).Success.Should().Be(valid);
    }

    [Fact]
    public void EveryCaseTheWriterWrites_IsValidAgainstTheSchema()
    {
        // Random cases with evidence of every kind (the property-test generators), written by CaseWriter.
        Gen.Select(Properties.Generators.Items(), Gen.Bool).Sample(
            (items, canonical) =>
            {
                var json = CaseWriter.ToJson(Properties.Generators.Build(items), canonical);
                var result = Evaluate(json);

                result.IsValid.Should().BeTrue(Describe(result));
            },
            iter: 100,
            print: t => Properties.Generators.Print(t.Item1));
    }

    [Theory]
    [InlineData("\"kind\":\"coercion\",\"date\":\"2001\",\"from\":\"P\",\"to\":\"C\",\"type\":\"threat\",\"severity\":0.2,\"resource\":\"arms\"")]
    [InlineData("\"kind\":\"support\",\"date\":\"2001\",\"from\":\"P\",\"to\":\"C\",\"resource\":\"arms\",\"amount\":5")]
    [InlineData("\"kind\":\"capability\",\"date\":\"2001\",\"actor\":\"P\",\"value\":0")]
    [InlineData("\"kind\":\"demand\",\"date\":\"2001\",\"from\":\"P\",\"to\":\"C\",\"issue\":\"i\",\"salience\":0,\"response\":\"defied\"")]
    public void FieldsOfAnotherKindOrOutOfRange_FailTheSchema(string fields)
    {
        var text = $$"""
            {"schema":"influence.case/1","id":"d","name":"Kinds","sources":[{"id":"s1","citation":"S"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "issues":[{"id":"i","name":"I"}],
             "evidence":[{"id":"e1",{{fields}},"confidence":"alleged","sources":["s1"]}]}
            """;

        Evaluate(text).IsValid.Should().BeFalse();
        CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes(text)).Success.Should().BeFalse();
    }

    /// <summary>
    /// ECMA-262's <c>\s</c>, which JSON Schema's patterns follow (JsonSchema.Net runs them with .NET's, a different
    /// set): WhiteSpace (tab, U+000B, form feed, space, U+00A0, U+FEFF, the other Zs) and LineTerminator (line feed,
    /// carriage return, U+2028, U+2029).
    /// </summary>
    private const string EcmaSpace = @"\t\n\u000B\f\r \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF\u2028\u2029";

    /// <summary>A schema pattern as a validator that follows ECMA-262 reads it (its shorthands for white space spelt out).</summary>
    private static System.Text.RegularExpressions.Regex AsEcma(string pattern)
    {
        // \d, \w and \b differ between engines too (.NET's \d takes every script's digits): the schema spells them out.
        System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\\[dDwWbB]").Should().BeFalse($"the pattern {pattern} should spell out its character classes");
        var ecma = pattern.Replace(@"\s", $"[{EcmaSpace}]", StringComparison.Ordinal).Replace(@"\S", $"[^{EcmaSpace}]", StringComparison.Ordinal);
        return new System.Text.RegularExpressions.Regex(ecma, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    private static string Pattern(string def)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        return doc.RootElement.GetProperty("$defs").GetProperty(def).GetProperty("pattern").GetString()!;
    }

    /// <summary>Every character of the Basic Multilingual Plane that is not half of a surrogate pair.</summary>
    private static IEnumerable<char> EveryCharacter() =>
        Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c);

    private static string Escaped(char c) => $"\\u{(int)c:X4}";

    /// <summary>The character as JSON may hold it in a string unescaped, escaped only where it must be.</summary>
    private static string RawWhereAllowed(char c) => c is < ' ' or '"' or '\\' ? Escaped(c) : c.ToString();

    [Fact]
    public void AroundAPoint_TheSchemaAndTheReader_TakeTheSameWhiteSpace_CharacterByCharacter()
    {
        // One case with an item a character: its date is the character, 2001-10, the character.
        var schema = AsEcma(Pattern("point"));
        var characters = EveryCharacter().ToList();
        var items = characters.Select((c, i) =>
            $$"""{"id":"e{{i}}","kind":"coercion","date":"{{Escaped(c)}}2001-10{{Escaped(c)}}","confidence":"alleged","sources":["s1"],"from":"P","to":"C","type":"threat","severity":0.2}""");
        var text = $$"""
            {"schema":"influence.case/1","id":"d","name":"Dates","sources":[{"id":"s1","citation":"S"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "evidence":[{{string.Join(",\n", items)}}]}
            """;
        var refused = CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes(text)).Problems
            .Select(p => p.Path).Where(p => p.EndsWith("].date", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var disagree = characters.Where((c, i) => schema.IsMatch($"{c}2001-10{c}") == refused.Contains($"$.evidence[{i}].date"));

        disagree.Select(c => $"U+{(int)c:X4}").Should().BeEmpty("the schema's pattern and the reader should take the same characters around a date");
        refused.Should().HaveCount(characters.Count - 25, "the 25 characters of Unicode's White_Space are taken");
    }

    [Fact]
    public void AroundAPeriod_AndForANonEmptyText_TheSchemaAndTheReader_TakeTheSameWhiteSpace()
    {
        var period = AsEcma(Pattern("period"));
        var nonEmpty = AsEcma(Pattern("nonEmpty"));
        var dotNet = new System.Text.RegularExpressions.Regex(@"\s");
        var ecma = new System.Text.RegularExpressions.Regex($"[{EcmaSpace}]");

        // The characters any of them may take for white space, and the Latin-1 ones.
        var candidates = EveryCharacter().Where(c => c < 0x100 || char.IsWhiteSpace(c) || dotNet.IsMatch(c.ToString()) || ecma.IsMatch(c.ToString())
            || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.SpaceSeparator).ToList();
        var disagree = new List<string>();
        foreach (var c in candidates)
        {
            var e = Escaped(c);
            var read = CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes($$"""
                {"schema":"influence.case/1","id":"d","name":"Periods","from":"{{e}}1996{{e}}","to":"2001{{e}}",
                 "sources":[{"id":"s1","citation":"{{e}}"}],"actors":[{"id":"P","name":"P","kind":"state"}],"evidence":[]}
                """)).Problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            if (period.IsMatch($"{c}1996{c}") == read.Contains("$.from") || period.IsMatch($"2001{c}") == read.Contains("$.to"))
            {
                disagree.Add($"period U+{(int)c:X4}");
            }

            // Control characters among them (U+000B, U+0085) are refused by both, as text.
            if (nonEmpty.IsMatch(c.ToString()) == read.Contains("$.sources[0].citation"))
            {
                disagree.Add($"nonEmpty U+{(int)c:X4}");
            }
        }

        disagree.Should().BeEmpty("the schema's patterns and the reader should take the same white space");
    }

    [Fact]
    public void InText_TheSchemaAndTheReader_RefuseTheSameCharacters_CharacterByCharacter()
    {
        // One case with an actor and an evidence item a character: the actor's name holds it after a letter and its
        // alias alone (escaped: nonEmpty), the item's note between two letters (raw where JSON allows it, so that the
        // reader's fast path for evidence reads it, escaped otherwise: text).
        var text = AsEcma(Pattern("text"));
        var nonEmpty = AsEcma(Pattern("nonEmpty"));
        var characters = EveryCharacter().ToList();
        var actors = characters.Select((c, i) =>
            $$"""{"id":"a{{i}}","name":"a{{Escaped(c)}}","kind":"other","aliases":["{{Escaped(c)}}"]}""");
        var items = characters.Select((c, i) =>
            $$"""{"id":"e{{i}}","kind":"coercion","date":"2001","confidence":"alleged","sources":["s1"],"from":"P","to":"C","type":"threat","severity":0.2,"note":"a{{RawWhereAllowed(c)}}b"}""");
        var json = $$"""
            {"schema":"influence.case/1","id":"d","name":"Text","sources":[{"id":"s1","citation":"S"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"},{{string.Join(",\n", actors)}}],
             "evidence":[{{string.Join(",\n", items)}}]}
            """;
        var refused = CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes(json)).Problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

        var disagree = new List<string>();
        for (var i = 0; i < characters.Count; i++)
        {
            var c = characters[i];
            if (text.IsMatch($"a{c}b") == refused.Contains($"$.evidence[{i}].note"))
            {
                disagree.Add($"text U+{(int)c:X4}");
            }

            if (nonEmpty.IsMatch($"a{c}") == refused.Contains($"$.actors[{i + 2}].name"))
            {
                disagree.Add($"name U+{(int)c:X4}");
            }

            if (nonEmpty.IsMatch(c.ToString()) == refused.Contains($"$.actors[{i + 2}].aliases[0]"))
            {
                disagree.Add($"alias U+{(int)c:X4}");
            }
        }

        disagree.Should().BeEmpty("the schema's patterns and the reader should refuse the same characters in text");
        var notes = characters.Where((c, i) => refused.Contains($"$.evidence[{i}].note")).Select(c => (int)c).ToList();
        notes.Should().HaveCount(71, "the C0 controls but tab, line feed and carriage return (29), DEL and the C1 controls (33), and the embeddings, overrides and isolates (9) are refused")
            .And.Contain([0x00, 0x0B, 0x1F, 0x7F, 0x85, 0x9B, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069])
            .And.NotContain([0x09, 0x0A, 0x0D, 0xA0, 0x061C, 0x200E, 0x200F, 0x2028, 0xFEFF]);
    }

    private static EvaluationResults Evaluate(string text)
    {
        using var doc = JsonDocument.Parse(text, Json);
        return Schema.Value.Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        results.IsValid ? "valid" : string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    private static string RepositoryRoot() => Repository.Root;
}
