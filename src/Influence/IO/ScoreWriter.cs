using System.Globalization;
using System.Text;
using System.Text.Json;
using Influence.Scoring;
using Influence.Theory;

namespace Influence.IO;

/// <summary>
/// Writes a <see cref="ScoreSet"/> as JSON (schema <c>influence.scores/2</c>), CSV or long CSV. The same scores always give the
/// same bytes.
/// </summary>
/// <remarks>
/// JSON shape (see <see href="https://github.com/influence-research/influence/blob/main/docs/output-format.md">docs/output-format.md</see>):
/// <code>
/// {"schema":"influence.scores/2","case","inputHash","granularity","from","to","evidenceEnds","dyads":[{"patron","client","periods":[{"period","partial","notScored",
///   "features":{"exchange","asymmetry","conflict","diffuseObligation","endurance"},
///   "accountBalance","isPatronClient","patronClientMargin","patronClientRule",
///   "influence":{"attainment","compliance","issueSpread","counterReaction","inputEfficiency","presence","presenceInfluenceGap","clientAgency"},
///   "multilateral":{"patronShare", …},"detail":{"conflictByPatron","conflictByClient"},"custom":{…},
///   "state","stateRule"}]}]}
/// </code>
/// where each measure entry is <c>{"value","low","high","evidence"}</c>: the value (null when undefined), its
/// interval (null when none was computed: <see cref="ScoreSet.HasInterval(int, int, int)"/>), and the number of evidence items that
/// fed it. Measures left out of the request
/// (<see cref="ScoringRequest.Measures"/>) are left out of the output. Values follow the measure's <see cref="MeasureScale"/>:
/// [0, 1], [−1, 1], or a whole number ≥ 0 for counts (<c>alternativePatrons</c>), written without a fraction. When intervals were computed from draws
/// (<see cref="ScoreSet.IntervalSource"/>), the root carries <c>"intervals":{"method","draws","seed","level"}</c> and
/// each period <c>"patronClientShare":{"holds","fails","undetermined"}</c> (after <c>patronClientRule</c>) and
/// <c>"stateShares":{"consolidated","contested","estranged","dormant","inverted","unobserved"}</c> (after
/// <c>stateRule</c>): the share of draws giving each verdict. CSV then has the same shares as columns, before the
/// <c>notScored,patronClientRule,stateRule,partial</c> columns and the <c>inputHash</c> column that ends every row.
/// </remarks>
public static class ScoreWriter
{
    /// <summary>The schema name of the JSON output.</summary>
    public const string Schema = "influence.scores/2";

    private static readonly string[] FeatureNames = ["exchange", "asymmetry", "conflict", "diffuseObligation", "endurance"];
    private static readonly string[] InfluenceNames = ["attainment", "compliance", "issueSpread", "counterReaction", "inputEfficiency", "presence", "presenceInfluenceGap", "clientAgency"];
    private static readonly string[] DetailNames = ["conflictByPatron", "conflictByClient"];

    /// <summary>The measures written under <c>"multilateral"</c>, in order; the multilateral measures register here.</summary>
    internal static IReadOnlyList<string> MultilateralNames { get; } = ["patronShare", "alternativePatrons", "supplierConcentration", "dependenceAsymmetry", "brokerage", "reverseLeverage"];

    /// <summary>Writes JSON.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="evidenceCounts">Whether to count each value's evidence items (costs a trace per value).</param>
    /// <param name="indented">
    /// Whether to indent (the default, for reading and diffing); false writes the same document without whitespace,
    /// under half the size for large score sets (every pair of the reference case: 188 MB indented, 85 MB compact).
    /// </param>
    public static void WriteJson(ScoreSet scores, Stream stream, bool evidenceCounts = true, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, indented ? JsonValues.Indented : JsonValues.Compact);
        var builtIn = Measures.BuiltIn.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("case", scores.Case.Id);
        w.WriteString("inputHash", scores.InputHash);
        w.WriteString("granularity", scores.Granularity.ToName());
        w.WriteString("from", scores.From.ToString());
        w.WriteString("to", scores.To.ToString());
        JsonValues.EvidenceEnds(w, scores.Case);
        WriteIntervalSource(w, scores);

