using System.Buffers.Binary;
using System.Text;

namespace Influence.Charts;

/// <summary>Text metadata in a PNG file: an international text chunk (iTXt, UTF-8) placed after the header chunk.</summary>
internal static class PngText
{
    /// <summary>The keyword PNG readers show as the image's title.</summary>
    internal const string TitleKeyword = "Title";

    private static readonly uint[] Table = BuildTable();

    /// <summary>The PNG with a "Title" text chunk holding <paramref name="title"/> (uncompressed UTF-8, no language tag).</summary>
    /// <param name="png">A PNG file's bytes, starting with its signature and header chunk (as every PNG does).</param>
    /// <param name="title">The text to keep.</param>
    /// <returns>The file's bytes with the chunk after the header chunk.</returns>
    internal static byte[] WithTitle(byte[] png, string title)
    {
        // Signature (8 bytes), then IHDR: length (4), type (4), 13 bytes of data, CRC (4).
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        var keyword = Encoding.Latin1.GetBytes(TitleKeyword);
        var text = Encoding.UTF8.GetBytes(title);

        // Keyword, NUL, compression flag 0, compression method 0, empty language tag and translated keyword (NUL each), text.
        var data = new byte[keyword.Length + 5 + text.Length];
        keyword.CopyTo(data, 0);
        text.CopyTo(data, keyword.Length + 5);
        var chunk = new byte[4 + 4 + data.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        "iTXt"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, afterHeader), .. chunk, .. png.AsSpan(afterHeader)];
    }

    /// <summary>The text of the first iTXt chunk with the keyword, or null (for tests and readers of the charts).</summary>
    internal static string? Read(byte[] png, string keyword)
    {
        var position = 8;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = Encoding.Latin1.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            var nul = data.IndexOf((byte)0);
            if (type == "iTXt" && nul >= 0 && Encoding.Latin1.GetString(data[..nul]) == keyword)
            {
                // After the keyword's NUL: two flag bytes, then the language tag and translated keyword, each ending in NUL.
                var rest = data[(nul + 3)..];
                rest = rest[(rest.IndexOf((byte)0) + 1)..];
                rest = rest[(rest.IndexOf((byte)0) + 1)..];
                return Encoding.UTF8.GetString(rest);
            }

            position += 12 + length;
        }

        return null;
    }

    /// <summary>The CRC-32 that PNG chunks carry (ISO 3309, over the chunk's type and data).</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
