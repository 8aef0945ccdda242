namespace Influence.Samples.Tests;

/// <summary>
/// What a write switch (<c>INFLUENCE_ACCEPT_SAMPLES</c>, <c>INFLUENCE_WRITE_NOTEBOOKS</c>) does, as snapshot-testing
/// libraries do: the run writes the file, then compares what it wrote with what the file held before. An unchanged
/// file passes, since the run did check it; a changed or new one fails, once, naming the file it wrote and what to do,
/// so a run with a switch set is never counted as passed without having checked anything. Influence.Tests has its own
/// copy (tests/Influence.Tests/Support/Snapshot.cs): the two test projects share no source.
/// </summary>
internal static class Snapshot
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> (creating its folder) and returns what the file held
    /// before, or null when there was no file.
    /// </summary>
    public static string? Write(string path, string content)
    {
        var before = File.Exists(path) ? File.ReadAllText(path) : null;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, content);
        return before;
    }

    /// <summary>
    /// Null when <paramref name="before"/> equals <paramref name="after"/>: the run that wrote <paramref name="written"/>
    /// checked it. Otherwise the failure of that run: the file it wrote, the first line where it differs from what it
    /// held before (or that there was no file), <paramref name="todo"/>, and that the next run without the switch
    /// checks it.
    /// </summary>
    public static string? Failure(string written, string? before, string after, string todo) =>
        before == after
            ? null
            : Failure(written, before is null ? "a new file (there was none before)" : $"which differs from what it held before at {Describe(before, after)}", todo);

    /// <summary>
    /// Null when there are no <paramref name="differences"/>; otherwise the failure of the run that wrote
    /// <paramref name="written"/>, listing them after it.
    /// </summary>
    public static string? Failure(string written, IReadOnlyList<string> differences, string todo) =>
        differences.Count == 0
            ? null
            : $"{Failure(written, "which differs from what it held before", todo)}; how:\n{string.Join('\n', differences)}";

    /// <summary>A path relative to the repository, with '/', when it is inside it; otherwise the full path.</summary>
    public static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Repository.Root, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? Path.GetFullPath(path)
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string Failure(string written, string how, string todo) =>
        $"wrote {Shown(written)}, {how} (a run that writes a change fails once, by design): {todo}; the next run without the switch checks it";

    /// <summary>"line N: was «…», now «…»" for the first line where two texts differ.</summary>
    private static string Describe(string before, string after)
    {
        var a = before.ReplaceLineEndings("\n").Split('\n');
        var b = after.ReplaceLineEndings("\n").Split('\n');
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return $"line {line + 1}: was «{Line(a, line)}», now «{Line(b, line)}»";
    }

    private static string Line(string[] lines, int i) => i < lines.Length ? lines[i].Trim() : "(end)";
}
