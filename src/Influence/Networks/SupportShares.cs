using System.Collections.Immutable;
using Influence.Indexing;
using Influence.Internal;

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

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Supporters"/> by their contents, in order.</remarks>
    public bool Equals(SupportShares? other) =>
        other is not null && Client == other.Client && Total.Equals(other.Total) && IsDefined == other.IsDefined
        && Records.SequenceEqual(Supporters, other.Supporters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Client, Total, IsDefined, Records.SequenceHash(Supporters));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Client), Client).Add(nameof(Total), Total).Add(nameof(Supporters), Supporters)
            .Add(nameof(IsDefined), IsDefined).Add(nameof(Herfindahl), Herfindahl);
        return true;
    }

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
    /// window kernel. Computed once per client and shared by every dyad in which it is the client.
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

/// <summary>
/// What a client's supporters' shares give for consecutive windows (see <see cref="SupportShares.Series"/>): whether
/// the shares are defined, the total received, Σ share² and the number of supporters at or above the alternative
/// threshold. They depend only on the client and the windows, so they are computed once per client and shared by
/// every dyad and thread (<see cref="EvidenceIndex.Memo{T}"/>): a hub client's supporters are read once, not once per
/// dyad.
/// </summary>
internal sealed class WindowedShares
{
    [ThreadStatic]
    private static double[]? _sums;

    private WindowedShares(int n)
    {
        Defined = new bool[n];
        Total = new double[n];
        SquareSum = new double[n];
        AtLeast = new int[n];
    }

    /// <summary>Whether the client received support with weight in each window.</summary>
    public bool[] Defined { get; }

    /// <summary>All the client received in each window (<see cref="EvidenceIndex.SupportReceived"/>).</summary>
    public double[] Total { get; }

    /// <summary>Σ share² over the supporters that gave in the window, in pair order (unclamped; 0 when undefined).</summary>
    public double[] SquareSum { get; }

    /// <summary>The number of supporters that gave in the window with a share ≥ the index options' alternative threshold.</summary>
    public int[] AtLeast { get; }

    /// <summary>The alternative threshold <see cref="AtLeast"/> counts with (the index options').</summary>
    public static double Threshold(EvidenceIndex index) => index.Options.Multilateral.AlternativeShareThreshold;

    public static WindowedShares Of(EvidenceIndex index, int client, int w, int t0, int t1) =>
        index.Memo<WindowedShares>(w, t0, t1).Get(client, (index, w, t0, t1), static (c, s) => Compute(s.index, c, s.w, s.t0, s.t1));

    /// <summary>
    /// One supporter pair's share in each window: NaN when it gave nothing in the window, 0 when the client's shares
    /// are undefined, else its window sum / the total, clamped to [0, 1].
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void ShareSeries(EvidenceIndex index, int pair, int w, int t0, Span<double> shares)
    {
        var n = shares.Length;
        var counts = index.CountPrefix(PairCount.Support, pair);
        var sums = _sums is { } u && u.Length >= n ? u.AsSpan(0, n) : (_sums = new double[n]).AsSpan();
        Windows.Sums(index.SumSeries(PairSum.Support, pair), w, t0, sums);
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            shares[i] = EvidenceIndex.CountIn(counts, t - w + 1, t) == 0
                ? double.NaN
                : Defined[i] ? Math.Clamp(sums[i] / Total[i], 0, 1) : 0;
        }
    }

    [ThreadStatic]
    private static double[]? _shares;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static WindowedShares Compute(EvidenceIndex index, int client, int w, int t0, int t1)
    {
        var n = t1 - t0 + 1;
        var result = new WindowedShares(n);
        Windows.Sums(index.SupportInSeries(client), w, t0, result.Total);
        var received = index.SupportInCountPrefix(client);
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            result.Defined[i] = EvidenceIndex.CountIn(received, t - w + 1, t) > 0 && result.Total[i] > 0;
        }

        var threshold = Threshold(index);
        var shares = _shares is { } kept && kept.Length >= n ? kept.AsSpan(0, n) : (_shares = new double[n]).AsSpan();
        foreach (var p in index.InPairSpan(client))
        {
            if (!index.IsOutermostPair(p))
            {
                continue;
            }

            result.ShareSeries(index, p, w, t0, shares);
            for (var i = 0; i < n; i++)
            {
                var share = shares[i];
                if (!double.IsNaN(share))
                {
                    result.SquareSum[i] += share * share;
                    result.AtLeast[i] += share >= threshold ? 1 : 0;
                }
            }
        }

        return result;
    }
}
