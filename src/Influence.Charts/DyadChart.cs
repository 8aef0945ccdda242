using System.Collections.Immutable;
using Influence.Cases;
using Influence.Scoring;
using Influence.Theory;
using ScottPlot;
using SkiaSharp;

namespace Influence.Charts;

/// <summary>
/// Publication charts of one directed dyad (patron → client) over time: each measure is a line, a gap where it is
/// undefined, and a shaded band from low to high where the measure has an interval.
/// </summary>
/// <remarks>
/// <para>
/// With no measures given, the chart draws Biermann's features of patron–client relations (Biermann 2014) at the top
/// and Holsti's and Rubinstein's influence criteria (Holsti 1995; Rubinstein 1975) below them; with measures given,
/// those measures. Each panel holds measures of one scale, with the axis of that scale: unit measures on [0, 1];
/// signed measures (such as input efficiency or the account balance) in a panel of their own below, on [−1, 1] with
/// a line at 0; counts (alternative patrons) in another, from 0 to their largest value. A panel split off for a
/// scale is left out when its measures have no value in the drawn range. So the default chart has three panels (the
/// features; the criteria on [0, 1]; input efficiency on [−1, 1]), two when input efficiency has no value in the
/// range, and measures you choose are drawn one panel per scale.
/// </para>
/// <para>
/// By default (<see cref="DyadChartOptions.ActiveRangeOnly"/>) the chart spans the dyad's active range: from the first
/// period in which both parties exist and a measure has a value, to the last; each end can be kept to the active range
/// alone (<see cref="DyadChartOptions.TrimToActiveStart"/>, <see cref="DyadChartOptions.TrimToActiveEnd"/>). The default
/// title names the actors by their names and gives the drawn range; a line break or tab in a name is written as its
/// escape, as the score table's headings show it. A panel of one measure is titled with the measure's name in words.
/// The time axis labels about twelve periods, thinned to every 2nd, 5th, 10th … year where their labels would overlap
/// (counted back from the partial period when one is drawn, so the thinned labels are evenly spaced).
/// </para>
/// <para>
/// No text is clipped at the image's edge: a title, a panel's title or a legend entry too wide for the chart (or the
/// panel's plotting area) is wrapped between words onto up to three lines, measured in the font it is drawn in, and
/// only what three lines cannot hold is cut, ending in "…" (the whole title is then kept in the PNG's "Title" text
/// metadata); each legend row is as tall as its own entry, and a legend with an entry of several lines keeps as much
/// room above and below them as at their sides. The
/// notes and the credit under the chart are wrapped to its width.
/// </para>
/// <para>
/// A period the case's evidence ends inside (<see cref="ScoreSet.IsPartial(int)"/>) is striped grey in every panel, the
/// segments into it dashed, its tick marked "†" and a note under the chart says so. Under the panels, unless turned off
/// (<see cref="DyadChartOptions.ShowStates"/>), a strip gives the dyad's relationship state in each period, with a key
/// in words; with intervals from draws, a state that came out in under <see cref="ClearMajority"/> of the draws is drawn
/// lighter, hatched and marked "?", and the partial period's cell is striped as in the panels; the last line is a credit saying where the data come from (<see cref="DyadChartOptions.Credit"/>).
/// </para>
/// <para>
/// Text is drawn with the DejaVu Sans font embedded in this assembly (its regular face, titles included), so the picture
/// is the same on a machine with no fonts installed. The first call registers that font with ScottPlot's process-wide
/// font list, under a family name only this library asks for, so fonts that other code in the process draws with (the
/// installed DejaVu Sans, say) never stand in for it; ScottPlot's process-wide default font is left as it was.
/// Rendering is thread-safe: each call draws its own plot.
/// </para>
/// </remarks>
public static class DyadChart
{
    /// <summary>The height of the title strip, when there is a title.</summary>
    internal const int TitleHeight = 40;

    /// <summary>The title's font size.</summary>
    private const int TitleFontSize = 20;

    /// <summary>The room kept free at either side of the title.</summary>
    internal const int TitleMargin = 10;

    /// <summary>The height each further line of a wrapped title adds to the title strip.</summary>
    internal const int TitleLineHeight = 24;

    /// <summary>The most lines a title, a panel's title or a legend entry is wrapped onto; what does not fit them ends in "…".</summary>
    internal const int TitleMaxLines = 3;

    /// <summary>The mark at the end of a title or legend entry shortened to fit.</summary>
    internal const string Ellipsis = "…";

    /// <summary>The mark of the partial period, as in the score table.</summary>
    internal const string PartialMark = "†";

    /// <summary>The height of the state strip under the panels (<see cref="DyadChartOptions.ShowStates"/>).</summary>
    internal const int StateStripHeight = 30;

    private const int FooterFontSize = 13;
    private const int FooterLineHeight = 18;
    private const int FooterPadding = 6;
    private const int FooterMargin = 10;

    /// <summary>The partial period's band: a light grey ground with grey stripes, under the lines.</summary>
    private static readonly Color PartialFill = new(0xF2, 0xF2, 0xF2);

    private static readonly Color PartialHatch = new(0xC0, 0xC0, 0xC0);

    /// <summary>The hatching of a narrow state on an undetermined (white) cell.</summary>
    private static readonly SKColor NarrowHatchOnWhite = new(0xA0, 0xA0, 0xA0);

    /// <summary>
    /// The share of draws below which a state is narrow: the state strip draws it lighter, hatched and marked "?". The
    /// score table's threshold too (<see cref="VerdictShares.ClearMajority"/>).
    /// </summary>
    internal const double ClearMajority = VerdictShares.ClearMajority;

    /// <summary>The mark after a narrow state's name or letters in the strip.</summary>
    internal const string NarrowMark = "?";

    /// <summary>The measures of the upper panel by default: Biermann's features (power asymmetry with its conflictual character).</summary>
    public static ImmutableArray<string> Features { get; } = [.. Measures.Features.Select(m => m.Name)];

    /// <summary>The measures below the features by default: the main influence criteria (attainment, compliance, input efficiency, presence, client agency); input efficiency, a signed measure, is drawn in a panel of its own.</summary>
    public static ImmutableArray<string> Criteria { get; } =
        [Attainment.Instance.Name, Compliance.Instance.Name, InputEfficiency.Instance.Name, Presence.Instance.Name, ClientAgency.Instance.Name];

