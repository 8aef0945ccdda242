namespace Influence.Tests.Shared;

/// <summary>
/// What a write switch does (<c>INFLUENCE_APPROVE_API</c>, <c>INFLUENCE_WRITE_GOLDEN</c>, <c>INFLUENCE_WRITE_SNIPPETS</c>,
/// <c>INFLUENCE_ACCEPT_SAMPLES</c>, <c>INFLUENCE_WRITE_NOTEBOOKS</c>), as snapshot-testing libraries do: the run writes
/// the file, then compares what it wrote with what the test checks against. An unchanged file passes, since the run
/// did check it; a changed or new one fails, once, naming the file it wrote and what to do, so a run with a switch set
/// is never counted as passed without having checked anything. One source for both test projects (linked into each).
/// </summary>
internal static class Snapshot
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(path, bytes.ToArray());
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> (creating its folder) and returns what the file held
    /// before, or null when there was no file.
    /// </summary>
    public static string? Write(string path, string content)
    {
        var before = File.Exists(path) ? File.ReadAllText(path) : null;
        Write(path, System.Text.Encoding.UTF8.GetBytes(content));
        return before;
    }

    /// <summary>
    /// Null when <paramref name="before"/> equals <paramref name="after"/>: the run that wrote <paramref name="written"/>
    /// checked it. Otherwise the failure of that run: the file it wrote, the first line where it differs from
    /// <paramref name="against"/> (what it held before, or that there was no file), <paramref name="todo"/>, and that the
    /// next run without the switch checks it.
    /// </summary>
    public static string? Failure(string written, string? before, string after, string todo, string against = "what it held before")
    {
        if (before == after)
        {
            return null;
        }

        var how = before is null ? "a new file (there was none before)" : $"which differs from {against} at {Describe(before, after)}";
        return Failed(written, how, todo);
    }

    /// <summary>
    /// Null when there are no <paramref name="differences"/>; otherwise the failure of the run that wrote
    /// <paramref name="written"/>, listing them after it.
    /// </summary>
    public static string? Failure(string written, IReadOnlyList<string> differences, string todo) =>
        differences.Count == 0
            ? null
            : $"{Failed(written, "which differs from what it held before", todo)}; how:\n{string.Join('\n', differences)}";

    /// <summary>
    /// The opening of a write switch's failure: "wrote FILE, HOW (a run that writes a change fails once, by design)",
    /// the file shown relative to the repository when it is inside it.
    /// </summary>
    public static string Wrote(string written, string how) => Wrote([written], how);

    /// <summary>The same for several files written by one run, named in the order given.</summary>
    public static string Wrote(IEnumerable<string> written, string how) =>
        $"wrote {string.Join(", ", written.Select(Shown))}, {how} (a run that writes a change fails once, by design)";

    /// <summary>A write switch's whole failure: what it wrote and how it differs, what to do, and what the next run does.</summary>
    private static string Failed(string written, string how, string todo) =>
        $"{Wrote(written, how)}: {todo}; the next run without the switch checks it";

    /// <summary>The first line (0-based) where two texts split at '\n' differ; one past the shorter when one is a prefix.</summary>
    public static int FirstDifferentLine(string[] a, string[] b) =>
        Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));

    /// <summary>A path relative to the repository, with '/', when it is inside it; otherwise the full path.</summary>
    public static string Shown(string path)
    {
        var relative = Path.GetRelativePath(RepositoryFolder.Root, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? Path.GetFullPath(path)
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>"line N: was «…», now «…»" for the first line where two texts differ.</summary>
    private static string Describe(string before, string after)
    {
        var a = before.ReplaceLineEndings("\n").Split('\n');
        var b = after.ReplaceLineEndings("\n").Split('\n');
        var line = FirstDifferentLine(a, b);
        return $"line {line + 1}: was «{Line(a, line)}», now «{Line(b, line)}»";
    }

    private static string Line(string[] lines, int i) => i < lines.Length ? lines[i].Trim() : "(end)";
}

/// <summary>The repository's folder: the one holding Influence.sln, found upward from the test assembly.</summary>
internal static class RepositoryFolder
{
    /// <summary>The folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Influence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Influence.sln above {AppContext.BaseDirectory}");
    }
}
