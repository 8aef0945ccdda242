using FluentAssertions;
using Influence.Baselines;
using Xunit;

namespace Influence.Benchmarks.Tests;

public class ReadmeTests
{
    [Fact]
    public void BenchmarksReadme_ShowsTheSqlQuery_Verbatim()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "benchmarks", "README.md")).ReplaceLineEndings("\n");

        readme.Should().Contain(DuckDbBaseline.QueryTemplate.ReplaceLineEndings("\n").TrimEnd('\n'), "the README documents the query the baseline runs");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Influence.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Influence.sln not found above the test folder");
    }
}
