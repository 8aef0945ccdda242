using System.Runtime.CompilerServices;

namespace Influence.Internal;

/// <summary>
/// The value rules shared by constructors (which throw) and the case reader (which collects located problems),
/// so that one rule has one wording.
/// </summary>
/// <remarks>
/// An <see cref="ArgumentOutOfRangeException"/> thrown here (and wherever the library's message already ends in
/// "…; was 90") is made with <c>new ArgumentOutOfRangeException(paramName, message)</c>, without the actual value:
/// given one, the framework appends "Actual value was 90." to a message that has just said so. The parameter's name
/// is kept (<see cref="ArgumentException.ParamName"/>), and <see cref="ArgumentOutOfRangeException.ActualValue"/> is
/// null: the value is in the message.
/// </remarks>
internal static class Check
{
    /// <summary>Null when <paramref name="value"/> is in [0, 1]; otherwise what was expected.</summary>
    public static string? UnitInterval(double value) =>
        double.IsFinite(value) && value >= 0 && value <= 1 ? null : $"a number in [0, 1]; was {Show(value)}";

    /// <summary>Null when <paramref name="value"/> is finite and positive; otherwise what was expected.</summary>
    public static string? Positive(double value) =>
        double.IsFinite(value) && value > 0 ? null : $"a finite number > 0; was {Show(value)}";

    /// <summary>Null when <paramref name="value"/> is finite and not negative; otherwise what was expected.</summary>
    public static string? NonNegative(double value) =>
        double.IsFinite(value) && value >= 0 ? null : $"a finite number ≥ 0; was {Show(value)}";

    /// <summary>Null when <paramref name="value"/> is finite; otherwise what was expected.</summary>
    public static string? Finite(double value) =>
        double.IsFinite(value) ? null : $"a finite number; was {Show(value)}";

    /// <summary>
    /// The highest coverage an interval may ask for. Further out, the numerics library's Student-t quantiles fail or
    /// drift for few degrees of freedom (with 1, none above 0.9995; with 50, a wrong tail at 1 − 10⁻¹⁰).
    /// </summary>
    public const double MaxLevel = 0.999;

    /// <summary>Null when <paramref name="level"/> is a coverage in (0, <see cref="MaxLevel"/>]; otherwise what was expected.</summary>
    public static string? Level(double level) =>
        level is > 0 and <= MaxLevel ? null : $"a coverage in (0, {MaxLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)}]; was {Show(level)}";

    /// <summary>Null when <paramref name="id"/> is a valid identifier; otherwise what was expected.</summary>
    public static string? Identifier(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "a non-empty identifier";
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/' or '#' or '@'))
            {
                return $"an identifier of ASCII letters (A–Z, a–z), digits and - _ . : / # @; was \"{Printable.Shown(id)}\"";
            }
        }

