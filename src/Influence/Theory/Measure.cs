using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.Theory;

/// <summary>The range a measure's values fall in.</summary>
public enum MeasureScale
{
    /// <summary>Values in [0, 1].</summary>
    Unit = 0,

    /// <summary>Values in [−1, 1].</summary>
    Signed = 1,

    /// <summary>Non-negative whole numbers (a count, for example of alternative patrons).</summary>
    Count = 2,
}

/// <summary>
/// One measure of a directed dyad (patron → client) in one period: one of Biermann's features, one of Holsti's or
/// Rubinstein's criteria, or a measure of your own.
/// </summary>
/// <remarks>
/// <para>
/// A measure reads the <see cref="EvidenceIndex"/> through a <see cref="DyadPeriod"/> and returns a value in its
/// <see cref="Scale"/>, or null when it has no evidence in its window (undefined: never 0, never NaN).
/// <see cref="Trace"/> lists the evidence items that fed the value; the explainer measures each one's effect by
/// scoring without it.
/// </para>
/// <para>
/// To add your own, derive from this class, implement <see cref="Evaluate"/> and <see cref="Trace"/>, and pass an
/// instance in <see cref="ScoringOptions.CustomMeasures"/>. Implementations must be stateless and thread-safe.
/// </para>
/// </remarks>
public abstract class Measure
{
    /// <summary>Creates a measure.</summary>
    /// <param name="name">The name used in output (camelCase, unique): a letter, then letters, digits or '_'.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not of that form.</exception>
    protected Measure(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // The name becomes a JSON property, a CSV column and a command-line value: nothing that needs quoting.
        if (!char.IsAsciiLetter(name[0]) || name.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            throw new ArgumentException($"a measure's name must be a letter followed by letters, digits or '_' (camelCase, as in output and on the command line); was \"{name}\"", nameof(name));
        }

        Name = name;
    }

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>The name used in output and on the command line.</summary>
    public string Name { get; }

    /// <summary>The range of values.</summary>
    public abstract MeasureScale Scale { get; }

    /// <summary>
    /// The parts of the index built on demand that the measure reads (see <see cref="EvidenceIndex.Prepare"/>): the
    /// scorer builds them before scoring in parallel. A part not declared is still built when first read, so this
    /// changes no value, only when the work is done. Custom measures read everything.
    /// </summary>
    internal virtual EvidenceIndex.Parts Reads => EvidenceIndex.Parts.All;

    /// <summary>The formula, in words and symbols (as in <see href="https://github.com/influence-research/influence/blob/main/docs/measures.md">docs/measures.md</see>).</summary>
    public abstract string Formula { get; }

    /// <summary>The theory the measure encodes (author, year, page).</summary>
    public abstract string Citation { get; }

    /// <summary>
    /// The measure's own settings as text (for example <c>"windowYears=5;k=3"</c>), counted in the input hash with its
    /// name, so that two instances with different settings give different hashes. Empty by default: a custom measure
    /// with constructor parameters should override it, or its results cannot be told apart by their hash. The
    /// built-in measures read their settings from <see cref="ScoringOptions"/>, which the hash covers already.
    /// </summary>
    public virtual string Parameters => string.Empty;

    /// <summary>Computes the value in one period.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The value, or null when undefined.</returns>
    public abstract double? Evaluate(in DyadPeriod at);

    /// <summary>
    /// The interval of the value when the measure has its own (for example a regression slope's confidence interval);
    /// null otherwise.
    /// </summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The interval, or null.</returns>
    public virtual (double Low, double High)? EvaluateInterval(in DyadPeriod at) => null;

