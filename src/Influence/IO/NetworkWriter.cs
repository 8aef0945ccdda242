using System.Globalization;
using System.Text.Json;
using Influence.Internal;
using Influence.Networks;

namespace Influence.IO;

/// <summary>
/// Writes an <see cref="ActorNetwork"/> as JSON (schema <c>influence.network/1</c>) or as Graphviz DOT. The same
/// network always gives the same bytes.
/// </summary>
/// <remarks>
/// JSON shape:
/// <code>
/// {"schema":"influence.network/1","case","inputHash","from","to","evidenceEnds","partial","focus":[ids],"ego","groups",
///  "actors":[{"id","name","kind","group","brokerage":{"coordinator","itinerant","gatekeeper","representative","liaison","total"}}],
///  "edges":[{"from","to","kind":"support"|"coercion","weight"}]}
/// </code>
/// <c>inputHash</c> is <see cref="ActorNetwork.InputHash"/>: the hash of the case and the options the network was read
/// with, the same as the score output's for the same case and options; the window (<c>from</c>, <c>to</c>), the focus
/// actors, <c>ego</c> (<see cref="ActorNetwork.IsEgo"/>) and the groups, which the hash does not cover, are written
/// beside it. Actors in case order; edges in the network's order. DOT draws states as boxes and other actors as
/// ellipses, support as solid green edges and coercion as dashed red ones, each labelled with its weight, and carries
/// the hash in the graph's <c>comment</c> attribute (<c>comment="inputHash=…"</c>), which Graphviz copies into the
/// files it renders (an SVG comment, for example) and DOT readers such as pydot and NetworkX keep as a graph attribute.
/// </remarks>
public static class NetworkWriter
{
    /// <summary>The schema name of the JSON output.</summary>
    public const string Schema = "influence.network/1";

