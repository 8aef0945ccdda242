using System.Buffers;

namespace Influence.Theory;

/// <summary>Pooled work arrays for one measure's series, returned together when disposed.</summary>
internal sealed class SeriesScratch : IDisposable
{
    private readonly List<double[]> _doubles = [];
    private readonly List<int[]> _ints = [];

    /// <summary>A work array of <paramref name="n"/> doubles (contents undefined).</summary>
    public Span<double> Doubles(int n)
    {
        var a = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        _doubles.Add(a);
        return a.AsSpan(0, n);
    }

    /// <summary>A work array of <paramref name="n"/> integers (contents undefined).</summary>
    public Span<int> Ints(int n)
    {
        var a = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        _ints.Add(a);
        return a.AsSpan(0, n);
    }

    public void Dispose()
    {
        foreach (var a in _doubles)
        {
            ArrayPool<double>.Shared.Return(a);
        }

        foreach (var a in _ints)
        {
            ArrayPool<int>.Shared.Return(a);
        }

        _doubles.Clear();
        _ints.Clear();
    }
}
