using System.Globalization;
using Influence.Internal;

namespace Influence.Scoring;

/// <summary>The state of a relationship in a period, from its exchange, conflict and account balance.</summary>
public enum RelationshipState
{
    /// <summary>Consolidated patronage: exchange high, conflict low.</summary>
    Consolidated = 0,

    /// <summary>Contested, "strange bedfellows": exchange high and conflict high.</summary>
    Contested,

    /// <summary>Estranged: exchange low, conflict high.</summary>
    Estranged,

    /// <summary>Dormant: exchange low, conflict low.</summary>
    Dormant,

    /// <summary>Inverted: the patron is in the client's debt (account balance at or below −θ).</summary>
    Inverted,
}

/// <summary>The patron–client test's verdict in one period.</summary>
/// <param name="IsPatronClient">True when every feature is at or above its threshold; false when one is below; null when one is undefined.</param>
/// <param name="Margin">The smallest (feature − threshold): how far the weakest feature clears (or misses) its bar; null when a feature is undefined.</param>
/// <param name="Rule">The rule that fired, with the numbers.</param>
/// <exception cref="ArgumentNullException"><paramref name="Rule"/> is null.</exception>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Margin"/> is NaN or infinite.</exception>
public readonly record struct PatronClientVerdict(bool? IsPatronClient, double? Margin, string Rule)
{
    /// <summary>The smallest (feature − threshold), or null when a feature is undefined; never NaN.</summary>
    public double? Margin { get; init => field = value is { } m ? Check.FiniteOrThrow(m, nameof(Margin)) : null; } = Margin is { } m ? Check.FiniteOrThrow(m, nameof(Margin)) : null;

    /// <summary>The rule that fired, with the numbers (empty for <c>default(PatronClientVerdict)</c>, which no test gave).</summary>
    public string Rule { get => field ?? string.Empty; init => field = value ?? throw new ArgumentNullException(nameof(Rule)); } = Rule ?? throw new ArgumentNullException(nameof(Rule));
}

/// <summary>The relationship state in one period.</summary>
/// <param name="State">The state, or null when the dyad was not observed.</param>
/// <param name="Rule">The rule that fired, with the numbers.</param>
/// <exception cref="ArgumentNullException"><paramref name="Rule"/> is null.</exception>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="State"/> is not one of the five states.</exception>
public readonly record struct StateVerdict(RelationshipState? State, string Rule)
{
    /// <summary>The state, or null when the dyad was not observed.</summary>
    public RelationshipState? State { get; init => field = ValidState(value, nameof(State)); } = ValidState(State, nameof(State));

    /// <summary>The rule that fired, with the numbers (empty for <c>default(StateVerdict)</c>, which no classification gave).</summary>
    public string Rule { get => field ?? string.Empty; init => field = value ?? throw new ArgumentNullException(nameof(Rule)); } = Rule ?? throw new ArgumentNullException(nameof(Rule));

    private static RelationshipState? ValidState(RelationshipState? state, string name) =>
        state is not { } s || Enum.IsDefined(s) ? state : throw Check.Undefined(s, name, "consolidated, contested, estranged, dormant or inverted");
}

/// <summary>
/// Biermann's patron–client test: a relation is patron–client when all four features are present, each at or above
/// its threshold (<see cref="PatronClientThresholds"/>). The margin is the weakest feature's distance from its bar.
/// </summary>
public static class PatronClientTest
{
    /// <summary>Applies the test.</summary>
    /// <param name="exchange">Exchange.</param>
    /// <param name="asymmetry">Power asymmetry.</param>
    /// <param name="diffuseObligation">Diffuse obligation.</param>
    /// <param name="endurance">Endurance.</param>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The verdict.</returns>
    /// <remarks>Each feature is a value in [0, 1], or null when undefined (then the verdict is undetermined).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A feature is NaN, infinite or outside [0, 1].</exception>
    public static PatronClientVerdict Evaluate(double? exchange, double? asymmetry, double? diffuseObligation, double? endurance, PatronClientThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        Feature(exchange);
        Feature(asymmetry);
        Feature(diffuseObligation);
        Feature(endurance);
        var features = new (string Name, double? Value, double Threshold)[]
        {
            ("exchange", exchange, thresholds.Exchange),
            ("asymmetry", asymmetry, thresholds.Asymmetry),
            ("diffuseObligation", diffuseObligation, thresholds.DiffuseObligation),
            ("endurance", endurance, thresholds.Endurance),
        };
        var missing = features.Where(f => f.Value is null).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            return new PatronClientVerdict(null, null, $"undetermined: {string.Join(", ", missing)} undefined");
        }

