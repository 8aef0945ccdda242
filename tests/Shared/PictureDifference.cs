using System.Globalization;
using SkiaSharp;

namespace Influence.Tests.Shared;

/// <summary>
/// Where two PNG pictures differ, for a test that compares a drawn picture with a committed one: a failure on another
/// machine then says from its log whether a line, a text or the whole picture moved, or only the PNG encoding did.
/// One source for both test projects (linked into each): the docs images and the notebooks' charts.
/// </summary>
internal static class PictureDifference
{
    /// <summary>
    /// Null when the two PNG files are the same bytes; else their sizes when those differ, or how many pixels differ,
    /// their bounding box and the largest change in a channel, or that the pixels are the same in other bytes.
    /// </summary>
    /// <param name="drawn">The picture this run drew.</param>
    /// <param name="committed">The picture it is compared with.</param>
    /// <param name="drawnName">What the message calls the first picture.</param>
    /// <param name="committedName">What the message calls the second.</param>
    public static string? Of(byte[] drawn, byte[] committed, string drawnName = "drawn", string committedName = "committed")
    {
        if (drawn.AsSpan().SequenceEqual(committed))
        {
            return null;
        }

        using var a = SKBitmap.Decode(drawn);
        using var b = SKBitmap.Decode(committed);
        if (a is null || b is null)
        {
            return $"{(a is null ? drawnName : committedName)} is not a picture SkiaSharp can decode";
        }

        if (a.Width != b.Width || a.Height != b.Height)
        {
            return $"{drawnName} {a.Width}×{a.Height} pixels, {committedName} {b.Width}×{b.Height}";
        }

        var (count, left, top, right, bottom, most) = (0, int.MaxValue, int.MaxValue, -1, -1, 0);
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var (p, q) = (a.GetPixel(x, y), b.GetPixel(x, y));
                var delta = new[] { p.Red - q.Red, p.Green - q.Green, p.Blue - q.Blue, p.Alpha - q.Alpha }.Max(Math.Abs);
                if (delta > 0)
                {
                    (count, most) = (count + 1, Math.Max(most, delta));
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        var pixels = (a.Width * a.Height).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');
        return count == 0
            ? "the same pixels in other PNG bytes (the encoder, not the chart)"
            : $"{count} of {pixels} pixels differ, in x {left}–{right} and y {top}–{bottom}, by up to {most} of 255 in a channel";
    }
}
