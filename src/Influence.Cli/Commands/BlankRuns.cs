using Influence.Cases;

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
    public static IEnumerable<(int First, int Last, bool Blank)> Rows(int count, Func<int, bool> blank) =>
        Runs(count, p => blank(p) ? string.Empty : null).Select(r => (r.First, r.Last, r.Kind is not null));

    /// <summary>
    /// The rows of a table of <paramref name="count"/> periods, where blank periods are of kinds (undefined, not scored
    /// for a reason): each period whose kind is null is a row of its own (First = Last, Kind null); each run of
    /// consecutive periods of one kind is one row, so that runs of two kinds side by side stay two rows.
    /// </summary>
    /// <param name="count">The number of periods.</param>
    /// <param name="kind">The kind of blank the period at a position is, or null when something is defined in it.</param>
    public static IEnumerable<(int First, int Last, string? Kind)> Runs(int count, Func<int, string?> kind)
    {
        var (from, current) = (-1, (string?)null);
        for (var p = 0; p < count; p++)
        {
            var k = kind(p);
            if (from >= 0 && k != current)
            {
                yield return (from, p - 1, current);
                from = -1;
            }

            if (k is null)
            {
                yield return (p, p, null);
                continue;
            }

            (from, current) = from < 0 ? (p, k) : (from, current);
        }

        if (from >= 0)
        {
            yield return (from, count - 1, current);
        }
    }

    /// <summary>What a row of periods in which a dyad is not scored says in its state column.</summary>
    public const string NotScored = "not scored";

    /// <summary>Stands for the run's label in a reason a run of periods shares (<see cref="NotScoredKind"/>).</summary>
    private const string RunLabel = "\u0001";

    /// <summary>
    /// The kind (<see cref="Runs"/>) of a period in which a dyad is not scored for <paramref name="why"/>: the reason
    /// with the period's name taken out, so that consecutive periods not scored for one reason make one run.
    /// </summary>
    public static string NotScoredKind(string why, Period period) =>
        why.EndsWith($"before {period}", StringComparison.Ordinal)
            ? why[..^period.ToString().Length] + RunLabel // after the evidence: "…, before 2026Q2"
            : why.Replace($" in {period} ", $" in {RunLabel} ", StringComparison.Ordinal);

    /// <summary>
    /// The note under a table naming a run not scored: "pakistan → taliban, 1973–1993: not scored, as taliban did not
    /// exist in 1973–1993 (it existed from 1994)."
    /// </summary>
    public static string NotScoredNote(Dyad dyad, Period first, Period last, string kind)
    {
        var run = Label(first, last);
        return $"{dyad.Patron} → {dyad.Client}, {run}: {NotScored}, as {kind.Replace(RunLabel, run, StringComparison.Ordinal)}.";
    }

    /// <summary>The label of a row: the period, or "first–last" for a run.</summary>
    public static string Label(Period first, Period last) => first == last ? first.ToString() : $"{first}–{last}";
}
