using System.Globalization;
using System.Text;

namespace Influence.Internal;

/// <summary>
/// Text from a case or a command line made safe to print in a message: each character a terminal would act on rather
/// than show (a control character such as ESC, which starts an ANSI escape; a bidirectional override, isolate or mark,
/// which reorders what follows; a line or paragraph separator; a byte order mark) is written as its escape, ESC as
/// <c>\u001B</c>. Letters of every script, accents and emoji stay as they are.
/// </summary>
internal static class Printable
{
    /// <summary>Whether a character is one <see cref="Escape"/> writes as <c>\uXXXX</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>True for controls (C0, DEL, C1), format characters (bidi controls and marks, zero-width spaces,
    /// U+FEFF; not the joiners U+200C, U+200D) and line and paragraph separators.</returns>
    /// <remarks>
    /// Format characters (Unicode category Cf) are escaped too: a zero-width space (U+200B), a word joiner (U+2060) or
    /// a soft hyphen shows as nothing, so <c>"a\u200Bb"</c> would read as <c>ab</c>. The zero-width non-joiner and
    /// joiner (U+200C, U+200D) are kept: they shape the letters of Persian, Pashto, Urdu and Indic names and join the
    /// parts of an emoji.
    /// </remarks>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || (c is not '\u200C' and not '\u200D' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    /// <summary>The longest value a message echoes whole (<see cref="Shown"/>).</summary>
    public const int ShownLength = 200;

    /// <summary>
    /// A value from a case as a message echoes it: whole up to <see cref="ShownLength"/> characters; a longer one cut
    /// to its start and "… (N characters)", so that a 200,000-character id does not make a 200 KB message.
    /// </summary>
    /// <param name="text">The value.</param>
    /// <returns>The value, or its start and its length.</returns>
    public static string Shown(string? text)
    {
        if (text is null || text.Length <= ShownLength)
        {
            return text ?? string.Empty;
        }

        var cut = ShownLength - 40;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… ({text.Length:N0} characters)");
    }

    /// <summary>The text with each character <see cref="NeedsEscape"/> names written as <c>\uXXXX</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, unchanged when it has none.</returns>
    public static string Escape(string text)
    {
        var first = FirstToEscape(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 12);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            Append(sb, text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Appends a character, escaped when it <see cref="NeedsEscape"/>.</summary>
    /// <param name="sb">The text being built.</param>
    /// <param name="c">The character.</param>
    public static void Append(StringBuilder sb, char c)
    {
        if (NeedsEscape(c))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        else
        {
            sb.Append(c);
        }
    }

    private static int FirstToEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
