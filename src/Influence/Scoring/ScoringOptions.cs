using System.Collections.Immutable;
using Influence.Evidence;
using Influence.Internal;
using Influence.Theory;

namespace Influence.Scoring;

/// <summary>
/// Every weight, constant, window and threshold the measures use, with documented defaults
/// (see <see href="https://github.com/influence-research/influence/blob/main/docs/measures.md">docs/measures.md</see> for what each does and why the default is what it is).
/// </summary>
/// <remarks>
/// Options are immutable records: change one with <c>with</c>, for example
/// <c>ScoringOptions.Default with { Conflict = ScoringOptions.Default.Conflict with { Scale = 2 } }</c>.
/// Every value is validated when set. The same options give the same scores, byte for byte.
/// </remarks>
public sealed record ScoringOptions
{
    /// <summary>The library's defaults, the same for every case.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>
    /// The numeric weight of each confidence level, which must not rise as confidence falls:
    /// <see cref="ConfidenceWeights.Confirmed"/> ≥ <see cref="ConfidenceWeights.Reported"/> ≥ <see cref="ConfidenceWeights.Alleged"/>
    /// (equal weights are allowed).
    /// </summary>
    /// <remarks>
    /// The order is checked here, when the weights are set as a whole, not while a <see cref="ConfidenceWeights"/> is
    /// being built: its init setters run one at a time, so a record built or changed with <c>with</c> may be out of
    /// order on its own (<c>new ConfidenceWeights { Confirmed = 0.5, Reported = 0.3 }</c> passes through Confirmed 0.5
    /// below the default Reported 0.7) and is refused only once set here.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The weights are out of order (the message names every neighbouring pair out of order, with both values).
    /// </exception>
    public ConfidenceWeights Confidence
    {
        get;
        init => field = CheckOrder(
            value ?? throw new ArgumentNullException(nameof(Confidence)),
            nameof(Confidence),
            "weights must not rise as confidence falls",
            [(nameof(ConfidenceWeights.Confirmed), value.Confirmed), (nameof(ConfidenceWeights.Reported), value.Reported), (nameof(ConfidenceWeights.Alleged), value.Alleged)]);
    } = new();

    /// <summary>Options of <see cref="Theory.Exchange"/>.</summary>
    public ExchangeOptions Exchange { get; init => field = value ?? throw new ArgumentNullException(nameof(Exchange)); } = new();

    /// <summary>Options of <see cref="Theory.Conflict"/>.</summary>
    public ConflictOptions Conflict { get; init => field = value ?? throw new ArgumentNullException(nameof(Conflict)); } = new();

    /// <summary>
    /// Options of <see cref="Theory.DiffuseObligation"/>. The formalities must not rise as commitments grow less formal:
    /// <see cref="DiffuseObligationOptions.TreatyFormality"/> ≥ <see cref="DiffuseObligationOptions.PublicAgreementFormality"/>
    /// ≥ <see cref="DiffuseObligationOptions.PublicPledgeFormality"/> ≥ <see cref="DiffuseObligationOptions.PrivateUnderstandingFormality"/>
    /// (equal formalities are allowed).
    /// </summary>
    /// <remarks>
    /// The order is checked here, when the options are set as a whole, not while a <see cref="DiffuseObligationOptions"/>
    /// is being built: its init setters run one at a time, so a record built or changed with <c>with</c> may be out of
    /// order on its own and is refused only once set here.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The formalities are out of order (the message names every neighbouring pair out of order, with both values).
    /// </exception>
    public DiffuseObligationOptions DiffuseObligation
    {
        get;
        init => field = CheckOrder(
            value ?? throw new ArgumentNullException(nameof(DiffuseObligation)),
            nameof(DiffuseObligation),
            "formalities must not rise as commitments grow less formal",
            [
                (nameof(DiffuseObligationOptions.TreatyFormality), value.TreatyFormality),
                (nameof(DiffuseObligationOptions.PublicAgreementFormality), value.PublicAgreementFormality),
                (nameof(DiffuseObligationOptions.PublicPledgeFormality), value.PublicPledgeFormality),
                (nameof(DiffuseObligationOptions.PrivateUnderstandingFormality), value.PrivateUnderstandingFormality),
            ]);
    } = new();

    /// <summary>Options of <see cref="Theory.Endurance"/> and <see cref="Theory.AccountBalance"/>.</summary>
    public EnduranceOptions Endurance { get; init => field = value ?? throw new ArgumentNullException(nameof(Endurance)); } = new();

