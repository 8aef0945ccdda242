using System.Collections.Immutable;

namespace Influence.Theory;

/// <summary>The built-in measures, in output order.</summary>
public static class Measures
{
    /// <summary>Biermann's four features (power asymmetry with its conflictual character): exchange, asymmetry, conflict, diffuse obligation, endurance.</summary>
    public static ImmutableArray<Measure> Features { get; } =
        [Exchange.Instance, PowerAsymmetry.Instance, Conflict.Instance, DiffuseObligation.Instance, Endurance.Instance];

    /// <summary>Holsti's and Rubinstein's influence criteria.</summary>
    public static ImmutableArray<Measure> Criteria { get; } =
    [
        Attainment.Instance, Compliance.Instance, IssueSpecificity.Instance, CounterReaction.Instance,
        InputEfficiency.Instance, Presence.Instance, PresenceInfluenceGap.Instance, ClientAgency.Instance,
    ];

    /// <summary>Supporting measures reported beside the features and criteria.</summary>
    public static ImmutableArray<Measure> Details { get; } =
        [AccountBalance.Instance, ConflictByPatron.Instance, ConflictByClient.Instance];

    /// <summary>
    /// Holsti's multilateral context (<see href="https://github.com/influence-research/influence/blob/main/docs/multilateral.md">docs/multilateral.md</see>): the patron's share, alternative patrons (a count),
    /// supplier concentration, dependence asymmetry, brokerage and reverse leverage.
    /// </summary>
    public static ImmutableArray<Measure> Multilateral { get; } =
    [
        PatronShare.Instance, AlternativePatrons.Instance, SupplierConcentration.Instance, DependenceAsymmetry.Instance,
        Brokerage.Instance, ReverseLeverage.Instance,
    ];

    /// <summary>Every built-in measure.</summary>
    public static ImmutableArray<Measure> BuiltIn { get; } = [.. Features, .. Criteria, .. Details, .. Multilateral];

    /// <summary>Finds a built-in measure by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The measure, or null.</returns>
    public static Measure? Find(string name) =>
        BuiltIn.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The short names of built-in measures, as the command line's score table heads its columns ("gap" for
    /// presenceInfluenceGap): wherever a measure is named, a short name stands for its measure, unless a custom
    /// measure has that name.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ShortNames { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["exch"] = "exchange",
        ["asym"] = "asymmetry",
        ["confl"] = "conflict",
        ["diffuse"] = "diffuseObligation",
        ["endur"] = "endurance",
        ["attain"] = "attainment",
        ["compl"] = "compliance",
        ["gap"] = "presenceInfluenceGap",
        ["agency"] = "clientAgency",
        ["share"] = "patronShare",
    };

    /// <summary>The name of the built-in measure a short name (<see cref="ShortNames"/>) stands for, or null.</summary>
    internal static string? FullName(string name) => ShortNames.TryGetValue(name, out var full) ? full : null;

    /// <summary>
    /// The name a given name stands for among the known ones: itself when known (a custom measure may take a short
    /// name), else the measure its short name stands for when that is known, else null.
    /// </summary>
    internal static string? Resolve(string name, Func<string, bool> isKnown) =>
        isKnown(name) ? name : FullName(name) is { } full && isKnown(full) ? full : null;
}
