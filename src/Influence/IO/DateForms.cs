using System.Globalization;
using System.Text.RegularExpressions;

namespace Influence.IO;

/// <summary>
/// A date written in another form than the case format's (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>) said in the
/// case format's, when that is unambiguous: "2019-5" is "2019-05", "14.07.2021" is "2021-07-14", "05/2019" is
/// "2019-05"; "05/06/2019" may be either day first or month first, and both are named.
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
            return Suggest(Number(ymd, "y"), Number(ymd, "m"), ymd.Groups["d"].Success ? Number(ymd, "d") : null);
        }

        if (MonthYear().Match(t) is { Success: true } my)
        {
            return Suggest(Number(my, "y"), Number(my, "m"), null);
        }

        if (YearLast().Match(t) is { Success: true } dmy)
        {
            var (a, b, y) = (Number(dmy, "a"), Number(dmy, "b"), Number(dmy, "y"));
            if (a == b || (a > 12) != (b > 12))
            {
                // The same either way, or only one of the two can be a month.
                return a > 12 ? Suggest(y, b, a) : Suggest(y, a, b);
            }

            return a <= 12 && Valid(y, b, a) is { } dayFirst && Valid(y, a, b) is { } monthFirst
                ? $"; the day may come first or the month: write \"{dayFirst}\" or \"{monthFirst}\""
                : string.Empty;
        }

        if (NamedMonth().Match(t) is { Success: true } named && MonthNamed(named.Groups["month"].Value) is var month and >= 0)
        {
            return Suggest(Number(named, "y"), month + 1, named.Groups["d"].Success ? Number(named, "d") : null);
        }

        return string.Empty;
    }

    /// <summary>The month's index (0 for January) of its English name or its first three letters ("Sept" too), or −1.</summary>
    private static int MonthNamed(string name)
    {
        var lower = name.ToLowerInvariant();
        return Array.FindIndex(Months, m => m == lower || m[..3] == lower || (m == "september" && lower == "sept"));
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Suggest(int year, int month, int? day) =>
        Valid(year, month, day) is { } date ? $"; did you mean \"{date}\"?" : string.Empty;

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

    /// <summary>14.07.2021, 7/14/2021, 05-06-2019: day and month in either order.</summary>
    [GeneratedRegex(@"^(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.](?<y>\d{4})$")]
    private static partial Regex YearLast();

    /// <summary>March 2021, Mar 2021, 14 July 2021, 14 Jul. 2021.</summary>
    [GeneratedRegex(@"^((?<d>\d{1,2})\.?\s+)?(?<month>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4})$")]
    private static partial Regex NamedMonth();
}