    /// <summary>Options of <see cref="Theory.Attainment"/>.</summary>
    public AttainmentOptions Attainment { get; init => field = value ?? throw new ArgumentNullException(nameof(Attainment)); } = new();

    /// <summary>Options of <see cref="Theory.Compliance"/>, <see cref="Theory.IssueSpecificity"/> and the demand parts of other measures.</summary>
    public ComplianceOptions Compliance { get; init => field = value ?? throw new ArgumentNullException(nameof(Compliance)); } = new();

    /// <summary>Options of <see cref="Theory.CounterReaction"/>.</summary>
    public CounterReactionOptions CounterReaction { get; init => field = value ?? throw new ArgumentNullException(nameof(CounterReaction)); } = new();

    /// <summary>Options of <see cref="Theory.InputEfficiency"/>.</summary>
    public InputEfficiencyOptions InputEfficiency { get; init => field = value ?? throw new ArgumentNullException(nameof(InputEfficiency)); } = new();

    /// <summary>Options of <see cref="Theory.Presence"/>.</summary>
    public PresenceOptions Presence { get; init => field = value ?? throw new ArgumentNullException(nameof(Presence)); } = new();

    /// <summary>Options of <see cref="Theory.ClientAgency"/>.</summary>
    public ClientAgencyOptions ClientAgency { get; init => field = value ?? throw new ArgumentNullException(nameof(ClientAgency)); } = new();

    /// <summary>
    /// Options of the multilateral measures (<see cref="Theory.AlternativePatrons"/>, <see cref="Theory.Brokerage"/>,
    /// <see cref="Theory.ReverseLeverage"/>) and of the actor network.
    /// </summary>
    public MultilateralOptions Multilateral { get; init => field = value ?? throw new ArgumentNullException(nameof(Multilateral)); } = new();

    /// <summary>Thresholds of the <see cref="PatronClientTest"/>.</summary>
    public PatronClientThresholds PatronClient { get; init => field = value ?? throw new ArgumentNullException(nameof(PatronClient)); } = new();

    /// <summary>Thresholds of the <see cref="RelationshipStates"/> typology.</summary>
    public StateThresholds States { get; init => field = value ?? throw new ArgumentNullException(nameof(States)); } = new();

    /// <summary>
    /// Measures of your own, scored beside the built-in ones and written under <c>"custom"</c>. Names must be unique
    /// and must not repeat a built-in measure's name (both compared ignoring case).
    /// </summary>
    /// <exception cref="ArgumentException">A measure is null, or its name is used twice or by a built-in measure.</exception>
    public ImmutableArray<Measure> CustomMeasures { get; init => field = value.IsDefault ? [] : CheckCustomMeasures(value, nameof(CustomMeasures)); } = [];

