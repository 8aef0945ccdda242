using System.Reflection;
using FluentAssertions;
using Influence.Charts;
using Influence.Scoring;
using Influence.Tests.Shared;
using Influence.Tests.Support;
using PublicApiGenerator;
using Xunit;

namespace Influence.Tests.PublicApi;

/// <summary>
/// The public API of each package, as text, against a committed snapshot: any change to the API is a visible diff
/// in review. After an intended change, re-approve with
/// <c>INFLUENCE_APPROVE_API=1 dotnet test tests/Influence.Tests --filter FullyQualifiedName~PublicApi</c>
/// and commit the changed <c>*.approved.txt</c> files (see docs/releasing.md). A run that approves a change writes the file
/// and fails, naming it; the next run checks it.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void Influence_PublicApi_MatchesTheApprovedSnapshot() => Verify(typeof(Scorer).Assembly, "Influence");

    [Fact]
    public void InfluenceCharts_PublicApi_MatchesTheApprovedSnapshot() => Verify(typeof(DyadChart).Assembly, "Influence.Charts");

    private static void Verify(Assembly assembly, string name)
    {
        // InternalsVisibleTo opens internals to this test assembly only; it is not API a consumer can use.
        var options = new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        };
        var actual = Normalize(assembly.GeneratePublicApi(options));
        // Not [CallerFilePath]: CI builds map source paths (ContinuousIntegrationBuild), so find the repository instead.
        var approvedPath = Path.Combine(RepositoryRoot(), "tests", "Influence.Tests", "PublicApi", $"{name}.approved.txt");
        Check(name, actual, approvedPath, approve: Environment.GetEnvironmentVariable("INFLUENCE_APPROVE_API") == "1");
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the snapshot at <paramref name="approvedPath"/>. With
    /// <paramref name="approve"/> (INFLUENCE_APPROVE_API=1) it first writes the snapshot, then fails if that changed it,
    /// naming the file: a run that approves a change fails once, and the next run checks what it wrote.
    /// </summary>
    internal static void Check(string name, string actual, string approvedPath, bool approve)
    {
        if (approve)
        {
            var before = Snapshot.Write(approvedPath, actual);
            if (Snapshot.Failure(approvedPath, before is null ? null : Normalize(before), actual, $"review `git diff {Snapshot.Shown(approvedPath)}` and commit it if the change is intended", against: "the snapshot it replaced") is { } failure)
            {
                Assert.Fail($"INFLUENCE_APPROVE_API=1 {failure}");
            }
        }

        File.Exists(approvedPath).Should().BeTrue($"the snapshot {approvedPath} is committed; create it with INFLUENCE_APPROVE_API=1");
        var approved = Normalize(File.ReadAllText(approvedPath));
        actual.Should().Be(approved, $"the public API of {name} changed: if intended, re-approve with INFLUENCE_APPROVE_API=1 (docs/releasing.md) and commit {name}.approved.txt");
    }

    private static string RepositoryRoot() => Repository.Root;

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
