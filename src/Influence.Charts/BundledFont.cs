using ScottPlot;
using SkiaSharp;

namespace Influence.Charts;

/// <summary>
/// The font charts are drawn with: DejaVu Sans, embedded in this assembly (Bitstream Vera licence, see
/// LICENSE-DejaVu.txt in the package), so text renders on machines with no fonts installed (containers, CI).
/// </summary>
internal sealed class BundledFont : IFontResolver
{
    /// <summary>The family name charts ask for.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly object Gate = new();
    private static bool _registered;
    private readonly SKTypeface _typeface;

    private BundledFont(SKTypeface typeface) => _typeface = typeface;

    /// <summary>Registers the embedded font with ScottPlot once per process (thread-safe).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream("Influence.Charts.Fonts.DejaVuSans.ttf")
                ?? throw new InvalidOperationException("the embedded font Influence.Charts.Fonts.DejaVuSans.ttf is missing from the assembly");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            using var data = SKData.CreateCopy(memory.ToArray());
            var typeface = SKTypeface.FromData(data)
                ?? throw new InvalidOperationException("the embedded font could not be loaded");
            Fonts.FontResolvers.Insert(0, new BundledFont(typeface));
            _registered = true;
        }
    }

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, FamilyName, StringComparison.OrdinalIgnoreCase) ? _typeface : null;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, FamilyName, StringComparison.OrdinalIgnoreCase) ? _typeface : null;
}
