using System.IO.Compression;
using System.Text;
using FluentAssertions;
using Influence.Cases;
using Influence.Generation;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Shared;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// The engine's JSON output for the sample cases and a few generated universes, captured before the engine was
/// optimised (tests/Influence.Tests/Data/Golden/*.json.gz): any change to the engine must reproduce it byte for
/// byte. To re-capture after a deliberate change of semantics, run these tests with
/// <c>INFLUENCE_WRITE_GOLDEN=&lt;folder&gt;</c> on the engine whose output is the new reference (it writes the files
/// into the folder, then compares them with the committed ones, failing where they differ), copy them over the
/// committed ones, and say why in the commit.
/// </summary>
public class GoldenOutputTests
{
    /// <summary>The golden inputs: name, case, request.</summary>
    public static TheoryData<string> Names => [.. Inputs.Keys];

    private static Dictionary<string, Func<(Case Case, ScoringRequest Request)>> Inputs { get; } = new()
    {
        ["pakistan-taliban-1990s"] = () => (CaseReader.ReadFile(Path.Combine(SamplesFolder(), "pakistan-taliban-1990s.json")), ScoringRequest.Default),
        ["pakistan-taliban"] = () => (CaseReader.ReadFile(Path.Combine(SamplesFolder(), "pakistan-taliban.json")), ScoringRequest.Default),
        ["universe-month"] = () => (UniverseGenerator.Generate(new UniverseOptions { Actors = 10, Periods = 30, Evidence = 2500, Seed = 7 }), ScoringRequest.Default),
        ["universe-month-window"] = () => (
            UniverseGenerator.Generate(new UniverseOptions { Actors = 9, Periods = 48, Evidence = 2000, Seed = 8, FactionShare = 0.4 }),
            new ScoringRequest { From = Period.FromMonth(2002, 7), To = Period.FromMonth(2003, 12) }),
        ["universe-quarter"] = () => (UniverseGenerator.Generate(new UniverseOptions { Actors = 8, Periods = 16, Evidence = 1500, Seed = 11, Granularity = Granularity.Quarter }), ScoringRequest.Default),
        ["universe-year"] = () => (UniverseGenerator.Generate(new UniverseOptions { Actors = 8, Periods = 15, Evidence = 1200, Seed = 3, Granularity = Granularity.Year, FactionShare = 0.4 }), ScoringRequest.Default),
        ["universe-month-by-quarter"] = () => (
            UniverseGenerator.Generate(new UniverseOptions { Actors = 8, Periods = 36, Evidence = 1500, Seed = 5 }),
            new ScoringRequest { Granularity = Granularity.Quarter }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Engine_ReproducesTheGoldenJson_ByteForByte(string name)
    {
        var (@case, request) = Inputs[name]();
        var json = ScoreWriter.ToJson(Scorer.Score(@case, ScoringOptions.Default, request));
        Check(name, json, Golden(name), Environment.GetEnvironmentVariable("INFLUENCE_WRITE_GOLDEN") is { Length: > 0 } folder ? folder : null);
    }

    /// <summary>
    /// Compares the engine's <paramref name="json"/> with the golden one, naming the first line that differs. With
    /// <paramref name="writeFolder"/> (INFLUENCE_WRITE_GOLDEN) it first writes the JSON there as NAME.json.gz, then
    /// compares the same way, the failure naming the file it wrote: a run that writes a change fails, by design.
    /// </summary>
    internal static void Check(string name, string json, string expected, string? writeFolder)
    {
        string? wrote = null;
        if (writeFolder is not null)
        {
            wrote = Path.Combine(writeFolder, $"{name}.json.gz");
            using var compressed = new MemoryStream();
            using (var gz = new GZipStream(compressed, CompressionLevel.SmallestSize))
            {
                gz.Write(Encoding.UTF8.GetBytes(json));
            }

            Snapshot.Write(wrote, compressed.ToArray());
        }

        if (json != expected)
        {
            var a = expected.Split('\n');
            var b = json.Split('\n');
            var line = Snapshot.FirstDifferentLine(a, b);
            var context = string.Join('\n', a.Skip(Math.Max(0, line - 12)).Take(13));
            var written = wrote is null
                ? string.Empty
                : $"INFLUENCE_WRITE_GOLDEN {Snapshot.Wrote(wrote, $"which differs from the committed tests/Influence.Tests/Data/Golden/{name}.json.gz")}: if the change of semantics is intended, copy it over the committed one and say why in the commit; the next run without the switch checks it. ";
            json.Should().Be(expected, $"{written}line {line + 1} differs: golden \"{Line(a, line)}\", engine \"{Line(b, line)}\"; golden context:\n{context}");
        }
    }

    [Fact]
    public void Engine_ReproducesTheGoldenJson_OnOneThread()
    {
        var (@case, request) = Inputs["universe-month"]();
        var json = ScoreWriter.ToJson(Scorer.Score(@case, ScoringOptions.Default with { MaxDegreeOfParallelism = 1 }, request));

        json.Should().Be(Golden("universe-month"));
    }

    private static string Line(string[] lines, int i) => i < lines.Length ? lines[i].Trim() : "(end)";

    private static string Golden(string name)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Data", "Golden", $"{name}.json.gz"));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/data not found above the test folder");
    }
}
