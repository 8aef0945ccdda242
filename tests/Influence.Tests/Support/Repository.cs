namespace Influence.Tests.Support;

/// <summary>Where the repository is, for tests that read its docs, schema or approved files.</summary>
internal static class Repository
{
    /// <summary>The folder holding Influence.sln, found upward from the test assembly.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path inside the repository.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
