using FluentAssertions;
using Influence.Generation;
using Influence.IO;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The JSON writers pass their output to the stream as they go, in pieces of about <see cref="JsonValues.FlushThreshold"/>
/// bytes, instead of holding the whole document until the end; and what reaches the stream is the same bytes as before.
/// </summary>
public class StreamingWriterTests
{
    private static readonly UniverseOptions Universe = new() { Actors = 40, Periods = 24, Evidence = 6000, Seed = 11 };

    /// <summary>The largest single write a writer may make: the threshold plus one evidence item or period's object.</summary>
    private const int LargestWrite = JsonValues.FlushThreshold + (16 * 1024);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CaseWriter_WritesTheCaseInPieces_AndTheSameBytes(bool canonical)
    {
        var universe = UniverseGenerator.Generate(Universe);
        using var stream = new RecordingStream();

        CaseWriter.Write(universe, stream, canonical);

        stream.Length.Should().BeGreaterThan(8L * JsonValues.FlushThreshold, "the file must be large enough to need several pieces");
        stream.Writes.Should().BeGreaterThan(8);
        stream.LargestWrite.Should().BeLessThan(LargestWrite);
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Be(CaseWriter.ToJson(universe, canonical));
        CaseReader.Read(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Evidence.Count.Should().Be(universe.Evidence.Count);
    }

    [Fact]
    public void ScoreWriter_WritesTheScoresInPieces()
    {
        var scores = Scorer.Score(UniverseGenerator.Generate(Universe));
        using var stream = new RecordingStream();

        ScoreWriter.WriteJson(scores, stream, evidenceCounts: false);

        stream.Length.Should().BeGreaterThan(8L * JsonValues.FlushThreshold);
        stream.Writes.Should().BeGreaterThan(8);
        stream.LargestWrite.Should().BeLessThan(LargestWrite);
        System.Text.Json.JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("dyads").GetArrayLength().Should().Be(scores.Dyads.Length);
    }

    /// <summary>A memory stream that counts the writes it receives and remembers the largest.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Record(buffer.Length);
            base.Write(buffer);
        }

        private void Record(int count)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
        }
    }
}