        return null;
    }

    /// <summary>
    /// The characters <see cref="Text"/> refuses: the C0 controls but tab, line feed and carriage return; DEL and the
    /// C1 controls (U+007F–U+009F); the bidirectional embeddings, overrides and their pop (U+202A–U+202E) and the
    /// isolates (U+2066–U+2069). The bidirectional marks (U+200E, U+200F, U+061C) are not among them.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> NotText = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1).Select(c => (char)c))
        + "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// Null when <paramref name="text"/> holds no control character (tabs and line breaks aside) and no bidirectional
    /// embedding, override or isolate; otherwise what was expected, naming the first by position and code point. A
    /// control character ("\u0000", the C1 CSI "\u009B") would be written raw into tables and terminals; an override
    /// or isolate reorders how the text after it is shown (the Trojan Source attack), in its own string and, left
    /// open, in the rest of a table's row. The marks (U+200E, U+200F, U+061C) are fine.
    /// </summary>
    public static string? Text(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var bad = text.AsSpan().IndexOfAny(NotText);
        if (bad < 0)
        {
            return null;
        }

        var c = text[bad];
        return c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"text without bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069; the marks U+200E, U+200F and U+061C are fine); character {bad + 1} is U+{(int)c:X4}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"text without control characters (tabs and line breaks aside); character {bad + 1} is U+{(int)c:X4}");
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? TextOrThrow(string? text, [CallerArgumentExpression(nameof(text))] string? name = null) =>
        Text(text) is { } problem ? throw new ArgumentException($"{name} must be {problem}", name) : text;

    public static double UnitIntervalOrThrow(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        UnitInterval(value) is { } problem ? throw new ArgumentOutOfRangeException(name, $"{name} must be {problem}") : value;

    public static double PositiveOrThrow(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Positive(value) is { } problem ? throw new ArgumentOutOfRangeException(name, $"{name} must be {problem}") : value;

    public static double NonNegativeOrThrow(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        NonNegative(value) is { } problem ? throw new ArgumentOutOfRangeException(name, $"{name} must be {problem}") : value;

    public static double FiniteOrThrow(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Finite(value) is { } problem ? throw new ArgumentOutOfRangeException(name, $"{name} must be {problem}") : value;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/>, naming the parameter, unless 0 ≤ <paramref name="index"/> &lt;
    /// <paramref name="count"/>. One unsigned comparison: cheap enough for the hot paths.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int IndexOrThrow(int index, int count, [CallerArgumentExpression(nameof(index))] string? name = null)
    {
        if ((uint)index >= (uint)count)
        {
            ThrowIndex(index, count, name);
        }

        return index;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowIndex(int index, int count, string? name) =>
        throw new ArgumentOutOfRangeException(name, count == 0
            ? $"{name} must be a position, but there is none (the count is 0); was {index}"
            : $"{name} must be in [0, {count - 1}]; was {index}");

    /// <summary>Throws, naming the parameter, unless <paramref name="value"/> lies in [−1, 1].</summary>
    public static double SignedUnitOrThrow(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= -1 && value <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, $"{name} must be a number in [−1, 1]; was {Show(value)}");

    /// <summary>
    /// The value when it is one of its enum's members; else an error naming the members (as C# spells them):
    /// "resource must be a resource type, one of Funding, Arms, …; was 99".
    /// </summary>
    public static T DefinedOrThrow<T>(T value, string name, string what)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, $"{name} must be {what}, one of {string.Join(", ", Enum.GetNames<T>())}; was {value}");

    /// <summary>
    /// The exception for an enum value outside its enum (a cast integer): what a switch over the enum's members throws
    /// in its default arm rather than mapping the value onto one of them.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="expected">The values it may take, in words ("year, quarter or month").</param>
    public static ArgumentOutOfRangeException Undefined<T>(T value, string name, string expected)
        where T : struct, Enum =>
        new(name, $"{name} must be {expected}; was {value}, which is not a {typeof(T).Name}");

    /// <summary>
    /// The identifier when valid; an <see cref="ArgumentNullException"/> when null, else an <see cref="ArgumentException"/>
    /// saying what was expected, both naming the parameter.
    /// </summary>
    public static string IdentifierOrThrow(string? id, [CallerArgumentExpression(nameof(id))] string? name = null) =>
        id is null ? throw new ArgumentNullException(name, $"{name} must be {Identifier(id)}; was null")
        : Identifier(id) is { } problem ? throw new ArgumentException($"{name} must be {problem}", name) : id;

    /// <summary>
    /// Required text: an <see cref="ArgumentNullException"/> when null, an <see cref="ArgumentException"/> when empty or
    /// white space ("<paramref name="what"/> must not be empty") or when it holds what <see cref="Text"/> refuses.
    /// </summary>
    public static string RequiredTextOrThrow(string? text, string what, [CallerArgumentExpression(nameof(text))] string? name = null) =>
        text is null ? throw new ArgumentNullException(name, $"{what} must not be null")
        : string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"{what} must not be empty", name)
        : TextOrThrow(text, name);

    public static string Show(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