    /// <summary>
    /// The largest number of threads scoring uses (default: all processors; −1, as in <see cref="ParallelOptions"/>, also
    /// means all processors). Results do not depend on it.
    /// </summary>
    /// <remarks>
    /// A setting of the run, not of the model: it is left out of equality (as out of
    /// <see cref="Reproducibility.InputHash"/>), so options that give the same scores are equal, whatever machine
    /// made them; <see cref="Default"/> on a 2-core and on a 64-core machine compare equal. <c>ToString</c> shows it.
    /// </remarks>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value >= 1 ? value : value == -1 ? Environment.ProcessorCount : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), $"MaxDegreeOfParallelism must be ≥ 1, or −1 for all processors; was {value}");
    } = Environment.ProcessorCount;

    /// <summary>
    /// Requires <paramref name="levels"/>, listed from the highest level down, not to rise as the level falls
    /// (Confirmed ≥ Reported ≥ Alleged; Treaty ≥ … ≥ PrivateUnderstanding formality): a less established item must not
    /// weigh more than a better established one, nor a less formal commitment count as more formal. The levels are
    /// checked together here, when the record is set as a whole, since each of its properties is set on its own, in
    /// any order. Every neighbouring pair out of order is named, with both values, in one message.
    /// </summary>
    private static T CheckOrder<T>(T value, string name, string rule, ReadOnlySpan<(string Name, double Value)> levels)
    {
        var problems = new List<string>();
        for (var i = 1; i < levels.Length; i++)
        {
            if (levels[i].Value > levels[i - 1].Value)
            {
                problems.Add($"{levels[i].Name} ({Check.Show(levels[i].Value)}) is above {levels[i - 1].Name} ({Check.Show(levels[i - 1].Value)})");
            }
        }

        if (problems.Count == 0)
        {
            return value;
        }

        var chain = new List<string>(levels.Length);
        foreach (var level in levels)
        {
            chain.Add(level.Name);
        }

        throw new ArgumentOutOfRangeException(name, $"{name} {rule} ({string.Join(" ≥ ", chain)}); {string.Join("; ", problems)}");
    }

    private static ImmutableArray<Measure> CheckCustomMeasures(ImmutableArray<Measure> measures, string name)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < measures.Length; i++)
        {
            if (measures[i] is not { } m)
            {
                throw new ArgumentException($"{name} must not hold null; measure {i} was null", name);
            }

            if (Measures.BuiltIn.FirstOrDefault(b => string.Equals(b.Name, m.Name, StringComparison.OrdinalIgnoreCase)) is { } builtIn)
            {
                throw new ArgumentException($"{name} must have names of their own; measure {i}, '{m.Name}', is the name of the built-in measure '{builtIn.Name}'", name);
            }

            if (!names.TryAdd(m.Name, i))
            {
                throw new ArgumentException($"{name} must have names of their own; measure {i}, '{m.Name}', repeats the name of measure {names[m.Name]}", name);
            }
        }

        return measures;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Options are equal when they give the same scores: every weight, constant, window and threshold, and the same
    /// custom measures (the same instances) in the same order. <see cref="MaxDegreeOfParallelism"/>, which changes no
    /// result, is left out.
    /// </remarks>
    public bool Equals(ScoringOptions? other) =>
        other is not null && Confidence == other.Confidence && Exchange == other.Exchange && Conflict == other.Conflict
        && DiffuseObligation == other.DiffuseObligation && Endurance == other.Endurance && Attainment == other.Attainment
        && Compliance == other.Compliance && CounterReaction == other.CounterReaction && InputEfficiency == other.InputEfficiency
        && Presence == other.Presence && ClientAgency == other.ClientAgency && Multilateral == other.Multilateral
        && PatronClient == other.PatronClient && States == other.States && Records.SequenceEqual(CustomMeasures, other.CustomMeasures);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Confidence);
        hash.Add(Exchange);
        hash.Add(Conflict);
        hash.Add(DiffuseObligation);
        hash.Add(Endurance);
        hash.Add(Attainment);
        hash.Add(Compliance);
        hash.Add(CounterReaction);
        hash.Add(InputEfficiency);
        hash.Add(Presence);
        hash.Add(ClientAgency);
        hash.Add(Multilateral);
        hash.Add(PatronClient);
        hash.Add(States);
        hash.Add(Records.SequenceHash(CustomMeasures));
        return hash.ToHashCode();
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Confidence), Confidence).Add(nameof(Exchange), Exchange).Add(nameof(Conflict), Conflict)
            .Add(nameof(DiffuseObligation), DiffuseObligation).Add(nameof(Endurance), Endurance).Add(nameof(Attainment), Attainment)
            .Add(nameof(Compliance), Compliance).Add(nameof(CounterReaction), CounterReaction).Add(nameof(InputEfficiency), InputEfficiency)
            .Add(nameof(Presence), Presence).Add(nameof(ClientAgency), ClientAgency).Add(nameof(Multilateral), Multilateral)
            .Add(nameof(PatronClient), PatronClient).Add(nameof(States), States).Add(nameof(CustomMeasures), CustomMeasures)
            .Add(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        return true;
    }
}

/// <summary>The weight of each confidence level: w(e) = confidence weight × magnitude.</summary>
/// <remarks>
/// Each weight is in [0, 1], checked as it is set. The three must also be in order, Confirmed ≥ Reported ≥ Alleged,
/// but a <see cref="ConfidenceWeights"/> on its own does not check that: init setters run one at a time, in the order
/// written, so a record being built or changed with <c>with</c> may pass through an out-of-order state on the way to
/// an ordered one (lowering every weight starts by putting Confirmed below the default Reported). The order is checked
/// once the weights are set as <see cref="ScoringOptions.Confidence"/>, which refuses weights out of order, naming
/// every neighbouring pair out of order.
/// </remarks>
public sealed record ConfidenceWeights
{
    /// <summary>Weight of confirmed items (default 1.0).</summary>
    public double Confirmed { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Confirmed)); } = 1.0;

    /// <summary>Weight of reported items (default 0.7).</summary>
    public double Reported { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Reported)); } = 0.7;

    /// <summary>Weight of alleged items (default 0.4).</summary>
    public double Alleged { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Alleged)); } = 0.4;

    /// <summary>The weight of a level.</summary>
    /// <param name="confidence">The level.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not one of the three levels.</exception>
    public double Of(Confidence confidence) => confidence switch
    {
        Evidence.Confidence.Confirmed => Confirmed,
        Evidence.Confidence.Reported => Reported,
        Evidence.Confidence.Alleged => Alleged,
        _ => throw Check.Undefined(confidence, nameof(confidence), "confirmed, reported or alleged"),
    };
}