        var weakest = features.MinBy(f => f.Value!.Value - f.Threshold);
        var margin = weakest.Value!.Value - weakest.Threshold;
        var passes = margin >= 0;
        var rule = passes
            ? $"patron–client: all four features at or above their thresholds; weakest {weakest.Name} {VerdictNumbers.Compare(weakest.Value!.Value, weakest.Threshold)}"
            : $"not patron–client: {string.Join(", ", features.Where(f => f.Value < f.Threshold).Select(f => $"{f.Name} {VerdictNumbers.Compare(f.Value!.Value, f.Threshold)}"))}";
        return new PatronClientVerdict(passes, margin, rule);
    }

    private static void Feature(double? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is { } v)
        {
            Check.UnitIntervalOrThrow(v, name);
        }
    }
}

/// <summary>
/// The relationship-state typology. First, the state is undefined when conflict is (the dyad was not observed),
/// whatever the account balance. Then, in order: inverted when the account balance is at or below −θ (the patron is
/// in the client's debt); otherwise exchange high/low × conflict high/low gives consolidated, contested ("strange
/// bedfellows"), estranged or dormant. Undefined exchange (no flows in its window) counts as low.
/// </summary>
public static class RelationshipStates
{
    /// <summary>Classifies one period.</summary>
    /// <param name="exchange">Exchange.</param>
    /// <param name="conflict">Conflict.</param>
    /// <param name="accountBalance">Account balance.</param>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The state and the rule that fired.</returns>
    /// <remarks>
    /// Exchange and conflict are values in [0, 1], the account balance one in [−1, 1]; each may be null when undefined.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or outside its range.</exception>
    public static StateVerdict Classify(double? exchange, double? conflict, double? accountBalance, StateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (exchange is { } xv)
        {
            Check.UnitIntervalOrThrow(xv, nameof(exchange));
        }

        if (conflict is { } kv)
        {
            Check.UnitIntervalOrThrow(kv, nameof(conflict));
        }

        if (accountBalance is { } bv)
        {
            Check.SignedUnitOrThrow(bv, nameof(accountBalance));
        }

        var inv = CultureInfo.InvariantCulture;
        if (conflict is not { } k)
        {
            return new StateVerdict(null, "unobserved: no evidence on the dyad in the conflict window");
        }

        if (accountBalance is { } b && b <= -thresholds.InvertedBalance)
        {
            return new StateVerdict(RelationshipState.Inverted, $"inverted: account balance {VerdictNumbers.Compare(b, -thresholds.InvertedBalance, "≤").Replace('-', '−')} (the patron is in the client's debt)");
        }

        var x = exchange ?? 0;
        var highX = x >= thresholds.HighExchange;
        var highK = k >= thresholds.HighConflict;
        var xs = exchange is null
            ? string.Create(inv, $"exchange undefined (no flows in window, counted as low) < {thresholds.HighExchange:0.###}")
            : $"exchange {VerdictNumbers.Compare(x, thresholds.HighExchange)}";
        var ks = $"conflict {VerdictNumbers.Compare(k, thresholds.HighConflict)}";
        var state = (highX, highK) switch
        {
            (true, false) => RelationshipState.Consolidated,
            (true, true) => RelationshipState.Contested,
            (false, true) => RelationshipState.Estranged,
            _ => RelationshipState.Dormant,
        };
        return new StateVerdict(state, $"{StateName(state)}: {xs} and {ks}");
    }

