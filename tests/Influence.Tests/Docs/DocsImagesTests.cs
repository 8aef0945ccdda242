using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Shared;
using Influence.Tests.Support;
using SkiaSharp;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// The charts in docs/images are what the commands docs/howto-plot.md gives for them draw today, byte for byte: a
/// change to the chart or to the reference case that moves a picture fails here until the image is redrawn with its
/// command, instead of the site showing an old picture.
/// </summary>
public sealed partial class DocsImagesTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [LinuxFact("the images were drawn on Linux, and SkiaSharp's PNG bytes may differ on other systems")]
    public void EveryImage_IsWhatItsCommandOnTheHowToDrawsToday()
    {
        var commands = PlotCommands().ToList();
        var images = Directory.GetFiles(Repository.PathOf("docs", "images"), "*.png").Select(Path.GetFileName).ToList();

        commands.Select(c => c.Image).Should().BeEquivalentTo(images, "each image in docs/images has its command on docs/howto-plot.md, and each command there an image");
        foreach (var (image, args, line) in commands)
        {
            var drawn = _cli.PathOf(image);
            var run = CliRunner.Run([.. args, "--out", drawn]);

            run.Code.Should().Be(0, $"howto-plot.md line {line} runs; stderr: {run.Err}");
            PictureDifference.Of(File.ReadAllBytes(drawn), File.ReadAllBytes(Repository.PathOf("docs", "images", image))).Should().BeNull(
                $"docs/images/{image} is what howto-plot.md line {line} draws today; redraw it with that command from the repository root");
        }
    }

    [Fact]
    public void ADifference_SaysWhereThePicturesDiffer()
    {
        var committed = Png(40, 30, (_, _) => SKColors.White);
        var drawn = Png(40, 30, (x, y) => x is >= 5 and < 8 && y is >= 10 and < 12 ? new SKColor(0xF0, 0xF0, 0xF0) : SKColors.White);

        PictureDifference.Of(committed, committed).Should().BeNull();
        PictureDifference.Of(drawn, committed).Should().Be("6 of 1 200 pixels differ, in x 5–7 and y 10–11, by up to 15 of 255 in a channel");
        PictureDifference.Of(Png(41, 30, (_, _) => SKColors.White), committed).Should().Be("drawn 41×30 pixels, committed 40×30");
    }

    private static byte[] Png(int width, int height, Func<int, int, SKColor> color)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, color(x, y));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Each "influence plot … --out docs/images/NAME.png" line of docs/howto-plot.md: the image, the arguments without --out, the line.</summary>
    private static IEnumerable<(string Image, string[] Args, int Line)> PlotCommands()
    {
        var lines = File.ReadAllLines(Repository.PathOf("docs", "howto-plot.md"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (ImageCommand().Match(lines[i]) is not { Success: true } m)
            {
                continue;
            }

            // The commands are run from the repository root: a case file is a path under it.
            var args = m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Repository.PathOf(a.Split('/')) : a);
            yield return (m.Groups["image"].Value, ["plot", .. args], i + 1);
        }
    }

    [GeneratedRegex(@"^influence plot (?<args>.*?) --out docs/images/(?<image>[\w.-]+\.png)$")]
    private static partial Regex ImageCommand();
}
