namespace Influence.Charts;

/// <summary>How a <see cref="DyadChart"/> is drawn. Every property has a sensible default.</summary>
public sealed record DyadChartOptions
{
    /// <summary>The defaults: 1200 pixels wide, 450 pixels per panel, intervals shown, an automatic title and credit line.</summary>
    public static DyadChartOptions Default { get; } = new();

    /// <summary>The width of the image in pixels, in [200, 10000]. Default 1200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside [200, 10000].</exception>
    public int Width { get; init => field = InRange(value, 200, 10_000, nameof(Width)); } = 1200;

    /// <summary>The height of each panel in pixels, in [150, 10000]. Default 450.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The height is outside [150, 10000].</exception>
    public int PanelHeight { get; init => field = InRange(value, 150, 10_000, nameof(PanelHeight)); } = 450;

    /// <summary>
    /// The title above the chart, one line (null: the actors' names and the drawn range, "Pakistan → Afghan Taliban,
    /// 1994–2026", and with intervals from draws what the shaded bands are; empty: no title, and no strip kept for it).
    /// </summary>
    /// <exception cref="ArgumentException">The title holds a line break or another control character.</exception>
    public string? Title { get; init => field = OneLine(value, nameof(Title)); }

    /// <summary>
    /// The credit line at the foot of the chart, one line (null: where the data come from, "Data: &lt;case name&gt;
    /// (&lt;case id&gt;), input &lt;first 12 hex digits of the input hash&gt;; Influence &lt;version&gt;; &lt;n&gt;
    /// sources"; empty: no credit line).
    /// </summary>
    /// <exception cref="ArgumentException">The credit holds a line break or another control character.</exception>
    public string? Credit { get; init => field = OneLine(value, nameof(Credit)); }

    /// <summary>
    /// Whether to draw only the dyad's active range: from the first period in which both parties exist and a measure
    /// has a value, to the last (every scored period when there is none). Default true; false draws every scored period.
    /// </summary>
    public bool ActiveRangeOnly { get; init; } = true;

    /// <summary>
    /// Whether to draw the dyad's relationship state in each period (consolidated, contested, estranged, dormant,
    /// inverted; <see cref="Scoring.ScoreSet.State"/>) as a strip under the panels, in shades of grey with the states'
    /// names or their letters, explained in a line under the chart. Default true.
    /// </summary>
    public bool ShowStates { get; init; } = true;

    /// <summary>Whether to shade a measure's interval (low to high) where it has one. Default true.</summary>
    public bool ShowIntervals { get; init; } = true;

    private static string? OneLine(string? value, string name) =>
        value is null || !value.Any(char.IsControl)
            ? value
            : throw new ArgumentException($"{name} must be one line of text, with no line break or other control character; was '{value.ReplaceLineEndings(" ")}'", name);

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, $"{name} must be in [{min}, {max}] pixels; was {value}");
}