/// <summary>Options of cooperative resource exchange.</summary>
public sealed record ExchangeOptions
{
    /// <summary>k in volume = 1 − exp(−flow / k), flow being the weighted support in both directions over <see cref="VolumeWindowYears"/> (default 1.0).</summary>
    public double VolumeScale { get; init => field = Check.PositiveOrThrow(value, nameof(VolumeScale)); } = 1.0;

    /// <summary>
    /// The trailing window over which the flow's volume is summed (default 1 year). In a yearly series it is the
    /// period itself; in a quarterly or monthly one the volume is still a year's flow, so that it reads on the same
    /// scale as a yearly series and against the same thresholds.
    /// </summary>
    public double VolumeWindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(VolumeWindowYears)); } = 1;

    /// <summary>The trailing window over which reciprocity (and the patron's share of support) is computed (default 5 years).</summary>
    public double ReciprocityWindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(ReciprocityWindowYears)); } = 5;
}

/// <summary>Options of the conflictual character of the relation.</summary>
public sealed record ConflictOptions
{
    /// <summary>k in conflict = 1 − exp(−pressure / k) (default 1.0).</summary>
    public double Scale { get; init => field = Check.PositiveOrThrow(value, nameof(Scale)); } = 1.0;

    /// <summary>The trailing window conflict is measured over (default 1 year).</summary>
    public double WindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(WindowYears)); } = 1;

    /// <summary>λ: how much one unit of defied, salient demand weighs against one unit of coercion (default 0.5).</summary>
    public double DefianceWeight { get; init => field = Check.NonNegativeOrThrow(value, nameof(DefianceWeight)); } = 0.5;
}

/// <summary>Options of diffuse obligation.</summary>
/// <remarks>
/// Each formality is in [0, 1], checked as it is set. The four must also be in order, TreatyFormality ≥
/// PublicAgreementFormality ≥ PublicPledgeFormality ≥ PrivateUnderstandingFormality, but a
/// <see cref="DiffuseObligationOptions"/> on its own does not check that: init setters run one at a time, in the order
/// written, so a record being built or changed with <c>with</c> may pass through an out-of-order state on the way to an
/// ordered one. The order is checked once the options are set as <see cref="ScoringOptions.DiffuseObligation"/>, which
/// refuses formalities out of order, naming every neighbouring pair out of order.
/// </remarks>
public sealed record DiffuseObligationOptions
{
    /// <summary>α: the weight of informality against input variability (default 0.5).</summary>
    public double InformalityWeight { get; init => field = Check.UnitIntervalOrThrow(value, nameof(InformalityWeight)); } = 0.5;

    /// <summary>The trailing window over which the variability of the patron's input is measured (default 5 years).</summary>
    public double VariabilityWindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(VariabilityWindowYears)); } = 5;

    /// <summary>
    /// The step the patron's input is totalled over before its variability is taken (default 1 year): the window is
    /// cut into steps of this length counted back from the period, and cv is taken over the steps' totals. In a yearly
    /// series a step is a period; in a monthly one, twelve months, so that variability compares years at any
    /// granularity rather than lumpy months.
    /// </summary>
    public double VariabilityStepYears { get; init => field = Check.PositiveOrThrow(value, nameof(VariabilityStepYears)); } = 1;

    /// <summary>Formality of a treaty (default 1.0).</summary>
    public double TreatyFormality { get; init => field = Check.UnitIntervalOrThrow(value, nameof(TreatyFormality)); } = 1.0;

    /// <summary>Formality of a public agreement (default 0.7).</summary>
    public double PublicAgreementFormality { get; init => field = Check.UnitIntervalOrThrow(value, nameof(PublicAgreementFormality)); } = 0.7;

    /// <summary>Formality of a public pledge (default 0.4).</summary>
    public double PublicPledgeFormality { get; init => field = Check.UnitIntervalOrThrow(value, nameof(PublicPledgeFormality)); } = 0.4;

    /// <summary>Formality of a private understanding (default 0.0: the most diffuse obligation).</summary>
    public double PrivateUnderstandingFormality { get; init => field = Check.UnitIntervalOrThrow(value, nameof(PrivateUnderstandingFormality)); }

    /// <summary>The formality of a level.</summary>
    /// <param name="formality">The level.</param>
    /// <returns>The formality in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="formality"/> is not one of the four levels.</exception>
    public double Of(CommitmentFormality formality) => formality switch
    {
        CommitmentFormality.Treaty => TreatyFormality,
        CommitmentFormality.PublicAgreement => PublicAgreementFormality,
        CommitmentFormality.PublicPledge => PublicPledgeFormality,
        CommitmentFormality.PrivateUnderstanding => PrivateUnderstandingFormality,
        _ => throw Check.Undefined(formality, nameof(formality), "treaty, public agreement, public pledge or private understanding"),
    };
}

