using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Rubinstein's third inference, first half: the patron's presence on the ground inside the client (advisers,
/// officers, officials tied to it, professionals, access to the leadership).
/// </summary>
/// <remarks>
/// <code>
/// presence = 1 − exp(−Σ confidence × level × share / k)     over presence P→C in the trailing window (1 year);
///                                                           k = Presence.Scale (1.0)
/// </code>
/// Defined whenever the dyad has any evidence in the window (then no presence is a real zero). The window is the
/// period itself in a yearly series and the last four quarters or twelve months otherwise, so that presence reads on
/// one scale whatever the granularity.
/// Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class Presence : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Presence Instance = new();

    private Presence()
        : base("presence")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−Σ confidence·level·share / k) over the patron's presence in the trailing window";

    /// <inheritdoc />
    public override string Citation => "Rubinstein (1977), Red Star on the Nile, pp. xiv–xix: presence gives access, not influence";

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Presence.WindowYears);
        return at.Observed(a, b)
            ? Saturated(at.Index.Sum(PairSum.Presence, at.PatronToClient, a, b), at.Options.Presence.Scale)
            : null;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var presence = DyadLevelMemo.Of(dyad, dyad.PatronToClient).Series(PairSum.Presence);
        var given = index.CountPrefix(PairCount.Activity, dyad.PatronToClient);
        var back = index.CountPrefix(PairCount.Activity, dyad.ClientToPatron);
        var scale = dyad.Options.Presence.Scale;
        var w = index.Grid.WindowPeriods(dyad.Options.Presence.WindowYears);
        if (w == 1)
        {
            for (var t = t0; t <= t1; t++)
            {
                output[t - t0] = EvidenceIndex.CountIn(given, t, t) + EvidenceIndex.CountIn(back, t, t) > 0
                    ? Saturated(EvidenceIndex.ValueAt(presence, t), scale)
                    : null;
            }

            return;
        }

        using var scratch = SeriesScratch.Open();
        var sums = scratch.Doubles(t1 - t0 + 1);
        Windows.Sums(presence, w, t0, sums);
        for (var t = t0; t <= t1; t++)
        {
            output[t - t0] = EvidenceIndex.CountIn(given, t - w + 1, t) + EvidenceIndex.CountIn(back, t - w + 1, t) > 0
                ? Saturated(sums[t - t0], scale)
                : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Presence.WindowYears);
        var before = uses.Count;
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Presence, a, b, "presence");
        if (uses.Count == before)
        {
            // No presence: the value, if any, is a real 0 only because these items observe the window.
            TraceObserving(at, uses, a, b);
        }
    }
}

/// <summary>
/// Rubinstein's third inference, second half: presence is no guarantee of influence. The gap between the patron's
/// presence and its influence.
/// </summary>
/// <remarks>
/// <code>
/// influence = mean of attainment and compliance (whichever are defined)
/// gap       = presence − influence            in [−1, 1]
/// </code>
/// Undefined when presence or both parts of influence are. Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class PresenceInfluenceGap : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly PresenceInfluenceGap Instance = new();

    private PresenceInfluenceGap()
        : base("presenceInfluenceGap")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.Objectives;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Signed;

    /// <inheritdoc />
    public override string Formula => "presence − mean(attainment, compliance)";

    /// <inheritdoc />
    public override string Citation => Presence.Instance.Citation;

    /// <summary>Influence: the mean of attainment and compliance, whichever are defined.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The influence, or null.</returns>
    public static double? InfluenceOf(in DyadPeriod at) =>
        (Attainment.Instance.Evaluate(at), Compliance.Instance.Evaluate(at)) switch
        {
            ({ } a, { } c) => (a + c) / 2,
            ({ } a, null) => a,
            (null, { } c) => c,
            _ => null,
        };

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at) =>
        Presence.Instance.Evaluate(at) is { } p && InfluenceOf(at) is { } i ? p - i : null;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var memo = DyadMemo.Of(dyad, t0, t1);
        var attainment = memo.AttainmentFromStart(dyad)[t0..];
        var compliance = memo.Compliance(dyad);
        Span<double?> presence = output;
        Presence.Instance.EvaluateSeries(dyad, t0, t1, presence);
        for (var i = 0; i < compliance.Length; i++)
        {
            double? influence = (double.IsNaN(attainment[i]), double.IsNaN(compliance[i])) switch
            {
                (false, false) => (attainment[i] + compliance[i]) / 2,
                (false, true) => attainment[i],
                (true, false) => compliance[i],
                _ => null,
            };
            output[i] = influence is { } x && presence[i] is { } p ? p - x : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        Presence.Instance.Trace(at, uses);
        Attainment.Instance.Trace(at, uses);
        Compliance.Instance.Trace(at, uses);
    }
}