    /// <summary>Draws a dyad's measures over time as a PNG image.</summary>
    /// <param name="scores">The scores (any granularity).</param>
    /// <param name="dyad">The dyad to draw; it must have been scored.</param>
    /// <param name="measures">The measures to draw, one panel per scale (null: <see cref="Features"/>, then <see cref="Criteria"/>, each scale in its own panel).</param>
    /// <param name="options">How to draw (null: <see cref="DyadChartOptions.Default"/>).</param>
    /// <returns>The PNG file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentException">The dyad was not scored, a measure is unknown, or <paramref name="measures"/> is empty.</exception>
    public static byte[] RenderPng(ScoreSet scores, Dyad dyad, IEnumerable<string>? measures = null, DyadChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        options ??= DyadChartOptions.Default;
        var d = scores.IndexOf(dyad);
        if (d < 0)
        {
            throw new ArgumentException($"dyad {dyad} was not scored; scored: {string.Join(", ", scores.Dyads)}", nameof(dyad));
        }

        var (from, to) = DrawnRange(scores, d, options);
        var panels = SplitByScale(scores, d, PanelsFor(scores, measures), from, to);
        var width = options.Width;
        var title = options.Title ?? DefaultTitle(scores, dyad, from, to, options.ShowIntervals);
        var titleLines = TitleLines(title, width);
        var titleHeight = TitleHeightFor(titleLines.Count);
        var partial = PartialPeriod(scores, from, to);
        var footer = FooterLines(scores, d, from, to, options);
        using var footerFont = new SKFont(BundledFont.Typeface, FooterFontSize);
        var wrapped = footer.SelectMany(line => FitLines(line, s => footerFont.MeasureText(s), width - (2 * FooterMargin), int.MaxValue)).ToList();
        var footerHeight = FooterHeight(wrapped.Count);
        var stripHeight = options.ShowStates ? StateStripHeight : 0;
        var height = titleHeight + (panels.Count * options.PanelHeight) + stripHeight + footerHeight;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (titleHeight > 0)
        {
            DrawTitle(canvas, titleLines, width);
        }

        Plot? last = null;
        for (var i = 0; i < panels.Count; i++)
        {
            var plot = last = BuildPanel(scores, d, panels[i], options, from, to, partial);
            // A plot clears the canvas it renders to: draw each panel on its own surface, then place it.
            using var panelSurface = SKSurface.Create(new SKImageInfo(width, options.PanelHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
            plot.Render(panelSurface.Canvas, width, options.PanelHeight);
            var dataWidth = plot.RenderManager.LastRender.DataRect.Width;
            // A title or legend entry wider than the data area: wrapped (and shortened) to it; period labels that
            // overlap: thinned. Either way the panel is drawn again (both leave the data area as wide as it was).
            var refit = FitPanelText(plot, dataWidth);
            refit |= FitPeriodTicks(plot, scores, from, to, partial, dataWidth);
            if (refit)
            {
                plot.Render(panelSurface.Canvas, width, options.PanelHeight);
            }

            using var panelImage = panelSurface.Snapshot();
            canvas.DrawImage(panelImage, 0, titleHeight + (i * options.PanelHeight));
        }

        if (options.ShowStates)
        {
            // Aligned with the last panel's periods (its data area, as the plot was just drawn).
            DrawStates(canvas, StateRuns(scores, d, from, to, partial), p => last!.GetPixel(new Coordinates(p, 0)).X, titleHeight + (panels.Count * options.PanelHeight), footerFont);
        }

        DrawFooter(canvas, wrapped, footerFont, height - footerHeight);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        // A title shortened to fit is kept whole in the file's metadata (a PNG "Title" text chunk).
        return titleLines.Count > 0 && titleLines[^1].EndsWith(Ellipsis, StringComparison.Ordinal) && !title.EndsWith(Ellipsis, StringComparison.Ordinal)
            ? PngText.WithTitle(png.ToArray(), title)
            : png.ToArray();
    }

    /// <summary>Draws a dyad's measures over time and writes the PNG image to a file (whole or not at all).</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="dyad">The dyad to draw.</param>
    /// <param name="path">The file to write (a .png).</param>
    /// <param name="measures">The measures to draw, one panel per scale (null: <see cref="Features"/>, then <see cref="Criteria"/>, each scale in its own panel).</param>
    /// <param name="options">How to draw (null: <see cref="DyadChartOptions.Default"/>).</param>
    /// <exception cref="ArgumentException">As <see cref="RenderPng"/>, or <paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void SavePng(ScoreSet scores, Dyad dyad, string path, IEnumerable<string>? measures = null, DyadChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = RenderPng(scores, dyad, measures, options);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            // Said here, or the error would name the temporary file written first.
            throw new DirectoryNotFoundException($"{path}: the folder {folder} does not exist");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"{path}: is a folder; give the path of a file to write");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    internal static List<(string Title, int[] Measures)> PanelsFor(ScoreSet scores, IEnumerable<string>? measures)
    {
        if (measures is null)
        {
            return
            [
                ("Biermann's features of patron–client relations", Resolve(scores, Features.Where(m => scores.MeasureIndexOf(m) >= 0))),
                ("Influence criteria (Holsti; Rubinstein)", Resolve(scores, Criteria.Where(m => scores.MeasureIndexOf(m) >= 0))),
            ];
        }

        var chosen = Resolve(scores, measures);
        return chosen.Length == 0
            ? throw new ArgumentException("give at least one measure to draw", nameof(measures))
            : [(chosen.Length == 1 ? LegendLabel(scores.Measures[chosen[0]].Name) : "Measures", chosen)];
    }

    /// <summary>
    /// A case's text where the chart draws it on one line before wrapping (an actor's name in the default title, the
    /// case's name in the default credit): each line break (LF, CR, U+2028, U+2029), tab and other character the text
    /// outputs escape written as its escape, "Kabul\u000AKandahar", as the score table's headings show it
    /// (<see cref="Influence.IO.PrintableText"/>); nothing of the text is lost and no line is broken where the text has one.
    /// </summary>
    internal static string OneLine(string text) => Influence.IO.PrintableText.Escape(text);

    /// <summary>"Pakistan → Afghan Taliban, 1994–2026": the actors' names (their ids when the case has none; on one line, <see cref="OneLine"/>) and the drawn range; with intervals from draws, what the shaded bands are ("; shaded: 90% intervals from 500 draws").</summary>
    internal static string DefaultTitle(ScoreSet scores, Dyad dyad, int from, int to, bool showIntervals = true)
    {
        var patron = OneLine(scores.Case.FindActor(dyad.Patron)?.Name ?? dyad.Patron);
        var client = OneLine(scores.Case.FindActor(dyad.Client)?.Name ?? dyad.Client);
        var range = from == to ? scores.Periods[from].ToString() : $"{scores.Periods[from]}–{scores.Periods[to]}";
        var bands = showIntervals && scores.IntervalSource is { } source
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; shaded: {source.Level * 100:0.#}% intervals from {source.Draws} draws")
            : string.Empty;
        return $"{patron} → {client}, {range}{bands}";
    }

    /// <summary>
    /// The positions of the first and last periods in which the dyad is scored (both parties exist) and a measure
    /// has a value; every period when there is none.
    /// </summary>
    internal static (int From, int To) ActiveRange(ScoreSet scores, int dyad)
    {
        bool Active(int p) => scores.InactiveReason(dyad, p) is null && Enumerable.Range(0, scores.Measures.Length).Any(m => scores.Get(m, dyad, p).IsDefined);
        var first = Enumerable.Range(0, scores.PeriodCount).FirstOrDefault(Active, -1);
        if (first < 0)
        {
            return (0, scores.PeriodCount - 1);
        }

        var last = Enumerable.Range(0, scores.PeriodCount).Reverse().First(Active);
        return (first, last);
    }

    /// <summary>
    /// The positions of the first and last periods drawn: each end the dyad's active range's
    /// (<see cref="ActiveRange"/>) where <see cref="DyadChartOptions.TrimToActiveStart"/> or
    /// <see cref="DyadChartOptions.TrimToActiveEnd"/> says so, else the scores' own first or last period.
    /// </summary>
    internal static (int From, int To) DrawnRange(ScoreSet scores, int dyad, DyadChartOptions options)
    {
        var (first, last) = ActiveRange(scores, dyad);
        return (options.TrimToActiveStart ? first : 0, options.TrimToActiveEnd ? last : scores.PeriodCount - 1);
    }

    /// <summary>
    /// Each panel's measures grouped by scale, in the order unit, signed, count: the first group keeps the panel's
    /// title, each further group gets a panel of its own below it, left out when none of its measures has a value in
    /// the range.
    /// </summary>
    internal static List<(string Title, int[] Measures)> SplitByScale(ScoreSet scores, int dyad, List<(string Title, int[] Measures)> panels, int from, int to)
    {
        var result = new List<(string Title, int[] Measures)>();
        foreach (var (title, chosen) in panels)
        {
            var groups = chosen.GroupBy(m => scores.Measures[m].Scale).OrderBy(g => g.Key).ToList();
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g].ToArray();
                if (g == 0)
                {
                    result.Add((groups.Count == 1 ? title : $"{title}: {ScaleName(groups[g].Key)}", group));
                }
                else if (group.Any(m => Enumerable.Range(from, to - from + 1).Any(p => scores.Get(m, dyad, p).IsDefined)))
                {
                    result.Add(($"{title}: {ScaleName(groups[g].Key)}", group));
                }
            }
        }

        return result;
    }