    /// <summary>Writes JSON.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="groups">The groups of the brokerage roles (null: states vs non-state actors).</param>
    public static void WriteJson(ActorNetwork network, Stream stream, ActorGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        groups ??= ActorGroups.StatesAndNonStates;
        var actors = network.Case.Actors;
        var roles = network.BrokerageRoles(groups);
        using var w = new Utf8JsonWriter(stream, JsonValues.Indented);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("case", network.Case.Id);
        w.WriteString("inputHash", network.InputHash);
        w.WriteString("from", network.From.ToString());
        w.WriteString("to", network.To.ToString());
        JsonValues.EvidenceEnds(w, network.Case);
        w.WriteBoolean("partial", network.Case.EndsInside(network.To));
        w.WriteStartArray("focus");
        foreach (var f in network.Focus)
        {
            w.WriteStringValue(actors[f].Id);
        }

        w.WriteEndArray();
        w.WriteBoolean("ego", network.IsEgo);
        w.WriteString("groups", groups.Description);
        w.WriteStartArray("actors");
        foreach (var v in network.Actors.Order())
        {
            var a = actors[v];
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("kind", Names.ActorKind[a.Kind]);
            w.WriteString("group", groups.GroupOf(a));
            var r = roles[v];
            w.WriteStartObject("brokerage");
            w.WriteNumber("coordinator", r.Coordinator);
            w.WriteNumber("itinerant", r.Itinerant);
            w.WriteNumber("gatekeeper", r.Gatekeeper);
            w.WriteNumber("representative", r.Representative);
            w.WriteNumber("liaison", r.Liaison);
            w.WriteNumber("total", r.Total);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("edges");
        foreach (var e in network.Edges)
        {
            w.WriteStartObject();
            w.WriteString("from", actors[e.Source].Id);
            w.WriteString("to", actors[e.Target].Id);
            w.WriteString("kind", KindName(e.Kind));
            w.WriteNumber("weight", e.Weight);
            w.WriteEndObject();
            JsonValues.FlushWhenFull(w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="network">The network.</param>
    /// <param name="groups">The groups (null: states vs non-state actors).</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(ActorNetwork network, ActorGroups? groups = null) => JsonValues.Text(stream => WriteJson(network, stream, groups));

    /// <summary>
    /// Writes Graphviz DOT (render with <c>dot -Tsvg</c>). Only the actors with a tie in the window are drawn (and the
    /// focus actors); the label says how many others were left out. The JSON lists every actor of the network (every actor that existed in the window).
    /// The graph's <c>comment</c> attribute carries the input hash: <c>comment="inputHash=…"</c> (<see cref="ActorNetwork.InputHash"/>).
    /// A line break in the case's name or an actor's (LF, CR LF, CR, U+2028, U+2029) is DOT's <c>\n</c>: the label is
    /// drawn on several lines, and each statement of the file stays on one line. Any other character a terminal would
    /// act on rather than show (a bidirectional mark such as U+200E, a control character, U+FEFF; tabs are kept) is
    /// written as an HTML character entity (<c>&amp;#x200E;</c>), which Graphviz turns back into the character when it
    /// draws the label, and an ampersand as <c>&amp;amp;</c>: the file holds no such character raw, and the drawing
    /// shows the text as it is.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="writer">The text writer.</param>
    public static void WriteDot(ActorNetwork network, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        var inv = CultureInfo.InvariantCulture;
        var actors = network.Case.Actors;
        var range = network.From == network.To ? network.From.ToString() : $"{network.From}–{network.To}";
        var drawn = new HashSet<int>(network.Focus);
        foreach (var e in network.Edges)
        {
            drawn.Add(e.Source);
            drawn.Add(e.Target);
        }

        var untied = network.Actors.Count(v => !drawn.Contains(v));
        var note = untied == 0 ? string.Empty : $" ({untied} actor{(untied == 1 ? string.Empty : "s")} without a tie not drawn)";

        // A focus faction's movement is no vertex: say so, or its own ties (coded at the movement level) seem to vanish.
        var containing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in network.Focus)
        {
            for (var parent = actors[f].Parent; parent is not null; parent = actors[network.Case.ActorIndexOf(parent)].Parent)
            {
                containing.Add(parent);
            }
        }

        if (containing.Count > 0)
        {
            note += $" ({string.Join(", ", containing)} not drawn: {(containing.Count == 1 ? "it contains" : "they contain")} a focus actor, and {(containing.Count == 1 ? "its" : "their")} own items are not split among {(containing.Count == 1 ? "its" : "their")} factions)";
        }

        writer.Write($"digraph {Quote(network.Case.Id)} {{\n");
        writer.Write($"  comment={Quote($"inputHash={network.InputHash}")};\n");
        writer.Write($"  label={Quote($"{network.Case.Name}, {range}{note}")};\n");
        writer.Write("  labelloc=t;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var v in network.Actors.Order().Where(drawn.Contains))
        {
            var a = actors[v];
            writer.Write($"  {Quote(a.Id)} [label={Quote(a.Name)}, shape={(a.Kind == ActorKind.State ? "box" : "ellipse")}];\n");
        }

        foreach (var e in network.Edges)
        {
            var style = e.Kind == TieKind.Support ? "color=\"#2e7d32\"" : "color=\"#c62828\", style=dashed";
            var width = (1 + (2 * Math.Min(e.Weight, 2))).ToString("0.##", inv);
            writer.Write($"  {Quote(actors[e.Source].Id)} -> {Quote(actors[e.Target].Id)} [label={Quote($"{KindName(e.Kind)} {e.Weight.ToString("0.###", inv)}")}, {style}, penwidth={width}];\n");
        }

        writer.Write("}\n");
    }

    /// <summary>Writes DOT to a string.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The DOT text.</returns>
    public static string ToDot(ActorNetwork network)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        WriteDot(network, w);
        return w.ToString();
    }

    private static string KindName(TieKind kind) => kind == TieKind.Support ? "support" : "coercion";

    /// <summary>
    /// A DOT string: a backslash and a quote escaped; each line break of the text (LF, CR LF, a lone CR, U+2028, U+2029)
    /// written as DOT's own <c>\n</c>, so that Graphviz draws a label of several lines and each statement of the file
    /// stays on one line; a tab kept, as in every output of the tool; and each other character
    /// <see cref="Printable.NeedsEscape"/> names (a bidirectional mark, a control character, U+FEFF) written as an HTML
    /// character entity, <c>&amp;#x200E;</c>, with <c>&amp;</c> itself as <c>&amp;amp;</c>.
    /// </summary>
    /// <remarks>
    /// DOT's quoted strings know one escape, <c>\"</c>, and Graphviz's labels (escString) add <c>\n</c>, <c>\l</c>,
    /// <c>\r</c> and the object names (<c>\N</c>, <c>\G</c>, …): "\u200E", the form the tool's other text outputs use
    /// (<see cref="Printable"/>), would be drawn as the letters "u200E". Graphviz does translate HTML entities: "Another
    /// way to avoid non-ascii characters in labels is to use HTML entities for special characters. During label
    /// evaluation, these entities are translated into the underlying character" (The DOT Language, section "Character
    /// encodings", https://graphviz.org/doc/info/lang.html; the numeric forms &amp;#NNN; and &amp;#xHHHH; and the named
    /// ones, &amp;amp; among them, are read by htmlEntityUTF8 in lib/common/utils.c). Because every label is read that
    /// way, a literal ampersand is written as <c>&amp;amp;</c>, or a name holding "&amp;beta;" would be drawn as "β".
    /// Identifiers (actor and case ids: ASCII letters, digits and <c>- _ . : / # @</c>) and the hash hold none of
    /// these characters, so the entities only ever appear in labels, where Graphviz translates them.
    /// </remarks>
    private static string Quote(string s)
    {
        var text = s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n')
            .Replace("\n", "\\n", StringComparison.Ordinal);
        var sb = new System.Text.StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (var c in text)
        {
            if (c == '&')
            {
                sb.Append("&amp;");
            }
            else if (c != '\t' && Printable.NeedsEscape(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"&#x{(int)c:X};");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }
}
