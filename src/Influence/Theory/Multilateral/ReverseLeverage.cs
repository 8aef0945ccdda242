using System.Collections.Immutable;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;
using Influence.Networks;

namespace Influence.Theory;

/// <summary>
/// Reverse leverage: the client supports a third party that coerces the patron (Afghan Taliban → TTP → Pakistan),
/// which gives the weaker side a hold over the stronger.
/// </summary>
/// <remarks>
/// <code>
/// paths             = { C →support z →coercion P : z a third party }         (network window, default 1 year)
/// strength(z)       = min(S[C→z], K[z→P])                                  (the weaker leg bounds the path)
/// reverseLeverage   = 1 − exp(−Σ_z strength(z) / k)                        k = ReverseLeverageScale (1.0)
/// </code>
/// Read from the ego network of patron and client (<see cref="ReverseLeveragePath.Find"/>); the paths are available from
/// <see cref="Paths"/> and <see cref="ActorNetwork.ReverseLeveragePaths"/>. 0 when one leg is observed (the client
/// supports a third party, or a third party coerces the patron) but no path closes; undefined when neither is. A leg
/// is observed, and a path closes, when items of its kind fall in the window, whatever their weight (a path whose items
/// all weigh 0 has strength 0).
/// Keohane (1971), Foreign Policy 2, pp. 161–182: the big influence of small allies; Holsti (1964), pp. 179–194;
/// Sharma (2026), section 3: the Taliban "see the group as leverage against a more powerful Pakistan".
/// </remarks>
public sealed class ReverseLeverage : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly ReverseLeverage Instance = new();

    private ReverseLeverage()
        : base("reverseLeverage")
    {
    }

    [ThreadStatic]
    private static double[]? _buffer;

    [ThreadStatic]
    private static bool[]? _observed;

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−Σ_z min(S[C→z], K[z→P]) / k) over third parties z the client supports and that coerce the patron, over the network window";

    /// <inheritdoc />
    public override string Citation => "Keohane (1971), Foreign Policy 2, pp. 161–182; Holsti (1964), pp. 179–194; Sharma (2026), section 3 (the TTP as leverage)";

    /// <summary>The reverse-leverage paths of one dyad and period.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The paths (empty when one of patron and client contains the other).</returns>
    public static ImmutableArray<ReverseLeveragePath> Paths(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        return ReverseLeveragePath.Find(at.Index, at.Patron, at.Client, a, b);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (at.Index.AreRelated(at.Patron, at.Client))
        {
            return null;
        }

        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        var sum = ReverseLeveragePath.Sum(at.Index, at.Patron, at.Client, a, b, null, out var legObserved);
        return legObserved ? Saturated(sum, at.Options.Multilateral.ReverseLeverageScale) : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The paths of every window at once: for each third party the client supports (in the order
    /// <see cref="Evaluate"/> meets them), the window sums of its two legs (<see cref="Windows.Sums(ReadOnlySpan{double}, int, int, Span{double})"/>, the same bits
    /// as each window's sum), then each window adds the path's strength as <see cref="Evaluate"/> does.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var n = t1 - t0 + 1;
        var index = dyad.Index;
        var (patron, client) = (dyad.Patron, dyad.Client);
        if (index.AreRelated(patron, client))
        {
            output[..n].Clear();
            return;
        }

        var w = index.Grid.WindowPeriods(dyad.Options.Multilateral.NetworkWindowYears);
        var buffer = ThreadBuffer.Get(ref _buffer, 3 * n);
        var sum = buffer.AsSpan(0, n);
        var support = buffer.AsSpan(n, n);
        var coercion = buffer.AsSpan(2 * n, n);
        var observed = ThreadBuffer.Get(ref _observed, n).AsSpan(0, n);
        sum.Clear();
        observed.Clear();
        foreach (var pair in index.OutPairSpan(client))
        {
            // A tie is an item in the window, whatever its weight. Without support items the third party adds
            // nothing; without coercion items of it against the patron it only marks the windows it was supported in.
            var supported = DyadTies.TiePrefix(index, pair);
            var z = index.PairTo(pair);
            if (supported.IsEmpty || !DyadTies.IsThirdParty(index, z, patron, client))
            {
                continue;
            }

            var back = index.PairOf(z, patron);
            var coerced = index.CountPrefix(PairCount.Coercion, back);
            if (coerced.IsEmpty)
            {
                for (var i = 0; i < n; i++)
                {
                    observed[i] |= EvidenceIndex.CountIn(supported, t0 + i - w + 1, t0 + i) > 0;
                }

                continue;
            }

            Windows.Sums(index.SumSeries(PairSum.Support, pair), w, t0, support);
            Windows.Sums(index.SumSeries(PairSum.Coercion, back), w, t0, coercion);
            for (var i = 0; i < n; i++)
            {
                var t = t0 + i;
                if (EvidenceIndex.CountIn(supported, t - w + 1, t) == 0)
                {
                    continue;
                }

                observed[i] = true;
                if (EvidenceIndex.CountIn(coerced, t - w + 1, t) > 0)
                {
                    sum[i] += new ReverseLeveragePath(client, z, patron, support[i], coercion[i]).Strength;
                }
            }
        }

        // A window without a supported third party still has an observed leg if a third party coerced the patron.
        // Which windows each pair into the patron coerced it in is the same for every dyad of the patron: computed
        // once per patron (see CoercedWindows).
        if (observed.Contains(false))
        {
            var coerced = CoercedWindows.Of(index, patron, w, t0, t1);
            var pairs = index.InPairSpan(patron);
            for (var k = 0; k < pairs.Length; k++)
            {
                var windows = coerced.Windows(k);
                if (windows.IsEmpty || !DyadTies.IsThirdParty(index, index.PairFrom(pairs[k]), patron, client))
                {
                    continue;
                }

                for (var i = 0; i < n; i++)
                {
                    observed[i] |= windows[i];
                }
            }
        }

        var scale = dyad.Options.Multilateral.ReverseLeverageScale;
        for (var i = 0; i < n; i++)
        {
            output[i] = observed[i] ? Saturated(sum[i], scale) : null;
        }
    }

    /// <summary>
    /// For each pair into an actor (in <see cref="EvidenceIndex.InPairSpan"/> order), whether a coercive item touches each
    /// trailing window ending at t0 … t1 (empty for a pair without coercion), shared by every dyad of the actor as
    /// patron.
    /// </summary>
    private sealed class CoercedWindows
    {
        private readonly int[] _start;
        private readonly bool[] _windows;

        private CoercedWindows(int[] start, bool[] windows)
        {
            _start = start;
            _windows = windows;
        }

        public ReadOnlySpan<bool> Windows(int k) => _windows.AsSpan(_start[k], _start[k + 1] - _start[k]);

        public static CoercedWindows Of(EvidenceIndex index, int actor, int w, int t0, int t1) =>
            index.Memo<CoercedWindows>(w, t0, t1).Get(actor, (index, w, t0, t1), static (a, s) => Compute(s.index, a, s.w, s.t0, s.t1));

        private static CoercedWindows Compute(EvidenceIndex index, int actor, int w, int t0, int t1)
        {
            var n = t1 - t0 + 1;
            var pairs = index.InPairSpan(actor);
            var start = new int[pairs.Length + 1];
            for (var k = 0; k < pairs.Length; k++)
            {
                start[k + 1] = start[k] + (index.CountPrefix(PairCount.Coercion, pairs[k]).IsEmpty ? 0 : n);
            }

            var windows = new bool[start[^1]];
            for (var k = 0; k < pairs.Length; k++)
            {
                var prefix = index.CountPrefix(PairCount.Coercion, pairs[k]);
                if (prefix.IsEmpty)
                {
                    continue;
                }

                for (var i = 0; i < n; i++)
                {
                    windows[start[k] + i] = EvidenceIndex.CountIn(prefix, t0 + i - w + 1, t0 + i) > 0;
                }
            }

            return new CoercedWindows(start, windows);
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var index = at.Index;
        var (p, c) = (at.Patron, at.Client);
        if (index.AreRelated(p, c))
        {
            return;
        }

        var (a, b) = at.Trailing(at.Options.Multilateral.NetworkWindowYears);
        var paths = ReverseLeveragePath.Find(index, p, c, a, b);
        if (!paths.IsEmpty)
        {
            foreach (var path in paths)
            {
                var id = index.Case.Actors[path.ThirdParty].Id;
                TraceItems(at, uses, index.PairOf(c, path.ThirdParty), EvidenceKind.Support, a, b, $"client's support to {id}");
                TraceItems(at, uses, index.PairOf(path.ThirdParty, p), EvidenceKind.Coercion, a, b, $"{id}'s coercion of the patron");
            }

            return;
        }

        foreach (var pair in index.OutPairSpan(c).ToArray())
        {
            if (DyadTies.IsThirdParty(index, index.PairTo(pair), p, c))
            {
                TraceItems(at, uses, pair, EvidenceKind.Support, a, b, "client's support to a third party (no path)");
            }
        }

        foreach (var pair in index.InPairSpan(p).ToArray())
        {
            if (DyadTies.IsThirdParty(index, index.PairFrom(pair), p, c))
            {
                TraceItems(at, uses, pair, EvidenceKind.Coercion, a, b, "a third party's coercion of the patron (no path)");
            }
        }
    }
}
