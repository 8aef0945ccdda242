using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

/// <summary>
/// Runs a C# notebook (.ipynb) in process, cell by cell, in one C# kernel with <c>#r "nuget: …"</c> support, the way
/// Polyglot Notebooks would, and puts each cell's outputs into the notebook's JSON (Jupyter nbformat 4) so they can be
/// written back. The caller sets the working directory to the notebook's folder, so the nuget.config beside it is used.
/// </summary>
internal static class NotebookRunner
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
        using var kernel = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }, false);

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
    /// The outputs of the code cells that are text and deterministic, as "cell N stdout: …" and "cell N text/csv: …":
    /// what a reader reads in the notebook. Charts (PNG in HTML, Plotly with a fresh element id per run) are left out.
    /// </summary>
    public static List<string> TextOutputs(JsonObject notebook)
    {
        var texts = new List<string>();
        var cells = notebook["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var output in cells[i]!["outputs"]?.AsArray() ?? [])
            {
                if ((string?)output!["output_type"] == "stream")
                {
                    texts.Add($"cell {i + 1} {(string?)output["name"]}: {Joined(output["text"])}");
                }
                else if (output["data"]?["text/csv"] is { } csv)
                {
                    texts.Add($"cell {i + 1} text/csv: {Joined(csv)}");
                }
            }
        }

        return texts;
    }

    private static string Joined(JsonNode? text) => text switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

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
