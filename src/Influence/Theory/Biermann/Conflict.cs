using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Scoring;

namespace Influence.Theory;

/// <summary>
/// The conflictual character asymmetry gives the relation (Biermann's second feature): coercion in both directions
/// and the client's defiance of the patron's demands.
/// </summary>
/// <remarks>
/// <code>
/// pressure = K[P→C] + K[C→P] + λ · D[P→C]      over the trailing window (1 year)
/// conflict = 1 − exp(−pressure / k)             k = Conflict.Scale (1.0), λ = Conflict.DefianceWeight (0.5)
/// </code>
/// K is confidence × severity × share of coercive acts; D is confidence × salience × share of the patron's demands
/// the client defied or ignored. Defined whenever the dyad has any evidence in the window (then a window without
/// coercion is a real zero); undefined when it has none. <see cref="ConflictByPatron"/> and
/// <see cref="ConflictByClient"/> report the two directions. Biermann (2025), pp. 3–7.
/// </remarks>
public sealed class Conflict : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Conflict Instance = new();

    private Conflict()
        : base("conflict")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−(K[P→C] + K[C→P] + λ·D[P→C]) / k) over the trailing window";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), Territory, Politics and Governance 13(1), pp. 3–7: asymmetry and its conflictual character";

    /// <summary>The three pressures over the window: coercion by the patron, by the client, and the client's defiance.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The pressures, or null when the dyad has no evidence in the window.</returns>
    public static (double ByPatron, double ByClient, double Defiance)? Pressures(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.Conflict.WindowYears);
        if (!at.Observed(a, b))
        {
            return null;
        }

        var index = at.Index;
        return (
            index.Sum(PairSum.Coercion, at.PatronToClient, a, b),
            index.Sum(PairSum.Coercion, at.ClientToPatron, a, b),
            index.Sum(PairSum.DemandDefied, at.PatronToClient, a, b));
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (Pressures(at) is not { } p)
        {
            return null;
        }

        var o = at.Options.Conflict;
        return Saturated(p.ByPatron + p.ByClient + (o.DefianceWeight * p.Defiance), o.Scale);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output) =>
        PressureSeries(dyad, t0, t1, output, static (byPatron, byClient, defiance, o) => Saturated(byPatron + byClient + (o.DefianceWeight * defiance), o.Scale));

    /// <summary>
    /// The series of a measure of the three pressures (<see cref="Pressures"/>) over periods t0 … t1, null where the
    /// dyad has no evidence in the window.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PressureSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output, Func<double, double, double, ConflictOptions, double> value)
    {
        var (byPatron, byClient, defiance, observed) = DyadMemo.Of(dyad, t0, t1).Conflict(dyad);
        var p = byPatron.Span;
        var c = byClient.Span;
        var d = defiance.Span;
        var o = observed.Span;
        var options = dyad.Options.Conflict;
        for (var i = 0; i < o.Length; i++)
        {
            output[i] = o[i] ? value(p[i], c[i], d[i], options) : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Conflict.WindowYears);
        var before = uses.Count;
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Coercion, a, b, "coercion by patron");
        TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Coercion, a, b, "coercion by client");
        TraceDefiance(at, uses, a, b);
        if (uses.Count == before)
        {
            // No pressure: the value, if any, is a real 0 only because these items observe the window.
            TraceObserving(at, uses, a, b);
        }
    }

    internal static void TraceDefiance(in DyadPeriod at, ICollection<EvidenceUse> uses, int a, int b)
    {
        var c = at.Index.Case.Evidence.Columns;
        foreach (var row in at.Index.Items(at.PatronToClient, EvidenceKind.Demand, a, b))
        {
            if ((DemandResponse)c.Type[row] is DemandResponse.Defied or DemandResponse.Ignored)
            {
                uses.Add(new EvidenceUse(row, "defied demand", WindowWeight(at.Index, row, a, b)));
            }
        }
    }
}

/// <summary>The patron's side of <see cref="Conflict"/>: 1 − exp(−K[P→C] / k) over the conflict window.</summary>
public sealed class ConflictByPatron : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly ConflictByPatron Instance = new();

    private ConflictByPatron()
        : base("conflictByPatron")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−K[P→C] / k) over the conflict window";

    /// <inheritdoc />
    public override string Citation => Conflict.Instance.Citation;

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at) =>
        Conflict.Pressures(at) is { } p ? Saturated(p.ByPatron, at.Options.Conflict.Scale) : null;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output) =>
        Conflict.PressureSeries(dyad, t0, t1, output, static (byPatron, _, _, o) => Saturated(byPatron, o.Scale));

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Conflict.WindowYears);
        var before = uses.Count;
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Coercion, a, b, "coercion by patron");
        if (uses.Count == before)
        {
            TraceObserving(at, uses, a, b);
        }
    }
}

/// <summary>The client's side of <see cref="Conflict"/>: 1 − exp(−(K[C→P] + λ·D[P→C]) / k) over the conflict window.</summary>
public sealed class ConflictByClient : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly ConflictByClient Instance = new();

    private ConflictByClient()
        : base("conflictByClient")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−(K[C→P] + λ·D[P→C]) / k) over the conflict window";

    /// <inheritdoc />
    public override string Citation => Conflict.Instance.Citation;

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (Conflict.Pressures(at) is not { } p)
        {
            return null;
        }

        var o = at.Options.Conflict;
        return Saturated(p.ByClient + (o.DefianceWeight * p.Defiance), o.Scale);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output) =>
        Conflict.PressureSeries(dyad, t0, t1, output, static (_, byClient, defiance, o) => Saturated(byClient + (o.DefianceWeight * defiance), o.Scale));

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Conflict.WindowYears);
        var before = uses.Count;
        TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Coercion, a, b, "coercion by client");
        Conflict.TraceDefiance(at, uses, a, b);
        if (uses.Count == before)
        {
            TraceObserving(at, uses, a, b);
        }
    }
}
