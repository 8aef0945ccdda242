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
    /// <returns>True for controls (C0, DEL, C1), bidi controls, line and paragraph separators and U+FEFF.</returns>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

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
