using System.Collections.Immutable;
using Influence.Indexing;

namespace Influence.Networks;

/// <summary>One supporter of a client with its weight and share of all the support the client receives.</summary>
/// <param name="Supporter">The supporter's actor position (outermost level: see <see cref="EvidenceIndex.SupporterPairs"/>).</param>
/// <param name="Pair">The index pair supporter → client.</param>
/// <param name="Weight">Σ confidence × magnitude × share over the window.</param>
/// <param name="Share">Weight / the client's total, in [0, 1].</param>
public readonly record struct SupporterShare(int Supporter, int Pair, double Weight, double Share);

/// <summary>
/// The support a client receives in a window, divided among its supporters: each supporter's share, the number of
/// alternative patrons and the Herfindahl concentration of its suppliers (Holsti's multilateral context).
/// </summary>
/// <remarks>
/// <para>
/// Supporters are taken at the outermost level (<see cref="EvidenceIndex.SupporterPairs"/>): every item from outside
/// the client to it counts once, for the movement (or top-level actor) that gave it; factions of the client's own
/// movement count as supporters of their own. The total is <see cref="EvidenceIndex.SupportReceived"/>, the same
/// denominator as <see cref="Theory.PatronShare"/>.
/// </para>
/// <code>
/// share(z)      = S[z→C] / Σ_y S[y→C]
/// HHI           = Σ_z share(z)²                      in [1/n, 1]  (Hirschman 1945; Herfindahl 1950)
/// alternatives  = #{ z : z does not contain P, share(z) ≥ θ }
/// </code>
/// <para>Undefined (<see cref="IsDefined"/> false) when the client received no support item with weight in the window. Cost O(in-degree × window).</para>
/// </remarks>
public sealed record SupportShares
{
    private SupportShares(int client, double total, ImmutableArray<SupporterShare> supporters, bool defined)
    {
        Client = client;
        Total = total;
        Supporters = supporters;
        IsDefined = defined;
    }

    /// <summary>The client's actor position.</summary>
    public int Client { get; }

    /// <summary>All weighted support the client received in the window.</summary>
    public double Total { get; }

    /// <summary>The supporters with at least one support item in the window, in index pair order.</summary>
    public ImmutableArray<SupporterShare> Supporters { get; }

    /// <summary>Whether the client received support with weight in the window (otherwise shares are undefined).</summary>
    public bool IsDefined { get; }

    /// <summary>The Herfindahl–Hirschman concentration Σ share², in [0, 1]; null when undefined.</summary>
    public double? Herfindahl => IsDefined ? Math.Clamp(Supporters.Sum(s => s.Share * s.Share), 0, 1) : null;

    /// <summary>Computes the shares of a client's supporters over periods t0 … t1.</summary>
    /// <param name="index">The index.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="t0">The first period position (clipped to the grid).</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The shares.</returns>
    public static SupportShares Of(EvidenceIndex index, int client, int t0, int t1)
    {
        ArgumentNullException.ThrowIfNull(index);
        var total = index.SupportReceived(client, t0, t1);
        var defined = index.SupportReceivedCount(client, t0, t1) > 0 && total > 0;
        var list = ImmutableArray.CreateBuilder<SupporterShare>();
        foreach (var p in index.SupporterPairs(client))
        {
            if (index.Count(PairCount.Support, p, t0, t1) == 0)
            {
                continue;
            }

            var w = index.Sum(PairSum.Support, p, t0, t1);
            list.Add(new SupporterShare(index.PairFrom(p), p, w, defined ? Math.Clamp(w / total, 0, 1) : 0));
        }

        return new SupportShares(client, total, list.ToImmutable(), defined);
    }

    /// <summary>
    /// The shares of a client's supporters for the trailing windows of <paramref name="w"/> periods ending at t0 … t1,
    /// the same numbers as <see cref="Of"/> window by window: each supporter's window sums come from one pass of the
    /// window kernel. Kept for the next dyad with the same client on this thread.
    /// </summary>
    internal static WindowedShares Series(EvidenceIndex index, int client, int w, int t0, int t1) => WindowedShares.Of(index, client, w, t0, t1);

