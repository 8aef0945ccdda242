using System.Collections.Immutable;
using System.Globalization;
using Influence.Evidence;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.Cases;

/// <summary>
/// A coding in a valid case that is probably not what its coder meant: it breaks no rule of the case format, so it is
/// not a problem, but it scores differently from how it reads.
/// </summary>
/// <param name="Item">The evidence item's id, or null for the case as a whole.</param>
/// <param name="Message">What the coding does and what to do instead.</param>
public sealed record CaseWarning(string? Item, string Message)
{
    /// <summary>"item 'x': message", or the message for the case as a whole.</summary>
    /// <returns>The warning as one line.</returns>
    public override string ToString() => Item is null ? Message : $"item '{Item}': {Message}";
}

/// <summary>
/// Finds the codings of a valid case that are probably not what was meant (<see cref="CaseWarning"/>): what
/// <c>influence validate</c> prints as warnings.
/// </summary>
public static class CaseWarnings
{
    /// <summary>A span shorter than this many days is read as a short stretch of a yearly rate: likely meant as an event.</summary>
    private const int YearDays = 365;

    /// <summary>
    /// A case whose default scoring builds a period grid longer than this (a century of months, 300 years of quarters,
    /// 1,200 years) is warned of: the grid of the reference case, scored by month, has 948 periods.
    /// </summary>
    public const int LongGridPeriods = 1_200;

    /// <summary>
    /// The warnings of a case, the case as a whole first, then the items in their order:
    /// <list type="bullet">
    /// <item>a case with no actors, no evidence, or (with two actors or more) no declared dyads, which scores nothing
    /// without more input;</item>
    /// <item>a support, coercion or overreach span shorter than a year: a span is a yearly rate, so a span of 34 days
    /// counts 34/365 of its magnitude, severity or amount; an event or campaign of that size is a point;</item>
    /// <item>a declared range whose last periods start after the last day any item covers, in a case that declares no
    /// <see cref="CaseBuilder.EvidenceEnds"/>: those periods are not scored;</item>
    /// <item>a declared range that ends before the first evidence item begins: no evidence lies in it, so every
    /// measure is undefined in every period (often a mistyped year);</item>
    /// <item>a period grid of more than <see cref="LongGridPeriods"/> periods: a score of the case at its granularity
    /// and range runs over every period from its earliest evidence (or the first of its range) to the last of its range,
    /// and costs time and memory in proportion; the warning names what sets each end (an item far before the others,
    /// a declared range of many centuries: often a mistyped year);</item>
    /// <item>a dyadic item between an actor and its own movement (one party is the other or lies within it): such
    /// evidence is internal to the movement, and no measure reads it.</item>
    /// </list>
    /// Each warning names its item by id (<see cref="CaseWarning.Item"/>), found in <paramref name="case"/> itself. A copy
    /// made by <see cref="Case.WithoutEvidence"/> keeps the evidence days of the case it was copied from (it covers
    /// the same years): an end of its range or grid set by an item it leaves out is named by its day, not by an item.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <returns>The warnings; empty when there are none.</returns>
    public static ImmutableArray<CaseWarning> Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var found = ImmutableArray.CreateBuilder<CaseWarning>();
        if (@case.Actors.IsEmpty)
        {
            found.Add(new(null, $"the case has no actors: there is no dyad to score; add actors and evidence ({Names.DocsUrl("howto-write-a-case.md")})"));
        }

        if (@case.Evidence.Count == 0)
        {
            found.Add(new(null, $"the case has no evidence: every measure would be undefined in every period; add evidence items ({Names.DocsUrl("case-format.md")})"));
        }

        if (@case.Dyads.IsEmpty && @case.Actors.Length >= 2)
        {
            found.Add(new(null, $"the case declares no dyads: commands need --patron and --client; declare the dyads to score in the case's \"dyads\" ({Names.DocsUrl("case-format.md")})"));
        }

        if (@case.To is { } to && !@case.DeclaresEvidenceEnds && @case.EvidenceEnds is { } ends && to.Start > ends)
        {
            var day = ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            var columns = @case.Evidence.Columns;
            var last = columns.LastDay.AsSpan(0, columns.Count).Contains(ends.DayNumber)
                ? "its last item ends"
                : $"{Copied} ends (an item this copy leaves out)";
            found.Add(new(null, $"the case's range runs to {to}, but {last} on {day} and it declares no evidenceEnds: the periods after {day} ({AfterEnds(@case, to, ends)}) are not scored; if the case was looked at up to its range's end and nothing more was found, declare \"evidenceEnds\" ({Names.DocsUrl("case-format.md")})"));
        }

