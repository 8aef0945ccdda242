using System.Collections.Immutable;
using System.Globalization;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.Cases;

/// <summary>
/// A coding in a valid case that is probably not what its coder meant: it breaks no rule of the case format, so it is
/// not a problem, but it scores differently from how it reads.
/// </summary>
/// <param name="Item">The evidence item's id, or null for the case as a whole.</param>
/// <param name="Message">What the coding does and what to do instead.</param>
public sealed record CaseWarning(string? Item, string Message)
{
    /// <summary>"item 'x': message", or the message for the case as a whole.</summary>
    /// <returns>The warning as one line.</returns>
    public override string ToString() => Item is null ? Message : $"item '{Item}': {Message}";
}

/// <summary>
/// Finds the codings of a valid case that are probably not what was meant (<see cref="CaseWarning"/>): what
/// <c>influence validate</c> prints as warnings.
/// </summary>
public static class CaseWarnings
{
    /// <summary>A span shorter than this many days is read as a short stretch of a yearly rate: likely meant as an event.</summary>
    private const int YearDays = 365;

    /// <summary>
    /// The warnings of a case, the case as a whole first, then the items in their order:
    /// <list type="bullet">
    /// <item>a case with no actors, no evidence, or (with two actors or more) no declared dyads, which scores nothing
    /// without more input;</item>
    /// <item>a support, coercion or overreach span shorter than a year: a span is a yearly rate, so a span of 34 days
    /// counts 34/365 of its magnitude, severity or amount; an event or campaign of that size is a point;</item>
    /// <item>a declared range whose last periods start after the last day any item covers, in a case that declares no
    /// <see cref="CaseBuilder.EvidenceEnds"/>: those periods are not scored;</item>
    /// <item>a dyadic item between an actor and its own movement (one party is the other or lies within it): such
    /// evidence is internal to the movement, and no measure reads it.</item>
    /// </list>
    /// </summary>
    /// <param name="case">The case.</param>
    /// <returns>The warnings; empty when there are none.</returns>
    public static ImmutableArray<CaseWarning> Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var found = ImmutableArray.CreateBuilder<CaseWarning>();
        if (@case.Actors.IsEmpty)
        {
            found.Add(new(null, $"the case has no actors: there is no dyad to score; add actors and evidence ({Names.DocsUrl("howto-write-a-case.md")})"));
        }

        if (@case.Evidence.Count == 0)
        {
            found.Add(new(null, $"the case has no evidence: every measure would be undefined in every period; add evidence items ({Names.DocsUrl("case-format.md")})"));
        }

        if (@case.Dyads.IsEmpty && @case.Actors.Length >= 2)
        {
            found.Add(new(null, $"the case declares no dyads: commands need --patron and --client; declare the dyads to score in the case's \"dyads\" ({Names.DocsUrl("case-format.md")})"));
        }

        if (@case.To is { } to && !@case.DeclaresEvidenceEnds && @case.EvidenceEnds is { } ends && to.Start > ends)
        {
            var day = ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            found.Add(new(null, $"the case's range runs to {to}, but its last item ends on {day} and it declares no evidenceEnds: the periods after {day} ({Period.Containing(to.Granularity, ends).AddPeriods(1)}–{to}) are not scored; if the case was looked at up to its range's end and nothing more was found, declare \"evidenceEnds\" ({Names.DocsUrl("case-format.md")})"));
        }

        string? ParentOf(string id) => @case.ActorIndexOf(id) is var k and >= 0 ? @case.Actors[k].Parent : null;
        foreach (var e in @case.Evidence)
        {
            if (e.Date.IsSpan && e.Date.Days < YearDays && ShortSpanField(e) is { } field)
            {
                var share = (e.Date.Days / (double)YearDays).ToString("0.00", CultureInfo.InvariantCulture);
                found.Add(new(e.Id, string.Create(
                    CultureInfo.InvariantCulture,
                    $"a {Names.Kind[e.Kind]} span of {e.Date.Days} days ({e.Date}): a span is a yearly rate, so it counts {e.Date.Days}/365 = {share} of its {field}; if this is one event or campaign of that size, give it a date (a point) instead, which counts in full ({Names.DocsUrl("case-format.md")})")));
            }

            if (e is DyadicEvidence d
                && (d.From == d.To ? $"'{d.From}' is both parties" : Case.Within(d.From, d.To, ParentOf) ?? Case.Within(d.To, d.From, ParentOf)) is { } how)
            {
                found.Add(new(e.Id, $"it passes inside one movement ({how}): evidence internal to a movement counts for no pair, and no measure reads it ({Names.DocsUrl("measures.md")}#faction-roll-up)"));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The field a short span scales, for the kinds that are often events; null for the standing kinds.</summary>
    private static string? ShortSpanField(EvidenceItem e) => e switch
    {
        SupportEvidence s => s.Amount is not null ? "amount" : "magnitude",
        CoercionEvidence => "severity",
        OverreachEvidence => "severity",
        _ => null,
    };
}
