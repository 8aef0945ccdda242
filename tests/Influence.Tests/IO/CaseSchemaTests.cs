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
