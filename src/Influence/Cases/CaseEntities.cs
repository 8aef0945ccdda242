using Influence.Evidence;
using Influence.Internal;

namespace Influence.Cases;

/// <summary>A source evidence cites: a document, an article's footnote, an interview.</summary>
/// <param name="Id">The identifier evidence items cite.</param>
/// <param name="Citation">The full citation (author, title, year, page or footnote).</param>
/// <exception cref="ArgumentNullException"><paramref name="Id"/> or <paramref name="Citation"/> is null.</exception>
/// <exception cref="ArgumentException"><paramref name="Id"/> is not an identifier, or <paramref name="Citation"/> is empty or white space.</exception>
public sealed record Source(string Id, string Citation)
{
    /// <summary>The identifier evidence items cite.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); } = Check.IdentifierOrThrow(Id, nameof(Id));

    /// <summary>The full citation.</summary>
    public string Citation { get; init => field = Required.Text(value, nameof(Citation), "a source's citation"); } = Required.Text(Citation, nameof(Citation), "a source's citation");

    /// <summary>A URL or DOI, if any.</summary>
    public string? Url { get; init => field = Check.TextOrThrow(value, nameof(Url)); }
}

/// <summary>An issue over which a patron makes demands (Rubinstein: influence is issue-specific).</summary>
/// <param name="Id">The identifier demands refer to.</param>
/// <param name="Name">The display name.</param>
public sealed record Issue(string Id, string Name)
{
    /// <summary>The identifier demands refer to.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); } = Check.IdentifierOrThrow(Id, nameof(Id));

    /// <summary>The display name.</summary>
    public string Name { get; init => field = Required.Text(value, nameof(Name), "an issue's name"); } = Required.Text(Name, nameof(Name), "an issue's name");

    /// <summary>Whether the issue is one of the patron's core issues (used to filter compliance).</summary>
    public bool Core { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init => field = Check.TextOrThrow(value, nameof(Description)); }
}

/// <summary>
/// An external policy objective of an actor. Holsti (1964): influence is measured against the influencer's
/// objectives, not its capabilities.
/// </summary>
/// <param name="Id">The identifier attainment observations refer to.</param>
/// <param name="Holder">The actor whose objective it is.</param>
/// <param name="Name">The display name.</param>
/// <param name="Salience">How much the objective matters to its holder, in (0, 1].</param>
public sealed record Objective(string Id, string Holder, string Name, double Salience)
{
    /// <summary>The identifier observations refer to.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); } = Check.IdentifierOrThrow(Id, nameof(Id));

    /// <summary>The actor whose objective it is.</summary>
    public string Holder { get; init => field = Check.IdentifierOrThrow(value, nameof(Holder)); } = Check.IdentifierOrThrow(Holder, nameof(Holder));

    /// <summary>The display name.</summary>
    public string Name { get; init => field = Required.Text(value, nameof(Name), "an objective's name"); } = Required.Text(Name, nameof(Name), "an objective's name");

    /// <summary>How much the objective matters to its holder, in (0, 1].</summary>
    public double Salience { get; init => field = ValidSalience(value, nameof(Salience)); } = ValidSalience(Salience, nameof(Salience));

    private static double ValidSalience(double salience, string name) =>
        salience > 0 ? Check.UnitIntervalOrThrow(salience, name) : throw new ArgumentOutOfRangeException(name, $"{name} must be in (0, 1]; was {Check.Show(salience)}");

    /// <summary>
    /// The actor the objective is pursued through (the client), or null when it applies to every dyad of the holder.
    /// </summary>
    public string? Toward { get; init; }

    /// <summary>The issue the objective belongs to, if any.</summary>
    public string? Issue { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init => field = Check.TextOrThrow(value, nameof(Description)); }
}

/// <summary>
/// An indicator series (for example militant attacks per year) mapped linearly onto an objective's attainment:
/// <c>best</c> maps to 1, <c>worst</c> to 0, values beyond are clipped.
/// </summary>
/// <param name="Id">The identifier indicator observations refer to.</param>
/// <param name="Objective">The objective the indicator measures.</param>
/// <param name="Name">The display name.</param>
/// <param name="Direction">Whether larger values are better or worse.</param>
/// <param name="Best">The value that means full attainment.</param>
/// <param name="Worst">The value that means no attainment.</param>
public sealed record Indicator(string Id, string Objective, string Name, IndicatorDirection Direction, double Best, double Worst)
{
    /// <summary>The identifier observations refer to.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); } = Check.IdentifierOrThrow(Id, nameof(Id));

    /// <summary>The objective the indicator measures.</summary>
    public string Objective { get; init => field = Check.IdentifierOrThrow(value, nameof(Objective)); } = Check.IdentifierOrThrow(Objective, nameof(Objective));

    /// <summary>The display name.</summary>
    public string Name { get; init => field = Required.Text(value, nameof(Name), "an indicator's name"); } = Required.Text(Name, nameof(Name), "an indicator's name");

    /// <summary>The value that means full attainment.</summary>
    public double Best { get; init => field = Check.FiniteOrThrow(value, nameof(Best)); } = Check.FiniteOrThrow(Best, nameof(Best));

    /// <summary>The value that means no attainment.</summary>
    public double Worst { get; init => field = Check.FiniteOrThrow(value, nameof(Worst)); } = Check.FiniteOrThrow(Worst, nameof(Worst));

    /// <summary>The unit of the values (for display).</summary>
    public string? Unit { get; init => field = Check.TextOrThrow(value, nameof(Unit)); }

    /// <summary>A description, including why <see cref="Best"/> and <see cref="Worst"/> were chosen.</summary>
    public string? Description { get; init => field = Check.TextOrThrow(value, nameof(Description)); }

