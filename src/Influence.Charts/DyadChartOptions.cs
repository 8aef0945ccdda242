namespace Influence.Charts;

/// <summary>How a <see cref="DyadChart"/> is drawn. Every property has a sensible default.</summary>
public sealed record DyadChartOptions
{
    /// <summary>The defaults: 1200 pixels wide, 450 pixels per panel, intervals shown, an automatic title.</summary>
    public static DyadChartOptions Default { get; } = new();

    /// <summary>The width of the image in pixels, in [200, 10000]. Default 1200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside [200, 10000].</exception>
    public int Width { get; init => field = InRange(value, 200, 10_000, nameof(Width)); } = 1200;

    /// <summary>The height of each panel in pixels, in [150, 10000]. Default 450.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The height is outside [150, 10000].</exception>
    public int PanelHeight { get; init => field = InRange(value, 150, 10_000, nameof(PanelHeight)); } = 450;

    /// <summary>The title above the chart (null: the actors' names and the drawn range, "Pakistan → Afghan Taliban, 1994–2026", and with intervals from draws what the shaded bands are).</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Whether to draw only the dyad's active range: from the first period in which both parties exist and a measure
    /// has a value, to the last (every scored period when there is none). Default true; false draws every scored period.
    /// </summary>
    public bool ActiveRangeOnly { get; init; } = true;

    /// <summary>Whether to shade a measure's interval (low to high) where it has one. Default true.</summary>
    public bool ShowIntervals { get; init; } = true;

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, $"{name} must be in [{min}, {max}] pixels; was {value}");
}
