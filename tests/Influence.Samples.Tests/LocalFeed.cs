using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// The packages as a reader gets them: packed into the local folder feed (artifacts/packages), restored into a
/// private package folder (artifacts/nuget-cache) from which the packages of this repository are removed first, so a
/// repacked version with the same number is never shadowed by a stale copy.
/// </summary>
/// <remarks>
/// Packs once per test run (about 30 s) unless INFLUENCE_PACKED=1 says the feed was just filled, as .ci/run does
/// before the tests.
/// </remarks>
public sealed class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        if (Environment.GetEnvironmentVariable("INFLUENCE_PACKED") != "1")
        {
            var (code, output, error) = Repository.Dotnet(Repository.Root, null, "pack", "Influence.Packages.slnf", "-c", "Release");
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet pack failed ({code}):\n{output}\n{error}");
            }
        }

        foreach (var id in new[] { "Influence", "Influence.Charts" })
        {
            var package = Path.Combine(Repository.Feed, $"{id}.{Repository.Version}.nupkg");
            if (!File.Exists(package))
            {
                throw new InvalidOperationException($"{package} is missing: run `dotnet pack Influence.Packages.slnf -c Release`");
            }
        }

        PackageCache = Path.Combine(Repository.Root, "artifacts", "nuget-cache");
        foreach (var id in new[] { "influence", "influence.charts", "influence.cli" })
        {
            var stale = Path.Combine(PackageCache, id);
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        ForgetKernelResolutions();

        // The notebook kernel restores packages with a child `dotnet` process, which reads this variable.
        _previousCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", PackageCache);
    }

    private readonly string? _previousCache;

    /// <summary>The private package folder notebooks restore into.</summary>
    public string PackageCache { get; }

    public void Dispose() => Environment.SetEnvironmentVariable("NUGET_PACKAGES", _previousCache);

    /// <summary>
    /// The notebook kernel remembers, for each set of <c>#r "nuget: …"</c> lines, where it last found the packages
    /// (~/.packagemanagement/nuget/Cache), and loads them from there again without restoring: from another clone's
    /// package folder, say, holding an older build of the same version. Notebooks then ran, and their refreshed
    /// outputs were written, against stale packages. Forget the resolutions that name this repository's packages, so
    /// the kernel restores the ones just packed.
    /// </summary>
    private static void ForgetKernelResolutions()
    {
        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".packagemanagement", "nuget", "Cache");
        if (!Directory.Exists(cache))
        {
            return;
        }

        const string Suffix = ".resolvedReferences.paths";
        foreach (var paths in Directory.GetFiles(cache, "*" + Suffix))
        {
            if (File.ReadLines(paths).Any(line => line.StartsWith("Influence,", StringComparison.Ordinal) || line.StartsWith("Influence.Charts,", StringComparison.Ordinal)))
            {
                File.Delete(paths);
                File.Delete(paths[..^Suffix.Length] + ".csx");
            }
        }
    }
}

/// <summary>
/// Notebooks and file-based samples run one after another: they build the same projects and the notebooks change the
/// process's working directory.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SamplesGroup : ICollectionFixture<LocalFeed>
{
    public const string Name = "samples";
}
