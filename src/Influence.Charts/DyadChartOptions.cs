using Influence.IO;

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
    /// 1994–2026", and with intervals from draws what the shaded bands are, a line break or tab in a name written as its
    /// escape as the score table's headings show it; empty: no title, and no strip kept for it).
    /// A title wider than the chart is wrapped between words onto up to three lines, the strip growing with them; what
    /// three lines cannot hold ends in "…", and the whole title is then kept in the PNG's "Title" text metadata.
    /// </summary>
    /// <exception cref="ArgumentException">The title holds a line break (LF, CR, U+2028, U+2029) or another control character.</exception>
    public string? Title { get; init => field = OneLine(value, nameof(Title)); }

    /// <summary>
    /// The credit line at the foot of the chart, one line (null: where the data come from, "Data: &lt;case name&gt;
    /// (&lt;case id&gt;), input &lt;first 12 hex digits of the input hash&gt;; Influence &lt;version&gt;; &lt;n&gt;
    /// sources", the case's name on one line as in the title; empty: no credit line).
    /// </summary>
    /// <exception cref="ArgumentException">The credit holds a line break (LF, CR, U+2028, U+2029) or another control character.</exception>
    public string? Credit { get; init => field = OneLine(value, nameof(Credit)); }

    /// <summary>
    /// Whether to draw only the dyad's active range: from the first period in which both parties exist and a measure
    /// has a value, to the last (every scored period when there is none). Default true; false draws every scored period.
    /// Reading it says whether both ends are trimmed; setting it sets <see cref="TrimToActiveStart"/> and
    /// <see cref="TrimToActiveEnd"/> together (set either after it to trim one end only).
    /// </summary>
    public bool ActiveRangeOnly
    {
        get => TrimToActiveStart && TrimToActiveEnd;
        init => (TrimToActiveStart, TrimToActiveEnd) = (value, value);
    }

    /// <summary>
    /// Whether the chart starts at the dyad's first active period (both parties exist and a measure has a value) rather
    /// than at the first scored period. Default true. False with <see cref="TrimToActiveEnd"/> true draws from the first
    /// scored period to the dyad's last active one: what <c>influence plot --from P</c> draws.
    /// </summary>
    public bool TrimToActiveStart { get; init; } = true;

    /// <summary>
    /// Whether the chart ends at the dyad's last active period rather than at the last scored period. Default true.
    /// False with <see cref="TrimToActiveStart"/> true draws from the dyad's first active period to the last scored
    /// one: what <c>influence plot --to P</c> draws.
    /// </summary>
    public bool TrimToActiveEnd { get; init; } = true;

    /// <summary>
    /// Whether to draw the dyad's relationship state in each period (consolidated, contested, estranged, dormant,
    /// inverted; <see cref="Scoring.ScoreSet.State"/>) as a strip under the panels, in shades of grey with the states'
    /// names or their letters, explained in a line under the chart. With scores that have intervals from draws
    /// (<see cref="Scoring.ScoreSet.StateShares"/>), a period whose state came out in under 60% of the draws (the share
    /// below which the score table names the commonest other state) is drawn lighter, hatched and marked "?", with a
    /// line under the chart saying so; the partial period (<see cref="Scoring.ScoreSet.IsPartial(int)"/>) is striped as in the
    /// panels. Default true.
    /// </summary>
    public bool ShowStates { get; init; } = true;

    /// <summary>
    /// Whether to shade a measure's interval (low to high) where it has one. Default true. The state strip marks narrow
    /// states either way (<see cref="ShowStates"/>): a verdict that most draws do not give is never drawn as if sure.
    /// </summary>
    public bool ShowIntervals { get; init; } = true;

    /// <summary>
    /// Whether a title or credit is one line: no control character (LF, CR, tab, ESC, …) and no Unicode line or
    /// paragraph separator (U+2028, U+2029), which are line breaks too though not controls. The rule of
    /// <see cref="Title"/> and <see cref="Credit"/>, and of the plot command's --title and --credit.
    /// </summary>
    internal static bool IsOneLine(string text) => !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    /// <summary>The text, when it <see cref="IsOneLine"/>; otherwise refused, quoted with its escapes (<see cref="PrintableText"/>).</summary>
    private static string? OneLine(string? value, string name) =>
        value is null || IsOneLine(value)
            ? value
            : throw new ArgumentException($"{name} must be one line of text, with no line break or other control character; was '{PrintableText.Escape(value)}'", name);

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, $"{name} must be in [{min}, {max}] pixels; was {value}");
}
