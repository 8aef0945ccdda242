using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Influence.Indexing;

/// <summary>
/// Trailing-window sums of a per-period series for many consecutive periods at once, bit for bit equal to adding
/// the window's values one by one in period order (as <see cref="EvidenceIndex.Sum"/> does).
/// </summary>
/// <remarks>
/// <para>
/// A running sum (add the new period, subtract the old) would be O(1) per period but rounds differently, so every
/// value would change in its last bits. These kernels keep the exact order and make the O(w) work cheap instead:
/// each SIMD lane computes the window of another period, and lane l at step j reads the series at
/// t + l − w + 1 + j, so one unaligned vector load feeds every lane its next term. Four independent accumulators
/// hide the latency of the additions.
/// </para>
/// <para>
/// Exactness rests on two facts: IEEE addition is the same in a lane as in a scalar register (the JIT neither
/// reorders nor fuses floating-point operations), and adding +0 to a sum that is never −0 changes nothing, so the
/// zeros padding the series before period 0 are harmless.
/// </para>
/// </remarks>
internal static class Windows
{
    private static readonly int Lanes = Vector<double>.Count;

    /// <summary>
    /// How many steps of <paramref name="step"/> periods, counted back from period b, cover periods a … b: ⌈(b − a + 1)
    /// / step⌉, the earliest reaching back before a when the step does not divide the span (continuity's and
    /// variability's year-long steps).
    /// </summary>
    public static int StepCount(int a, int b, int step) => (b - a + step) / step;

    /// <summary>The first period of the earliest of those steps (not before period 0).</summary>
    public static int StepsStart(int a, int b, int step) => Math.Max(b - ((StepCount(a, b, step) * step) - 1), 0);

    /// <summary>
    /// dest[i] = Σ x[τ] for τ = t0 + i − w + 1 … t0 + i, in order, with x[τ] = 0 outside the series (an empty
    /// series is all zeros).
    /// </summary>
    /// <param name="x">The per-period series from period 0 (zero beyond it), or empty.</param>
    /// <param name="w">The window length in periods (≥ 1).</param>
    /// <param name="t0">The period of dest[0].</param>
    /// <param name="dest">The sums.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sums(ReadOnlySpan<double> x, int w, int t0, Span<double> dest)
    {
        var n = dest.Length;
        if (x.IsEmpty || n == 0)
        {
            dest.Clear();
            return;
        }

        var block = 4 * Lanes;
        var padded = ArrayPool<double>.Shared.Rent(n + w + block);
        var output = ArrayPool<double>.Shared.Rent(RoundUp(n, block));
        try
        {
            Pad(x, t0 - w + 1, padded, n + w + block);
            ref var p = ref MemoryMarshal.GetArrayDataReference(padded);
            ref var o = ref MemoryMarshal.GetArrayDataReference(output);
            for (var i = 0; i < n; i += block)
            {
                var a0 = Vector<double>.Zero;
                var a1 = Vector<double>.Zero;
                var a2 = Vector<double>.Zero;
                var a3 = Vector<double>.Zero;
                ref var row = ref Unsafe.Add(ref p, i);
                for (var j = 0; j < w; j++)
                {
                    ref var at = ref Unsafe.Add(ref row, j);
                    a0 += Load(ref at, 0);
                    a1 += Load(ref at, Lanes);
                    a2 += Load(ref at, 2 * Lanes);
                    a3 += Load(ref at, 3 * Lanes);
                }

                Store(a0, ref o, i);
                Store(a1, ref o, i + Lanes);
                Store(a2, ref o, i + (2 * Lanes));
                Store(a3, ref o, i + (3 * Lanes));
            }

            output.AsSpan(0, n).CopyTo(dest);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(padded);
            ArrayPool<double>.Shared.Return(output);
        }
    }

    /// <summary>
    /// As <see cref="Sums(ReadOnlySpan{double}, int, int, Span{double})"/> for a pair's series stored over its active
    /// span: the stored values are the series of periods Start … Start + length − 1, zero elsewhere, so the windows are
    /// those of the stored values shifted by Start (the same terms in the same order, the same zeros around them).
    /// </summary>
    public static void Sums(PairSeries x, int w, int t0, Span<double> dest) => Sums(x.Values, w, t0 - x.Start, dest);