/// <summary>Options of endurance and the account balance.</summary>
public sealed record EnduranceOptions
{
    /// <summary>k in duration = 1 − exp(−years since the first exchange / k) (default 10 years).</summary>
    public double DurationScaleYears { get; init => field = Check.PositiveOrThrow(value, nameof(DurationScaleYears)); } = 10;

    /// <summary>The trailing window over which continuity is measured (default 10 years).</summary>
    public double ContinuityWindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(ContinuityWindowYears)); } = 10;

    /// <summary>
    /// The step continuity counts in (default 1 year): the continuity window is cut into steps of this length counted
    /// back from the period, and continuity is the share of steps with a flow. In a yearly series a step is a period;
    /// in a monthly one, twelve months, so that continuity is the same share of years at any granularity.
    /// </summary>
    public double ContinuityStepYears { get; init => field = Check.PositiveOrThrow(value, nameof(ContinuityStepYears)); } = 1;

    /// <summary>The half-life with which old flows fade from the account balance (default 10 years).</summary>
    public double BalanceHalfLifeYears { get; init => field = Check.PositiveOrThrow(value, nameof(BalanceHalfLifeYears)); } = 10;
}

/// <summary>Options of attainment.</summary>
public sealed record AttainmentOptions
{
    /// <summary>How far back an objective's latest observation is carried forward (default 3 years).</summary>
    public double LookbackYears { get; init => field = Check.PositiveOrThrow(value, nameof(LookbackYears)); } = 3;
}

/// <summary>Options of compliance and the other demand-based measures.</summary>
public sealed record ComplianceOptions
{
    /// <summary>The trailing window over which demands are pooled (default 3 years).</summary>
    public double WindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(WindowYears)); } = 3;

    /// <summary>The credit a partial response earns (default 0.5).</summary>
    public double PartialCredit { get; init => field = Check.UnitIntervalOrThrow(value, nameof(PartialCredit)); } = 0.5;

    /// <summary>Demands at or above this salience are red lines (default 0.8).</summary>
    public double RedLineSalience { get; init => field = Check.UnitIntervalOrThrow(value, nameof(RedLineSalience)); } = 0.8;

    /// <summary>The credit a response earns toward compliance.</summary>
    /// <param name="response">The response.</param>
    /// <returns>1, <see cref="PartialCredit"/> or 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="response"/> is not one of the four responses.</exception>
    public double Credit(DemandResponse response) => response switch
    {
        DemandResponse.Complied => 1,
        DemandResponse.Partial => PartialCredit,
        DemandResponse.Defied or DemandResponse.Ignored => 0,
        _ => throw Check.Undefined(response, nameof(response), "complied, partial, defied or ignored"),
    };
}

/// <summary>Options of the counter-reaction to overreach.</summary>
public sealed record CounterReactionOptions
{
    /// <summary>How long after an overreach its effect is looked for (default 2 years).</summary>
    public double LagYears { get; init => field = Check.PositiveOrThrow(value, nameof(LagYears)); } = 2;

    /// <summary>How long before an overreach the baseline defiance is measured (default 10 years).</summary>
    public double BaselineYears { get; init => field = Check.PositiveOrThrow(value, nameof(BaselineYears)); } = 10;
}

