using Influence.Evidence;
using MathNet.Numerics.Distributions;

namespace Influence.Theory;

/// <summary>
/// Rubinstein's second inference: the patron's inputs are instruments that do not necessarily become increments of
/// influence. Does attainment rise as the patron's cumulative inputs rise?
/// </summary>
/// <remarks>
/// <code>
/// points    = (X_τ, attainment_τ) for periods τ of the trailing window (10 years) with attainment,
///             X_τ = cumulative weighted support P→C up to τ
/// β         = least-squares slope of attainment on X
/// value     = clip(β · (max X − min X), −1, 1)   the attainment change the window's inputs bought
/// interval  = the same for β ± t(n − 2) · se(β), at InputEfficiency.IntervalLevel (90%)
/// </code>
/// Near zero or negative: inputs did not buy influence. Undefined with fewer than
/// <see cref="Scoring.InputEfficiencyOptions.MinimumPoints"/> points or no growth in inputs. Rubinstein (1977),
/// pp. xiv–xix.
/// </remarks>
public sealed class InputEfficiency : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly InputEfficiency Instance = new();

    private InputEfficiency()
        : base("inputEfficiency")
    {
    }

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Signed;

    /// <inheritdoc />
    public override string Formula => "clip(β·(max X − min X), −1, 1), β the least-squares slope of attainment on cumulative patron input over the trailing window";

    /// <inheritdoc />
    public override string Citation => "Rubinstein (1977), Red Star on the Nile, pp. xiv–xix: inputs are not increments of influence";

    /// <summary>The regression: slope, its standard error, the input range and the number of points.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The fit, or null when undefined.</returns>
    public static (double Slope, double StandardError, double Range, int Points)? Fit(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.InputEfficiency.WindowYears);
        a = Math.Max(a, 0);
        Span<double> xs = stackalloc double[b - a + 1];
        Span<double> ys = stackalloc double[b - a + 1];
        var n = 0;
        for (var t = a; t <= b; t++)
        {
            if (Attainment.Instance.Evaluate(at.At(t)) is { } y)
            {
                xs[n] = at.Index.CumulativeSupport(at.PatronToClient, t);
                ys[n] = y;
                n++;
            }
        }

        if (n < at.Options.InputEfficiency.MinimumPoints)
        {
            return null;
        }

        double mx = 0, my = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            mx += xs[i];
            my += ys[i];
            min = Math.Min(min, xs[i]);
            max = Math.Max(max, xs[i]);
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (xs[i] - mx) * (xs[i] - mx);
            sxy += (xs[i] - mx) * (ys[i] - my);
        }

        if (!(sxx > 1e-12 * Math.Max(1, mx * mx)))
        {
            return null;
        }

        var slope = sxy / sxx;
        var ssr = 0.0;
        for (var i = 0; i < n; i++)
        {
            var r = ys[i] - my - (slope * (xs[i] - mx));
            ssr += r * r;
        }

        var se = Math.Sqrt(ssr / (n - 2) / sxx);
        return (slope, se, max - min, n);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at) =>
        Fit(at) is { } f ? Math.Clamp(f.Slope * f.Range, -1, 1) : null;

    /// <inheritdoc />
    public override (double Low, double High)? EvaluateInterval(in DyadPeriod at)
    {
        if (Fit(at) is not { } f)
        {
            return null;
        }

        var level = at.Options.InputEfficiency.IntervalLevel;
        var tCrit = StudentT.InvCDF(0, 1, f.Points - 2, 1 - ((1 - level) / 2));
        var half = tCrit * f.StandardError;
        return (Math.Clamp((f.Slope - half) * f.Range, -1, 1), Math.Clamp((f.Slope + half) * f.Range, -1, 1));
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (a, b) = at.Trailing(at.Options.InputEfficiency.WindowYears);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, 0, b, "patron input (cumulative)");
        for (var t = Math.Max(a, 0); t <= b; t++)
        {
            var local = new List<EvidenceUse>();
            Attainment.Instance.Trace(at.At(t), local);
            foreach (var u in local)
            {
                uses.Add(u with { Term = $"attainment {at.Index.Grid[t]}: {u.Term}" });
            }
        }
    }
}
