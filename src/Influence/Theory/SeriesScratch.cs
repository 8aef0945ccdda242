using System.Buffers;

namespace Influence.Theory;

/// <summary>Pooled work arrays for one measure's series, returned together when disposed.</summary>
/// <remarks>
/// Instances are themselves reused: <see cref="Open"/> takes one from a per-thread stack (scratches nest when one
/// series reads another's) and <see cref="Dispose"/> puts it back, so scoring a universe allocates no scratch per
/// dyad. Use one with <c>using var scratch = SeriesScratch.Open();</c> and do not keep it, or an array it lent, after
/// disposing it.
/// </remarks>
internal sealed class SeriesScratch : IDisposable
{
    [ThreadStatic]
    private static Stack<SeriesScratch>? _free;

    private readonly List<double[]> _doubles = [];
    private readonly List<int[]> _ints = [];
    private readonly List<ulong[]> _ulongs = [];
    private bool _open;

    private SeriesScratch()
    {
    }

    /// <summary>A scratch with nothing lent, from this thread's free ones when there is one.</summary>
    public static SeriesScratch Open()
    {
        var scratch = _free is { Count: > 0 } free ? free.Pop() : new SeriesScratch();
        scratch._open = true;
        return scratch;
    }

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

    /// <summary>A work array of <paramref name="n"/> unsigned 64-bit integers (contents undefined).</summary>
    public Span<ulong> Ulongs(int n)
    {
        var a = ArrayPool<ulong>.Shared.Rent(Math.Max(n, 1));
        _ulongs.Add(a);
        return a.AsSpan(0, n);
    }

    /// <summary>Returns every array lent, and the scratch to this thread's free ones.</summary>
    public void Dispose()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        foreach (var a in _doubles)
        {
            ArrayPool<double>.Shared.Return(a);
        }

        foreach (var a in _ints)
        {
            ArrayPool<int>.Shared.Return(a);
        }

        foreach (var a in _ulongs)
        {
            ArrayPool<ulong>.Shared.Return(a);
        }

        _doubles.Clear();
        _ints.Clear();
        _ulongs.Clear();
        (_free ??= new Stack<SeriesScratch>()).Push(this);
    }
}
