using System.Runtime.CompilerServices;

namespace Influence.Indexing;

/// <summary>
/// A pair's per-period sums of one kind, stored over the pair's active span only: period t's value is
/// <c>Values[t − Start]</c> inside the span and 0 outside it (the pair has no item there). Empty when the pair has no
/// item of the kind, which reads as 0 everywhere.
/// </summary>
/// <param name="values">The values of periods <paramref name="start"/> … start + length − 1.</param>
/// <param name="start">The period of the first value.</param>
internal readonly ref struct PairSeries(ReadOnlySpan<double> values, int start)
{
    /// <summary>The stored values, from period <see cref="Start"/> on.</summary>
    public ReadOnlySpan<double> Values { get; } = values;

    /// <summary>The period of <see cref="Values"/>[0].</summary>
    public int Start { get; } = start;

    /// <summary>Whether nothing is stored (every period reads 0).</summary>
    public bool IsEmpty => Values.IsEmpty;

    /// <summary>Period t's value: 0 outside the stored span, and for any t (before or after the grid).</summary>
    public double this[int t]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (uint)(t - Start) < (uint)Values.Length ? Values[t - Start] : 0;
    }
}

/// <summary>
/// A pair's running item counts of one kind over its active span: <c>Prefix[k]</c> is the count over periods
/// <see cref="Start"/> … Start + k − 1 (so Prefix[0] = 0), and no item of the pair touches a period outside the span.
/// Empty when the pair has no item of the kind.
/// </summary>
/// <param name="prefix">The running counts.</param>
/// <param name="start">The first period of the span.</param>
internal readonly ref struct PairCounts(ReadOnlySpan<int> prefix, int start)
{
    /// <summary>The running counts (one more value than the span has periods).</summary>
    public ReadOnlySpan<int> Prefix { get; } = prefix;

    /// <summary>The first period of the span.</summary>
    public int Start { get; } = start;

    /// <summary>Whether the pair has no item of the kind.</summary>
    public bool IsEmpty => Prefix.IsEmpty;

    /// <summary>The item count over periods a … b (any periods; those outside the span count nothing); 0 when a &gt; b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int In(int a, int b)
    {
        a = Math.Max(a, Start);
        b = Math.Min(b, Start + Prefix.Length - 2);
        return a > b ? 0 : Prefix[b + 1 - Start] - Prefix[a - Start];
    }
}
