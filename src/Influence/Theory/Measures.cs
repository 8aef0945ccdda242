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
}