        if (@case.From is { } rangeFrom && @case.To is { } rangeTo && @case.EvidenceDays().First is { } firstDay && rangeTo.End.DayNumber < firstDay)
        {
            var columns = @case.Evidence.Columns;
            var (earliest, _) = TwoMost(columns.Count, i => -(long)columns.FirstDay[i]);
            var first = earliest >= 0 && columns.FirstDay[earliest] == firstDay
                ? $"its first evidence item (this one) begins, on {Day(firstDay)}"
                : $"{Copied} begins (on {Day(firstDay)}, an item this copy leaves out)";
            var range = rangeFrom == rangeTo ? $"{rangeTo}" : $"{rangeFrom}–{rangeTo}";
            found.Add(new(
                earliest >= 0 && columns.FirstDay[earliest] == firstDay ? columns.Ids[earliest] : null,
                $"the case's range ({range}) ends before {first}: no evidence lies in it, so every measure is undefined in every period; if a year is mistyped, correct it ({Names.DocsUrl("case-format.md")})"));
        }

        if (LongGrid(@case) is { } longGrid)
        {
            found.Add(longGrid);
        }

        string? ParentOf(string id) => @case.ActorIndexOf(id) is var k and >= 0 ? @case.Actors[k].Parent : null;
        foreach (var e in @case.Evidence)
        {
            if (e.Date.IsSpan && e.Date.Days < YearDays && ShortSpanField(e) is { } field)
            {
                var share = (e.Date.Days / (double)YearDays).ToString("0.00", CultureInfo.InvariantCulture);
                found.Add(new(e.Id, string.Create(
                    CultureInfo.InvariantCulture,
                    $"a {Names.Kind[e.Kind]} span of {e.Date.Days} days ({e.Date}): a span is a yearly rate, so it counts {e.Date.Days}/365 = {share} of its {field}; if this is one event or campaign of that size, give it a date (a point) instead, which counts in full ({Names.DocsUrl("case-format.md")})")));
            }

            if (e is DyadicEvidence d
                && (d.From == d.To ? $"'{d.From}' is both parties" : Case.Within(d.From, d.To, ParentOf) ?? Case.Within(d.To, d.From, ParentOf)) is { } how)
            {
                found.Add(new(e.Id, $"it passes inside one movement ({how}): evidence internal to a movement counts for no pair, and no measure reads it ({Names.DocsUrl("measures.md")}#faction-roll-up)"));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// The warning of a period grid longer than <see cref="LongGridPeriods"/>, or null: the grid
    /// <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/> builds by default, from the period of the
    /// earliest evidence (or the range's first, if earlier) to the range's last.
    /// </summary>
    private static CaseWarning? LongGrid(Case @case)
    {
        if (!Scorer.HasOwnRange(@case))
        {
            return null;
        }

        Period from, to;
        try
        {
            (from, to) = Scorer.ResolveRange(@case);
        }
        catch (ArgumentException)
        {
            // A range that cannot be resolved is refused when scored, with its own message.
            return null;
        }

        var first = Scorer.GridFirst(from, @case.EvidenceDays().First);
        var count = to.PeriodsSince(first) + 1;
        if (count <= LongGridPeriods)
        {
            return null;
        }

        var c = @case.Evidence.Columns;
        var days = @case.EvidenceDays();
        var (earliest, nextEarliest) = TwoMost(c.Count, i => -(long)c.FirstDay[i]);
        var (latest, nextLatest) = TwoMost(c.Count, i => c.LastDay[i]);
        string Item(int i) => $"item '{c.Ids[i]}' ({c.DateAt(i)})";
        int Gap(int a, int b, int[] days) => b < 0 ? 0 : Math.Abs(days[a] - days[b]);

        // See Copied: an end the evidence days set is an item's of this case only if one begins (ends) on that day.
        var startKept = earliest >= 0 && c.FirstDay[earliest] == days.First;
        var endKept = latest >= 0 && c.LastDay[latest] == days.Last;

        // What sets each end: an item (the earliest before the range, or the evidence when no range is declared) or the
        // case's own fields.
        var startByEvidence = days.First is not null && (first < from || @case.From is null);
        int? startItem = startKept && startByEvidence ? earliest : null;
        int? endItem = endKept && @case.To is null && !@case.DeclaresEvidenceEnds ? latest : null;
        var start = startItem is { } s
            ? first < from
                ? $"it starts at {Item(s)}, the earliest evidence, {Years(from.Start.DayNumber - c.FirstDay[s])} before the case's range ({from}–{to}) starts"
                : $"it starts in the year of {Item(s)}, the earliest evidence, as the case declares no \"from\""
            : startByEvidence
                ? first < from
                    ? $"it starts at {Copied}, which begins on {Day(days.First!.Value)} (an item this copy leaves out), {Years(from.Start.DayNumber - days.First!.Value)} before the case's range ({from}–{to}) starts"
                    : $"it starts at {Copied}, which begins on {Day(days.First!.Value)} (an item this copy leaves out), as the case declares no \"from\""
                : $"it starts at the case's \"from\" ({@case.From})";
        if (startItem is { } s2 && nextEarliest >= 0)
        {
            start += $" (the next earliest item, '{c.Ids[nextEarliest]}', begins {Years(Gap(s2, nextEarliest, c.FirstDay))} later, on {Day(c.FirstDay[nextEarliest])})";
        }

        var end = @case.To is { } declaredTo
            ? $"it ends at the case's \"to\" ({declaredTo})"
            : endItem is { } e
                ? $"it ends in the year of {Item(e)}, the latest evidence, as the case declares no \"to\""
                : @case.DeclaresEvidenceEnds
                    ? $"it ends in the year of the case's \"evidenceEnds\" ({Day(days.Last!.Value)})"
                    : $"it ends at {Copied}, which ends on {Day(days.Last!.Value)} (an item this copy leaves out), as the case declares no \"to\"";
        if (endItem is { } e2 && nextLatest >= 0)
        {
            end += $" (the next latest item, '{c.Ids[nextLatest]}', ends {Years(Gap(e2, nextLatest, c.LastDay))} earlier, on {Day(c.LastDay[nextLatest])})";
        }

        // The item named is the end that lies further from the rest of the evidence.
        int? item = (startItem, endItem) switch
        {
            ({ } a, { } b) => Gap(a, nextEarliest, c.FirstDay) >= Gap(b, nextLatest, c.LastDay) ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };

        var scored = to.PeriodsSince(from) + 1;
        var dyads = @case.Dyads.Length;
        var refused = (long)dyads * scored > Array.MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $" (more than an array holds, {Array.MaxLength:N0}: a score of them all is refused)")
            : string.Empty;
        var cost = dyads > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{dyads:N0} declared dyad{(dyads == 1 ? string.Empty : "s")} × {scored:N0} periods of the range = {(long)dyads * scored:N0} dyad-periods{refused}")
            : string.Create(CultureInfo.InvariantCulture, $"{scored:N0} periods of the range a dyad");
        var fix = startItem == item && item is not null && first < from
            ? "if the item's year is mistyped (0202 for 2020, say), correct it; if it is right, a coarser granularity shortens the grid"
            : "if a year is mistyped (0202 for 2020, say), correct it; else score part of the range (--from, --to) or at a coarser granularity";
        return new(
            item is { } i ? c.Ids[i] : null,
            string.Create(
                CultureInfo.InvariantCulture,
                $"scoring this case runs over {count:N0} {Scorer.Adjective(first.Granularity)} periods ({first}–{to}, {Years(to.End.DayNumber + 1 - first.Start.DayNumber)}), more than {LongGridPeriods:N0}: {start}; {end}. A score indexes the evidence over every one of them and computes each measure for {cost}: its time and memory grow with both; {fix} ({Names.DocsUrl("case-format.md")}#a-long-period-grid)"));
    }

    /// <summary>
    /// The periods of a declared range that start after the evidence ends, as "first–last" (one period: itself): from
    /// the period after the one the evidence ends in, or the range's first if later.
    /// </summary>
    private static string AfterEnds(Case @case, Period to, DateOnly ends)
    {
        var next = Period.Containing(to.Granularity, ends).AddPeriods(1);
        var from = @case.From is { } f && f.ToGranularity(to.Granularity) is var g && g > next ? g : next;
        return from == to ? $"{to}" : $"{from}–{to}";
    }

    /// <summary>
    /// How a warning names the evidence days of a copy made by <see cref="Case.WithoutEvidence"/>: the copy keeps the
    /// days of the case it was copied from, so that it covers the same years, and an end they set may be an item's the
    /// copy leaves out; such an end is named by its day, never credited to an item of the copy.
    /// </summary>
    private const string Copied = "the evidence of the case this one was copied from";

    /// <summary>The positions of the largest and second largest key (the first in canonical order on a tie); −1 for none.</summary>
    private static (int Most, int Next) TwoMost(int count, Func<int, long> key)
    {
        var (most, next) = (-1, -1);
        for (var i = 0; i < count; i++)
        {
            if (most < 0 || key(i) > key(most))
            {
                (most, next) = (i, most);
            }
            else if (next < 0 || key(i) > key(next))
            {
                next = i;
            }
        }

        return (most, next);
    }

    /// <summary>A number of days as whole years ("1,818 years"), or "less than a year".</summary>
    private static string Years(int days)
    {
        var years = (int)Math.Round(days / 365.2425, MidpointRounding.AwayFromZero);
        return days < 365 ? "less than a year" : string.Create(CultureInfo.InvariantCulture, $"{years:N0} year{(years == 1 ? string.Empty : "s")}");
    }

    private static string Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The field a short span scales, for the kinds that are often events; null for the standing kinds.</summary>
    private static string? ShortSpanField(EvidenceItem e) => e switch
    {
        SupportEvidence s => s.Amount is not null ? "amount" : "magnitude",
        CoercionEvidence => "severity",
        OverreachEvidence => "severity",
        _ => null,
    };
}
