using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

public class EvidenceFieldTests
{
    [Fact]
    public void EvidenceFields_AreTheCsvColumnsInOrder_NoteLast_AndFitTheReadersBitMasks()
    {
        var fields = Enum.GetValues<EvidenceField>();

        fields.Select(f => f.ToString()).Should().Equal(EvidenceCsv.Columns, (f, c) => string.Equals(f, c, StringComparison.OrdinalIgnoreCase));
        fields[^1].Should().Be(EvidenceField.Note);
        EvidenceFields.Count.Should().Be(fields.Length).And.BeLessThanOrEqualTo(32, "the case reader's fast path keeps the fields it has seen as bits of a uint");
    }
}