    /// <summary>The lower-case name used in output.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not one of the five states.</exception>
    public static string StateName(RelationshipState state) => state switch
    {
        RelationshipState.Consolidated => "consolidated",
        RelationshipState.Contested => "contested",
        RelationshipState.Estranged => "estranged",
        RelationshipState.Dormant => "dormant",
        RelationshipState.Inverted => "inverted",
        _ => throw Check.Undefined(state, nameof(state), "consolidated, contested, estranged, dormant or inverted"),
    };
}

/// <summary>
/// The numbers of a verdict's rule: a value and the bar it was compared with, to 3 decimals as a rule, and with more
/// where 3 would mislead (docs/measures.md, "Verdicts").
/// </summary>
internal static class VerdictNumbers
{
    /// <summary>The most decimals tried before falling back to the shortest text that round-trips.</summary>
    private const int MaxDecimals = 15;

    /// <summary>A value nearer its bar than this is written with more than 3 decimals.</summary>
    private const double Near = 0.001;

    /// <summary>
    /// "value ≥ threshold" or "value &lt; threshold" (or <paramref name="sign"/> when given), to 3 decimals when the
    /// value is at least 0.001 from its bar; nearer, with enough decimals to show the gap to two significant digits
    /// (one unit of the last decimal at most a tenth of |value − threshold|). Either way the two written numbers
    /// compare as the numbers do, so the text never reverses the comparison ("0.1 &lt; 0.1" for 0.09996 &lt; 0.1), and
    /// a value near its bar is not rounded past the nearby bars that would flip it ("0.251 ≥ 0.25" or "0.2508 ≥ 0.25"
    /// for 0.25076, which a bar of 0.2508 fails). Equal numbers are written to 3 decimals. Past 15 decimals both are
    /// written in the shortest form that round-trips, which keeps two different doubles apart and in order.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="threshold">The bar.</param>
    /// <param name="sign">The comparison to print (null: ≥ when value ≥ threshold, else &lt;).</param>
    /// <returns>The comparison as text.</returns>
    internal static string Compare(double value, double threshold, string? sign = null)
    {
        var inv = CultureInfo.InvariantCulture;
        sign ??= value - threshold >= 0 ? "≥" : "<";
        if (Decimals(value, threshold) is { } decimals)
        {
            var format = "0." + new string('#', decimals);
            return $"{value.ToString(format, inv)} {sign} {threshold.ToString(format, inv)}";
        }

        return $"{value.ToString("R", inv)} {sign} {threshold.ToString("R", inv)}";
    }

    /// <summary>
    /// The decimals <see cref="Compare"/> writes a value and its bar with: 3 when the value is at least 0.001 from the
    /// bar (or on it); nearer, enough to show the gap to two significant digits; in both cases so that the two written
    /// numbers compare as the numbers do. Null past 15 decimals, where only the shortest text that round-trips will do.
    /// Other text that puts a number next to a nearby bar (the option change that flips a verdict) takes its decimals
    /// from here.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="threshold">The bar.</param>
    /// <returns>The decimals, from 3 to 15, or null.</returns>
    internal static int? Decimals(double value, double threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        var margin = value - threshold;
        for (var decimals = 3; decimals <= MaxDecimals; decimals++)
        {
            var format = "0." + new string('#', decimals);
            var v = double.Parse(value.ToString(format, inv), inv);
            var t = double.Parse(threshold.ToString(format, inv), inv);
            if (margin == 0 || ((Math.Abs(margin) >= Near || Math.Pow(10, -decimals) <= Math.Abs(margin) / 10) && Math.Sign(v - t) == Math.Sign(margin)))
            {
                return decimals;
            }
        }

        return null;
    }
}
