using ScottPlot;
using SkiaSharp;

namespace Influence.Charts;

/// <summary>
/// The font charts are drawn with: DejaVu Sans, embedded in this assembly (Bitstream Vera licence, see
/// LICENSE-DejaVu.txt in the package), so text renders on machines with no fonts installed (containers, CI).
/// </summary>
/// <remarks>
/// ScottPlot keeps one process-wide cache of typefaces by family name, weight and slant, filled by the first lookup of
/// each. Charts therefore ask for the font by a family name no installed font has and no other code asks for
/// (<see cref="FamilyName"/>), and reading that name registers the font first. When the name was "DejaVu Sans", a
/// lookup of it before the registration (a ScottPlot plot drawn with the system's default font, DejaVu Sans on many
/// Linux machines, or a measurement of chart text made before the first chart) filled the cache with the installed
/// DejaVu Sans, its bold face for the title, and every later chart in the process was drawn with it, in other bytes.
/// Only the regular face is embedded, and it answers for every weight and slant, so titles are drawn in it too.
/// </remarks>
internal sealed class BundledFont : IFontResolver
{
    private const string Name = "Influence Charts DejaVu Sans";

    private static readonly object Gate = new();
    private static SKTypeface? _embedded;
    private readonly SKTypeface _typeface;

    private BundledFont(SKTypeface typeface) => _typeface = typeface;

    /// <summary>
    /// The family name charts ask for: the embedded DejaVu Sans, under a name only this library uses. Reading it
    /// registers the font first, so no lookup of the name can reach ScottPlot before this resolver answers it (a lookup
    /// that did would leave ScottPlot's fallback font in its cache under this name for the rest of the process).
    /// </summary>
    public static string FamilyName
    {
        get
        {
            EnsureRegistered();
            return Name;
        }
    }

    /// <summary>The embedded typeface (registered first): what every lookup of <see cref="FamilyName"/> gives.</summary>
    public static SKTypeface Typeface
    {
        get
        {
            EnsureRegistered();
            return _embedded!;
        }
    }

    /// <summary>Registers the embedded font with ScottPlot once per process (thread-safe).</summary>
    private static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_embedded is not null)
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
            _embedded = typeface;
        }
    }

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? _typeface : null;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, Name, StringComparison.OrdinalIgnoreCase) ? _typeface : null;
}
