using System.Globalization;
using System.Text;
using System.Text.Json;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.IO;

public static partial class CaseReader
{
    /// <summary>The fast path for evidence items that are valid, used before the general one (see <see cref="Reading.TryFastEvidence"/>).</summary>
    private sealed partial class Reading
    {
        /// <summary>The properties an evidence item may have, as bit positions.</summary>
        private enum Field
        {
            Id,
            Kind,
            Date,
            Start,
            End,
            Confidence,
            Sources,
            Note,
            From,
            To,
            Resource,
            Magnitude,
            Amount,
            Unit,
            Type,
            Severity,
            Issue,
            Salience,
            Response,
            Objective,
            Value,
            Indicator,
            Level,
            Formality,
            Scope,
            Actor,
            Count,
        }

        /// <summary>What <see cref="TryFastEvidence"/> did with an item.</summary>
        private const int FastAccepted = -1;

        private const int FastDeclined = -2;

        // The properties each kind allows (the same lists as AllowedByKind), as masks of Field bits.
        private static readonly uint[] FastAllowed = BuildFastAllowed();

        private readonly string?[] _fastText = new string?[(int)Field.Count];
        private readonly double[] _fastNumber = new double[(int)Field.Count];
        private readonly List<string> _fastSources = [];

        private static uint BitOf(Field f) => 1u << (int)f;

        private static uint[] BuildFastAllowed()
        {
            var masks = new uint[Enum.GetValues<EvidenceKind>().Length];
            foreach (var (kind, names) in AllowedByKind)
            {
                foreach (var name in names)
                {
                    var f = FieldOf(Encoding.UTF8.GetBytes(name));
                    if (f == Field.Count)
                    {
                        throw new InvalidOperationException($"the fast evidence path does not know the property \"{name}\"");
                    }

                    masks[(int)kind] |= BitOf(f);
                }
            }

            return masks;
        }

        private static Field FieldOf(ReadOnlySpan<byte> name) => name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => Field.Id,
            2 when name.SequenceEqual("to"u8) => Field.To,
            3 when name.SequenceEqual("end"u8) => Field.End,
            4 when name.SequenceEqual("kind"u8) => Field.Kind,
            4 when name.SequenceEqual("date"u8) => Field.Date,
            4 when name.SequenceEqual("note"u8) => Field.Note,
            4 when name.SequenceEqual("from"u8) => Field.From,
            4 when name.SequenceEqual("unit"u8) => Field.Unit,
            4 when name.SequenceEqual("type"u8) => Field.Type,
            5 when name.SequenceEqual("start"u8) => Field.Start,
            5 when name.SequenceEqual("issue"u8) => Field.Issue,
            5 when name.SequenceEqual("value"u8) => Field.Value,
            5 when name.SequenceEqual("level"u8) => Field.Level,
            5 when name.SequenceEqual("scope"u8) => Field.Scope,
            5 when name.SequenceEqual("actor"u8) => Field.Actor,
            6 when name.SequenceEqual("amount"u8) => Field.Amount,
            7 when name.SequenceEqual("sources"u8) => Field.Sources,
            8 when name.SequenceEqual("resource"u8) => Field.Resource,
            8 when name.SequenceEqual("severity"u8) => Field.Severity,
            8 when name.SequenceEqual("salience"u8) => Field.Salience,
            8 when name.SequenceEqual("response"u8) => Field.Response,
            9 when name.SequenceEqual("magnitude"u8) => Field.Magnitude,
            9 when name.SequenceEqual("objective"u8) => Field.Objective,
            9 when name.SequenceEqual("indicator"u8) => Field.Indicator,
            9 when name.SequenceEqual("formality"u8) => Field.Formality,
            10 when name.SequenceEqual("confidence"u8) => Field.Confidence,
            _ => Field.Count,
        };

