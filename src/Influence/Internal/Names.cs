using System.Collections.Frozen;
using Influence.Evidence;

namespace Influence.Internal;

/// <summary>
/// The names enums have in files and on the command line. Kept as explicit tables so that renaming a C# member
/// can never silently change the file format.
/// </summary>
internal static class Names
{
    /// <summary>
    /// The address of a page of the docs online ("measures.md"): what the library and the tool say ends up in front
    /// of readers who have no docs folder, so it points to the repository's docs, as the packages' readmes do.
    /// </summary>
    public static string DocsUrl(string page) => $"https://github.com/influence-research/influence/blob/main/docs/{page}";

    /// <summary>
    /// "; did you mean "x"?" when one of <paramref name="known"/> differs from <paramref name="given"/> only in the
    /// case of its letters, or by one edit (ids of four or five characters) or two (longer ids): the nearest, then the
    /// first in order; otherwise, when <paramref name="given"/> (four characters or more) is the start of one to three
    /// known ids, or else lies inside one to three ("talib" of "taliban"), those; otherwise, given
    /// <paramref name="listAs"/> ("actors") and at most 12 known ids, "; the case's actors are …" (so a reader who
    /// guessed an id sees the real ones); otherwise empty. Short ids get no edits: "s2" is not a typo of "s1".
    /// </summary>
    public static string DidYouMean(string given, IEnumerable<string> known, string? listAs = null)
    {
        var ids = known as IReadOnlyCollection<string> ?? [.. known];
        var near = Near(given, ids);
        if (near.Count > 0)
        {
            var quoted = near.Select(x => $"\"{x}\"").ToList();
            return quoted.Count == 1 ? $"; did you mean {quoted[0]}?" : $"; did you mean {string.Join(", ", quoted.Take(quoted.Count - 1))} or {quoted[^1]}?";
        }

        var all = ids.Take(FewEnoughToList + 1).ToList();
        return listAs is not null && all.Count is > 0 and <= FewEnoughToList ? $"; the case's {listAs} are {string.Join(", ", all.Order(StringComparer.Ordinal).Select(x => $"\"{x}\""))}"
            : string.Empty;
    }

    /// <summary>The one id <see cref="DidYouMean"/> would suggest for <paramref name="given"/>, or null when it suggests none or several.</summary>
    public static string? Nearest(string given, IEnumerable<string> known) =>
        Near(given, known as IReadOnlyCollection<string> ?? [.. known]) is [var one] ? one : null;

    /// <summary>The ids <see cref="DidYouMean"/> suggests: the nearest by spelling, else one to three that hold the given id (in order).</summary>
    private static List<string> Near(string given, IReadOnlyCollection<string> ids)
    {
        string? best = null;
        var bestDistance = given.Length switch { <= 3 => 1, <= 5 => 2, _ => 3 };
        foreach (var k in ids)
        {
            var d = string.Equals(k, given, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(k, given, bestDistance);
            if (d < bestDistance)
            {
                (best, bestDistance) = (k, d);
            }
        }

        if (best is not null)
        {
            return [best];
        }

        if (given.Length < MinPartLength)
        {
            return [];
        }

        // A shortened or partial id ("talib" for "taliban", "taliban" for "afghan-taliban"): the ids that begin with
        // it, else those that hold it, when there are at most three.
        var starting = ids.Where(k => k.Length > given.Length && k.StartsWith(given, StringComparison.OrdinalIgnoreCase)).Take(FewPartMatches + 1).ToList();
        var parts = starting.Count > 0 ? starting : [.. ids.Where(k => k.Length > given.Length && k.Contains(given, StringComparison.OrdinalIgnoreCase)).Take(FewPartMatches + 1)];
        return parts.Count <= FewPartMatches ? [.. parts.Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The shortest part of an id taken as a shortened id (<see cref="DidYouMean"/>): "tal" names too much.</summary>
    private const int MinPartLength = 4;

    /// <summary>At most this many ids that begin with (or hold) a shortened id are suggested.</summary>
    private const int FewPartMatches = 3;

    /// <summary>With no near match, up to this many known ids are listed instead.</summary>
    private const int FewEnoughToList = 12;

    /// <summary>
    /// Edit distance, ignoring case, where a swap of two neighbouring letters counts as one edit, as an insertion, a
    /// deletion or a change does ("syira" is one edit from "syria"); any value ≥ <paramref name="limit"/> is reported
    /// as the limit.
    /// </summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }

        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        var previousMin = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (same ? 0 : 1));
                if (i > 1 && j > 1
                    && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2])
                    && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            // Every later row is at least the smaller of this row's least and the previous row's least plus one.
            if (Math.Min(rowMin, previousMin + 1) >= limit)
            {
                return limit;
            }

            previousMin = rowMin;
            (before, previous, current) = (previous, current, before);
        }

        return Math.Min(previous[b.Length], limit);
    }

    public static readonly NameTable<Confidence> Confidence = new(
        (Evidence.Confidence.Confirmed, "confirmed"),
        (Evidence.Confidence.Reported, "reported"),
        (Evidence.Confidence.Alleged, "alleged"));

    public static readonly NameTable<EvidenceKind> Kind = new NameTable<EvidenceKind>(
        (EvidenceKind.Support, "support"),
        (EvidenceKind.Coercion, "coercion"),
        (EvidenceKind.Demand, "demand"),
        (EvidenceKind.Attainment, "attainment"),
        (EvidenceKind.Indicator, "indicator"),
        (EvidenceKind.Presence, "presence"),
        (EvidenceKind.Overreach, "overreach"),
        (EvidenceKind.Commitment, "commitment"),
        (EvidenceKind.Capability, "capability")).Meaning(
        ("aid", EvidenceKind.Support), ("assistance", EvidenceKind.Support),
        ("pressure", EvidenceKind.Coercion), ("sanction", EvidenceKind.Coercion), ("sanctions", EvidenceKind.Coercion),
        ("request", EvidenceKind.Demand), ("agreement", EvidenceKind.Commitment), ("treaty", EvidenceKind.Commitment),
        ("pledge", EvidenceKind.Commitment));

    public static readonly NameTable<ResourceType> Resource = new(
        (ResourceType.Funding, "funding"),
        (ResourceType.Arms, "arms"),
        (ResourceType.Materiel, "materiel"),
        (ResourceType.Fuel, "fuel"),
        (ResourceType.Food, "food"),
        (ResourceType.Logistics, "logistics"),
        (ResourceType.Sanctuary, "sanctuary"),
        (ResourceType.Training, "training"),
        (ResourceType.Intelligence, "intelligence"),
        (ResourceType.Personnel, "personnel"),
        (ResourceType.Advisers, "advisers"),
        (ResourceType.Diplomatic, "diplomatic"),
        (ResourceType.Legitimacy, "legitimacy"),
        (ResourceType.Medical, "medical"),
        (ResourceType.Documents, "documents"),
        (ResourceType.TradeTransitAccess, "tradeTransitAccess"),
        (ResourceType.StrategicTerritoryAccess, "strategicTerritoryAccess"),
        (ResourceType.Loyalty, "loyalty"),
        (ResourceType.ProxyAction, "proxyAction"),
        (ResourceType.Information, "information"),
        (ResourceType.Other, "other"));

    public static readonly NameTable<CoercionType> Coercion = new(
        (CoercionType.Airstrike, "airstrike"),
        (CoercionType.BorderClosure, "borderClosure"),
        (CoercionType.TradeSuspension, "tradeSuspension"),
        (CoercionType.Deportation, "deportation"),
        (CoercionType.Detention, "detention"),
        (CoercionType.BackingRivals, "backingRivals"),
        (CoercionType.Clash, "clash"),
        (CoercionType.Attack, "attack"),
        (CoercionType.Threat, "threat"),
        (CoercionType.Sanctions, "sanctions"),
        (CoercionType.DiplomaticPressure, "diplomaticPressure"),
        (CoercionType.Other, "other"));

    public static readonly NameTable<DemandResponse> Response = new NameTable<DemandResponse>(
        (DemandResponse.Complied, "complied"),
        (DemandResponse.Partial, "partial"),
        (DemandResponse.Defied, "defied"),
        (DemandResponse.Ignored, "ignored")).Meaning(
        ("refused", DemandResponse.Defied), ("rejected", DemandResponse.Defied), ("partly", DemandResponse.Partial),
        ("met", DemandResponse.Complied), ("fulfilled", DemandResponse.Complied));

    public static readonly NameTable<PresenceType> Presence = new(
        (PresenceType.Advisers, "advisers"),
        (PresenceType.Officers, "officers"),
        (PresenceType.Officials, "officials"),
        (PresenceType.Professionals, "professionals"),
        (PresenceType.LeadershipAccess, "leadershipAccess"),
        (PresenceType.Intelligence, "intelligence"),
        (PresenceType.Other, "other"));

    public static readonly NameTable<CommitmentFormality> Formality = new(
        (CommitmentFormality.Treaty, "treaty"),
        (CommitmentFormality.PublicAgreement, "publicAgreement"),
        (CommitmentFormality.PublicPledge, "publicPledge"),
        (CommitmentFormality.PrivateUnderstanding, "privateUnderstanding"));

    public static readonly NameTable<IndicatorDirection> Direction = new(
        (IndicatorDirection.HigherIsBetter, "higherIsBetter"),
        (IndicatorDirection.LowerIsBetter, "lowerIsBetter"));

    public static readonly NameTable<ActorKind> ActorKind = new NameTable<ActorKind>(
        (Influence.ActorKind.State, "state"),
        (Influence.ActorKind.NonStateArmedGroup, "nonStateArmedGroup"),
        (Influence.ActorKind.Faction, "faction"),
        (Influence.ActorKind.Movement, "movement"),
        (Influence.ActorKind.Organisation, "organisation"),
        (Influence.ActorKind.Other, "other")).Meaning(
        ("nation", Influence.ActorKind.State), ("country", Influence.ActorKind.State), ("government", Influence.ActorKind.State),
        ("armedGroup", Influence.ActorKind.NonStateArmedGroup), ("rebelGroup", Influence.ActorKind.NonStateArmedGroup),
        ("rebels", Influence.ActorKind.NonStateArmedGroup), ("militia", Influence.ActorKind.NonStateArmedGroup),
        ("insurgency", Influence.ActorKind.NonStateArmedGroup), ("insurgents", Influence.ActorKind.NonStateArmedGroup),
        ("nsag", Influence.ActorKind.NonStateArmedGroup), ("wing", Influence.ActorKind.Faction),
        ("splinterGroup", Influence.ActorKind.Faction));
}

