using System.Globalization;

namespace Influence.Cli.Commands;

/// <summary>
/// How text output shows a p-value: "p &lt; 0.0001" below 0.0001, else "p = " and two significant digits
/// ("p = 0.00012", "p = 0.034", "p = 0.50", "p = 1.0"). Never "p = 0": a p-value is positive. The JSON outputs carry the
/// exact double.
/// </summary>
internal static class PValues
{
    /// <summary>The smallest p-value shown as a number; below it the text says "&lt; 0.0001".</summary>
    public const double Floor = 0.0001;

    /// <summary>The significant digits shown.</summary>
    public const int Digits = 2;

    /// <summary>"p &lt; 0.0001" or "p = 0.034" (see <see cref="PValues"/>).</summary>
    public static string Format(double p, string name = "p")
    {
        if (double.IsNaN(p))
        {
            return $"{name} undefined";
        }

        if (p < Floor)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} < {Floor:0.####}");
        }

        return $"{name} = {Number(p)}";
    }

    /// <summary>A p-value of at least <see cref="Floor"/> to <see cref="Digits"/> significant digits, trailing zeros kept.</summary>
    private static string Number(double p)
    {
        var decimals = Decimals(p);
        var rounded = Math.Round(p, decimals, MidpointRounding.AwayFromZero);

        // 0.0995 rounds to 0.10: count the digits again from the rounded value, or it would show three (0.100).
        decimals = Decimals(rounded);
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static int Decimals(double p) => Math.Max(0, Digits - 1 - (int)Math.Floor(Math.Log10(p)));
}
