using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Influence.Cases;
using Influence.IO;

namespace Influence.Scoring;

/// <summary>The hash that ties a result to its inputs.</summary>
public static class Reproducibility
{
    private static readonly JsonSerializerOptions OptionsJson = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Source-generated, so the hash works where reflection-based serialization is off (trimmed and native AOT
    // applications, and .NET 10's file-based apps, which default to it).
    private static readonly OptionsJsonContext OptionsContext = new(new JsonSerializerOptions(OptionsJson));

    /// <summary>
    /// SHA-256 (lower-case hex) of the canonical case (<see cref="CaseWriter"/>, canonical form) followed by a newline
    /// and the canonical options (every option in declaration order, custom measures by name and <see cref="Theory.Measure.Parameters"/>; the thread count is
    /// left out because it does not change results).
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="options">The options.</param>
    /// <returns>The hash.</returns>
    public static string InputHash(Case @case, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        ArgumentNullException.ThrowIfNull(options);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashingStream(sha))
        {
            CaseWriter.Write(@case, stream, canonical: true);
        }

        sha.AppendData("\n"u8);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(OptionsText(options)));
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The canonical JSON text of the options that enters the hash.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The JSON.</returns>
    public static string OptionsText(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plain = options with { CustomMeasures = [], MaxDegreeOfParallelism = 1 };
        var node = JsonSerializer.SerializeToNode(plain, OptionsContext.ScoringOptions)!.AsObject();
        node.Remove("CustomMeasures");
        node.Remove("MaxDegreeOfParallelism");
        node["CustomMeasures"] = new System.Text.Json.Nodes.JsonArray([.. options.CustomMeasures.Select(m => (System.Text.Json.Nodes.JsonNode?)(m.Parameters is { Length: > 0 } p ? $"{m.Name}({p})" : m.Name))]);
        return node.ToJsonString(OptionsJson);
    }

    /// <summary>A write-only stream that feeds a hash.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);
    }
}

/// <summary>The serialization metadata of <see cref="ScoringOptions"/>, generated at compile time.</summary>
[JsonSerializable(typeof(ScoringOptions))]
internal sealed partial class OptionsJsonContext : JsonSerializerContext;