/// <summary>A two-way table between enum values and their file names.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly FrozenDictionary<T, string> _toName;
    private readonly FrozenDictionary<string, T> _fromName;

    private readonly FrozenDictionary<string, T> _meaning = FrozenDictionary<string, T>.Empty;

    public NameTable(params (T Value, string Name)[] entries)
    {
        _toName = entries.ToFrozenDictionary(e => e.Value, e => e.Name);
        _fromName = entries.ToFrozenDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        AllNames = [.. entries.Select(e => e.Name)];
        if (_toName.Count != Enum.GetValues<T>().Length)
        {
            throw new InvalidOperationException($"the name table of {typeof(T).Name} does not name every value");
        }
    }

    /// <summary>Every name, in declaration order.</summary>
    public IReadOnlyList<string> AllNames { get; }

    public string this[T value] => _toName[value];

    public bool TryParse(string? name, out T value)
    {
        if (name is not null && _fromName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public string Expected => string.Join(", ", AllNames.Select(n => $"\"{n}\""));

    /// <summary>
    /// Words a coder may write for a value that are not its name ("nation" for a state): never read as the value, only
    /// suggested by <see cref="Hint"/>, where spelling alone would suggest a wrong one ("nation" is two edits from
    /// "faction").
    /// </summary>
    /// <param name="words">Each word (compared ignoring case) and the value it is taken to mean.</param>
    /// <returns>A copy of this table with those words.</returns>
    public NameTable<T> Meaning(params (string Word, T Value)[] words) =>
        new(this, words.ToFrozenDictionary(w => w.Word, w => w.Value, StringComparer.OrdinalIgnoreCase));

    private NameTable(NameTable<T> names, FrozenDictionary<string, T> meaning)
    {
        (_toName, _fromName, AllNames, _meaning) = (names._toName, names._fromName, names.AllNames, meaning);
    }

    /// <summary>
    /// What to suggest for a name that is not one of these: the name of the value a word of <see cref="Meaning"/>
    /// stands for, else the nearest name by spelling (<see cref="Names.DidYouMean"/>); empty when neither.
    /// </summary>
    /// <param name="given">The name given.</param>
    /// <returns>"; did you mean "state"?" or empty.</returns>
    public string Hint(string given) =>
        _meaning.TryGetValue(given, out var meant) ? $"; did you mean \"{this[meant]}\"?" : Names.DidYouMean(given, AllNames);
}
