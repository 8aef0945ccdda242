using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Influence.Tests.Shared;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Influence.Samples.Tests;

/// <summary>One failed cell: its position (1-based, counting every cell) and what the kernel said.</summary>
internal sealed record CellFailure(int Cell, string Code, string Message)
{
    public override string ToString() => $"cell {Cell} failed: {Message}\n--- cell {Cell} ---\n{Code}\n---";
}

/// <summary>One output of a notebook: where it is ("cell 8 display_data text/html") and its content.</summary>
internal sealed record NotebookOutput(string Where, string Content);

/// <summary>
/// A part of a notebook's output that changes from run to run although the results do not (<see cref="Name"/>, and
/// <see cref="Why"/>): in an output holding <see cref="Marker"/>, each match of <see cref="Pattern"/> is replaced by
/// <see cref="Replacement"/> before outputs are compared.
/// </summary>
internal sealed record VolatilePart(string Name, string Why, string Marker, Regex Pattern, string Replacement);

/// <summary>
/// Runs a C# notebook (.ipynb) in process, cell by cell, in one C# kernel with <c>#r "nuget: …"</c> support, the way
/// Polyglot Notebooks would, and puts each cell's outputs into the notebook's JSON (Jupyter nbformat 4) so they can be
/// written back. The caller sets the working directory to the notebook's folder, so the nuget.config beside it is used.
/// </summary>
internal static partial class NotebookRunner
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<(JsonObject Notebook, IReadOnlyList<CellFailure> Failures)> RunAsync(string path)
    {
        var notebook = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var cells = notebook["cells"]!.AsArray();
        // forceRestore: the kernel remembers, for each set of `#r "nuget: …"` lines, where it last found the packages
        // (~/.packagemanagement/nuget/Cache, shared by every clone and worktree on the machine, keyed by those lines
        // and not by the folder), and without forceRestore loads them from there again: from another clone's package
        // folder, say, holding an older build of the same version, so notebooks ran and their refreshed outputs were
        // written against stale packages. Checked 2026-11-29 by pointing those entries at a copy of the package folder
        // whose Influence.dll was another assembly: every notebook failed without forceRestore and passed with it.
        // Restoring each time costs about 2 s a run; the test no longer edits that shared folder itself.
        using var kernel = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }, forceRestore: true);

        var failures = new List<CellFailure>();
        var order = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            var kernelName = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "csharp";
            if (kernelName != "csharp")
            {
                failures.Add(new CellFailure(i + 1, string.Empty, $"only C# cells can run here; this one is '{kernelName}'"));
                continue;
            }

            var code = Source(cell);
            var result = await kernel.SendAsync(new SubmitCode(code));
            cell["execution_count"] = ++order;
            cell["outputs"] = new JsonArray([.. Outputs(result.Events, order)]);
            if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            {
                failures.Add(new CellFailure(i + 1, code, failed.Message));
            }
        }

        return (notebook, failures);
    }

    /// <summary>
    /// Every output of the code cells, in order, each with where it is ("cell 8 display_data text/html"): printed lines,
    /// tables (HTML and CSV), charts (a PNG in an &lt;img&gt;, an image/png output, Plotly's HTML), messages. The charts
    /// are drawn deterministically (the same scores give the same PNG bytes), so a stale picture is a difference like a
    /// stale number. What changes from run to run with the same results is replaced first, each by a named rule
    /// (<see cref="VolatileParts"/>), never left out silently.
    /// </summary>
    public static List<NotebookOutput> Outputs(JsonObject notebook)
    {
        var outputs = new List<NotebookOutput>();
        var cells = notebook["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var output in cells[i]!["outputs"]?.AsArray() ?? [])
            {
                var type = (string?)output!["output_type"];
                switch (type)
                {
                    case "stream":
                        outputs.Add(new($"cell {i + 1} {(string?)output["name"]}", Joined(output["text"])));
                        break;
                    case "error":
                        outputs.Add(new($"cell {i + 1} error", $"{(string?)output["ename"]}: {(string?)output["evalue"]}"));
                        break;
                    default:
                        foreach (var (mime, value) in output["data"]?.AsObject() ?? [])
                        {
                            outputs.Add(new($"cell {i + 1} {type} {mime}", Stable(Joined(value))));
                        }

                        break;
                }
            }
        }

        return outputs;
    }

    /// <summary>
    /// The parts of an output that change from run to run although the results do not, each replaced by its rule before
    /// outputs are compared. Nothing else in the notebooks' outputs varies (checked by running them twice and comparing
    /// the files: same tables, same PNG bytes).
    /// </summary>
    public static IReadOnlyList<VolatilePart> VolatileParts { get; } =
    [
        new(
            "Plotly.NET element id",
            "Plotly.NET gives each chart's <div> a fresh GUID per run (id=\"…\", Plotly.newPlot('…'), renderPlotly_… without dashes)",
            "Plotly.newPlot(",
            new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=renderPlotly_)[0-9a-f]{32}", RegexOptions.CultureInvariant),
            "<plotly-element-id>"),
    ];

    private static string Stable(string content)
    {
        foreach (var part in VolatileParts)
        {
            if (content.Contains(part.Marker, StringComparison.Ordinal))
            {
                content = part.Pattern.Replace(content, part.Replacement);
            }
        }

        return content;
    }

    /// <summary>
    /// How the outputs of a run differ from the committed ones, one line each: an output missing or added, or the first
    /// character where two differ, with a little of each side; for a picture, its bytes' length and SHA-256 on each side and
    /// where the pictures differ (<see cref="PictureDifference"/>).
    /// </summary>
    public static List<string> Differences(IReadOnlyList<NotebookOutput> committed, IReadOnlyList<NotebookOutput> current)
    {
        var differences = new List<string>();
        var committedWhere = committed.Select(o => o.Where).ToList();
        var currentWhere = current.Select(o => o.Where).ToList();
        if (!committedWhere.SequenceEqual(currentWhere))
        {
            differences.Add($"the outputs are not the same ones: committed [{string.Join(", ", committedWhere)}], this run [{string.Join(", ", currentWhere)}]");
            return differences;
        }

        for (var i = 0; i < committed.Count; i++)
        {
            var (was, now) = (committed[i].Content, current[i].Content);
            if (was == now)
            {
                continue;
            }

            var wasImages = Images(committed[i]);
            var nowImages = Images(current[i]);
            if (wasImages.Count > 0 && wasImages.Count == nowImages.Count)
            {
                for (var k = 0; k < wasImages.Count; k++)
                {
                    if (wasImages[k] != nowImages[k])
                    {
                        differences.Add($"{committed[i].Where}: picture {k + 1} differs: committed {Describe(wasImages[k])}, this run {Describe(nowImages[k])}{Where(nowImages[k], wasImages[k])}");
                    }
                }

                if (Strip(was) == Strip(now))
                {
                    continue;
                }
            }

            var at = 0;
            while (at < was.Length && at < now.Length && was[at] == now[at])
            {
                at++;
            }

            differences.Add($"{committed[i].Where} differs at character {at}: committed «{Around(was, at)}», this run «{Around(now, at)}»");
        }

        return differences;
    }

    /// <summary>The base64 pictures of an output: an image/* output's data, or each data:image/…;base64 URL in HTML.</summary>
    private static List<string> Images(NotebookOutput output) =>
        output.Where.Contains(" image/", StringComparison.Ordinal)
            ? [output.Content.Trim()]
            : [.. DataUrl().Matches(output.Content).Select(m => m.Groups[1].Value)];

    private static string Strip(string content) => DataUrl().Replace(content, "data:image;base64,…");

    private static string Describe(string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return $"{bytes.Length} bytes, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}…";
        }
        catch (FormatException)
        {
            return $"not base64 ({base64.Length} characters)";
        }
    }

    /// <summary>"; " and where two base64 pictures differ, or nothing when either is not base64.</summary>
    private static string Where(string now, string was)
    {
        try
        {
            return $"; {PictureDifference.Of(Convert.FromBase64String(now), Convert.FromBase64String(was), "this run", "committed")}";
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private static string Around(string text, int at)
    {
        var from = Math.Max(0, at - 40);
        var to = Math.Min(text.Length, at + 40);
        return (from > 0 ? "…" : string.Empty) + text[from..to].ReplaceLineEndings("⏎") + (to < text.Length ? "…" : string.Empty);
    }

    private static string Joined(JsonNode? text) => text switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    [GeneratedRegex(@"data:image/[a-z+]+;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex DataUrl();

    /// <summary>The notebook as .ipynb JSON (one-space indent, as Jupyter and VS Code write it).</summary>
    public static string ToJson(JsonObject notebook) => notebook.ToJsonString(Json).ReplaceLineEndings("\n") + "\n";

    /// <summary>A cell's source: Jupyter stores it as one string or as a list of lines.</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue text => (string?)text ?? string.Empty,
        _ => string.Empty,
    };

    private static List<JsonNode> Outputs(IReadOnlyList<KernelEvent> events, int order)
    {
        var outputs = new List<JsonNode>();
        var displayed = new Dictionary<string, int>(StringComparer.Ordinal); // value id → position, for updates
        foreach (var e in events)
        {
            switch (e)
            {
                case DisplayedValueUpdated u when u.ValueId is not null && displayed.TryGetValue(u.ValueId, out var at):
                    outputs[at] = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(u), ["metadata"] = new JsonObject() };
                    break;
                case StandardOutputValueProduced o:
                    outputs.Add(Stream("stdout", o));
                    break;
                case StandardErrorValueProduced o:
                    outputs.Add(Stream("stderr", o));
                    break;
                case ReturnValueProduced r:
                    outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = order, ["data"] = Data(r), ["metadata"] = new JsonObject() });
                    break;
                case DisplayedValueProduced d:
                    if (d.ValueId is not null)
                    {
                        displayed[d.ValueId] = outputs.Count;
                    }

                    outputs.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d), ["metadata"] = new JsonObject() });
                    break;
                case CommandFailed f:
                    outputs.Add(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = f.Message, ["traceback"] = new JsonArray() });
                    break;
            }
        }

        return outputs;
    }

    private static JsonObject Stream(string name, DisplayEvent e) => new()
    {
        ["output_type"] = "stream",
        ["name"] = name,
        ["text"] = Lines(e.FormattedValues.FirstOrDefault()?.Value ?? string.Empty),
    };

    private static JsonObject Data(DisplayEvent e)
    {
        var data = new JsonObject();
        foreach (var v in e.FormattedValues.DistinctBy(v => v.MimeType))
        {
            data[v.MimeType] = Lines(v.Value);
        }

        return data;
    }

    /// <summary>Jupyter's multi-line string: a list of lines, each but the last ending in a newline.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        text = text.ReplaceLineEndings("\n");
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