    /// <summary>
    /// Computes the values of periods <paramref name="t0"/> … <paramref name="t1"/> into <paramref name="output"/>.
    /// Override when a series can be computed faster than period by period; the values must equal
    /// <see cref="Evaluate"/>'s bit for bit.
    /// </summary>
    /// <param name="dyad">The dyad (its period is ignored).</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <param name="output">One value per period.</param>
    public virtual void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        for (var t = t0; t <= t1; t++)
        {
            output[t - t0] = Evaluate(dyad.At(t));
        }
    }

    /// <summary>Lists the evidence items that fed the value, each with the term it fed and its weight there.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <param name="uses">Receives the items.</param>
    public abstract void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Adds every item of a kind on a pair in a window, with its weight summed over the window.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <param name="uses">Receives the items.</param>
    /// <param name="pair">The pair.</param>
    /// <param name="kind">The evidence kind.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <param name="term">The term the items feed.</param>
    protected static void TraceItems(in DyadPeriod at, ICollection<EvidenceUse> uses, int pair, EvidenceKind kind, int t0, int t1, string term)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var index = at.Index;
        foreach (var row in index.Items(pair, kind, t0, t1))
        {
            uses.Add(new EvidenceUse(row, term, WindowWeight(index, row, t0, t1)));
        }
    }

    /// <summary>The term of the items listed by <see cref="TraceObserving"/>.</summary>
    internal const string ObservesTheWindow = "observes the window";

    /// <summary>
    /// Adds every item between the two actors (either direction, any kind) that touches periods t0 … t1, with weight 0:
    /// the items that make the dyad observed there (<see cref="DyadPeriod.Observed"/>). A measure defined by that rule
    /// lists them when none of its own terms has an item, for then its value (a real 0) rests on them alone: without
    /// them it would be undefined. Their weight is 0 because they add nothing to any sum of the formula.
    /// </summary>
    /// <param name="at">The dyad and period.</param>
    /// <param name="uses">Receives the items.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <param name="term">The term to list them under.</param>
    internal static void TraceObserving(in DyadPeriod at, ICollection<EvidenceUse> uses, int t0, int t1, string term = ObservesTheWindow)
    {
        foreach (var pair in (ReadOnlySpan<int>)[at.PatronToClient, at.ClientToPatron])
        {
            foreach (var kind in Enum.GetValues<EvidenceKind>())
            {
                foreach (var row in at.Index.Items(pair, kind, t0, t1))
                {
                    uses.Add(new EvidenceUse(row, term, 0));
                }
            }
        }
    }

    /// <summary>An item's weight summed over its shares of periods t0 … t1.</summary>
    /// <param name="index">The index.</param>
    /// <param name="row">The evidence row.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The weight.</returns>
    protected static double WindowWeight(EvidenceIndex index, int row, int t0, int t1)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.WindowWeight(row, t0, t1);
    }

    /// <summary>Copies a series whose undefined values are NaN into nullable values.</summary>
    /// <param name="values">The values, NaN where undefined.</param>
    /// <param name="output">The nullable values.</param>
    internal static void Write(ReadOnlySpan<double> values, Span<double?> output)
    {
        for (var i = 0; i < values.Length; i++)
        {
            output[i] = double.IsNaN(values[i]) ? null : values[i];
        }
    }

    /// <summary>1 − exp(−x / k): maps a non-negative pressure onto [0, 1).</summary>
    /// <param name="x">The pressure, a finite number (a negative pressure counts as none).</param>
    /// <param name="k">The scale, a finite number &gt; 0.</param>
    /// <returns>The saturated value in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is NaN or infinite, or <paramref name="k"/> is not a finite number &gt; 0.</exception>
    public static double Saturate(double x, double k) =>
        Saturated(Check.FiniteOrThrow(x, nameof(x)), Check.PositiveOrThrow(k, nameof(k)));

    /// <summary>
    /// <see cref="Saturate"/> without the checks, for the engine: its scales are validated options, and NaN, its mark of
    /// an undefined value while it computes, gives NaN.
    /// </summary>
    internal static double Saturated(double x, double k) => x <= 0 ? 0 : 1 - Math.Exp(-x / k);
}