    /// <summary>
    /// dest[i] = Σ (x[τ] − mean[i])² for τ = max(t0 + i − w + 1, from) … t0 + i, in order: the sum of squared
    /// deviations over the part of each trailing window from period <paramref name="from"/> on.
    /// </summary>
    /// <param name="x">The per-period series from period 0 (zero beyond it); must not be empty.</param>
    /// <param name="w">The window length in periods (≥ 1).</param>
    /// <param name="t0">The period of dest[0].</param>
    /// <param name="from">The first period any window may include (≥ 0).</param>
    /// <param name="mean">The mean each window's deviations are taken from.</param>
    /// <param name="dest">The sums.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquaredDeviations(ReadOnlySpan<double> x, int w, int t0, int from, ReadOnlySpan<double> mean, Span<double> dest)
    {
        var n = dest.Length;
        if (n == 0)
        {
            return;
        }

        var padded = ArrayPool<double>.Shared.Rent(n + w + Lanes);
        var means = ArrayPool<double>.Shared.Rent(RoundUp(n, Lanes));
        var output = ArrayPool<double>.Shared.Rent(RoundUp(n, Lanes));
        try
        {
            var first = t0 - w + 1;
            Pad(x, first, padded, n + w + Lanes);
            means.AsSpan(0, RoundUp(n, Lanes)).Clear();
            mean.CopyTo(means);
            ref var p = ref MemoryMarshal.GetArrayDataReference(padded);
            ref var m = ref MemoryMarshal.GetArrayDataReference(means);
            ref var o = ref MemoryMarshal.GetArrayDataReference(output);
            var iota = Iota();
            for (var i = 0; i < n; i += Lanes)
            {
                var mu = Load(ref m, i);
                var acc = Vector<double>.Zero;
                ref var row = ref Unsafe.Add(ref p, i);
                if (first + i >= from)
                {
                    for (var j = 0; j < w; j++)
                    {
                        var d = Load(ref row, j) - mu;
                        acc += d * d;
                    }
                }
                else
                {
                    // Lanes whose window starts before period `from` skip those periods: the mask adds +0 instead.
                    var tau = new Vector<double>(first + i) + iota;
                    var bound = new Vector<double>(from);
                    for (var j = 0; j < w; j++)
                    {
                        var d = Load(ref row, j) - mu;
                        acc += Vector.ConditionalSelect(Vector.GreaterThanOrEqual(tau, bound), d * d, Vector<double>.Zero);
                        tau += Vector<double>.One;
                    }
                }

                Store(acc, ref o, i);
            }

            output.AsSpan(0, n).CopyTo(dest);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(padded);
            ArrayPool<double>.Shared.Return(means);
            ArrayPool<double>.Shared.Return(output);
        }
    }

    /// <summary>
    /// As <see cref="SquaredDeviations(ReadOnlySpan{double}, int, int, int, ReadOnlySpan{double}, Span{double})"/> for a
    /// pair's series stored over its active span (zero elsewhere): every period shifted by Start, the bound
    /// <paramref name="from"/> included.
    /// </summary>
    public static void SquaredDeviations(PairSeries x, int w, int t0, int from, ReadOnlySpan<double> mean, Span<double> dest) =>
        SquaredDeviations(x.Values, w, t0 - x.Start, from - x.Start, mean, dest);

    /// <summary>(0, 1, 2, …) across the lanes.</summary>
    internal static Vector<double> Iota()
    {
        Span<double> lanes = stackalloc double[Lanes];
        for (var l = 0; l < Lanes; l++)
        {
            lanes[l] = l;
        }

        return new Vector<double>(lanes);
    }

    /// <summary>The number of lanes of a vector of doubles.</summary>
    internal static int LaneCount => Lanes;

    /// <summary>padded[k] = x[first + k] where that lies in the series, else 0, for k &lt; length.</summary>
    internal static void Pad(ReadOnlySpan<double> x, int first, double[] padded, int length)
    {
        var span = padded.AsSpan(0, length);
        span.Clear();
        if (x.IsEmpty)
        {
            return;
        }

        var from = Math.Max(first, 0);
        var to = Math.Min(first + length, x.Length);
        if (to > from)
        {
            x[from..to].CopyTo(span[(from - first)..]);
        }
    }

    internal static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Load(ref double source, int offset) =>
        Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref source, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store(Vector<double> value, ref double destination, int offset) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref destination, offset)), value);
}
