using System.Runtime.CompilerServices;
using Influence.Indexing;
namespace Influence.Theory;

/// <summary>
/// Holsti's influence: how far the patron attains its external policy objectives (not what it could do with its
/// capabilities).
/// </summary>
/// <remarks>
/// <code>
/// a_o        = Σ w·value / Σ w over the observations of objective o in the latest period of the trailing
///              look-back (3 years) that has any; w = confidence × share
/// attainment = Σ salience_o · a_o / Σ salience_o  over the patron's objectives with an observation
/// </code>
/// The patron's objectives are those held by the patron (or a movement it belongs to) and aimed at the client, a
/// movement the client belongs to, or no one in particular. Indicator observations count after their series maps
/// them onto [0, 1]. Undefined when no objective has an observation in the look-back. Holsti (1964), pp. 179–194.
/// </remarks>
public sealed class Attainment : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly Attainment Instance = new();

    private Attainment()
        : base("attainment")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.Objectives;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "salience-weighted mean over the patron's objectives of the latest attainment observed in the look-back";

    /// <inheritdoc />
    public override string Citation => "Holsti (1964), “The Concept of Power in the Study of International Relations”, 7(4), pp. 179–194: influence against policy objectives";

    /// <summary>The objectives of the patron that apply to this client, as positions in the case's objectives.</summary>
    /// <param name="at">The dyad.</param>
    /// <returns>The objective positions.</returns>
    public static IEnumerable<int> ObjectivesOf(DyadPeriod at)
    {
        var index = at.Index;
        var clientChain = index.AncestorsOrSelf(at.Client);
        foreach (var holder in index.AncestorsOrSelf(at.Patron))
        {
            foreach (var o in index.ObjectivesHeldBy(holder))
            {
                var toward = index.Case.Objectives[o].Toward;
                if (toward is null || clientChain.Contains(index.Case.ActorIndexOf(toward)))
                {
                    yield return o;
                }
            }
        }
    }

    /// <summary>The attainment of one objective: the latest period in the look-back with observations.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <param name="objective">The objective position.</param>
    /// <returns>(the attainment, the period position it was observed in), or null.</returns>
    public static (double Value, int Period)? OfObjective(in DyadPeriod at, int objective)
    {
        var (a, b) = at.Trailing(at.Options.Attainment.LookbackYears);
        for (var t = b; t >= Math.Max(a, 0); t--)
        {
            var (sum, weight) = at.Index.AttainmentAt(objective, t);
            if (weight > 0)
            {
                return (Math.Clamp(sum / weight, 0, 1), t);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        double num = 0, den = 0;
        foreach (var o in ObjectivesOf(at))
        {
            if (OfObjective(at, o) is { } a)
            {
                var s = at.Index.Case.Objectives[o].Salience;
                num += s * a.Value;
                den += s;
            }
        }

        return den > 0 ? num / den : null;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        Write(DyadMemo.Of(dyad, t0, t1).AttainmentFromStart(dyad)[t0..], output);
    }

    /// <summary>The values of periods t0, t0 + 1, … into <paramref name="dest"/>; NaN where undefined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Series(in DyadPeriod dyad, int t0, Span<double> dest)
    {
        var index = dyad.Index;
        var objectives = new List<(int Objective, double Salience)>();
        foreach (var o in ObjectivesOf(dyad))
        {
            objectives.Add((o, index.Case.Objectives[o].Salience));
        }

        var w = index.Grid.WindowPeriods(dyad.Options.Attainment.LookbackYears);
        for (var i = 0; i < dest.Length; i++)
        {
            var t = t0 + i;
            var a = Math.Max(t - w + 1, 0);
            double num = 0, den = 0;
            foreach (var (o, s) in objectives)
            {
                var last = index.LastAttainmentPeriod(o, t);
                if (last >= a)
                {
                    var (sum, weight) = index.AttainmentAt(o, last);
                    num += s * Math.Clamp(sum / weight, 0, 1);
                    den += s;
                }
            }

            dest[i] = den > 0 ? num / den : double.NaN;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        foreach (var o in ObjectivesOf(at))
        {
            if (OfObjective(at, o) is { } a)
            {
                var name = at.Index.Case.Objectives[o].Id;
                foreach (var row in at.Index.ObjectiveItems(o, a.Period, a.Period))
                {
                    var value = at.Index.AttainmentValue(row).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                    uses.Add(new EvidenceUse(row, $"objective {name} (observed {value})", WindowWeight(at.Index, row, a.Period, a.Period)));
                }
            }
        }
    }
}