    /// <summary>Maps a raw value onto attainment in [0, 1].</summary>
    /// <param name="value">The raw value, a finite number.</param>
    /// <returns><c>clip((value − worst) / (best − worst), 0, 1)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public double ToAttainment(double value)
    {
        Check.FiniteOrThrow(value, nameof(value));
        if (Best == Worst)
        {
            return value == Best ? 1 : 0;
        }

        var a = double.IsFinite(Best - Worst)
            ? (value - Worst) / (Best - Worst)
            : ((0.5 * value) - (0.5 * Worst)) / ((0.5 * Best) - (0.5 * Worst)); // halved exactly: the range would overflow (∞ / ∞ is NaN)
        return Math.Clamp(a, 0, 1);
    }

    /// <summary>Null when best and worst are consistent with the direction; otherwise what was expected.</summary>
    internal string? DirectionProblem() => Direction switch
    {
        IndicatorDirection.LowerIsBetter when !(Best < Worst) => $"best < worst for a lowerIsBetter indicator; were best {Check.Show(Best)}, worst {Check.Show(Worst)}",
        IndicatorDirection.HigherIsBetter when !(Best > Worst) => $"best > worst for a higherIsBetter indicator; were best {Check.Show(Best)}, worst {Check.Show(Worst)}",
        _ => null,
    };
}

/// <summary>
/// A unit support amounts can be given in; an amount becomes a magnitude <c>1 − exp(−amount / reference)</c>.
/// </summary>
/// <param name="Id">The identifier amounts refer to.</param>
/// <param name="Name">The display name.</param>
/// <param name="Reference">The amount that maps to magnitude 1 − 1/e ≈ 0.63 (for example 1e9 US dollars).</param>
public sealed record AmountUnit(string Id, string Name, double Reference)
{
    /// <summary>The identifier amounts refer to.</summary>
    public string Id { get; init => field = Check.IdentifierOrThrow(value, nameof(Id)); } = Check.IdentifierOrThrow(Id, nameof(Id));

    /// <summary>The display name.</summary>
    public string Name { get; init => field = Check.TextOrThrow(value ?? throw new ArgumentNullException(nameof(Name)), nameof(Name)); } = Check.TextOrThrow(Name ?? throw new ArgumentNullException(nameof(Name)), nameof(Name));

    /// <summary>The amount that maps to magnitude 1 − 1/e.</summary>
    public double Reference { get; init => field = Check.PositiveOrThrow(value, nameof(Reference)); } = Check.PositiveOrThrow(Reference, nameof(Reference));

    /// <summary>Converts an amount into a magnitude in [0, 1).</summary>
    /// <param name="amount">The amount, ≥ 0.</param>
    /// <returns>The magnitude.</returns>
    public double ToMagnitude(double amount) => 1 - Math.Exp(-Check.NonNegativeOrThrow(amount, nameof(amount)) / Reference);
}

/// <summary>A directed dyad: a patron and its (possible) client, by actor id.</summary>
/// <param name="Patron">The patron's actor id.</param>
/// <param name="Client">The client's actor id.</param>
/// <exception cref="ArgumentNullException">An id is null.</exception>
/// <exception cref="ArgumentException">An id is empty or white space.</exception>
/// <remarks>
/// <c>default(Dyad)</c> names no actors: it is what an unset dyad holds (an element of a new array, an unset field).
/// It compares and hashes, and prints as <c>default(Dyad)</c>, but reading its <see cref="Patron"/> or
/// <see cref="Client"/> throws <see cref="InvalidOperationException"/>, and the library refuses it where a dyad is
/// given (<see cref="Case.WithDyads"/>, <see cref="Scoring.ScoringRequest.Dyads"/>).
/// <para>
/// A dyad whose patron and client are the same id can be made, and is refused where it is given (by the case reader
/// and <see cref="CaseBuilder.Build"/> as one of the problems they report together, by <see cref="Case.WithDyads"/>
/// and the scorer as an <see cref="ArgumentException"/>). The constructor does not refuse it, so that a reader or a
/// builder can collect every problem of a file before reporting, and a <c>with</c> can swap the parties.
/// </para>
/// </remarks>
public readonly record struct Dyad(string Patron, string Client)
{
    /// <summary>The patron's actor id.</summary>
    /// <exception cref="InvalidOperationException">The dyad is <c>default(Dyad)</c>, which names no patron.</exception>
    public string Patron { get => field ?? throw Unset(nameof(Patron)); init => field = Required.Text(value, nameof(Patron), "a dyad's patron id"); } = Required.Text(Patron, nameof(Patron), "a dyad's patron id");

    /// <summary>The client's actor id.</summary>
    /// <exception cref="InvalidOperationException">The dyad is <c>default(Dyad)</c>, which names no client.</exception>
    public string Client { get => field ?? throw Unset(nameof(Client)); init => field = Required.Text(value, nameof(Client), "a dyad's client id"); } = Required.Text(Client, nameof(Client), "a dyad's client id");

    /// <summary>Whether this is <c>default(Dyad)</c>, which names no actors.</summary>
    internal bool IsDefault => this == default;

    /// <summary><c>patron→client</c>; <c>default(Dyad)</c> for the default value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsDefault ? "default(Dyad)" : $"{Patron}→{Client}";

    private static InvalidOperationException Unset(string property) =>
        new($"default(Dyad) has no {property.ToLowerInvariant()}: it is an unset dyad; create one with new Dyad(patron, client)");
}

/// <summary>The check shared by the entities' text properties, on construction and on <c>with</c>.</summary>
file static class Required
{
    public static string Text(string? value, string name, string what) => Check.RequiredTextOrThrow(value, what, name);
}