        private static bool IsNumberField(Field f) =>
            f is Field.Magnitude or Field.Amount or Field.Severity or Field.Salience or Field.Value or Field.Level or Field.Scope;

        /// <summary>
        /// Reads an evidence item that has no problem straight from the JSON tokens into the builder, without a tree:
        /// <see cref="FastAccepted"/>. An item that is not plainly valid, or that needs the units (an amount), is
        /// declined (<see cref="FastDeclined"/>) at the first doubt, and the caller reads it again with
        /// <see cref="ReadEvidence"/>, which finds and words its problems; an item whose only problem is a repeated id
        /// gives the file index of the first item with that id (id look-ups record the id, so must not be repeated).
        /// The same checks as <see cref="ReadEvidence"/> decide that an item is valid, so both accept the same items
        /// with the same values.
        /// </summary>
        private int TryFastEvidence(CaseBuilder b, ref Utf8JsonReader reader, int index, Utf8Strings strings) =>
            FastFields(ref reader, strings, out var seen) ? FastAdd(b, seen, index) : FastDeclined;

        /// <summary>Reads an item's properties into the fast path's fields; false at the first doubt.</summary>
        private bool FastFields(ref Utf8JsonReader reader, Utf8Strings strings, out uint seen)
        {
            var text = _fastText;
            var number = _fastNumber;
            var sources = _fastSources;
            sources.Clear();
            seen = 0u;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueIsEscaped)
                {
                    return false;
                }

                var f = FieldOf(reader.ValueSpan);
                if (f == Field.Count || (seen & BitOf(f)) != 0)
                {
                    return false;
                }

