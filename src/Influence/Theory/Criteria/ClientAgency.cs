using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// The client's agency toward its patron: it defies demands, draws red lines, coerces its patron and has other
/// patrons to turn to.
/// </summary>
/// <remarks>
/// <code>
/// defiance       = 1 − compliance                              (compliance window)
/// red lines      = defied share of red-line demands            (salience ≥ 0.8, compliance window)
/// client force   = 1 − exp(−K[C→P] / k)                        (conflict window; k = ClientAgency.CoercionScale)
/// outside options = 1 − patron's share of the client's support (reciprocity window)
/// agency         = mean of the parts that are defined
/// </code>
/// Undefined when no part is. Sharma (2026) on the Taliban's "red lines"; Biermann (2025), p. 4.
/// </remarks>
public sealed class ClientAgency : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly ClientAgency Instance = new();

    private ClientAgency()
        : base("clientAgency")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.Received;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "mean of (1 − compliance), red-line defiance, 1 − exp(−K[C→P]/k), 1 − patron share";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), p. 4: clients draw red lines; Sharma (2026), UNISCI 70, section 3";

    /// <summary>The four parts (null when undefined).</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The parts.</returns>
    public static (double? Defiance, double? RedLines, double? ClientForce, double? OutsideOptions) Parts(in DyadPeriod at)
    {
        var index = at.Index;
        var (a, b) = at.Trailing(at.Options.Compliance.WindowYears);
        double? defiance = Compliance.Pooled(index, at.PatronToClient, a, b) is { } c ? 1 - c : null;
        var rw = index.Sum(PairSum.RedLineWeight, at.PatronToClient, a, b);
        double? redLines = rw > 0 ? index.Sum(PairSum.RedLineDefied, at.PatronToClient, a, b) / rw : null;
        var (ca, cb) = at.Trailing(at.Options.Conflict.WindowYears);
        double? force = at.Observed(ca, cb)
            ? Saturated(index.Sum(PairSum.Coercion, at.ClientToPatron, ca, cb), at.Options.ClientAgency.CoercionScale)
            : null;
        double? outside = PatronShare.Instance.Evaluate(at) is { } s ? 1 - s : null;
        return (defiance, redLines, force, outside);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (d, r, f, o) = Parts(at);
        double sum = 0;
        var n = 0;
        foreach (var part in new[] { d, r, f, o })
        {
            if (part is { } v)
            {
                sum += v;
                n++;
            }
        }

        return n > 0 ? sum / n : null;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var n = t1 - t0 + 1;
        var wc = index.Grid.WindowPeriods(dyad.Options.Compliance.WindowYears);
        var memo = DyadMemo.Of(dyad, t0, t1);
        var compliance = memo.Compliance(dyad);
        var (_, byClient, _, observed) = memo.Conflict(dyad);
        var force = byClient.Span;
        var seen = observed.Span;
        var share = memo.PatronShare(dyad);
        using var scratch = SeriesScratch.Open();
        var redWeight = scratch.Doubles(n);
        var redDefied = scratch.Doubles(n);
        var (_, _, redLineWeight, redLineDefied) = memo.Demands(dyad);
        Windows.Sums(redLineWeight.Span, wc, t0, redWeight);
        Windows.Sums(redLineDefied.Span, wc, t0, redDefied);
        var scale = dyad.Options.ClientAgency.CoercionScale;
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            var parts = 0;
            if (!double.IsNaN(compliance[i]))
            {
                sum += 1 - compliance[i];
                parts++;
            }

            if (redWeight[i] > 0)
            {
                sum += redDefied[i] / redWeight[i];
                parts++;
            }

            if (seen[i])
            {
                sum += Saturated(force[i], scale);
                parts++;
            }

            if (!double.IsNaN(share[i]))
            {
                sum += 1 - share[i];
                parts++;
            }

            output[i] = parts > 0 ? sum / parts : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.Compliance.WindowYears);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Demand, a, b, "demand");
        var (ca, cb) = at.Trailing(at.Options.Conflict.WindowYears);
        TraceItems(at, uses, at.ClientToPatron, EvidenceKind.Coercion, ca, cb, "coercion by client");
        if (at.Observed(ca, cb) && !at.Index.Items(at.ClientToPatron, EvidenceKind.Coercion, ca, cb).Any())
        {
            // Without coercion by the client, its force is a real 0 only because these items observe the dyad; without
            // them the part would be undefined and the mean of the other parts would move.
            foreach (var kind in Enum.GetValues<EvidenceKind>())
            {
                TraceItems(at, uses, at.PatronToClient, kind, ca, cb, "observes the dyad (client force 0)");
                TraceItems(at, uses, at.ClientToPatron, kind, ca, cb, "observes the dyad (client force 0)");
            }
        }

        PatronShare.Instance.Trace(at, uses);
    }
}
