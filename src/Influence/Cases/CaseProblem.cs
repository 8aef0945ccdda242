using System.Globalization;
using System.Text;

namespace Influence.Cases;

/// <summary>
/// One problem found in a case: where it is (file, line, JSON path), which item, and what was expected.
/// </summary>
/// <param name="Path">The JSON path of the offending value, for example <c>$.evidence[12].magnitude</c>.</param>
/// <param name="ItemId">The id of the actor, objective or evidence item concerned, if known.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record CaseProblem(string Path, string? ItemId, string Message)
{
    /// <summary>The file the problem is in, if the case was read from a file.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of the offending value, if known.</summary>
    public int? Line { get; init; }

    /// <summary>The 1-based column of the offending value, if known.</summary>
    public int? Column { get; init; }

    /// <summary>
    /// The problem on one line: <c>case.json:41:7: $.evidence[12].magnitude (item 'ev-1996-fuel'): expected …</c>.
    /// Characters of the case's own text that a terminal would act on rather than show (a control character such as
    /// ESC, a bidirectional override) are written as their escapes, ESC as <c>\u001B</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => Influence.Internal.Printable.Escape(Unescaped());

    private string Unescaped()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
            if (Line is { } line)
            {
                sb.Append(CultureInfo.InvariantCulture, $":{line}");
                if (Column is { } col)
                {
                    sb.Append(CultureInfo.InvariantCulture, $":{col}");
                }
            }

            sb.Append(": ");
        }
        else if (Line is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $"line {line}: ");
        }

        sb.Append(Path);
        if (ItemId is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (item '{ItemId}')");
        }

        sb.Append(": ").Append(Message);
        return sb.ToString();
    }
}

/// <summary>A case is invalid; <see cref="Problems"/> lists every problem found, each located.</summary>
public class InvalidCaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidCaseException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no problems.</summary>
    /// <param name="message">The message.</param>
    public InvalidCaseException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidCaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception from its problems.</summary>
    /// <param name="problems">Every problem found.</param>
    public InvalidCaseException(IReadOnlyList<CaseProblem> problems)
        : base(Summarise(problems))
    {
        // A copy: the caller's list may be changed after the exception is thrown.
        Problems = problems.ToArray().AsReadOnly();
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<CaseProblem> Problems { get; }

    private static string Summarise(IReadOnlyList<CaseProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"the case has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}");
        foreach (var p in problems.Take(50))
        {
            sb.Append('\n').Append("  ").Append(p);
        }

        if (problems.Count > 50)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  … and {problems.Count - 50} more");
        }

        return sb.ToString();
    }
}
