using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public class PlotCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Plot_WritesAPng_ForTheGivenMeasures()
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-plot-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "exchange,conflict", "--out", path);

            code.Should().Be(0);
            output.Should().BeEmpty("standard output stays clean for pipes");
            err.Should().Be($"wrote {path}{Environment.NewLine}");
            File.ReadAllBytes(path).Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plot_ExitsWithUsageCode_WhenOutIsNotAPng()
    {
        var (code, _, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--out", "chart.jpg");

        code.Should().Be(2);
        err.Should().Contain("--out must name a .png file");
    }

    [Fact]
    public void Plot_ExitsWithUsageCode_OnUnknownMeasure()
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-plot-{Guid.NewGuid():N}.png");
        var (code, _, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "leverage", "--out", path);

        code.Should().Be(2);
        err.Should().Contain("no measure is called 'leverage'");
        File.Exists(path).Should().BeFalse();
    }
}
