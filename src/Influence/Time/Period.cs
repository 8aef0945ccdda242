using System.Globalization;

namespace Influence;

/// <summary>
/// One calendar period at a given <see cref="Granularity"/>: a year (<c>1996</c>), a quarter (<c>1996Q3</c>)
/// or a month (<c>1996-10</c>).
/// </summary>
/// <remarks>
/// Periods of the same granularity are ordered and can be stepped with <see cref="AddPeriods"/>.
/// <c>default(Period)</c> is the year 0001, a valid but meaningless period.
/// </remarks>
public readonly struct Period : IEquatable<Period>, IComparable<Period>
{
    private const int MinYear = 1;
    private const int MaxYear = 9999;

    private Period(Granularity granularity, int ordinal)
    {
        Granularity = granularity;
        Ordinal = ordinal;
    }

    /// <summary>The granularity of the period.</summary>
    public Granularity Granularity { get; }

    /// <summary>
    /// The period's position on its granularity's time line: the year for years,
    /// <c>year × 4 + quarter − 1</c> for quarters, <c>year × 12 + month − 1</c> for months.
    /// </summary>
    public int Ordinal { get; }

    /// <summary>The calendar year the period falls in.</summary>
    public int Year => Granularity switch
    {
        Granularity.Quarter => Ordinal / 4,
        Granularity.Month => Ordinal / 12,
        _ => Ordinal == 0 ? MinYear : Ordinal,
    };

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Granularity switch
    {
        Granularity.Quarter => new DateOnly(Ordinal / 4, (Ordinal % 4 * 3) + 1, 1),
        Granularity.Month => new DateOnly(Ordinal / 12, (Ordinal % 12) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Granularity switch
    {
        Granularity.Quarter => LastDayOf(Start.Year, Start.Month + 2),
        Granularity.Month => LastDayOf(Start.Year, Start.Month),
        _ => new DateOnly(Year, 12, 31),
    };

    // Not Start.AddMonths(n).AddDays(-1): in December 9999 the next month does not exist.
    private static DateOnly LastDayOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>Creates a year period.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The period.</returns>
    public static Period FromYear(int year)
    {
        CheckYear(year);
        return new Period(Granularity.Year, year);
    }

    /// <summary>Creates a quarter period.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <returns>The period.</returns>
    public static Period FromQuarter(int year, int quarter)
    {
        CheckYear(year);
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), $"quarter must be in [1, 4]; was {quarter}");
        }

        return new Period(Granularity.Quarter, (year * 4) + quarter - 1);
    }

    /// <summary>Creates a month period.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The period.</returns>
    public static Period FromMonth(int year, int month)
    {
        CheckYear(year);
        CheckMonth(month);
        return new Period(Granularity.Month, (year * 12) + month - 1);
    }

    /// <summary>The period of the given granularity that contains a day.</summary>
    /// <param name="granularity">The granularity.</param>
    /// <param name="day">The day.</param>
    /// <returns>The period containing <paramref name="day"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="granularity"/> is not year, quarter or month.</exception>
    public static Period Containing(Granularity granularity, DateOnly day) => granularity switch
    {
        Granularity.Quarter => new Period(granularity, (day.Year * 4) + ((day.Month - 1) / 3)),
        Granularity.Month => new Period(granularity, (day.Year * 12) + day.Month - 1),
        Granularity.Year => new Period(Granularity.Year, day.Year),
        _ => throw Undefined(granularity),
    };

    /// <summary>Creates a period from its granularity and <see cref="Ordinal"/>.</summary>
    /// <param name="granularity">The granularity.</param>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="granularity"/> is not year, quarter or month, or the period falls outside the years 1 … 9999.
    /// </exception>
    public static Period FromOrdinal(Granularity granularity, int ordinal)
    {
        if (granularity is not (Granularity.Year or Granularity.Quarter or Granularity.Month))
        {
            throw Undefined(granularity);
        }

        var probe = new Period(granularity, ordinal);
        CheckYear(probe.Year);
        return probe;
    }

    /// <summary>The period <paramref name="count"/> steps later (earlier when negative).</summary>
    /// <param name="count">The number of periods to move.</param>
    /// <returns>The moved period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The moved period would fall outside the years 1 … 9999.</exception>
    public Period AddPeriods(int count)
    {
        var ordinal = (long)Ordinal + count;
        if (ordinal is < int.MinValue or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"moving {this} by {count} periods leaves the years 1 … 9999");
        }

        return FromOrdinal(Granularity, (int)ordinal);
    }

    /// <summary>The number of periods from <paramref name="other"/> to this one (positive when this is later).</summary>
    /// <param name="other">A period of the same granularity.</param>
    /// <returns>The signed distance in periods.</returns>
    public int PeriodsSince(Period other)
    {
        RequireSameGranularity(other);
        return Ordinal - other.Ordinal;
    }

    /// <summary>
    /// Parses <c>1996</c>, <c>1996Q3</c> (or <c>1996q3</c>) or <c>1996-10</c>. The text decides the granularity.
    /// </summary>
    /// <remarks>
    /// White space around the period is ignored (<c>" 2021"</c> is 2021), as by <see cref="Parse(string)"/>,
    /// <see cref="EvidenceDate.TryParsePoint(string?, out EvidenceDate)"/>, the case reader (whose schema allows it)
    /// and the command line, so that a period reads the same wherever it is written; white space inside it
    /// (<c>"2021 Q3"</c>) is not a period. Blank text is not a period.
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="period">The parsed period.</param>
    /// <returns>Whether the text is a period.</returns>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out var y) && y >= MinYear)
        {
            period = new Period(Granularity.Year, y);
            return true;
        }

        if (s.Length == 6 && (s[4] == 'Q' || s[4] == 'q')
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out y) && y >= MinYear
            && s[5] is >= '1' and <= '4')
        {
            period = new Period(Granularity.Quarter, (y * 4) + (s[5] - '1'));
            return true;
        }

        if (s.Length == 7 && s[4] == '-'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out y) && y >= MinYear
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, inv, out var m) && m is >= 1 and <= 12)
        {
            period = new Period(Granularity.Month, (y * 12) + m - 1);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parses a period exactly as <see cref="TryParse(string?, out Period)"/> does (white space around it ignored), but
    /// throws where that returns false.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static Period Parse(string text) =>
        TryParse(text ?? throw new ArgumentNullException(nameof(text)), out var p) ? p : throw new FormatException($"'{text}' is not a period: expected YYYY, YYYYQn or YYYY-MM");

    /// <summary>
    /// Re-expresses a period at another granularity: the period of <paramref name="granularity"/> containing this
    /// period's first day (<paramref name="atEnd"/> false) or last day (true).
    /// </summary>
    /// <param name="granularity">The target granularity.</param>
    /// <param name="atEnd">Whether to take the period containing the last day rather than the first.</param>
    /// <returns>The converted period.</returns>
    public Period ToGranularity(Granularity granularity, bool atEnd = false) =>
        Containing(granularity, atEnd ? End : Start);

    /// <inheritdoc />
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return Granularity switch
        {
            Granularity.Quarter => string.Create(inv, $"{Ordinal / 4:D4}Q{(Ordinal % 4) + 1}"),
            Granularity.Month => string.Create(inv, $"{Ordinal / 12:D4}-{(Ordinal % 12) + 1:D2}"),
            _ => Year.ToString("D4", inv),
        };
    }

    /// <inheritdoc />
    public bool Equals(Period other) => Granularity == other.Granularity && Ordinal == other.Ordinal;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Period other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Granularity, Ordinal);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The periods have different granularities.</exception>
    public int CompareTo(Period other)
    {
        RequireSameGranularity(other);
        return Ordinal.CompareTo(other.Ordinal);
    }

    /// <summary>Equality.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether the periods are equal.</returns>
    public static bool operator ==(Period left, Period right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether the periods differ.</returns>
    public static bool operator !=(Period left, Period right) => !left.Equals(right);

    /// <summary>Order.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether <paramref name="left"/> is earlier.</returns>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Order.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether <paramref name="left"/> is later.</returns>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Order.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether <paramref name="left"/> is not later.</returns>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Order.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether <paramref name="left"/> is not earlier.</returns>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>Throws, naming the parameter, unless 1 ≤ <paramref name="year"/> ≤ 9999.</summary>
    internal static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"year must be in [{MinYear}, {MaxYear}]; was {year}");
        }
    }

    /// <summary>Throws, naming the parameter, unless 1 ≤ <paramref name="month"/> ≤ 12.</summary>
    internal static void CheckMonth(int month)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"month must be in [1, 12]; was {month}");
        }
    }

    private static ArgumentOutOfRangeException Undefined(Granularity granularity) =>
        Internal.Check.Undefined(granularity, nameof(granularity), "year, quarter or month");

    private void RequireSameGranularity(Period other)
    {
        if (other.Granularity != Granularity)
        {
            throw new ArgumentException($"cannot compare a {Granularity.ToName()} period with a {other.Granularity.ToName()} period", nameof(other));
        }
    }
}
