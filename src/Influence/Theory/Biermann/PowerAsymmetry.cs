using System.Runtime.CompilerServices;
using Influence.Indexing;
using Influence.Internal;

namespace Influence.Theory;

/// <summary>
/// Biermann's second feature, power asymmetry: the patron's superior resources give it bargaining power.
/// </summary>
/// <remarks>
/// <code>
/// asymmetry = max(0, (cap_P − cap_C) / (cap_P + cap_C))
/// </code>
/// cap is each actor's latest capability observation at the end of the period (confidence-weighted mean of the
/// observations on the latest day). Undefined until both actors have been observed. Its conflictual character is
/// measured by <see cref="Conflict"/>. Biermann (2025), pp. 3–7.
/// </remarks>
public sealed class PowerAsymmetry : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly PowerAsymmetry Instance = new();

    private PowerAsymmetry()
        : base("asymmetry")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.Capabilities;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "max(0, (cap_P − cap_C) / (cap_P + cap_C)), latest capabilities at the end of the period";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), Territory, Politics and Governance 13(1), pp. 3–7: power asymmetry";

    /// <summary>The formula on its inputs.</summary>
    /// <param name="patron">The patron's capability, &gt; 0.</param>
    /// <param name="client">The client's capability, &gt; 0.</param>
    /// <returns>The asymmetry in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A capability is not a finite number &gt; 0.</exception>
    public static double Compute(double patron, double client) =>
        Computed(Check.PositiveOrThrow(patron, nameof(patron)), Check.PositiveOrThrow(client, nameof(client)));

    /// <summary><see cref="Compute"/> without the checks, for the engine (capabilities are validated when read).</summary>
    private static double Computed(double patron, double client) =>
        double.IsFinite(patron + client)
            ? Math.Max(0, (patron - client) / (patron + client))
            : Math.Max(0, ((0.5 * patron) - (0.5 * client)) / ((0.5 * patron) + (0.5 * client))); // halved exactly: the sum would overflow

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at) =>
        at.Index.TryCapability(at.Patron, at.T, out var p) && at.Index.TryCapability(at.Client, at.T, out var c)
            ? Computed(p, c)
            : null;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var (patronAt, patronValue) = dyad.Index.CapabilitySeries(dyad.Patron);
        var (clientAt, clientValue) = dyad.Index.CapabilitySeries(dyad.Client);
        var pa = patronAt.Span;
        var pv = patronValue.Span;
        var ca = clientAt.Span;
        var cv = clientValue.Span;
        for (var t = t0; t <= t1; t++)
        {
            output[t - t0] = pa[t] >= 0 && ca[t] >= 0 ? Computed(pv[t], cv[t]) : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        foreach (var row in at.Index.CapabilityItems(at.Patron, at.T))
        {
            uses.Add(new EvidenceUse(row, $"patron capability (observed {Show(at, row)})", at.Index.ConfidenceWeight(row)));
        }

        foreach (var row in at.Index.CapabilityItems(at.Client, at.T))
        {
            uses.Add(new EvidenceUse(row, $"client capability (observed {Show(at, row)})", at.Index.ConfidenceWeight(row)));
        }
    }

    private static string Show(in DyadPeriod at, int row) =>
        at.Index.Case.Evidence.Columns.Value[row].ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
