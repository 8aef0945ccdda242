using System.Globalization;
using System.Text.RegularExpressions;

namespace Influence.IO;

/// <summary>
/// A date written in another form than the case format's (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>) said in the
/// case format's, when that is unambiguous: "2019-5" is "2019-05", "14.07.2021" is "2021-07-14", "05/2019" is
/// "2019-05"; "05/06/2019" may be either day first or month first, and both are named. A year of two digits
/// ("Mar-20", "14.07.21") is read as spreadsheets read it by default (00–29 as 2000–2029, 30–99 as 1930–1999), and
/// the hint says which century it took, since that is a guess.
/// </summary>
internal static partial class DateForms
{
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>"; did you mean "2019-05"?", the two readings of a day and month that may be either, or empty.</summary>
    /// <param name="text">The date as written.</param>
    /// <returns>The hint.</returns>
    public static string Hint(string text)
    {
        var t = text.Trim();
        if (YearFirst().Match(t) is { Success: true } ymd)
        {
            return Said(ymd, Valid(Number(ymd, "y"), Number(ymd, "m"), ymd.Groups["d"].Success ? Number(ymd, "d") : null));
        }

        if (MonthYear().Match(t) is { Success: true } my)
        {
            return Said(my, Valid(Number(my, "y"), Number(my, "m"), null));
        }

        if (YearLast().Match(t) is { Success: true } dmy)
        {
            var (a, b, y) = (Number(dmy, "a"), Number(dmy, "b"), Year(dmy));
            if (a == b || (a > 12) != (b > 12))
            {
                // The same either way, or only one of the two can be a month.
                return Said(dmy, a > 12 ? Valid(y, b, a) : Valid(y, a, b));
            }

            return a <= 12 && Valid(y, b, a) is { } dayFirst && Valid(y, a, b) is { } monthFirst
                ? ShortYear(dmy) is { } yy
                    ? $"; the year has two digits and the day may come first or the month: write the year in full, \"{dayFirst}\" or \"{monthFirst}\" if {yy}"
                    : $"; the day may come first or the month: write \"{dayFirst}\" or \"{monthFirst}\""
                : string.Empty;
        }

        if (NamedMonth().Match(t) is { Success: true } named && MonthNamed(named.Groups["month"].Value) is var month and >= 0)
        {
            return Said(named, Valid(Year(named), month + 1, named.Groups["d"].Success ? Number(named, "d") : null));
        }

        return string.Empty;
    }

    /// <summary>
    /// The year a match holds: its four digits (group <c>y</c>), or its two (group <c>yy</c>) read as spreadsheets read
    /// them by default, 00–29 as 2000–2029 and 30–99 as 1930–1999.
    /// </summary>
    private static int Year(Match m) =>
        m.Groups["y"].Success ? Number(m, "y") : Number(m, "yy") is var yy && yy < 30 ? 2000 + yy : 1900 + yy;

    /// <summary>"20 is 2020" for a match whose year has two digits (the century is a guess, said so); else null.</summary>
    private static string? ShortYear(Match m) =>
        m.Groups["yy"].Success ? string.Create(CultureInfo.InvariantCulture, $"{m.Groups["yy"].Value} is {Year(m)}") : null;

    /// <summary>The hint for the one date meant, or empty when it is not a date the reader takes.</summary>
    private static string Said(Match m, string? date) =>
        date is null ? string.Empty
            : ShortYear(m) is { } yy ? $"; the year has two digits: write it in full, \"{date}\" if {yy}"
            : $"; did you mean \"{date}\"?";

    /// <summary>The month's index (0 for January) of its English name or its first three letters ("Sept" too), or −1.</summary>
    private static int MonthNamed(string name)
    {
        var lower = name.ToLowerInvariant();
        return Array.FindIndex(Months, m => m == lower || m[..3] == lower || (m == "september" && lower == "sept"));
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The date in the case format's form, if it is one the reader takes; else null.</summary>
    private static string? Valid(int year, int month, int? day)
    {
        var text = day is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{d:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");
        return Influence.EvidenceDate.TryParsePoint(text, out _) ? text : null;
    }

    /// <summary>2019-5, 2019/05, 2019.5.3, 2021-07-14T00:00:00 (a time of day is dropped).</summary>
    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})([-/.](?<d>\d{1,2}))?([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex YearFirst();

    /// <summary>05/2019, 5.2019, 05-2019.</summary>
    [GeneratedRegex(@"^(?<m>\d{1,2})[-/.](?<y>\d{4})$")]
    private static partial Regex MonthYear();

    /// <summary>14.07.2021, 7/14/2021, 05-06-2019, 14.07.21: day and month in either order, a year of four digits or two.</summary>
    [GeneratedRegex(@"^(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.]((?<y>\d{4})|(?<yy>\d{2}))$")]
    private static partial Regex YearLast();

    /// <summary>
    /// March 2021, Mar 2021, 14 July 2021, 14 Jul. 2021; with a year of two digits Mar-20, Mar '20 (not "March 20", which
    /// may be a day of March).
    /// </summary>
    [GeneratedRegex(@"^((?<d>\d{1,2})\.?\s+)?(?<month>[A-Za-z]{3,9})\.?(,?\s+(?<y>\d{4})|(-|\s*['’])(?<yy>\d{2}))$")]
    private static partial Regex NamedMonth();
}
