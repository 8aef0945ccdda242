namespace Influence;

/// <summary>The length of the periods a series is scored at.</summary>
public enum Granularity
{
    /// <summary>Calendar years (the default): periods are written <c>1996</c>.</summary>
    Year = 0,

    /// <summary>Calendar quarters: periods are written <c>1996Q3</c>.</summary>
    Quarter = 1,

    /// <summary>Calendar months: periods are written <c>1996-10</c>.</summary>
    Month = 2,
}

/// <summary>Helpers for <see cref="Granularity"/>.</summary>
public static class GranularityExtensions
{
    /// <summary>The longest window in years <see cref="PeriodsIn"/> counts: longer than the whole range of periods (years 1 … 9999).</summary>
    private const int LongestWindowYears = 10_000;

    /// <summary>How many periods of this granularity make one year (1, 4 or 12).</summary>
    /// <param name="granularity">The granularity.</param>
    /// <returns>The number of periods per year.</returns>
    public static int PeriodsPerYear(this Granularity granularity) => granularity switch
    {
        Granularity.Year => 1,
        Granularity.Quarter => 4,
        Granularity.Month => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "granularity must be year, quarter or month"),
    };

    /// <summary>
    /// Converts a window given in years into a whole number of periods (at least one), rounding to nearest. A window
    /// longer than any range of periods (10,000 years: periods run from year 1 to 9999) is that long, so any positive
    /// finite number of years, 1e300 included, gives a usable count.
    /// </summary>
    /// <param name="granularity">The granularity.</param>
    /// <param name="years">The window length in years; must be positive.</param>
    /// <returns>The window length in periods, 1 … 10,000 × <see cref="PeriodsPerYear"/>.</returns>
    public static int PeriodsIn(this Granularity granularity, double years)
    {
        if (!(years > 0) || double.IsInfinity(years))
        {
            throw new ArgumentOutOfRangeException(nameof(years), $"a window must be a positive, finite number of years; was {years}");
        }

        var periods = years * granularity.PeriodsPerYear();
        var longest = LongestWindowYears * granularity.PeriodsPerYear();
        return periods >= longest ? longest : Math.Max(1, (int)Math.Round(periods, MidpointRounding.AwayFromZero));
    }


    /// <summary>The lower-case name used in files and on the command line.</summary>
    /// <param name="granularity">The granularity.</param>
    /// <returns><c>year</c>, <c>quarter</c> or <c>month</c>.</returns>
    public static string ToName(this Granularity granularity) => granularity switch
    {
        Granularity.Year => "year",
        Granularity.Quarter => "quarter",
        Granularity.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "granularity must be year, quarter or month"),
    };

    /// <summary>Parses <c>year</c>, <c>quarter</c> or <c>month</c> (case-insensitive).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="granularity">The parsed granularity.</param>
    /// <returns>Whether the text named a granularity.</returns>
    public static bool TryParse(string? text, out Granularity granularity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "YEAR":
                granularity = Granularity.Year;
                return true;
            case "QUARTER":
                granularity = Granularity.Quarter;
                return true;
            case "MONTH":
                granularity = Granularity.Month;
                return true;
            default:
                granularity = Granularity.Year;
                return false;
        }
    }
}
