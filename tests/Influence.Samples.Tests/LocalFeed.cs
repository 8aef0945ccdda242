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

        // The notebook kernel restores packages with a child `dotnet` process, which reads this variable.
        _previousCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", PackageCache);
    }

    private readonly string? _previousCache;

    /// <summary>The private package folder notebooks restore into.</summary>
    public string PackageCache { get; }

    public void Dispose() => Environment.SetEnvironmentVariable("NUGET_PACKAGES", _previousCache);
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