                seen |= BitOf(f);
                reader.Read();
                if (f == Field.Sources)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return false;
                    }

                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                        {
                            return false;
                        }

                        var source = strings.Get(reader.ValueSpan);
                        if (Check.Identifier(source) is not null)
                        {
                            return false;
                        }

                        sources.Add(source);
                    }
                }
                else if (IsNumberField(f))
                {
                    if (reader.TokenType != JsonTokenType.Number
                        || !double.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
                    {
                        return false;
                    }

                    number[(int)f] = parsed;
                }
                else
                {
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                    {
                        return false;
                    }

                    // Ids and notes are (nearly) all different: not worth keeping in the table of repeated strings.
                    text[(int)f] = f is Field.Id or Field.Note ? Encoding.UTF8.GetString(reader.ValueSpan) : strings.Get(reader.ValueSpan);
                }
            }

            return true;
        }

        /// <summary>Checks the fields <see cref="FastFields"/> or <see cref="ScanFields"/> read and adds the item (see <see cref="TryFastEvidence"/>).</summary>
        private int FastAdd(CaseBuilder b, uint seen, int index)
        {
            var text = _fastText;
            var number = _fastNumber;
            var sources = _fastSources;
            const uint required = (1u << (int)Field.Id) | (1u << (int)Field.Kind) | (1u << (int)Field.Confidence) | (1u << (int)Field.Sources);
            if ((seen & required) != required || sources.Count == 0
                || !Names.Kind.TryParse(text[(int)Field.Kind], out var kind)
                || (seen & ~FastAllowed[(int)kind]) != 0
                || (seen & (BitOf(Field.Amount) | BitOf(Field.Unit))) != 0
                || !Names.Confidence.TryParse(text[(int)Field.Confidence], out var confidence))
            {
                return FastDeclined;
            }

            var id = text[(int)Field.Id]!;
            if (Check.Identifier(id) is not null || FastDate(seen) is not { } date)
            {
                return FastDeclined;
            }

            string? a = null, to = null, reference = null;
            byte type = 0;
            double value;
            switch (kind)
            {
                case EvidenceKind.Support:
                    if (!FromTo(out a, out to) || !Named(Field.Resource, Names.Resource, out var resource) || !Unit(Field.Magnitude, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)resource;
                    break;
                case EvidenceKind.Coercion:
                    if (!FromTo(out a, out to) || !Named(Field.Type, Names.Coercion, out var coercion) || !Unit(Field.Severity, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)coercion;
                    break;
                case EvidenceKind.Demand:
                    if (!FromTo(out a, out to) || !Identifier(Field.Issue, out reference) || !Has(Field.Salience, out value)
                        || PositiveUnit(value) is not null || !Named(Field.Response, Names.Response, out var response))
                    {
                        return FastDeclined;
                    }

                    type = (byte)response;
                    break;
                case EvidenceKind.Attainment:
                    if (!Identifier(Field.Objective, out reference) || !Unit(Field.Value, out value))
                    {
                        return FastDeclined;
                    }

                    break;
                case EvidenceKind.Indicator:
                    // A finite number: every number the fast path keeps is.
                    if (!Identifier(Field.Indicator, out reference) || !Has(Field.Value, out value))
                    {
                        return FastDeclined;
                    }

                    break;
                case EvidenceKind.Presence:
                    if (!FromTo(out a, out to) || !Named(Field.Type, Names.Presence, out var presence) || !Unit(Field.Level, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)presence;
                    break;
                case EvidenceKind.Overreach:
                    if (!FromTo(out a, out to) || !Unit(Field.Severity, out value))
                    {
                        return FastDeclined;
                    }

                    break;
                case EvidenceKind.Commitment:
                    if (!FromTo(out a, out to) || !Named(Field.Formality, Names.Formality, out var formality))
                    {
                        return FastDeclined;
                    }

                    value = 1;
                    if ((seen & BitOf(Field.Scope)) != 0 && !Unit(Field.Scope, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)formality;
                    break;
                case EvidenceKind.Capability:
                    if (!Identifier(Field.Actor, out a) || !Has(Field.Value, out value) || Check.Positive(value) is not null)
                    {
                        return FastDeclined;
                    }

                    break;
                default:
                    return FastDeclined;
            }

            // Last, as the id is recorded: a repeated id is the one problem left to report.
            if (UsedBy(id, index, b) is { } first)
            {
                return first;
            }

            var note = (seen & BitOf(Field.Note)) != 0 ? text[(int)Field.Note] : null;
            b.AddEvidence(kind, id, date, confidence, sources, a, to, type, value, reference, note, null, null);
            return FastAccepted;

            bool Has(Field f, out double v)
            {
                v = number[(int)f];
                return (seen & BitOf(f)) != 0;
            }

            bool Unit(Field f, out double v) => Has(f, out v) && Check.UnitInterval(v) is null;

            bool Identifier(Field f, out string? s)
            {
                s = (seen & BitOf(f)) != 0 ? text[(int)f] : null;
                return s is not null && Check.Identifier(s) is null;
            }

            bool FromTo(out string? from, out string? target) => Identifier(Field.From, out from) & Identifier(Field.To, out target);

            bool Named<T>(Field f, NameTable<T> names, out T v)
                where T : struct, Enum
            {
                v = default;
                return (seen & BitOf(f)) != 0 && names.TryParse(text[(int)f], out v);
            }
        }

        /// <summary>The item's date, point or span, when it is valid (as <see cref="DateField"/> would read it).</summary>
        private EvidenceDate? FastDate(uint seen)
        {
            var hasDate = (seen & BitOf(Field.Date)) != 0;
            var hasStart = (seen & BitOf(Field.Start)) != 0;
            var hasEnd = (seen & BitOf(Field.End)) != 0;
            if (hasDate)
            {
                return hasStart || hasEnd ? null : ParsePoint(_fastText[(int)Field.Date]!);
            }

            if (!hasStart || !hasEnd || ParsePoint(_fastText[(int)Field.Start]!) is not { } s || ParsePoint(_fastText[(int)Field.End]!) is not { } e
                || e.Last < s.First)
            {
                return null;
            }

            return EvidenceDate.Span(s, e);
        }
    }
}