        w.WriteStartArray("dyads");
        for (var d = 0; d < scores.Dyads.Length; d++)
        {
            w.WriteStartObject();
            w.WriteString("patron", scores.Dyads[d].Patron);
            w.WriteString("client", scores.Dyads[d].Client);
            w.WriteStartArray("periods");
            for (var p = 0; p < scores.PeriodCount; p++)
            {
                w.WriteStartObject();
                w.WriteString("period", scores.Periods[p].ToString());
                w.WriteBoolean("partial", scores.IsPartial(p));
                JsonValues.String(w, "notScored", scores.InactiveReason(d, p));
                Group(w, scores, "features", FeatureNames, d, p, evidenceCounts);
                Entry(w, scores, "accountBalance", d, p, evidenceCounts);
                var verdict = scores.PatronClient(d, p);
                Nullable(w, "isPatronClient", verdict.IsPatronClient);
                Nullable(w, "patronClientMargin", verdict.Margin);
                w.WriteString("patronClientRule", verdict.Rule);
                WritePatronClientShare(w, scores, d, p);

                Group(w, scores, "influence", InfluenceNames, d, p, evidenceCounts);
                Group(w, scores, "multilateral", [.. MultilateralNames.Where(n => scores.MeasureIndexOf(n) >= 0)], d, p, evidenceCounts);
                Group(w, scores, "detail", DetailNames, d, p, evidenceCounts);
                var custom = scores.Measures.Where(m => !builtIn.Contains(m.Name)).Select(m => m.Name).ToArray();
                if (custom.Length > 0)
                {
                    Group(w, scores, "custom", custom, d, p, evidenceCounts);
                }

                var state = scores.State(d, p);
                if (state.State is { } s)
                {
                    w.WriteString("state", RelationshipStates.StateName(s));
                }
                else
                {
                    w.WriteNull("state");
                }

                w.WriteString("stateRule", state.Rule);
                WriteStateShares(w, scores, d, p);

                w.WriteEndObject();
                JsonValues.FlushWhenFull(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="evidenceCounts">Whether to count each value's evidence items.</param>
    /// <param name="indented">Whether to indent (see <see cref="WriteJson"/>).</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(ScoreSet scores, bool evidenceCounts = true, bool indented = true) => JsonValues.Text(stream => WriteJson(scores, stream, evidenceCounts, indented));

    /// <summary>The root's <c>"intervals":{"method","draws","seed","level"}</c>, when the scores have intervals from draws.</summary>
    internal static void WriteIntervalSource(Utf8JsonWriter w, ScoreSet scores)
    {
        if (scores.IntervalSource is { } source)
        {
            w.WriteStartObject("intervals");
            w.WriteString("method", source.Method);
            w.WriteNumber("draws", source.Draws);
            w.WriteNumber("seed", source.Seed);
            w.WriteNumber("level", source.Level);
            w.WriteEndObject();
        }
    }

    /// <summary><c>"patronClientShare":{"holds","fails","undetermined"}</c>, when the scores have intervals from draws.</summary>
    internal static void WritePatronClientShare(Utf8JsonWriter w, ScoreSet scores, int dyad, int period)
    {
        if (scores.PatronClientShares(dyad, period) is { } shares)
        {
            w.WriteStartObject("patronClientShare");
            w.WriteNumber("holds", shares.Holds);
            w.WriteNumber("fails", shares.Fails);
            w.WriteNumber("undetermined", shares.Undetermined);
            w.WriteEndObject();
        }
    }

    /// <summary><c>"stateShares":{"consolidated",…,"unobserved"}</c>, when the scores have intervals from draws.</summary>
    internal static void WriteStateShares(Utf8JsonWriter w, ScoreSet scores, int dyad, int period)
    {
        if (scores.StateShares(dyad, period) is { } shares)
        {
            w.WriteStartObject("stateShares");
            foreach (var st in Enum.GetValues<RelationshipState>())
            {
                w.WriteNumber(RelationshipStates.StateName(st), shares.Of(st));
            }

            w.WriteNumber("unobserved", shares.Unobserved);
            w.WriteEndObject();
        }
    }

    /// <summary>Writes CSV (see <see cref="WriteCsv"/>) to a string.</summary>
    /// <param name="scores">The scores.</param>
    /// <returns>The CSV, with "\n" line ends whatever the platform.</returns>
    public static string ToCsv(ScoreSet scores) => Text(scores, WriteCsv);

    /// <summary>
    /// Writes CSV, one row per dyad and period: <c>patron,client,period</c>, then for every measure its value, low and
    /// high (the value empty when undefined; low and high empty when undefined or when no interval was computed,
    /// <see cref="ScoreSet.HasInterval(int, int, int)"/>), then <c>isPatronClient,patronClientMargin,state</c>; with intervals from draws, then
    /// <c>patronClientShare_holds,_fails,_undetermined</c> and <c>stateShare_consolidated … stateShare_unobserved</c>;
    /// then <c>notScored</c> (<see cref="ScoreSet.InactiveReason"/>: why the dyad is not scored in the period, empty
    /// when it is, which tells a row of a party that did not exist from a row without evidence), <c>patronClientRule</c>
    /// and <c>stateRule</c> (<see cref="PatronClientVerdict.Rule"/>, <see cref="StateVerdict.Rule"/>, as in the JSON),
    /// <c>partial</c> (<c>true</c> in the period inside which the case's evidence ends, <see cref="ScoreSet.IsPartial(int)"/>);
    /// last, <c>inputHash</c> (<see cref="ScoreSet.InputHash"/>, the same on every row, so that rows keep it when files
    /// are concatenated or filtered). A cell holding a comma, a quote or a line break is quoted (RFC 4180).
    /// </summary>
    /// <param name="scores">The scores.</param>
    /// <param name="writer">The text writer.</param>
    public static void WriteCsv(ScoreSet scores, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        var header = new StringBuilder("patron,client,period");
        foreach (var m in scores.Measures)
        {
            header.Append(CultureInfo.InvariantCulture, $",{m.Name},{m.Name}_low,{m.Name}_high");
        }

        header.Append(",isPatronClient,patronClientMargin,state");
        var shares = scores.IntervalSource is not null;
        if (shares)
        {
            header.Append(",patronClientShare_holds,patronClientShare_fails,patronClientShare_undetermined");
            foreach (var st in Enum.GetValues<RelationshipState>())
            {
                header.Append(",stateShare_").Append(RelationshipStates.StateName(st));
            }

            header.Append(",stateShare_unobserved");
        }

        header.Append(",notScored,patronClientRule,stateRule,partial,inputHash");
        writer.WriteLine(header.ToString());
        var hash = scores.InputHash;
        var line = new StringBuilder();
        for (var d = 0; d < scores.Dyads.Length; d++)
        {
            for (var p = 0; p < scores.PeriodCount; p++)
            {
                line.Clear();
                line.Append(Csv(scores.Dyads[d].Patron)).Append(',').Append(Csv(scores.Dyads[d].Client)).Append(',').Append(scores.Periods[p].ToString());
                for (var m = 0; m < scores.Measures.Length; m++)
                {
                    var s = scores.Get(m, d, p);
                    var interval = scores.HasInterval(m, d, p);
                    line.Append(',').Append(Number(s.Value)).Append(',').Append(interval ? Number(s.Low) : string.Empty).Append(',').Append(interval ? Number(s.High) : string.Empty);
                }

                var verdict = scores.PatronClient(d, p);
                var state = scores.State(d, p);
                line.Append(',').Append(verdict.IsPatronClient is { } b ? (b ? "true" : "false") : string.Empty);
                line.Append(',').Append(Number(verdict.Margin));
                line.Append(',').Append(state.State is { } st ? RelationshipStates.StateName(st) : string.Empty);
                if (shares)
                {
                    // Every row has every column: a cell without shares is empty, so the hash stays under its header.
                    var pc = scores.PatronClientShares(d, p);
                    var ss = scores.StateShares(d, p);
                    line.Append(',').Append(Number(pc?.Holds)).Append(',').Append(Number(pc?.Fails)).Append(',').Append(Number(pc?.Undetermined));
                    foreach (var s in Enum.GetValues<RelationshipState>())
                    {
                        line.Append(',').Append(Number(ss?.Of(s)));
                    }

                    line.Append(',').Append(Number(ss?.Unobserved));
                }

                line.Append(',').Append(Csv(scores.InactiveReason(d, p) ?? string.Empty));
                line.Append(',').Append(Csv(verdict.Rule)).Append(',').Append(Csv(state.Rule));
                line.Append(',').Append(scores.IsPartial(p) ? "true" : string.Empty);
                line.Append(',').Append(hash);
                writer.WriteLine(line.ToString());
            }
        }
    }

    /// <summary>Writes long CSV (see <see cref="WriteLongCsv"/>) to a string.</summary>
    /// <param name="scores">The scores.</param>
    /// <returns>The CSV, with "\n" line ends whatever the platform.</returns>
    public static string ToLongCsv(ScoreSet scores) => Text(scores, WriteLongCsv);

    /// <summary>What a CSV writer writes, as a string with "\n" line ends.</summary>
    private static string Text(ScoreSet scores, Action<ScoreSet, TextWriter> write)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(scores, w);
        return w.ToString();
    }

    /// <summary>
    /// Writes long ("tidy") CSV, one row per dyad, period and measure, in that order (the measures in
    /// <see cref="ScoreSet.Measures"/>' order): <c>patron,client,period,measure,value,low,high,partial,notScored,inputHash</c>.
    /// <c>value</c> is empty when undefined; <c>low</c> and <c>high</c> are empty when the value is undefined or no
    /// interval was computed (<see cref="ScoreSet.HasInterval(int, int, int)"/>); <c>partial</c>, <c>notScored</c> (why the dyad is
    /// not scored in the period, <see cref="ScoreSet.InactiveReason"/>, empty when it is: it tells an empty value of a
    /// period that was not scored from an undefined one) and <c>inputHash</c> are as in <see cref="WriteCsv"/>. Numbers, culture, line ends and quoting are those of <see cref="WriteCsv"/>; the verdicts
    /// and rules are in the wide CSV only.
    /// </summary>
    /// <param name="scores">The scores.</param>
    /// <param name="writer">The text writer.</param>
    /// <remarks>One row per value suits tools that filter, group and plot by column (pandas, R's tidyverse).</remarks>
    public static void WriteLongCsv(ScoreSet scores, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        writer.WriteLine("patron,client,period,measure,value,low,high,partial,notScored,inputHash");
        var hash = scores.InputHash;
        var line = new StringBuilder();
        for (var d = 0; d < scores.Dyads.Length; d++)
        {
            var dyad = Csv(scores.Dyads[d].Patron) + "," + Csv(scores.Dyads[d].Client);
            for (var p = 0; p < scores.PeriodCount; p++)
            {
                var period = scores.Periods[p].ToString();
                var partial = scores.IsPartial(p) ? "true" : string.Empty;
                var notScored = Csv(scores.InactiveReason(d, p) ?? string.Empty);
                for (var m = 0; m < scores.Measures.Length; m++)
                {
                    var s = scores.Get(m, d, p);
                    var interval = scores.HasInterval(m, d, p);
                    line.Clear();
                    line.Append(dyad).Append(',').Append(period).Append(',').Append(Csv(scores.Measures[m].Name));
                    line.Append(',').Append(Number(s.Value));
                    line.Append(',').Append(interval ? Number(s.Low) : string.Empty).Append(',').Append(interval ? Number(s.High) : string.Empty);
                    line.Append(',').Append(partial).Append(',').Append(notScored).Append(',').Append(hash);
                    writer.WriteLine(line.ToString());
                }
            }
        }
    }

    /// <summary>Formats a number as the writers do: shortest round-trip, invariant culture; empty when null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Number(double? value) => value switch
    {
        null => string.Empty,
        { } v when double.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),
        { } v => throw new ArgumentOutOfRangeException(nameof(value), v, "output values are finite numbers or undefined (null); NaN and infinities are never written"),
    };

    private static string Csv(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static void Group(Utf8JsonWriter w, ScoreSet scores, string name, IReadOnlyList<string> measures, int d, int p, bool evidenceCounts)
    {
        w.WriteStartObject(name);
        foreach (var m in measures)
        {
            Entry(w, scores, m, d, p, evidenceCounts);
        }

        w.WriteEndObject();
    }

    private static void Entry(Utf8JsonWriter w, ScoreSet scores, string measure, int d, int p, bool evidenceCounts)
    {
        var m = scores.MeasureIndexOf(measure);
        if (m < 0)
        {
            return;
        }

        var s = scores.Get(m, d, p);
        var interval = scores.HasInterval(m, d, p);
        w.WriteStartObject(measure);
        Nullable(w, "value", s.Value);
        Nullable(w, "low", interval ? s.Low : null);
        Nullable(w, "high", interval ? s.High : null);
        if (evidenceCounts)
        {
            w.WriteNumber("evidence", scores.EvidenceCount(m, d, p));
        }

        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, double? value) => JsonValues.Number(w, name, value);

    private static void Nullable(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
