using FluentAssertions;
using Influence.TimeSeries;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Influence.Tests.TimeSeries;

/// <summary>The normal-approximation p-value far in the tail: a small positive number, never 0 from 1 − Φ cancelling.</summary>
public class MannKendallTailTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public void PValue_OfAStrongTrend_IsTinyButPositive_AndIsTheNormalTail(int n)
    {
        // Strictly increasing, no ties, n > 50: the normal approximation, with |z| far beyond 8.3 (where 1 − Φ is 0).
        var mk = Trends.MannKendall([.. Enumerable.Range(0, n).Select(i => (double?)i)])!;

        mk.IsExact.Should().BeFalse();
        mk.Z.Should().BeGreaterThan(9);
        mk.PValue.Should().BePositive().And.BeLessThan(1e-18);
        var tail = 2 * Normal.CDF(0, 1, -Math.Abs(mk.Z!.Value));
        mk.PValue.Should().BeApproximately(tail, tail * 1e-9);
    }
}
