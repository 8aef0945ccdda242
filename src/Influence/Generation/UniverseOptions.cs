using Influence.Internal;

namespace Influence.Generation;

/// <summary>
/// What <see cref="UniverseGenerator"/> generates: how many actors, periods and evidence items, from which seed.
/// Every value is validated when set; the same options always give the same case, byte for byte.
/// </summary>
public sealed record UniverseOptions
{
    /// <summary>The defaults: 200 actors, 120 monthly periods from January 2000, 100 000 evidence items, seed 1.</summary>
    public static UniverseOptions Default { get; } = new();

    /// <summary>The number of actors: states, armed groups and factions (default 200; 4 to 1 000 000).</summary>
    public int Actors
    {
        get;
        init => field = value is >= 4 and <= MaxActors ? value : throw new ArgumentOutOfRangeException(nameof(Actors), $"Actors must be in [4, {MaxActors}]; was {value}");
    } = 200;

    /// <summary>The most actors a universe may have (far more than any conflict data set codes).</summary>
    public const int MaxActors = 1_000_000;

    /// <summary>The number of periods the universe spans (default 120; at least 1).</summary>
    public int Periods
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Periods), $"Periods must be ≥ 1; was {value}");
    } = 120;

    /// <summary>The number of evidence items, exactly (default 100 000; at least 0, at most 999 999 999).</summary>
    public int Evidence
    {
        get;
        init => field = value is >= 0 and <= 999_999_999 ? value : throw new ArgumentOutOfRangeException(nameof(Evidence), $"Evidence must be in [0, 999999999]; was {value}");
    } = 100_000;

    /// <summary>The seed: the same seed and options give the same case (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The granularity of the periods (default month).</summary>
    public Granularity Granularity
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Granularity), $"Granularity must be year, quarter or month; was {value}");
    } = Granularity.Month;

    /// <summary>The calendar year of the first period (default 2000).</summary>
    public int FirstYear
    {
        get;
        init => field = value is >= 1 and <= 9000 ? value : throw new ArgumentOutOfRangeException(nameof(FirstYear), $"FirstYear must be in [1, 9000]; was {value}");
    } = 2000;

    /// <summary>Support links (patron → client dyads) per actor (default 2; in (0, 50]).</summary>
    public double LinksPerActor
    {
        get;
        init => field = value is > 0 and <= 50 ? value : throw new ArgumentOutOfRangeException(nameof(LinksPerActor), $"LinksPerActor must be in (0, 50]; was {Check.Show(value)}");
    } = 2;

    /// <summary>
    /// The share of actors that are states (default 0.15; in (0, 1)). With <see cref="FactionShare"/> it must leave a
    /// share for armed groups: <see cref="UniverseGenerator.Generate"/> refuses StateShare + FactionShare ≥ 1.
    /// </summary>
    public double StateShare
    {
        get;
        init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(StateShare), $"StateShare must be in (0, 1); was {Check.Show(value)}");
    } = 0.15;

    /// <summary>
    /// The share of actors that are factions of a group or of another faction (default 0.25; in [0, 1)); with
    /// <see cref="StateShare"/>, below 1 (see there).
    /// </summary>
    public double FactionShare
    {
        get;
        init => field = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(FactionShare), $"FactionShare must be in [0, 1); was {Check.Show(value)}");
    } = 0.25;

    /// <summary>The number of directed dyads the options generate: round(actors × links per actor), at least 1.</summary>
    public int Dyads => Math.Max(1, (int)Math.Round(Actors * LinksPerActor, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Options sized by dyad-periods, as the benchmarks are: <paramref name="periods"/> periods, enough actors for
    /// <paramref name="dyadPeriods"/> dyad-periods at the default links per actor, and about
    /// <paramref name="evidencePerDyadPeriod"/> evidence items per dyad-period.
    /// </summary>
    /// <param name="dyadPeriods">The dyad-periods wanted (at least the periods × 8).</param>
    /// <param name="evidencePerDyadPeriod">Evidence items per dyad-period (default 10).</param>
    /// <param name="periods">The periods (default 120 months).</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The options.</returns>
    public static UniverseOptions ForDyadPeriods(long dyadPeriods, double evidencePerDyadPeriod = 10, int periods = 120, long seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        if (dyadPeriods < 8L * periods)
        {
            throw new ArgumentOutOfRangeException(nameof(dyadPeriods), $"dyadPeriods must be ≥ 8 × periods ({8L * periods}); was {dyadPeriods}");
        }

        if (!(evidencePerDyadPeriod > 0) || double.IsInfinity(evidencePerDyadPeriod))
        {
            throw new ArgumentOutOfRangeException(nameof(evidencePerDyadPeriod), $"evidencePerDyadPeriod must be a finite number > 0; was {Check.Show(evidencePerDyadPeriod)}");
        }

        var dyads = (double)dyadPeriods / periods;
        var actors = (int)Math.Round(dyads / Default.LinksPerActor, MidpointRounding.AwayFromZero);
        var evidence = Math.Round(dyadPeriods * evidencePerDyadPeriod, MidpointRounding.AwayFromZero);
        if (evidence > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(dyadPeriods), $"dyadPeriods × evidencePerDyadPeriod must be ≤ 999999999; was {evidence}");
        }

        return new UniverseOptions { Actors = Math.Max(4, actors), Periods = periods, Evidence = (int)evidence, Seed = seed };
    }
}