    private static string ScaleName(MeasureScale scale) => scale switch
    {
        MeasureScale.Signed => "signed measures, −1 to 1",
        MeasureScale.Count => "counts",
        _ => "0 to 1",
    };

    private static int[] Resolve(ScoreSet scores, IEnumerable<string> names, string parameter = "measures") =>
    [
        .. names.Select(n => scores.MeasureIndexOf(n) is var i and >= 0
            ? i
            : throw new ArgumentException($"no measure is called '{n}'; expected one of: {string.Join(", ", scores.Measures.Select(m => m.Name))}", parameter)),
    ];

    private static Plot BuildPanel(ScoreSet scores, int dyad, (string Title, int[] Measures) panel, DyadChartOptions options, int from, int to, int? partial)
    {
        var plot = new Plot();
        if (partial is { } pp)
        {
            // Under the lines: grey diagonal stripes over the whole period, readable in black and white.
            var span = plot.Add.HorizontalSpan(pp - 0.5, pp + 0.5);
            span.FillStyle.Color = PartialFill;
            span.FillStyle.Hatch = new ScottPlot.Hatches.Striped();
            span.FillStyle.HatchColor = PartialHatch;
            span.LineStyle.Width = 0;
            span.LegendText = PartialLegend(scores, pp);
        }

        var palette = new ScottPlot.Palettes.Category10();
        var n = to - from + 1;
        var xs = Enumerable.Range(from, n).Select(p => (double)p).ToArray();
        var scale = scores.Measures[panel.Measures[0]].Scale; // one scale per panel (SplitByScale)
        var largest = 1.0;
        for (var k = 0; k < panel.Measures.Length; k++)
        {
            var m = panel.Measures[k];
            var measure = scores.Measures[m];
            var color = palette.GetColor(k);
            var values = new Score[n];
            for (var p = 0; p < n; p++)
            {
                values[p] = scores.Get(m, dyad, from + p);
                largest = Math.Max(largest, values[p].High ?? values[p].Value ?? 0);
            }

            var first = true;
            foreach (var (start, end) in DefinedRuns(values))
            {
                var runX = xs[start..end];
                if (options.ShowIntervals && values[start..end].Any(v => v.Low < v.High))
                {
                    var band = plot.Add.FillY(runX, [.. values[start..end].Select(v => v.Low!.Value)], [.. values[start..end].Select(v => v.High!.Value)]);
                    band.FillColor = color.WithAlpha(0.2);
                    band.LineColor = Colors.Transparent;
                }

                // The segment into the partial period is dashed: its end rests on part of the period only.
                var cut = partial is { } marked && marked - from > start && marked - from < end ? marked - from : end;
                var line = plot.Add.Scatter(xs[start..cut], [.. values[start..cut].Select(v => v.Value!.Value)]);
                line.Color = color;
                line.LineWidth = 2;
                line.MarkerSize = end - start == 1 ? 7 : 4;
                if (cut < end)
                {
                    var dashed = plot.Add.Scatter(xs[(cut - 1)..end], [.. values[(cut - 1)..end].Select(v => v.Value!.Value)]);
                    dashed.Color = color;
                    dashed.LineWidth = 2;
                    dashed.LinePattern = LinePattern.Dashed;
                    dashed.MarkerSize = 4;
                }

                if (first)
                {
                    line.LegendText = LegendLabel(measure.Name);
                    first = false;
                }
            }
        }

        plot.Title(panel.Title, 16);
        plot.YLabel(scale == MeasureScale.Count ? "count" : "score", 13);
        var (low, high) = scale switch
        {
            MeasureScale.Signed => (-1.05, 1.05),
            MeasureScale.Count => (-0.05 * Math.Ceiling(largest), Math.Ceiling(largest) * 1.05),
            _ => (-0.05, 1.05),
        };
        if (scale == MeasureScale.Signed)
        {
            var zero = plot.Add.HorizontalLine(0);
            zero.Color = Colors.Gray;
            zero.LineWidth = 1;
        }

        plot.Axes.SetLimits(from - 0.5, to + 0.5, low, high);
        plot.Axes.Bottom.TickGenerator = TickGenerator(PeriodTicksEvery(scores, from, to, partial, PeriodStep(to - from + 1), aligned: false));
        // The text output's minus sign (U+2212), not ASCII '-', on the value axis; and never "-0".
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = ValueLabel };
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        UseEmbeddedFont(plot);
        return plot;
    }

    /// <summary>The runs [start, end) of consecutive defined values: a line is broken where a measure is undefined.</summary>
    private static IEnumerable<(int Start, int End)> DefinedRuns(Score[] values)
    {
        var start = -1;
        for (var p = 0; p <= values.Length; p++)
        {
            var defined = p < values.Length && values[p].IsDefined;
            if (defined && start < 0)
            {
                start = p;
            }
            else if (!defined && start >= 0)
            {
                yield return (start, p);
                start = -1;
            }
        }
    }

    /// <summary>
    /// A measure's name as words for a legend a reader outside the library can read: "patronShare" → "patron share",
    /// "presenceInfluenceGap" → "presence–influence gap"; a name with no capitals stays as it is.
    /// </summary>
    internal static string LegendLabel(string name)
    {
        if (name == "presenceInfluenceGap")
        {
            return "presence–influence gap";
        }

        var words = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    /// <summary>A value-axis label: up to two decimals, the minus sign U+2212, and 0 for values that round to zero.</summary>
    internal static string ValueLabel(double value)
    {
        var text = Math.Round(value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text.Replace('-', '\u2212');
    }

    /// <summary>The least room in pixels between two period labels on the time axis.</summary>
    internal const float MinTickGap = 6;

    /// <summary>
    /// The period ticks: about twelve, one every <see cref="PeriodStep"/> periods from the first drawn; the partial
    /// period always has one, its label marked "†". When those labels would overlap in a data area
    /// <paramref name="dataWidth"/> pixels wide (measured by <paramref name="measure"/>, the axis's font), they are
    /// thinned to the smallest step of whole calendar units that leaves <see cref="MinTickGap"/> between every two
    /// (every 2nd, 5th, 10th, 20th year …; for quarters and months also every 2nd quarter, every 3rd or 6th month), on
    /// periods that are multiples of it (1995, 2000, 2005 …), or, when the partial period is drawn, on periods a whole
    /// number of steps from it (2006, 2016, 2026†), so every gap is one step; with no room for two labels, one is drawn
    /// (the partial period's, else the first's).
    /// </summary>
    /// <returns>The ticks; <paramref name="thinned"/> says whether they are other than the first ones tried.</returns>
    internal static List<(int Period, string Label)> PeriodTicks(ScoreSet scores, int from, int to, int? partial, float dataWidth, Func<string, float> measure, out bool thinned)
    {
        var n = to - from + 1;
        var ticks = PeriodTicksEvery(scores, from, to, partial, PeriodStep(n), aligned: false);
        thinned = !TicksFit(ticks, n, dataWidth, measure);
        if (!thinned)
        {
            return ticks;
        }

        foreach (var step in NiceSteps(scores.Periods[from].Granularity).TakeWhile(s => s < n).Where(s => s > PeriodStep(n)))
        {
            ticks = PeriodTicksEvery(scores, from, to, partial, step, aligned: true);
            if (TicksFit(ticks, n, dataWidth, measure))
            {
                return ticks;
            }
        }

        var only = partial ?? from;
        return [(only, PeriodLabel(scores, only, partial))];
    }

    /// <summary>The step between labelled periods before any thinning: about twelve labels.</summary>
    internal static int PeriodStep(int periods) => Math.Max(1, (int)Math.Ceiling(periods / 12.0));

    /// <summary>
    /// The steps, in periods, to thin period labels to: whole parts of a year (1, 2 quarters; 1, 2, 3, 4, 6 months),
    /// then 1, 2 and 5 years times a power of ten.
    /// </summary>
    internal static IEnumerable<int> NiceSteps(Granularity granularity)
    {
        var perYear = granularity switch
        {
            Granularity.Quarter => 4,
            Granularity.Month => 12,
            _ => 1,
        };
        foreach (var part in Enumerable.Range(1, perYear - 1).Where(d => perYear % d == 0))
        {
            yield return part;
        }

        for (long years = 1; years * perYear <= int.MaxValue / 5; years *= 10)
        {
            yield return (int)(years * perYear);
            yield return (int)(2 * years * perYear);
            yield return (int)(5 * years * perYear);
        }
    }

    /// <summary>Whether labels centred on their periods leave <see cref="MinTickGap"/> pixels between every two.</summary>
    internal static bool TicksFit(List<(int Period, string Label)> ticks, int periods, float dataWidth, Func<string, float> measure)
    {
        var perPeriod = dataWidth / periods;
        var sorted = ticks.OrderBy(t => t.Period).Select(t => (t.Period, Width: measure(t.Label))).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            var room = ((sorted[i].Period - sorted[i - 1].Period) * perPeriod) - ((sorted[i].Width + sorted[i - 1].Width) / 2);
            if (room < MinTickGap)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A label every <paramref name="step"/> periods, from the first drawn or (<paramref name="aligned"/>) from the first
    /// whose ordinal is a multiple of the step, or a whole number of steps from the partial period when there is one;
    /// none closer than a step to the partial period, which has its own.
    /// </summary>
    private static List<(int Period, string Label)> PeriodTicksEvery(ScoreSet scores, int from, int to, int? partial, int step, bool aligned)
    {
        var ticks = new List<(int Period, string Label)>();
        var start = from;
        if (aligned && partial is { } anchor)
        {
            // Thinned labels are counted from the partial period, so it is on their grid and every gap is one step.
            start = from + ((anchor - from) % step);
        }

        while (aligned && partial is null && start < to && scores.Periods[start].Ordinal % step != 0)
        {
            start++;
        }

        for (var p = start; p <= to; p += step)
        {
            // The partial period gets its own tick below; one closer than a step to it would crowd its label out.
            if (partial is { } pp && Math.Abs(p - pp) < step)
            {
                continue;
            }

            ticks.Add((p, scores.Periods[p].ToString()));
        }

        if (partial is { } marked)
        {
            ticks.Add((marked, PeriodLabel(scores, marked, partial)));
        }

        return ticks;
    }

    /// <summary>The period ticks as the time axis takes them.</summary>
    private static ScottPlot.TickGenerators.NumericManual TickGenerator(List<(int Period, string Label)> ticks)
    {
        var generator = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (period, label) in ticks)
        {
            generator.AddMajor(period, label);
        }

        return generator;
    }

    /// <summary>
    /// Thins the period labels of a panel just drawn when they overlap in its data area (<see cref="PeriodTicks"/>).
    /// Returns whether they changed (the panel must then be drawn again).
    /// </summary>
    private static bool FitPeriodTicks(Plot plot, ScoreSet scores, int from, int to, int? partial, float dataWidth)
    {
        var ticks = PeriodTicks(scores, from, to, partial, dataWidth, TickLabelMeasure(plot), out var thinned);
        if (!thinned)
        {
            return false;
        }

        plot.Axes.Bottom.TickGenerator = TickGenerator(ticks);
        return true;
    }

    /// <summary>The width of a period label in a panel's time axis font, as ScottPlot measures it.</summary>
    internal static Func<string, float> TickLabelMeasure(Plot plot) => s => MeasureLabel(plot.Axes.Bottom.TickLabelStyle, s);

    /// <summary>The width of a period label as a panel of the chart draws it (its font, registered first).</summary>
    internal static float TickLabelWidth(string label)
    {
        var plot = new Plot();
        UseEmbeddedFont(plot);
        return TickLabelMeasure(plot)(label);
    }

    /// <summary>
    /// The embedded font for the plot's title, axis labels, tick labels and legend. Not ScottPlot's
    /// <c>plot.Font.Set</c>, which also sets the process-wide default font, so that every plot the rest of the process
    /// drew afterwards would have the embedded font.
    /// </summary>
    internal static void UseEmbeddedFont(Plot plot)
    {
        var name = BundledFont.FamilyName;
        plot.Axes.Title.Label.FontName = name;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = name;
            axis.TickLabelStyle.FontName = name;
        }

        plot.Legend.FontName = name;
    }

    /// <summary>A period as the chart labels it: "2026†" for the partial period, as the score table marks it.</summary>
    internal static string PeriodLabel(ScoreSet scores, int period, int? partial) =>
        period == partial ? $"{scores.Periods[period]}{PartialMark}" : scores.Periods[period].ToString();

    /// <summary>
    /// The position of the period inside which the case's evidence ends (<see cref="ScoreSet.IsPartial(int)"/>), when it is
    /// drawn (between <paramref name="from"/> and <paramref name="to"/>); else null.
    /// </summary>
    internal static int? PartialPeriod(ScoreSet scores, int from, int to) =>
        Enumerable.Range(from, to - from + 1).FirstOrDefault(scores.IsPartial, -1) is var p and >= 0 ? p : null;

    /// <summary>The partial period's legend entry in each panel: "2026†: evidence ends 2026-02-28".</summary>
    internal static string PartialLegend(ScoreSet scores, int period) =>
        $"{PeriodLabel(scores, period, period)}: evidence ends {scores.EvidenceEnds!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The note under the chart on its partial period, when one is drawn: "† 2026 (striped): the case's evidence ends
    /// on 2026-02-28, inside 2026; that period's values rest on part of it only (what came later is not in the case)."
    /// </summary>
    internal static string? PartialNote(ScoreSet scores, int from, int to) =>
        PartialPeriod(scores, from, to) is { } p
            ? $"{PartialMark} {scores.Periods[p]} (striped): the case's evidence ends on {scores.EvidenceEnds!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}, inside {scores.Periods[p]}; that period's values rest on part of it only (what came later is not in the case)."
            : null;

    /// <summary>
    /// Where the data come from: "Data: Pakistan and the Afghan Taliban (pakistan-taliban), input 3f2a…(12 hex digits);
    /// Influence 0.1.0; 52 sources". The input hash covers the case and the scoring options
    /// (<see cref="Reproducibility.InputHash"/>); the version is the library's, without the build's commit.
    /// </summary>
    internal static string DefaultCredit(ScoreSet scores)
    {
        var sources = scores.Case.Sources.Length;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Data: {OneLine(scores.Case.Name)} ({OneLine(scores.Case.Id)}), input {scores.InputHash[..12]}; Influence {LibraryVersion}; {sources} source{(sources == 1 ? string.Empty : "s")}");
    }

    /// <summary>The version of the Influence library that scored (its informational version without "+commit"): the same for every build of one release.</summary>
    internal static string LibraryVersion { get; } =
        (typeof(ScoreSet).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
            ?? typeof(ScoreSet).Assembly.GetName().Version?.ToString(3)
            ?? "unknown").Split('+')[0];

    /// <summary>The lines under the panels, in order: the states' key and, with draws, the note on narrow states (with <see cref="DyadChartOptions.ShowStates"/>), the partial period's note (when it is drawn), then the credit (unless it is empty).</summary>
    internal static List<string> FooterLines(ScoreSet scores, int dyad, int from, int to, DyadChartOptions options)
    {
        var lines = new List<string>();
        if (options.ShowStates)
        {
            lines.Add(StateKey);
            if (NotScoredNote(scores, dyad, from, to) is { } notScored)
            {
                lines.Add(notScored);
            }

            if (NarrowNote(scores) is { } narrow)
            {
                lines.Add(narrow);
            }
        }

        if (PartialNote(scores, from, to) is { } note)
        {
            lines.Add(note);
        }

        var credit = options.Credit ?? DefaultCredit(scores);
        if (credit.Length > 0)
        {
            lines.Add(credit);
        }

        return lines;
    }

    /// <summary>The key to the state strip, under the chart.</summary>
    internal const string StateKey =
        "State (the strip under the panels, from exchange, conflict and the account balance): Cs consolidated, Ct contested, E estranged, D dormant, I inverted, – undetermined.";

    /// <summary>
    /// The line under the chart when the strip holds periods in which the dyad is not scored (a party did not exist):
    /// they are not periods without evidence. Null when it holds none (the charts of a dyad's own years).
    /// </summary>
    internal static string? NotScoredNote(ScoreSet scores, int dyad, int from, int to)
    {
        for (var p = from; p <= to; p++)
        {
            if (scores.InactiveReason(dyad, p) is { } why)
            {
                return $"Not scored: periods in which the dyad is not scored (first: {why}); not the same as undetermined, a scored period whose evidence decides no state.";
            }
        }

        return null;
    }

    /// <summary>
    /// The cells of the state strip: runs of periods [start, end] (positions) in which the dyad's state is the same
    /// (null where it is undetermined or the dyad inactive), equally sure, and scored or not (a party did not exist). A period is narrow when the scores have
    /// intervals from draws and its state came out in under <see cref="ClearMajority"/> of them; the partial period
    /// (<paramref name="partial"/>) is a cell of its own.
    /// </summary>
    internal static List<StateRun> StateRuns(ScoreSet scores, int dyad, int from, int to, int? partial = null)
    {
        var runs = new List<StateRun>();
        for (var p = from; p <= to; p++)
        {
            var state = scores.State(dyad, p).State;
            var narrow = IsNarrow(scores, dyad, p);
            var isPartial = p == partial;
            var notScored = scores.InactiveReason(dyad, p) is not null;
            if (runs.Count > 0 && runs[^1] is var run && run.State == state && run.Narrow == narrow && !run.Partial && !isPartial && run.NotScored == notScored)
            {
                runs[^1] = run with { End = p };
            }
            else
            {
                runs.Add(new StateRun(p, p, state, narrow, isPartial) { NotScored = notScored });
            }
        }

        return runs;
    }

    /// <summary>Whether a period's state came out in under <see cref="ClearMajority"/> of the draws (false without draws).</summary>
    internal static bool IsNarrow(ScoreSet scores, int dyad, int period) =>
        scores.StateShares(dyad, period) is { } shares && shares.Of(scores.State(dyad, period).State) < ClearMajority;

    /// <summary>
    /// The line under the chart on narrow states, when the scores have intervals from draws: "? (lighter, hatched): the
    /// state came out in under 60% of the 100 draws; influence score --intervals gives each state's share."
    /// </summary>
    internal static string? NarrowNote(ScoreSet scores) =>
        scores.IntervalSource is { } source
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"State{NarrowMark} (lighter, hatched): the state came out in under {ClearMajority * 100:0.#}% of the {source.Draws} draws, a narrow verdict; influence score --intervals gives each state's share of them.")
            : null;

    /// <summary>A state's grey (darker for the closer relations, black for inverted) and its letters in the key.</summary>
    internal static (SKColor Fill, string Letters) StateLook(RelationshipState? state) => state switch
    {
        RelationshipState.Consolidated => (new SKColor(0x4D, 0x4D, 0x4D), "Cs"),
        RelationshipState.Contested => (new SKColor(0x80, 0x80, 0x80), "Ct"),
        RelationshipState.Estranged => (new SKColor(0xB3, 0xB3, 0xB3), "E"),
        RelationshipState.Dormant => (new SKColor(0xDD, 0xDD, 0xDD), "D"),
        RelationshipState.Inverted => (new SKColor(0x1A, 0x1A, 0x1A), "I"),
        _ => (SKColors.White, "–"),
    };

    private static void DrawStates(SKCanvas canvas, List<StateRun> runs, Func<int, float> x, int top, SKFont font)
    {
        const int pad = 4;
        var bottom = top + StateStripHeight - pad;
        using var fill = new SKPaint { IsAntialias = false };
        using var border = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        using var text = new SKPaint { IsAntialias = true };
        foreach (var run in runs)
        {
            var (start, end) = (run.Start, run.End);
            var (left, right) = (x(start) - ((x(start + 1) - x(start)) / 2), x(end) + ((x(end + 1) - x(end)) / 2));
            var box = new SKRect(MathF.Round(left), top + pad, MathF.Round(right), bottom);
            var (colour, letters) = StateLook(run.State);
            var shown = run.Narrow ? Lighter(colour) : colour;
            fill.Color = shown;
            canvas.DrawRect(box, fill);
            if (run.Narrow)
            {
                // Back-diagonal hatching in the state's own grey (mid-grey on the white of an undetermined state).
                Hatch(canvas, box, colour == SKColors.White ? NarrowHatchOnWhite : colour, forward: false, width: 1, gap: 6);
            }

            if (run.Partial)
            {
                // As in the panels, diagonal stripes over the partial period: grey on white, and on a state's grey one
                // that stands out from it.
                Hatch(canvas, box, PartialStripe(shown), forward: true, width: 2, gap: 7);
            }

            canvas.DrawRect(box, border);
            var mark = run.Narrow ? NarrowMark : string.Empty;
            var word = (run.NotScored ? "not scored" : run.State is { } st ? RelationshipStates.StateName(st) : "undetermined") + mark;
            var label = font.MeasureText(word) + 6 <= box.Width ? word : font.MeasureText(letters + mark) + 4 <= box.Width ? letters + mark : string.Empty;
            text.Color = shown.Red < 0x90 ? SKColors.White : SKColors.Black;
            if (label.Length > 0 && (run.Narrow || run.Partial))
            {
                // The label on a patch of the cell's ground, so the hatching does not cross it.
                var textWidth = font.MeasureText(label);
                canvas.DrawRect(new SKRect(MathF.Round(box.MidX - (textWidth / 2) - 2), box.MidY - 7, MathF.Round(box.MidX + (textWidth / 2) + 2), box.MidY + 8), fill);
            }

            canvas.DrawText(label, box.MidX - (font.MeasureText(label) / 2), box.MidY + 5, SKTextAlign.Left, font, text);
        }

        text.Color = SKColors.Black;
        var first = x(runs[0].Start) - ((x(runs[0].Start + 1) - x(runs[0].Start)) / 2);
        canvas.DrawText("state", first - 6 - font.MeasureText("state"), top + pad + ((StateStripHeight - pad) / 2f) + 3, SKTextAlign.Left, font, text);
    }

    /// <summary>A narrow state's fill: its grey halfway to white.</summary>
    internal static SKColor Lighter(SKColor colour) =>
        new((byte)((colour.Red + 0xFF) / 2), (byte)((colour.Green + 0xFF) / 2), (byte)((colour.Blue + 0xFF) / 2));

    /// <summary>
    /// The partial period's stripes over a state's fill: the panels' grey (0xC0C0C0) on white, darker on a light grey,
    /// lighter on a dark one.
    /// </summary>
    internal static SKColor PartialStripe(SKColor fill)
    {
        if (fill == SKColors.White)
        {
            return PartialHatch.ToSKColor();
        }

        var grey = fill.Red >= 0x90 ? fill.Red - 0x40 : fill.Red + 0x50;
        return new SKColor((byte)grey, (byte)grey, (byte)grey);
    }

    /// <summary>Diagonal lines <paramref name="width"/> pixels wide, <paramref name="gap"/> pixels apart, over a box (rising to the right when forward), clipped to it.</summary>
    private static void Hatch(SKCanvas canvas, SKRect box, SKColor colour, bool forward, int width, int gap)
    {
        using var line = new SKPaint { Color = colour, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = width };
        canvas.Save();
        canvas.ClipRect(box);
        var h = box.Height;
        for (var x0 = box.Left - h; x0 < box.Right + h; x0 += gap)
        {
            if (forward)
            {
                canvas.DrawLine(x0, box.Bottom, x0 + h, box.Top, line);
            }
            else
            {
                canvas.DrawLine(x0, box.Top, x0 + h, box.Bottom, line);
            }
        }

        canvas.Restore();
    }

    /// <summary>The height of the strip under the panels for so many lines of text: none for none.</summary>
    internal static int FooterHeight(int lines) => lines == 0 ? 0 : (lines * FooterLineHeight) + (2 * FooterPadding);

    private static void DrawFooter(SKCanvas canvas, List<string> lines, SKFont font, int top)
    {
        using var paint = new SKPaint { Color = new SKColor(0x40, 0x40, 0x40), IsAntialias = true };
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], FooterMargin, top + FooterPadding + ((i + 1) * FooterLineHeight) - 5, SKTextAlign.Left, font, paint);
        }
    }

    /// <summary>The font of the title above the panels (the embedded regular face, as every text of the chart).</summary>
    private static SKFont TitleFont() => new(BundledFont.Typeface, TitleFontSize);

    /// <summary>
    /// The title as drawn on a chart <paramref name="width"/> pixels wide: one line when it fits between the margins,
    /// else wrapped between words onto up to <see cref="TitleMaxLines"/> lines (a word wider than the chart broken
    /// where it must), the last ending in "…" when even they do not hold it all; no line for an empty title.
    /// </summary>
    internal static List<string> TitleLines(string title, int width)
    {
        if (title.Length == 0)
        {
            return [];
        }

        using var font = TitleFont();
        return FitLines(title, s => font.MeasureText(s), width - (2 * TitleMargin), TitleMaxLines);
    }

    /// <summary>The width in pixels of a line of the title, as drawn.</summary>
    internal static float TitleWidth(string line)
    {
        using var font = TitleFont();
        return font.MeasureText(line);
    }

    /// <summary>The height of the title strip for so many lines: <see cref="TitleHeight"/> for one, <see cref="TitleLineHeight"/> more for each further line, none for none.</summary>
    internal static int TitleHeightFor(int lines) => lines == 0 ? 0 : TitleHeight + ((lines - 1) * TitleLineHeight);

    private static void DrawTitle(SKCanvas canvas, List<string> lines, int width)
    {
        using var font = TitleFont();
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var i = 0; i < lines.Count; i++)
        {
            var textWidth = font.MeasureText(lines[i]);
            canvas.DrawText(lines[i], Math.Max(TitleMargin, (width - textWidth) / 2), (TitleHeight / 2f) + 8 + (i * TitleLineHeight), SKTextAlign.Left, font, paint);
        }
    }

    /// <summary>
    /// Wraps a panel's title and legend entries that are wider than its data area (<paramref name="dataWidth"/>
    /// pixels, as the panel was just drawn) onto up to <see cref="TitleMaxLines"/> lines, measured as ScottPlot measures
    /// them. Returns whether any text changed (the panel must then be drawn again).
    /// </summary>
    private static bool FitPanelText(Plot plot, float dataWidth)
    {
        var changed = false;
        var title = plot.Axes.Title.Label;
        var fitted = string.Join('\n', FitLines(title.Text, s => MeasureLabel(title, s), dataWidth, TitleMaxLines));
        if (fitted != title.Text)
        {
            title.Text = fitted;
            changed = true;
        }

        // Each entry: the legend's frame and padding, the line's symbol and the gap after it.
        var legend = plot.Legend;
        var entryWidth = dataWidth - (2 * (legend.Padding.Horizontal + legend.Margin.Horizontal)) - legend.SymbolWidth - legend.SymbolPadding;
        foreach (var item in plot.GetPlottables().OfType<IHasLegendText>())
        {
            if (item.LegendText.Length == 0)
            {
                continue;
            }

            var style = new LabelStyle { FontName = legend.FontName ?? BundledFont.FamilyName, FontSize = legend.FontSize ?? 12 };
            var entry = string.Join('\n', FitLines(item.LegendText, s => MeasureLabel(style, s), entryWidth, TitleMaxLines));
            if (entry != item.LegendText)
            {
                item.LegendText = entry;
                changed = true;
            }
        }

        if (plot.GetPlottables().OfType<IHasLegendText>().Any(item => item.LegendText.Contains('\n', StringComparison.Ordinal)))
        {
            // A block of several lines gets as much room above and below it as at its sides (ScottPlot keeps half as
            // much, which leaves a wrapped entry nearly touching the frame); a legend of one-line entries is as it was.
            legend.Padding = WrappedLegendPadding(legend.Padding);
            // Each row as tall as its own tallest entry (ScottPlot makes every row as tall as the tallest entry of all).
            legend.Layout = new RowLegendLayout();
        }

        return changed;
    }

    /// <summary>The padding of a legend frame round entries of several lines: its side padding above and below too.</summary>
    internal static PixelPadding WrappedLegendPadding(PixelPadding padding) =>
        new(padding.Left, padding.Right, Math.Max(padding.Bottom, padding.Left), Math.Max(padding.Top, padding.Right));

    /// <summary>The width of one line of text in a ScottPlot label's font, as ScottPlot measures it.</summary>
    private static float MeasureLabel(LabelStyle style, string text)
    {
        var saved = style.Text;
        style.Text = text;
        using var paint = Paint.NewDisposablePaint();
        var width = style.Measure(paint).Width;
        style.Text = saved;
        return width;
    }

    /// <summary>
    /// Text cut into at most <paramref name="maxLines"/> lines no wider than <paramref name="width"/> (as
    /// <paramref name="measure"/> measures them), between words; a word wider than a line on its own is broken between
    /// characters. When the lines cannot hold it all, the last one holds as much of the rest as fits before "…"
    /// (cut at a space when one is in reach), so only what does not fit is left out.
    /// </summary>
    internal static List<string> FitLines(string text, Func<string, float> measure, float width, int maxLines)
    {
        var lines = new List<(int Start, int End)>();
        var (start, end) = (-1, -1);
        var position = 0;
        var overflow = false;
        foreach (var word in text.Split(' '))
        {
            var (wordStart, wordEnd) = (position, position + word.Length);
            position = wordEnd + 1;
            if (start >= 0 && measure(text[start..wordEnd]) <= width)
            {
                end = wordEnd;
                continue;
            }

            if (start >= 0)
            {
                lines.Add((start, end));
            }

            // The word starts a line; broken between characters while it is wider than a line.
            start = wordStart;
            while (lines.Count < maxLines && measure(text[start..wordEnd]) > width)
            {
                var cut = LongestFit(text, start, wordEnd, measure, width, string.Empty);
                if (cut < wordEnd && BreakInWord(text, start, cut) is var inWord and > 0)
                {
                    cut = inWord;
                }

                lines.Add((start, cut));
                start = cut;
            }

            end = wordEnd;
            if (lines.Count >= maxLines)
            {
                overflow = true;
                break;
            }
        }

        if (!overflow && start >= 0)
        {
            lines.Add((start, end));
        }

        var result = lines.Select(l => text[l.Start..l.End]).ToList();
        if (overflow)
        {
            // The last line takes the rest of the text, shortened to fit with the ellipsis.
            var from = lines[maxLines - 1].Start;
            var rest = text[from..].TrimEnd();
            var cut = LongestFit(text, from, from + rest.Length, measure, width, Ellipsis);
            var space = text.LastIndexOf(' ', cut - 1, cut - from);
            if (cut < from + rest.Length && text[cut] != ' ' && space > from)
            {
                cut = space;
            }

            result[maxLines - 1] = text[from..cut].TrimEnd() + Ellipsis;
        }

        return result;
    }

    /// <summary>
    /// The last place in text[start..cut] to break a word too wide for a line, when there is one: after a hyphen, an en
    /// or em dash, '/' or '_' ("Inter-" then "Services", "presence–" then "influence"), or before a capital that follows
    /// a small letter ("supportDiversity" then "AcrossEvery…", as measure names are written), in the second half of the
    /// line; else 0 (break at <paramref name="cut"/>).
    /// </summary>
    private static int BreakInWord(string text, int start, int cut)
    {
        // Not so early that the line is left less than half full.
        for (var i = cut - 1; i > start && i - start >= (cut - start) / 2; i--)
        {
            if (text[i - 1] is '-' or '\u2013' or '\u2014' or '/' or '_' || (char.IsUpper(text[i]) && char.IsLower(text[i - 1])))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>
    /// The end of the longest run of whole characters (text elements) of text[start..end] that fits in
    /// <paramref name="width"/> followed by <paramref name="suffix"/>; at least one character.
    /// </summary>
    private static int LongestFit(string text, int start, int end, Func<string, float> measure, float width, string suffix)
    {
        var best = start + System.Globalization.StringInfo.GetNextTextElementLength(text, start);
        var next = best;
        while (next < end)
        {
            next += System.Globalization.StringInfo.GetNextTextElementLength(text, next);
            if (measure(text[start..Math.Min(next, end)].TrimEnd() + suffix) > width)
            {
                break;
            }

            best = Math.Min(next, end);
        }

        return Math.Min(best, end);
    }
}

/// <summary>
/// A horizontal legend whose rows are each as tall as their own tallest entry, with the legend's inter-item padding
/// between every two rows: a legend entry wrapped onto several lines makes its own row taller, not every row. Entries
/// flow and wrap as in ScottPlot's own layout (each as wide as the widest, unless the legend wraps tightly); a legend
/// stacked vertically is left to ScottPlot's layout.
/// </summary>
internal sealed class RowLegendLayout : ILegendLayout
{
    /// <inheritdoc/>
    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        if (legend.Orientation != Orientation.Horizontal || items.Length == 0)
        {
            return new ScottPlot.LegendLayouts.Wrapping().GetLayout(legend, items, maxSize, paint);
        }

        var inner = maxSize.Contracted(legend.Padding);
        var labels = items.Select(item => item.LabelStyle.Measure(item.LabelText, paint).Size).ToArray();
        var symbols = items.Select(item => Math.Max(legend.SymbolWidth, item.MarkerStyle.Size)).ToArray();
        var widest = symbols.Max() + legend.SymbolPadding + labels.Max(l => l.Width);
        var widths = items.Select((_, i) => legend.TightHorizontalWrapping ? legend.SymbolWidth + legend.SymbolPadding + labels[i].Width : widest).ToArray();
        var heights = items.Select((item, i) => Math.Max(labels[i].Height, Math.Max(legend.SymbolHeight, item.MarkerStyle.Size))).ToArray();
        var rows = RowsOf(widths, inner.Width, legend.InterItemPadding.Right);
        var labelRects = new PixelRect[items.Length];
        var symbolRects = new PixelRect[items.Length];
        var top = 0f;
        foreach (var row in rows)
        {
            var rowHeight = row.Max(i => heights[i]);
            var left = 0f;
            foreach (var i in row)
            {
                var item = new PixelRect(left, left + widths[i], top + rowHeight, top).Intersect(new PixelRect(0, inner.Width, inner.Height, 0));
                symbolRects[i] = new PixelRect(item.Left, item.Left + symbols[i], item.Bottom, item.Top);
                labelRects[i] = new PixelRect(item.Left + symbols[i] + legend.SymbolPadding, item.Right, item.Bottom, item.Top);
                left += widths[i] + legend.InterItemPadding.Right;
            }

            top += rowHeight + legend.InterItemPadding.Bottom;
        }

        var width = Math.Min(labelRects.Max(r => r.Right), inner.Width);
        var height = Math.Min(labelRects.Max(r => r.Bottom), inner.Height);
        var offset = new PixelOffset(legend.Padding.Left, legend.Padding.Top);
        return new LegendLayout
        {
            LegendItems = items,
            LegendRect = new PixelRect(0, width + legend.Padding.Horizontal, height + legend.Padding.Vertical, 0),
            LabelRects = [.. labelRects.Select(r => r.WithOffset(offset))],
            SymbolRects = [.. symbolRects.Select(r => r.WithOffset(offset))],
        };
    }

    /// <summary>
    /// The entries of each row, in order: an entry goes on the row being filled while it ends within
    /// <paramref name="width"/>, else starts the next (an entry wider than the row has a row of its own).
    /// </summary>
    internal static List<List<int>> RowsOf(float[] widths, float width, float gap)
    {
        var rows = new List<List<int>>();
        var x = 0f;
        for (var i = 0; i < widths.Length; i++)
        {
            if (rows.Count == 0 || (x > 0 && x + widths[i] > width))
            {
                rows.Add([]);
                x = 0;
            }

            rows[^1].Add(i);
            x += widths[i] + gap;
        }

        return rows;
    }
}

/// <summary>A cell of the state strip: the periods [Start, End] (positions), their state (null: undetermined), whether it is narrow across the draws, whether it is the partial period.</summary>
internal readonly record struct StateRun(int Start, int End, RelationshipState? State, bool Narrow, bool Partial)
{
    /// <summary>Whether the dyad is not scored in these periods (a party did not exist): labelled so, not "undetermined".</summary>
    public bool NotScored { get; init; }
}
