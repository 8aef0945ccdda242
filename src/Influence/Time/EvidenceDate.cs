using System.Globalization;

namespace Influence;

/// <summary>How precisely a date is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year is known (<c>1996</c>).</summary>
    Year = 0,

    /// <summary>The month is known (<c>1996-10</c>).</summary>
    Month = 1,

    /// <summary>The day is known (<c>1996-10-22</c>).</summary>
    Day = 2,
}

/// <summary>
/// When an evidence item happened: a point in time known to a precision (an event: <c>2024-03</c>), or a span
/// (a sustained flow or state: from <c>1994</c> to <c>2001-12</c>).
/// </summary>
/// <remarks>
/// <para>
/// A point covers every day of its precision: <c>1996</c> is 1 January to 31 December 1996. Scoring spreads a
/// point's weight over the periods it covers in proportion to the days (its mass sums to one), so an event known
/// only to the year counts once in a yearly series and a twelfth in each month of a monthly one.
/// </para>
/// <para>
/// A span is a yearly rate: a period gets the days the span covers in it over the days of the period's calendar
/// year, so a whole year counts 1 and a year's quarters or months add up to the same, whatever the granularity.
/// </para>
/// <para>
/// <c>default(EvidenceDate)</c> is not a date an item can have (it is what an unset date holds): the case builder
/// rejects it.
/// </para>
/// </remarks>
public readonly struct EvidenceDate : IEquatable<EvidenceDate>
{
    private EvidenceDate(DateOnly first, DatePrecision startPrecision, DateOnly last, DatePrecision endPrecision, bool isSpan)
    {
        First = first;
        StartPrecision = startPrecision;
        Last = last;
        EndPrecision = endPrecision;
        IsSpan = isSpan;
    }

    /// <summary>The first day covered.</summary>
    public DateOnly First { get; }

    /// <summary>The last day covered (inclusive).</summary>
    public DateOnly Last { get; }

    /// <summary>The precision of the (start) date.</summary>
    public DatePrecision StartPrecision { get; }

    /// <summary>The precision of the end date (equal to <see cref="StartPrecision"/> for a point).</summary>
    public DatePrecision EndPrecision { get; }

    /// <summary>Whether this is a span (a sustained flow or state) rather than a point (an event).</summary>
    public bool IsSpan { get; }

    /// <summary>The number of days covered (at least one).</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>A point known to the year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999.</exception>
    public static EvidenceDate InYear(int year)
    {
        Period.CheckYear(year);
        return Point(new DateOnly(year, 1, 1), DatePrecision.Year);
    }

    /// <summary>A point known to the month.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static EvidenceDate InMonth(int year, int month)
    {
        Period.CheckYear(year);
        Period.CheckMonth(month);
        return Point(new DateOnly(year, month, 1), DatePrecision.Month);
    }

    /// <summary>A point known to the day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The date.</returns>
    public static EvidenceDate OnDay(DateOnly day) => Point(day, DatePrecision.Day);

    /// <summary>A point known to the day.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year, month or day is out of range (the day names the month's length).</exception>
    public static EvidenceDate OnDay(int year, int month, int day)
    {
        Period.CheckYear(year);
        Period.CheckMonth(month);
        var length = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"day must be in [1, {length}] for {year:D4}-{month:D2}; was {day}");
        }

        return OnDay(new DateOnly(year, month, day));
    }

    /// <summary>A point covering the whole of its precision starting at <paramref name="start"/>.</summary>
    /// <param name="start">Any day in the period; it is moved to the start of its year or month.</param>
    /// <param name="precision">The precision.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is not year, month or day.</exception>
    public static EvidenceDate Point(DateOnly start, DatePrecision precision)
    {
        if (precision is not (DatePrecision.Year or DatePrecision.Month or DatePrecision.Day))
        {
            throw Internal.Check.Undefined(precision, nameof(precision), "year, month or day");
        }

        var (first, last) = Cover(start, precision);
        return new EvidenceDate(first, precision, last, precision, isSpan: false);
    }

    /// <summary>
    /// A span from the start of <paramref name="from"/> to the end of <paramref name="to"/>
    /// (for example from <c>1994</c> to <c>2001-12</c>).
    /// </summary>
    /// <param name="from">The point the span starts in.</param>
    /// <param name="to">The point the span ends in.</param>
    /// <returns>The span.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="to"/> ends before <paramref name="from"/> starts, or either is <c>default(EvidenceDate)</c>.
    /// </exception>
    public static EvidenceDate Span(EvidenceDate from, EvidenceDate to)
    {
        if (from == default)
        {
            throw new ArgumentException(Unset, nameof(from));
        }

        if (to == default)
        {
            throw new ArgumentException(Unset, nameof(to));
        }

        if (to.Last < from.First)
        {
            throw new ArgumentException($"a span must not end ({to}) before it starts ({from})", nameof(to));
        }

        return new EvidenceDate(from.First, from.StartPrecision, to.Last, to.EndPrecision, isSpan: true);
    }

    /// <summary>Parses a point: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The parsed date.</param>
    /// <returns>Whether the text is a date in one of the three forms.</returns>
    public static bool TryParsePoint(string? text, out EvidenceDate date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        var inv = CultureInfo.InvariantCulture;
        var s = text.AsSpan().Trim();
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out var y) && y >= 1)
        {
            date = InYear(y);
            return true;
        }

        if (s.Length == 7 && s[4] == '-' && int.TryParse(s[..4], NumberStyles.None, inv, out y) && y >= 1
            && int.TryParse(s[5..], NumberStyles.None, inv, out var m) && m is >= 1 and <= 12)
        {
            date = InMonth(y, m);
            return true;
        }

        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        {
            date = OnDay(d);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parses the text form written by <see cref="ToString"/>: a point, or two points joined by <c>..</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The parsed date.</param>
    /// <returns>Whether the text is a date or span.</returns>
    public static bool TryParse(string? text, out EvidenceDate date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return TryParsePoint(text, out date);
        }

        if (!TryParsePoint(text[..dots], out var from) || !TryParsePoint(text[(dots + 2)..], out var to) || to.Last < from.First)
        {
            return false;
        }

        date = Span(from, to);
        return true;
    }

    /// <summary>The start as written in a case file (<c>1996</c>, <c>1996-10</c> or <c>1996-10-22</c>).</summary>
    /// <returns>The text.</returns>
    public string StartText()
    {
        Span<char> text = stackalloc char[MaxTextLength];
        return new string(text[..FormatStart(text)]);
    }

    /// <summary>The end as written in a case file.</summary>
    /// <returns>The text.</returns>
    public string EndText()
    {
        Span<char> text = stackalloc char[MaxTextLength];
        return new string(text[..FormatEnd(text)]);
    }

    /// <summary>The most characters <see cref="FormatStart"/> and <see cref="FormatEnd"/> write.</summary>
    internal const int MaxTextLength = 10;

    /// <summary>Writes <see cref="StartText"/> into <paramref name="into"/> (<see cref="MaxTextLength"/> characters or more), without a string.</summary>
    /// <returns>The number of characters written.</returns>
    internal int FormatStart(Span<char> into) => Format(First, StartPrecision, into);

    /// <summary>Writes <see cref="EndText"/> into <paramref name="into"/> (<see cref="MaxTextLength"/> characters or more), without a string.</summary>
    /// <returns>The number of characters written.</returns>
    internal int FormatEnd(Span<char> into) => Format(IsSpan ? StartOf(Last, EndPrecision) : First, EndPrecision, into);

    /// <summary>A point as <c>1996-10</c>; a span as <c>1994..2001-12</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsSpan ? $"{StartText()}..{EndText()}" : StartText();

    /// <inheritdoc />
    public bool Equals(EvidenceDate other) =>
        First == other.First && Last == other.Last && StartPrecision == other.StartPrecision
        && EndPrecision == other.EndPrecision && IsSpan == other.IsSpan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EvidenceDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(First, Last, StartPrecision, EndPrecision, IsSpan);

    /// <summary>Equality.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(EvidenceDate left, EvidenceDate right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left date.</param>
    /// <param name="right">The right date.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(EvidenceDate left, EvidenceDate right) => !left.Equals(right);

    /// <summary>What a default date given where a date is needed is told.</summary>
    internal const string Unset = "expected a date; was the default (uninitialised) EvidenceDate: give one with EvidenceDate.InYear, InMonth, OnDay, Point or Span";

    internal static EvidenceDate FromParts(DateOnly first, DatePrecision startPrecision, DateOnly last, DatePrecision endPrecision, bool isSpan) =>
        new(first, startPrecision, last, endPrecision, isSpan);

    private static DateOnly StartOf(DateOnly day, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => new DateOnly(day.Year, 1, 1),
        DatePrecision.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static (DateOnly First, DateOnly Last) Cover(DateOnly day, DatePrecision precision)
    {
        var first = StartOf(day, precision);
        var last = precision switch
        {
            DatePrecision.Year => new DateOnly(day.Year, 12, 31),
            DatePrecision.Month => new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month)),
            _ => day,
        };
        return (first, last);
    }

    /// <summary><c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c> by the precision, in ASCII digits.</summary>
    private static int Format(DateOnly day, DatePrecision precision, Span<char> into)
    {
        Digits(day.Year, into[..4]);
        if (precision == DatePrecision.Year)
        {
            return 4;
        }

        into[4] = '-';
        Digits(day.Month, into[5..7]);
        if (precision == DatePrecision.Month)
        {
            return 7;
        }

        into[7] = '-';
        Digits(day.Day, into[8..10]);
        return 10;
    }

    private static void Digits(int value, Span<char> into)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