/// <summary>Options of input efficiency.</summary>
public sealed record InputEfficiencyOptions
{
    /// <summary>The trailing window of the regression (default 10 years).</summary>
    public double WindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(WindowYears)); } = 10;

    /// <summary>
    /// The fewest independent points the regression needs (default 3): distinct sets of observations among the periods
    /// with attainment, and no more than the observations themselves (see <see cref="Theory.InputEfficiency"/>).
    /// </summary>
    public int MinimumPoints
    {
        get;
        init => field = value >= 3 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumPoints), $"MinimumPoints must be ≥ 3; was {value}");
    } = 3;

    /// <summary>The coverage of the slope's interval, in (0, 0.999] (default 0.9).</summary>
    public double IntervalLevel
    {
        get;
        init => field = Check.Level(value) is { } expected ? throw new ArgumentOutOfRangeException(nameof(IntervalLevel), $"IntervalLevel must be {expected}") : value;
    } = 0.9;
}

/// <summary>Options of presence.</summary>
public sealed record PresenceOptions
{
    /// <summary>k in presence = 1 − exp(−weighted presence / k) (default 1.0).</summary>
    public double Scale { get; init => field = Check.PositiveOrThrow(value, nameof(Scale)); } = 1.0;

    /// <summary>
    /// The trailing window presence is summed over, and in which the dyad must be observed for presence to be defined
    /// (default 1 year: the period itself in a yearly series, the last twelve months in a monthly one).
    /// </summary>
    public double WindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(WindowYears)); } = 1;
}

/// <summary>Options of client agency.</summary>
public sealed record ClientAgencyOptions
{
    /// <summary>k in the client-coercion component 1 − exp(−coercion / k) (default 1.0).</summary>
    public double CoercionScale { get; init => field = Check.PositiveOrThrow(value, nameof(CoercionScale)); } = 1.0;
}

/// <summary>Options of the multilateral measures and of the actor network (see <see href="https://github.com/influence-research/influence/blob/main/docs/multilateral.md">docs/multilateral.md</see>).</summary>
public sealed record MultilateralOptions
{
    /// <summary>
    /// The share of all the support a client receives that makes a supporter an alternative patron, in [0, 1]
    /// (default 0.1: a supporter that provides at least a tenth of what the client receives in the share window; 0
    /// counts every supporter).
    /// </summary>
    public double AlternativeShareThreshold { get; init => field = Check.UnitIntervalOrThrow(value, nameof(AlternativeShareThreshold)); } = 0.1;

    /// <summary>
    /// The trailing window the actor network of a period is built over, for brokerage and reverse leverage (default 1
    /// year: at yearly granularity, the period itself).
    /// </summary>
    public double NetworkWindowYears { get; init => field = Check.PositiveOrThrow(value, nameof(NetworkWindowYears)); } = 1;

    /// <summary>k in reverse leverage = 1 − exp(−Σ path strengths / k) (default 1.0, as for conflict).</summary>
    public double ReverseLeverageScale { get; init => field = Check.PositiveOrThrow(value, nameof(ReverseLeverageScale)); } = 1.0;
}

/// <summary>Thresholds of the patron–client test: every feature at or above its threshold.</summary>
public sealed record PatronClientThresholds
{
    /// <summary>Minimum exchange (default 0.1: flows in both directions, not one-way aid).</summary>
    public double Exchange { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Exchange)); } = 0.1;

    /// <summary>Minimum power asymmetry (default 0.2: the patron holds at least 60% of the pair's capabilities).</summary>
    public double Asymmetry { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Asymmetry)); } = 0.2;

    /// <summary>Minimum diffuse obligation (default 0.5: more informal than formal).</summary>
    public double DiffuseObligation { get; init => field = Check.UnitIntervalOrThrow(value, nameof(DiffuseObligation)); } = 0.5;

    /// <summary>Minimum endurance (default 0.3: about four years of continuous exchange).</summary>
    public double Endurance { get; init => field = Check.UnitIntervalOrThrow(value, nameof(Endurance)); } = 0.3;
}

/// <summary>Thresholds of the relationship-state typology.</summary>
public sealed record StateThresholds
{
    /// <summary>Exchange at or above this is high (default 0.25).</summary>
    public double HighExchange { get; init => field = Check.UnitIntervalOrThrow(value, nameof(HighExchange)); } = 0.25;

    /// <summary>Conflict at or above this is high (default 0.5).</summary>
    public double HighConflict { get; init => field = Check.UnitIntervalOrThrow(value, nameof(HighConflict)); } = 0.5;

    /// <summary>An account balance at or below minus this means the patron is in the client's debt: inverted (default 0.2).</summary>
    public double InvertedBalance { get; init => field = Check.UnitIntervalOrThrow(value, nameof(InvertedBalance)); } = 0.2;
}
