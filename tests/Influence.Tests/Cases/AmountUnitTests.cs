using System.Text;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>
/// A unit turns a support amount into a magnitude 1 − exp(−amount / reference) (docs/case-format.md: the reference
/// reads about 0.63, twice it 0.86, half of it 0.39), and the case reader applies it to amounts in JSON and in CSV.
/// </summary>
public class AmountUnitTests
{
    // By hand: e^−1 = 0.36787944117144233, e^−2 = 0.1353352832366127, e^−0.5 = 0.6065306597126334.
    private const double OneReference = 0.6321205588285577;   // 1 − e^−1
    private const double TwoReferences = 0.8646647167633873;  // 1 − e^−2
    private const double HalfAReference = 0.3934693402873666; // 1 − e^−0.5

    /// <summary>A case file without evidence: P and C, source s1, and the unit "u" with reference 50.</summary>
    private const string Head = """
        {
          "schema": "influence.case/1",
          "id": "amounts",
          "name": "Amounts",
          "units": [{ "id": "u", "name": "units", "reference": 50 }],
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [
            { "id": "P", "name": "Patron", "kind": "state" },
            { "id": "C", "name": "Client", "kind": "movement" }
          ]
        }
        """;

    [Theory]
    [InlineData(1.0, OneReference)]
    [InlineData(2.0, TwoReferences)]
    [InlineData(0.5, HalfAReference)]
    [InlineData(0.0, 0.0)]
    public void ToMagnitude_IsOneMinusExpOfMinusTheAmountOverTheReference(double amount, double expected) =>
        new AmountUnit("u", "u", 1).ToMagnitude(amount).Should().BeApproximately(expected, 1e-15);

    [Fact]
    public void ToMagnitude_ScalesTheAmountByTheReference()
    {
        var billion = new AmountUnit("usd", "US dollars", 1e9);

        billion.ToMagnitude(1e9).Should().BeApproximately(OneReference, 1e-15);
        billion.ToMagnitude(5e8).Should().BeApproximately(HalfAReference, 1e-15);
    }

    [Fact]
    public void ToMagnitude_RefusesANegativeAmount()
    {
        var act = () => new AmountUnit("u", "u", 1).ToMagnitude(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
    }

    [Fact]
    public void TheCaseReader_TurnsAmountsInJsonIntoMagnitudes()
    {
        var json = Head.TrimEnd()[..^1] + """
            ,
              "evidence": [
                { "id": "e1", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "funding", "amount": 50, "unit": "u" },
                { "id": "e2", "kind": "support", "date": "2002", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "funding", "amount": 100, "unit": "u" },
                { "id": "e3", "kind": "support", "date": "2003", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "funding", "amount": 25, "unit": "u" }
              ]
            }
            """;

        var c = CaseReader.Read(json, "amounts.json");

        ShouldBeTheHandComputedMagnitudes(c);
        ((SupportEvidence)c.Evidence[0]).Amount.Should().Be(50);
        ((SupportEvidence)c.Evidence[0]).Unit.Should().Be("u");
    }

    [Fact]
    public void TheCaseReader_TurnsAmountsInCsvIntoMagnitudes()
    {
        const string Csv = """
            id,kind,date,confidence,sources,from,to,resource,amount,unit
            e1,support,2001,confirmed,s1,P,C,funding,50,u
            e2,support,2002,confirmed,s1,P,C,funding,100,u
            e3,support,2003,confirmed,s1,P,C,funding,25,u
            """;

        var result = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(Csv), "amounts.json", "evidence.csv");

        result.Problems.Should().BeEmpty();
        ShouldBeTheHandComputedMagnitudes(result.Case!);
    }

    [Fact]
    public void AnItemBuiltWithTheMagnitudeItsAmountGives_ReadsBackWithTheSameMagnitudeAndInputHash()
    {
        var usd = new AmountUnit("usd", "US dollars", 1e9);
        var built = TestCases.Builder()
            .AddUnit(usd)
            .Add(new SupportEvidence("e", TestCases.Year(2001), Confidence.Confirmed, TestCases.Src, "P", "C", ResourceType.Funding, usd.ToMagnitude(5e8)) { Amount = 5e8, Unit = "usd" })
            .Build();

        var read = CaseReader.Read(CaseWriter.ToJson(built), "written.json");

        ((SupportEvidence)read.Evidence[0]).Magnitude.Should().Be(((SupportEvidence)built.Evidence[0]).Magnitude);
        Influence.Scoring.Reproducibility.InputHash(read, Influence.Scoring.ScoringOptions.Default)
            .Should().Be(Influence.Scoring.Reproducibility.InputHash(built, Influence.Scoring.ScoringOptions.Default));
    }

    /// <summary>e1, e2 and e3 hold 50, 100 and 25 units against a reference of 50: one, two and half a reference.</summary>
    private static void ShouldBeTheHandComputedMagnitudes(Case c)
    {
        var support = c.Evidence.OfType<SupportEvidence>().ToList();
        support.Select(s => s.Id).Should().Equal("e1", "e2", "e3");
        support[0].Magnitude.Should().BeApproximately(OneReference, 1e-15);
        support[1].Magnitude.Should().BeApproximately(TwoReferences, 1e-15);
        support[2].Magnitude.Should().BeApproximately(HalfAReference, 1e-15);
    }
}
