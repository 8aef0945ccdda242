using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using Influence.Evidence;
using Influence.Internal;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The CSV reader writes each row's JSON itself, and the CSV writer writes from the items: what they write must read
/// as what <see cref="Utf8JsonWriter"/> would have written (the case reader then gives the same case and messages).
/// </summary>
public sealed class EvidenceCsvFastPathTests
{
    private const string Head = """
        { "schema": "influence.case/1", "id": "csv", "name": "Fast path",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }] }
        """;

    private static CaseReadResult Read(string csv) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(csv), "case.json", "evidence.csv");

    private static string Written(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteNumberValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void A_number_cell_taken_as_it_is_is_the_text_the_JSON_writer_writes_for_its_value()
    {
        // Decimals of up to 17 digits at every scale, with and without trailing zeros and signs.
        var digitCount = Gen.Int[1, 17].SelectMany(n => Gen.Long[0, (long)Math.Pow(10, n) - 1]);
        var text = Gen.Select(Gen.Bool, digitCount, Gen.Int[-25, 25], Gen.Int[0, 3]).Select((negative, digits, exponent, zeros) =>
        {
            var d = digits.ToString(CultureInfo.InvariantCulture) + new string('0', zeros);
            var point = d.Length + exponent;
            var s = point <= 0 ? "0." + new string('0', -point) + d
                : point >= d.Length ? d + new string('0', point - d.Length)
                : d[..point] + "." + d[point..];
            return (negative ? "-" : string.Empty) + s;
        });

        var taken = 0;
        text.Sample(t =>
        {
            if (EvidenceCsv.IsShortestNumber(t))
            {
                Interlocked.Increment(ref taken);
                Written(double.Parse(t, CultureInfo.InvariantCulture)).Should().Be(t);
            }
        }, iter: 20_000);

        taken.Should().BeGreaterThan(2_000, "many of the texts are in the shortest form");
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-0", true)]
    [InlineData("0.5", true)]
    [InlineData("0.0001", true)]
    [InlineData("0.00001", false)]
    [InlineData("123456789012345", true)]
    [InlineData("1234567890123456", false)]
    [InlineData("0.50", false)]
    [InlineData("00.5", false)]
    [InlineData(".5", false)]
    [InlineData("5.", false)]
    [InlineData("+0.5", false)]
    [InlineData("1e-3", false)]
    [InlineData("0.30000000000000004", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    public void Only_the_shortest_text_of_a_number_is_taken_as_it_is(string text, bool asItIs)
    {
        EvidenceCsv.IsShortestNumber(text).Should().Be(asItIs);
        if (asItIs)
        {
            Written(double.Parse(text, CultureInfo.InvariantCulture)).Should().Be(text);
        }
    }

    [Theory]
    [InlineData("0.50", 0.5)]
    [InlineData("5e-1", 0.5)]
    [InlineData(" 0.25 ", 0.25)]
    [InlineData("1E-07", 1e-7)]
    [InlineData("0.00001", 1e-5)]
    [InlineData("-0", 0.0)]
    public void A_number_cell_in_any_form_reads_as_its_value(string cell, double expected)
    {
        var result = Read($"id,kind,date,confidence,sources,from,to,type,severity\nk1,coercion,2001,confirmed,s1,P,C,clash,\"{cell}\"\n");

        result.Problems.Should().BeEmpty();
        ((CoercionEvidence)result.Case!.Evidence[0]).Severity.Should().Be(expected);
    }

    [Theory]
    [InlineData("2.0", "was 2")]
    [InlineData("2", "was 2")]
    [InlineData("1e20", "was 1E+20")]
    [InlineData("-0.50", "was -0.5")]
    public void A_number_out_of_range_is_shown_as_the_JSON_writer_writes_it(string cell, string shown)
    {
        var result = Read($"id,kind,date,confidence,sources,from,to,type,severity\nk1,coercion,2001,confirmed,s1,P,C,clash,{cell}\n");

        result.Problems.Should().ContainSingle().Which.Message.Should().EndWith(shown);
    }

    [Fact]
    public void Text_that_JSON_escapes_reads_back_exactly_and_in_a_problem_as_written()
    {
        var note = "Caf\u00e9 \"quoted\" back\\slash, tab\there, line\r\nbreak, \u2028, \U0001F600, <&'>";
        var csv = "id,kind,date,confidence,sources,from,to,resource,magnitude,note\n"
            + $"e1,support,2001,confirmed,s1,P,C,arms,0.5,\"{note.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"
            + "\"e\\\"\"2\",support,2001,confirmed,s1,P,C,arms,0.5,\n";

        var result = Read(csv);
        var fine = Read(csv[..csv.IndexOf("\"e\\", StringComparison.Ordinal)]);

        fine.Problems.Should().BeEmpty();
        fine.Case!.Evidence[0].Note.Should().Be(note);
        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Path, problem.ItemId).Should().Be((4, "id", "e\\\"2"));
    }

    [Fact]
    public void The_CSV_writer_writes_numbers_as_the_JSON_writer_does()
    {
        var values = new[] { 0.0, 0.1 + 0.2, 1e-7, 5e-324, 0.5, 1.0, 1e-5, 0.0001, 1.0 / 3, 123456789012345678, -2.5 };
        var items = string.Join(",", values.Select((v, i) =>
            $"{{\"id\":\"i{i:D2}\",\"kind\":\"indicator\",\"date\":\"2001\",\"confidence\":\"confirmed\",\"sources\":[\"s1\"],\"indicator\":\"ind\",\"value\":{Written(v)}}}"));
        var @case = CaseReader.Read($$"""
            { "schema": "influence.case/1", "id": "n", "name": "Numbers", "sources": [{ "id": "s1", "citation": "S" }],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }],
              "objectives": [{ "id": "o", "holder": "P", "name": "O", "salience": 0.5 }],
              "indicators": [{ "id": "ind", "objective": "o", "name": "I", "direction": "higherIsBetter", "best": 1, "worst": 0 }],
              "evidence": [{{items}}] }
            """);

        var csv = CaseWriter.ToEvidenceCsv(@case);

        var cells = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[^1]).ToList();
        cells.Should().Equal(values.Select(Written));
    }

    [Fact]
    public void Half_a_surrogate_pair_alone_in_a_note_is_exported_as_U_FFFD_and_a_whole_pair_as_it_is()
    {
        var builder = new Influence.Cases.CaseBuilder("c", "C")
            .AddSource(new Influence.Cases.Source("s1", "S"))
            .AddActor(new Actor("P", "P", ActorKind.State))
            .AddActor(new Actor("Q", "Q", ActorKind.State));
        builder.Add(new SupportEvidence("e1", EvidenceDate.InYear(2001), Confidence.Confirmed, ["s1"], "P", "Q", ResourceType.Arms, 0.5) { Note = "lone \uD800, pair \U0001F600" });

        var csv = CaseWriter.ToEvidenceCsv(builder.Build());

        csv.Should().Contain("lone \uFFFD, pair \U0001F600");
    }

    [Fact]
    public void Dates_are_written_as_before()
    {
        var point = EvidenceDate.Point(new DateOnly(987, 3, 4), DatePrecision.Day);
        var span = EvidenceDate.Span(EvidenceDate.Point(new DateOnly(1994, 1, 1), DatePrecision.Year), EvidenceDate.Point(new DateOnly(2001, 12, 1), DatePrecision.Month));

        (point.StartText(), point.EndText()).Should().Be(("0987-03-04", "0987-03-04"));
        (span.StartText(), span.EndText(), span.ToString()).Should().Be(("1994", "2001-12", "1994..2001-12"));
    }

    [Fact]
    public void The_native_buffer_grows_keeps_what_was_written_and_truncates()
    {
        using var buffer = new NativeBuffer(1);
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        buffer.Write(bytes.AsSpan(0, 300));
        buffer.Write((byte)7);
        var span = buffer.GetSpan(2000);
        bytes.AsSpan(0, 500).CopyTo(span);
        buffer.Advance(500);

        buffer.WrittenCount.Should().Be(801);
        buffer.WrittenSpan.ToArray().Should().Equal([.. bytes.Take(300), 7, .. bytes.Take(500)]);
        buffer.Truncate(300);
        buffer.WrittenSpan.ToArray().Should().Equal(bytes.Take(300));
        var act = () => buffer.Advance(int.MaxValue);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