/// <summary>One evidence item feeding a value: its row in the case's evidence, the term it fed and its weight there.</summary>
/// <param name="Row">The item's position in <see cref="Cases.Case.Evidence"/>.</param>
/// <param name="Term">The term of the formula it fed (for example "patron→client support").</param>
/// <param name="Weight">
/// Its weight in that term: confidence × magnitude × its shares of the window's periods (or its attainment, capability …);
/// 0 for an item listed only because it observes the window ("observes the window": the value, a real 0, is defined
/// because the dyad is observed there, and would be undefined without such items).
/// </param>
/// <exception cref="ArgumentNullException"><paramref name="Term"/> is null.</exception>
public readonly record struct EvidenceUse(int Row, string Term, double Weight)
{
    /// <summary>The term of the formula it fed (empty for <c>default(EvidenceUse)</c>, which no measure traced).</summary>
    public string Term { get => field ?? string.Empty; init => field = value ?? throw new ArgumentNullException(nameof(Term)); } = Term ?? throw new ArgumentNullException(nameof(Term));
}

/// <summary>
/// A directed dyad at one period position, as measures see it: the index, the two actors, the two pairs and the
/// period.
/// </summary>
public readonly struct DyadPeriod
{
    /// <summary>Creates the view.</summary>
    /// <param name="index">The index.</param>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="t">The period position, in the index's grid.</param>
    /// <exception cref="ArgumentOutOfRangeException">An actor position outside the case, or a period position outside the grid.</exception>
    public DyadPeriod(EvidenceIndex index, int patron, int client, int t)
    {
        ArgumentNullException.ThrowIfNull(index);
        Check.IndexOrThrow(patron, index.Case.Actors.Length);
        Check.IndexOrThrow(client, index.Case.Actors.Length);
        Check.IndexOrThrow(t, index.Periods);
        Index = index;
        Patron = patron;
        Client = client;
        PatronToClient = index.PairOf(patron, client);
        ClientToPatron = index.PairOf(client, patron);
        T = t;
    }

    private DyadPeriod(DyadPeriod other, int t)
    {
        Index = other.Index;
        Patron = other.Patron;
        Client = other.Client;
        PatronToClient = other.PatronToClient;
        ClientToPatron = other.ClientToPatron;
        T = t;
    }

    /// <summary>The evidence index.</summary>
    public EvidenceIndex Index { get; }

    /// <summary>The options.</summary>
    public ScoringOptions Options => Index.Options;

    /// <summary>The patron's actor position.</summary>
    public int Patron { get; }

    /// <summary>The client's actor position.</summary>
    public int Client { get; }

    /// <summary>The patron → client pair, or −1 when no evidence runs that way.</summary>
    public int PatronToClient { get; }

    /// <summary>The client → patron pair, or −1.</summary>
    public int ClientToPatron { get; }

    /// <summary>The period position.</summary>
    public int T { get; }

    /// <summary>The period.</summary>
    public Period Period => Index.Grid[T];

    /// <summary>The same dyad at another period position.</summary>
    /// <param name="t">The period position.</param>
    /// <returns>The view.</returns>
    public DyadPeriod At(int t) => new(this, t);

    /// <summary>The trailing window of a length in years that ends at this period: (T − w + 1, T).</summary>
    /// <param name="years">The length in years.</param>
    /// <returns>
    /// The first and last period positions (the first may be negative; index reads clip it). A window longer than the
    /// grid is cut to the grid's length + 1 periods, so do not divide by <c>To − From + 1</c> to get a window's length
    /// in periods: use the years given and the grid's periods per year.
    /// </returns>
    public (int From, int To) Trailing(double years) => (T - Index.Grid.WindowPeriods(years) + 1, T);

    /// <summary>Whether any evidence links the two actors (either direction) in periods t0 … t1.</summary>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>Whether the dyad was observed.</returns>
    public bool Observed(int t0, int t1) =>
        Index.Count(PairCount.Activity, PatronToClient, t0, t1) + Index.Count(PairCount.Activity, ClientToPatron, t0, t1) > 0;
}
