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
    /// What the reader knows of the problem beyond its text, for a reader that restates the problem in its own terms
    /// (the evidence CSV reader, <see cref="Influence.IO.EvidenceCsv"/>): kept by <c>with</c>, and no part of the
    /// problem's equality.
    /// </summary>
    internal ProblemDetail Detail { get; init; }

    /// <summary>What kind of problem this is (<see cref="ProblemKind.Other"/> unless a reader restates it).</summary>
    internal ProblemKind Kind => Detail.Kind;

    /// <summary>
    /// The problem that an evidence item's id is the id of an earlier item, at <paramref name="earlier"/> (the index
    /// in the file's evidence array, named as <c>evidence[3]</c>).
    /// </summary>
    /// <param name="path">The path of the item's id.</param>
    /// <param name="id">The id (also the problem's item).</param>
    /// <param name="earlier">The index of the earlier item with that id.</param>
    internal static CaseProblem DuplicateEvidenceId(string path, string id, int earlier) =>
        DuplicateEvidenceId(path, id, earlier, string.Create(CultureInfo.InvariantCulture, $"evidence[{earlier}]"));

    /// <summary>
    /// The problem that an evidence item's id is the id of an earlier item, at <paramref name="earlier"/>, named as
    /// <paramref name="earlierNamed"/> (<see cref="CaseBuilder"/>: "the 3rd evidence item added ($.evidence[2])").
    /// </summary>
    /// <param name="path">The path of the item's id.</param>
    /// <param name="id">The id (also the problem's item).</param>
    /// <param name="earlier">The index of the earlier item with that id.</param>
    /// <param name="earlierNamed">The earlier item as the message names it.</param>
    internal static CaseProblem DuplicateEvidenceId(string path, string id, int earlier, string earlierNamed) =>
        new(path, id, UniqueIdMessage(id, earlierNamed))
        {
            Detail = new(ProblemKind.DuplicateEvidenceId, earlier),
        };

    /// <summary>A position counted from 1 as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th.</summary>
    /// <param name="n">The position (1 or more).</param>
    /// <returns>The ordinal.</returns>
    internal static string Ordinal(int n) => string.Create(CultureInfo.InvariantCulture, $"{n}{((n % 100) is >= 11 and <= 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" })}");

    /// <summary>What a problem of an id used twice says, the earlier item named as <paramref name="earlier"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="earlier">The earlier item: <c>evidence[3]</c>, <c>actors[0]</c>, <c>the row on line 4</c>.</param>
    internal static string UniqueIdMessage(string id, string earlier) => $"expected a unique id; \"{Influence.Internal.Printable.Shown(id)}\" is already used by {earlier}";

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
            sb.Append(CultureInfo.InvariantCulture, $" (item '{Influence.Internal.Printable.Shown(ItemId)}')");
        }

        sb.Append(": ").Append(Message);
        return sb.ToString();
    }
}

/// <summary>
/// What kind of problem a <see cref="CaseProblem"/> is, where a reader restates problems in its own terms: the evidence
/// CSV reader has the case reader check the rows as JSON items, then says a required field that is missing as an
/// empty cell (or a missing column), names the row of an earlier item by its line, and leaves out what a row refers to
/// when there is no case. It goes by the kind, never by the wording.
/// </summary>
internal enum ProblemKind
{
    /// <summary>Any other problem: restated, if at all, by its location only.</summary>
    Other,

    /// <summary>A required string property is missing: <c>expected "note" (a string); it is missing</c>.</summary>
    MissingText,

    /// <summary>A required array of strings is missing: <c>expected "sources" (an array of strings); it is missing</c>.</summary>
    MissingStrings,

    /// <summary>A required number is missing: <c>expected "severity" (a number); it is missing</c>.</summary>
    MissingNumber,

    /// <summary>A support item has neither a magnitude nor an amount with a unit.</summary>
    MissingMagnitude,

    /// <summary>
    /// An evidence item has neither a date nor a start and an end (at <c>date</c>), or a span lacks one of its ends (at
    /// <c>start</c> or <c>end</c>).
    /// </summary>
    MissingDate,

    /// <summary>
    /// An id that should name something the case declares (an actor, source, unit, issue, objective, indicator) names
    /// nothing it declares: <c>expected the id of an actor of the case; no actor is called "Q"</c>.
    /// </summary>
    UnknownReference,

    /// <summary>
    /// An evidence item's id is an earlier item's (made by <see cref="CaseProblem.DuplicateEvidenceId(string, string, int)"/>; the earlier
    /// item's index is <see cref="ProblemDetail.Earlier"/>).
    /// </summary>
    DuplicateEvidenceId,
}

/// <summary>
/// What a reader knows of a problem beyond its text (<see cref="CaseProblem.Detail"/>). Any two are equal: the detail
/// is carried by a problem but is no part of what it says, so two problems that say the same at the same place are
/// equal whatever their details.
/// </summary>
/// <param name="kind">The kind of problem.</param>
/// <param name="earlier">For <see cref="ProblemKind.DuplicateEvidenceId"/>, the index of the earlier item.</param>
internal readonly struct ProblemDetail(ProblemKind kind, int earlier = -1) : IEquatable<ProblemDetail>
{
    // One more than the index, so that the default detail (of a problem no reader restates) has none.
    private readonly int _earlierPlusOne = kind == ProblemKind.DuplicateEvidenceId ? earlier + 1 : 0;

    /// <summary>The kind of problem.</summary>
    public ProblemKind Kind { get; } = kind;

    /// <summary>For <see cref="ProblemKind.DuplicateEvidenceId"/>, the index of the earlier item; otherwise −1.</summary>
    public int Earlier => _earlierPlusOne - 1;

    public static bool operator ==(ProblemDetail left, ProblemDetail right) => left.Equals(right);

    public static bool operator !=(ProblemDetail left, ProblemDetail right) => !left.Equals(right);

    /// <summary>Always true: see <see cref="ProblemDetail"/>.</summary>
    public bool Equals(ProblemDetail other) => true;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProblemDetail;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;
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
