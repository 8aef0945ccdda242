using FluentAssertions;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Uncertainty;

public class DrawRandomTests
{
    [Fact]
    public void SameSeedDrawAndStream_GiveTheSameNumbers()
    {
        var a = DrawRandom.For(42, 7, DrawRandom.EvidenceStream);
        var b = DrawRandom.For(42, 7, DrawRandom.EvidenceStream);

        Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).Should().Equal(Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void NeighbouringDrawsAndStreams_DoNotOverlap()
    {
        var seen = new HashSet<ulong>();
        for (var draw = 0; draw < 100; draw++)
        {
            foreach (var stream in new[] { DrawRandom.EvidenceStream, DrawRandom.OptionsStream })
            {
                var r = DrawRandom.For(1, draw, stream);
                for (var i = 0; i < 100; i++)
                {
                    seen.Add(r.NextUInt64()).Should().BeTrue();
                }
            }
        }
    }

    [Fact]
    public void Mix_IsSplitMix64sFinaliser()
    {
        // SplitMix64 seeded with 0: its first output is mix(0x9E3779B97F4A7C15) = 0xE220A8397B1DCDAF.
        DrawRandom.Mix(0x9E3779B97F4A7C15UL).Should().Be(0xE220A8397B1DCDAFUL);
    }

    [Fact]
    public void NextDouble_LiesInTheUnitInterval()
    {
        var r = DrawRandom.For(3, 0, 0);
        Enumerable.Range(0, 10_000).Select(_ => r.NextDouble()).Should().OnlyContain(u => u >= 0 && u < 1);
    }

    [Fact]
    public void NextPoissonOne_HasMeanAndVarianceOne()
    {
        var r = DrawRandom.For(5, 0, 0);
        var k = Enumerable.Range(0, 100_000).Select(_ => (double)r.NextPoissonOne()).ToArray();
        var mean = k.Average();
        var variance = k.Select(x => (x - mean) * (x - mean)).Sum() / (k.Length - 1);

        mean.Should().BeApproximately(1, 0.02);
        variance.Should().BeApproximately(1, 0.03);
        (k.Count(x => x == 0) / (double)k.Length).Should().BeApproximately(Math.Exp(-1), 0.01);
    }
}
