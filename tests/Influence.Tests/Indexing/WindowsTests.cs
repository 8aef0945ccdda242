using CsCheck;
using FluentAssertions;
using Influence.Indexing;
using Xunit;

namespace Influence.Tests.Indexing;

public class WindowsTests
{
    private static readonly Gen<double[]> Series = Gen.Frequency(
        (3, Gen.Double[0, 5].Array[0, 70]),
        (1, Gen.Frequency((4, Gen.Const(0.0)), (1, Gen.Double[0, 1e6])).Array[1, 70]));

    [Fact]
    public void Sums_EqualAddingEachWindowInOrder_BitForBit()
    {
        Gen.Select(Series, Gen.Int[1, 80], Gen.Int[0, 80], Gen.Int[0, 40]).Sample((x, w, t0, n) =>
        {
            var dest = new double[n];
            Windows.Sums(x, w, t0, dest);
            for (var i = 0; i < n; i++)
            {
                var s = 0.0;
                for (var t = Math.Max(t0 + i - w + 1, 0); t <= Math.Min(t0 + i, x.Length - 1); t++)
                {
                    s += x[t];
                }

                BitConverter.DoubleToInt64Bits(dest[i]).Should().Be(BitConverter.DoubleToInt64Bits(s), $"window {w} ending at {t0 + i}");
            }
        });
    }

    [Fact]
    public void SquaredDeviations_EqualTheScalarLoop_BitForBit()
    {
        Gen.Select(Series.Where(s => s.Length > 0), Gen.Int[1, 80], Gen.Int[0, 80], Gen.Double[-3, 8].Array[0, 40], Gen.Int[0, 60]).Sample((x, w, t0, mean, from) =>
        {
            var n = Math.Min(mean.Length, Math.Max(0, x.Length - t0));
            var dest = new double[n];
            Windows.SquaredDeviations(x, w, t0, from, mean.AsSpan(0, n), dest);
            for (var i = 0; i < n; i++)
            {
                var ss = 0.0;
                for (var t = Math.Max(t0 + i - w + 1, from); t <= t0 + i; t++)
                {
                    var d = x[t] - mean[i];
                    ss += d * d;
                }

                BitConverter.DoubleToInt64Bits(dest[i]).Should().Be(BitConverter.DoubleToInt64Bits(ss));
            }
        });
    }

    [Fact]
    public void Sums_OfAnEmptySeries_AreZero()
    {
        var dest = new[] { 1.0, 2.0, 3.0 };

        Windows.Sums([], 5, 2, dest);

        dest.Should().Equal(0.0, 0.0, 0.0);
    }
}
