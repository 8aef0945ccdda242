using Influence.Internal;

namespace Influence.Indexing;

/// <summary>
/// The consecutive periods an <see cref="EvidenceIndex"/> aggregates over, numbered 0 … <see cref="Count"/> − 1.
/// </summary>
/// <remarks>
/// The grid starts at the earliest evidence (or the first scored period, if earlier) so that measures with memory
/// (endurance, the account balance) see the whole history; it ends at the last scored period.
/// </remarks>
public sealed class PeriodGrid
{
    private readonly int[] _startDay;
    private readonly int[] _yearDays;

    /// <summary>Creates a grid.</summary>
    /// <param name="first">The first period.</param>
    /// <param name="last">The last period (same granularity, not before <paramref name="first"/>).</param>
    /// <exception cref="ArgumentException">The periods differ in granularity or are out of order.</exception>
    public PeriodGrid(Period first, Period last)
    {
        if (first.Granularity != last.Granularity || last < first)
        {
            throw new ArgumentException($"the last period ({last}) must have the granularity of, and not precede, the first ({first})", nameof(last));
        }

        First = first;
        Count = last.PeriodsSince(first) + 1;
        _startDay = new int[Count + 1];
        _yearDays = new int[Count];
        for (var t = 0; t <= Count; t++)
        {
            _startDay[t] = t < Count ? first.AddPeriods(t).Start.DayNumber : last.End.DayNumber + 1;
            if (t < Count)
            {
                _yearDays[t] = DateTime.IsLeapYear(first.AddPeriods(t).Year) ? 366 : 365;
            }
        }
    }

    /// <summary>The granularity.</summary>
    public Granularity Granularity => First.Granularity;

    /// <summary>The first period.</summary>
    public Period First { get; }

    /// <summary>The last period.</summary>
    public Period Last => First.AddPeriods(Count - 1);

    /// <summary>The number of periods.</summary>
    public int Count { get; }

    /// <summary>The period at a position; as with <see cref="IndexOf"/>, a position outside [0, <see cref="Count"/>) gives a period before or after the grid.</summary>
    /// <param name="t">The position.</param>
    /// <returns>The period.</returns>
    public Period this[int t] => First.AddPeriods(t);

    /// <summary>The position of a period, which may fall outside [0, <see cref="Count"/>).</summary>
    /// <param name="period">The period (same granularity).</param>
    /// <returns>The position.</returns>
    public int IndexOf(Period period) => period.PeriodsSince(First);

    /// <summary>
    /// A window in years as a number of periods (<see cref="GranularityExtensions.PeriodsIn"/>), at most
    /// <see cref="Count"/> + 1: a window that long already reaches before the grid from every period of it, so any
    /// longer one (up to 1e300 years) covers the same periods and gives the same values.
    /// </summary>
    /// <param name="years">The window in years (positive, finite).</param>
    /// <returns>The window in periods, 1 … <see cref="Count"/> + 1.</returns>
    internal int WindowPeriods(double years) => Math.Min(Granularity.PeriodsIn(years), Count + 1);

    /// <summary>The first day (as a day number) of the period at a position; position <see cref="Count"/> gives the day after the grid.</summary>
    /// <param name="t">The position, 0 … <see cref="Count"/>.</param>
    /// <returns>The day number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is outside 0 … <see cref="Count"/>.</exception>
    public int StartDay(int t) => _startDay[Check.IndexOrThrow(t, Count + 1)];

    /// <summary>Every period's first day (as a day number), and the day after the grid last.</summary>
    internal ReadOnlySpan<int> StartDays => _startDay;

    /// <summary>The number of days (365 or 366) of the calendar year each period falls in: a span's yearly rate is spread by it.</summary>
    internal ReadOnlySpan<int> YearDays => _yearDays;

    /// <summary>The number of days in the period at a position.</summary>
    /// <param name="t">The position.</param>
    /// <returns>The days.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is outside the grid.</exception>
    public int Days(int t) => _startDay[Check.IndexOrThrow(t, Count) + 1] - _startDay[t];

    /// <summary>The position of the period containing a day, clamped to [−1, <see cref="Count"/>].</summary>
    /// <param name="dayNumber">The day number.</param>
    /// <returns>The position (−1 before the grid, <see cref="Count"/> after it).</returns>
    public int IndexOfDay(int dayNumber)
    {
        if (dayNumber < _startDay[0])
        {
            return -1;
        }

        if (dayNumber >= _startDay[Count])
        {
            return Count;
        }

        var i = Array.BinarySearch(_startDay, dayNumber);
        return i >= 0 ? i : ~i - 1;
    }
}
