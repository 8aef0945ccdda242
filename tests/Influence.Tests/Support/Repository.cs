namespace Influence.Tests.Support;

/// <summary>Where the repository is, for tests that read its docs, schema or approved files.</summary>
internal static class Repository
{
    /// <summary>The folder holding Influence.sln, found upward from the test assembly.</summary>
    public static string Root => Shared.RepositoryFolder.Root;

    /// <summary>A path inside the repository.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
