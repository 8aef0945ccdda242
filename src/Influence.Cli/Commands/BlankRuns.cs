namespace Influence.Cli.Commands;

/// <summary>
/// How a text table folds a run of periods in which nothing is defined (before a dyad's evidence begins, or before
/// one of its parties existed) into one row labelled with the run, "1973–1993" (one period alone keeps its own label),
/// as the score table does.
/// </summary>
internal static class BlankRuns
{
    /// <summary>
    /// The rows of a table of <paramref name="count"/> periods: each period that is not blank is a row of its own
    /// (First = Last, Blank false); each run of consecutive blank periods is one row (Blank true).
    /// </summary>
    /// <param name="count">The number of periods.</param>
    /// <param name="blank">Whether nothing is defined in the period at a position.</param>
    public static IEnumerable<(int First, int Last, bool Blank)> Rows(int count, Func<int, bool> blank)
    {
        var from = -1;
        for (var p = 0; p < count; p++)
        {
            if (blank(p))
            {
                from = from < 0 ? p : from;
                continue;
            }

            if (from >= 0)
            {
                yield return (from, p - 1, true);
                from = -1;
            }

            yield return (p, p, false);
        }

        if (from >= 0)
        {
            yield return (from, count - 1, true);
        }
    }

    /// <summary>The label of a row: the period, or "first–last" for a run.</summary>
    public static string Label(Period first, Period last) => first == last ? first.ToString() : $"{first}–{last}";
}