    /// <summary>
    /// The number of alternative patrons: supporters other than the patron (and other than any movement the patron
    /// belongs to) whose share is at least the threshold; null when undefined.
    /// </summary>
    /// <param name="index">The index the shares were computed from (for the actor hierarchy).</param>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="threshold">θ in [0, 1].</param>
    /// <returns>The count, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside [0, 1].</exception>
    public int? AlternativesTo(EvidenceIndex index, int patron, double threshold)
    {
        ArgumentNullException.ThrowIfNull(index);
        Internal.Check.UnitIntervalOrThrow(threshold, nameof(threshold));

        return IsDefined ? Supporters.Count(s => !index.IsWithin(patron, s.Supporter) && s.Share >= threshold) : null;
    }
}

/// <summary>A client's supporters' window sums and shares for consecutive windows (see <see cref="SupportShares.Series"/>).</summary>
internal sealed class WindowedShares
{
    private const int Slots = 16;

    [ThreadStatic]
    private static WindowedShares[]? _slots;

    [ThreadStatic]
    private static long _clock;

    private long _used;
    private long _build = -1;
    private int _client;
    private int _w;
    private int _t0;
    private int _t1;

    /// <summary>Whether the client received support with weight in each window.</summary>
    public bool[] Defined { get; private set; } = [];

    /// <summary>The supporters (outermost pairs into the client, in pair order): the first <see cref="SupporterCount"/>.</summary>
    public int[] Supporters { get; private set; } = [];

    /// <summary>The number of supporters.</summary>
    public int SupporterCount { get; private set; }

    /// <summary>
    /// Shares[s × n + i]: supporter s's share in window i (0 when undefined), or NaN when it gave nothing in the window
    /// (the slot's buffers are reused, so they may be longer).
    /// </summary>
    public double[] Shares { get; private set; } = [];

    [ThreadStatic]
    private static double[]? _total;

    [ThreadStatic]
    private static double[]? _sums;

    public static WindowedShares Of(EvidenceIndex index, int client, int w, int t0, int t1)
    {
        var slots = _slots ??= [.. Enumerable.Range(0, Slots).Select(_ => new WindowedShares())];
        var oldest = slots[0];
        foreach (var slot in slots)
        {
            if (slot._build == index.BuildId && slot._client == client && slot._w == w && slot._t0 == t0 && slot._t1 == t1)
            {
                slot._used = ++_clock;
                return slot;
            }

            if (slot._used < oldest._used)
            {
                oldest = slot;
            }
        }

        oldest.Compute(index, client, w, t0, t1);
        oldest._used = ++_clock;
        return oldest;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Compute(EvidenceIndex index, int client, int w, int t0, int t1)
    {
        var n = t1 - t0 + 1;
        var total = _total is { } kept && kept.Length >= n ? kept.AsSpan(0, n) : (_total = new double[n]).AsSpan();
        Windows.Sums(index.SupportInSeries(client), w, t0, total);
        var received = index.SupportInCountPrefix(client);
        if (Defined.Length < n)
        {
            Defined = new bool[n];
        }

        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            Defined[i] = EvidenceIndex.CountIn(received, t - w + 1, t) > 0 && total[i] > 0;
        }

        var count = 0;
        foreach (var p in index.InPairSpan(client))
        {
            count += index.IsOutermostPair(p) ? 1 : 0;
        }

        if (Supporters.Length < count)
        {
            Supporters = new int[count];
        }

        SupporterCount = 0;
        foreach (var p in index.InPairSpan(client))
        {
            if (index.IsOutermostPair(p))
            {
                Supporters[SupporterCount++] = p;
            }
        }

        if (Shares.Length < count * n)
        {
            Shares = new double[count * n];
        }

        var sums = _sums is { } u && u.Length >= n ? u.AsSpan(0, n) : (_sums = new double[n]).AsSpan();
        for (var s = 0; s < SupporterCount; s++)
        {
            var p = Supporters[s];
            var counts = index.CountPrefix(PairCount.Support, p);
            Windows.Sums(index.SumSeries(PairSum.Support, p), w, t0, sums);
            for (var i = 0; i < n; i++)
            {
                var t = t0 + i;
                Shares[(s * n) + i] = EvidenceIndex.CountIn(counts, t - w + 1, t) == 0
                    ? double.NaN
                    : Defined[i] ? Math.Clamp(sums[i] / total[i], 0, 1) : 0;
            }
        }

        (_build, _client, _w, _t0, _t1) = (index.BuildId, client, w, t0, t1);
    }
}
