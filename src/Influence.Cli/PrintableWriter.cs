using System.Text;
using Influence.Internal;

namespace Influence.Cli;

/// <summary>
/// Standard error as the tool writes its messages: text from a case, a CSV file or the command line that a terminal
/// would act on rather than show (ESC and the other control characters, bidirectional overrides) is written as its
/// escape, ESC as <c>\u001B</c> (<see cref="Printable"/>); line breaks and tabs are kept. The one place every message
/// passes through.
/// </summary>
internal sealed class PrintableWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    private bool _pendingReturn;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            if (value == '\n')
            {
                inner.Write("\r\n");
                return;
            }

            inner.Write("\\u000D");
        }

        if (value == '\r')
        {
            // Kept only as the first half of a "\r\n" line break: alone it sends the cursor back over the line.
            _pendingReturn = true;
        }
        else if (value is '\n' or '\t' || !Printable.NeedsEscape(value))
        {
            inner.Write(value);
        }
        else
        {
            var sb = new StringBuilder(6);
            Printable.Append(sb, value);
            inner.Write(sb.ToString());
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!_pendingReturn && !value.Any(c => c != '\n' && c != '\t' && Printable.NeedsEscape(c)))
        {
            inner.Write(value);
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            inner.Write("\\u000D");
        }

        inner.Flush();
    }
}
