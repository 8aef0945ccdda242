namespace Influence.IO;

/// <summary>
/// Case text made safe to print on one line or in a terminal, as the library's own messages print it: each character
/// a terminal would act on rather than show (a control character such as ESC, which starts an ANSI escape; a line
/// break or tab; a bidirectional override, isolate or mark, which reorders what follows; a line or paragraph
/// separator; an invisible format character such as a zero-width space, a word joiner or a byte order mark, which
/// would hide in the text) is written as its escape, ESC as <c>\u001B</c>, a line feed as <c>\u000A</c>, a zero-width
/// space as <c>\u200B</c>. Letters of every script, accents and emoji stay as they are (so do the zero-width joiner and
/// non-joiner, which shape Persian and Indic letters and join emoji). <see cref="Cases.CaseProblem.ToString"/>, the command line's
/// headings and the charts' default titles use it; use it for an actor's name or a note written into a report of
/// your own.
/// </summary>
public static class PrintableText
{
    /// <summary>Whether <see cref="Escape"/> writes a character as <c>\uXXXX</c>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>True for controls (C0, DEL, C1), format characters (Unicode category Cf: bidirectional controls and marks, zero-width spaces, U+FEFF; not the joiners U+200C and U+200D) and line and paragraph separators.</returns>
    public static bool NeedsEscape(char c) => Internal.Printable.NeedsEscape(c);

    /// <summary>The text with each character <see cref="NeedsEscape"/> names written as <c>\uXXXX</c> (hexadecimal, four digits).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, the same instance when it has no such character.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Internal.Printable.Escape(text);
    }
}
