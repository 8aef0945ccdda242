namespace Influence.Evidence;

/// <summary>How well an evidence item is established. Each level maps to a weight in <see cref="Scoring.ConfidenceWeights"/>.</summary>
public enum Confidence
{
    /// <summary>Established by documents, official statements or several independent sources (default weight 1.0).</summary>
    Confirmed = 0,

    /// <summary>Reported by a credible source but not confirmed (default weight 0.7).</summary>
    Reported = 1,

    /// <summary>Alleged or widely speculated (default weight 0.4).</summary>
    Alleged = 2,
}

/// <summary>The kinds of evidence a case holds.</summary>
public enum EvidenceKind
{
    /// <summary>A resource flow from one actor to another (<see cref="SupportEvidence"/>).</summary>
    Support = 0,

    /// <summary>A coercive act (<see cref="CoercionEvidence"/>).</summary>
    Coercion = 1,

    /// <summary>A demand and the target's response (<see cref="DemandEvidence"/>).</summary>
    Demand = 2,

    /// <summary>An observation of how far an objective is attained (<see cref="AttainmentEvidence"/>).</summary>
    Attainment = 3,

    /// <summary>An observation of an indicator series mapped onto an objective (<see cref="IndicatorEvidence"/>).</summary>
    Indicator = 4,

    /// <summary>One actor's presence inside another (<see cref="PresenceEvidence"/>).</summary>
    Presence = 5,

    /// <summary>A visible intrusion into another actor's internal politics (<see cref="OverreachEvidence"/>).</summary>
    Overreach = 6,

    /// <summary>A commitment between two actors (<see cref="CommitmentEvidence"/>).</summary>
    Commitment = 7,

    /// <summary>An observation of an actor's capabilities (<see cref="CapabilityEvidence"/>).</summary>
    Capability = 8,
}

/// <summary>What a support flow carries. Tangible and intangible resources both count (Biermann 2025).</summary>
public enum ResourceType
{
    /// <summary>Money.</summary>
    Funding = 0,

    /// <summary>Weapons and munitions.</summary>
    Arms,

    /// <summary>Military and other equipment and supplies.</summary>
    Materiel,

    /// <summary>Fuel and oil products (for vehicles, aircraft, power).</summary>
    Fuel,

    /// <summary>Food and other subsistence supplies.</summary>
    Food,

    /// <summary>Transport, supply lines and other logistics.</summary>
    Logistics,

    /// <summary>Safe haven for leaders, fighters or families.</summary>
    Sanctuary,

    /// <summary>Military or other training.</summary>
    Training,

    /// <summary>Intelligence shared or provided.</summary>
    Intelligence,

    /// <summary>Fighters, recruits or staff.</summary>
    Personnel,

    /// <summary>Advisers seconded to the recipient.</summary>
    Advisers,

    /// <summary>Diplomatic support or cover.</summary>
    Diplomatic,

    /// <summary>Political legitimacy or recognition.</summary>
    Legitimacy,

    /// <summary>Medical care.</summary>
    Medical,

    /// <summary>Identity documents, passports.</summary>
    Documents,

    /// <summary>Access to trade or transit routes.</summary>
    TradeTransitAccess,

    /// <summary>Access to strategic territory.</summary>
    StrategicTerritoryAccess,

    /// <summary>Loyalty, restraint from public criticism, alignment.</summary>
    Loyalty,

    /// <summary>Acting on the giver's behalf against third parties.</summary>
    ProxyAction,

    /// <summary>Information and data (other than intelligence).</summary>
    Information,

    /// <summary>Any other resource; say what in the note.</summary>
    Other,
}

/// <summary>The form a coercive act takes.</summary>
public enum CoercionType
{
    /// <summary>Air or drone strikes.</summary>
    Airstrike = 0,

    /// <summary>Closing a border or crossing.</summary>
    BorderClosure,

    /// <summary>Suspending or blocking trade.</summary>
    TradeSuspension,

    /// <summary>Deporting or forcibly repatriating people.</summary>
    Deportation,

    /// <summary>Detaining or handing over the other side's leaders or members.</summary>
    Detention,

    /// <summary>Backing the other side's rivals or opposition.</summary>
    BackingRivals,

    /// <summary>Armed clashes, shelling, cross-border fire.</summary>
    Clash,

    /// <summary>Attacks by the actor or forces acting for it.</summary>
    Attack,

    /// <summary>Threats and ultimatums.</summary>
    Threat,

    /// <summary>Economic or other sanctions.</summary>
    Sanctions,

    /// <summary>Public or diplomatic pressure.</summary>
    DiplomaticPressure,

    /// <summary>Any other coercion; say what in the note.</summary>
    Other,
}

/// <summary>How the target of a demand responded.</summary>
public enum DemandResponse
{
    /// <summary>Did what was asked (counts 1 toward compliance).</summary>
    Complied = 0,

    /// <summary>Did part of what was asked (counts <see cref="Scoring.ComplianceOptions.PartialCredit"/>, default ½).</summary>
    Partial,

    /// <summary>Refused openly (counts 0).</summary>
    Defied,

    /// <summary>Did not act or answer (counts 0).</summary>
    Ignored,
}

/// <summary>The form one actor's presence inside another takes (Rubinstein's third inference).</summary>
public enum PresenceType
{
    /// <summary>Military or political advisers.</summary>
    Advisers = 0,

    /// <summary>Serving officers or intelligence officers on the ground.</summary>
    Officers,

    /// <summary>Officials of the client who are tied to the patron (documents, families, businesses).</summary>
    Officials,

    /// <summary>Professionals (doctors, engineers, teachers) from the patron.</summary>
    Professionals,

    /// <summary>Direct access to the client's leadership.</summary>
    LeadershipAccess,

    /// <summary>Intelligence access and data flows.</summary>
    Intelligence,

    /// <summary>Any other presence; say what in the note.</summary>
    Other,
}

/// <summary>How formal a commitment is. The less formal, the more diffuse the obligation (Biermann 2025).</summary>
public enum CommitmentFormality
{
    /// <summary>A ratified treaty (default formality 1.0).</summary>
    Treaty = 0,

    /// <summary>A public written agreement (default formality 0.7).</summary>
    PublicAgreement,

    /// <summary>A public pledge or declaration (default formality 0.4).</summary>
    PublicPledge,

    /// <summary>A private, informal understanding (default formality 0.0).</summary>
    PrivateUnderstanding,
}

/// <summary>Whether a larger indicator value is better or worse for the objective it measures.</summary>
public enum IndicatorDirection
{
    /// <summary>Larger values mean more attainment.</summary>
    HigherIsBetter = 0,

    /// <summary>Larger values mean less attainment (for example militant attacks per year).</summary>
    LowerIsBetter = 1,
}
