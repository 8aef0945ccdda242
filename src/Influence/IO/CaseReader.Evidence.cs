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
        /// <summary>The number of evidence fields: <see cref="EvidenceField"/>s are bit positions and array indices here.</summary>
        private const int FieldCount = EvidenceFields.Count;

        /// <summary>What <see cref="FieldOf"/> answers for a name that is not an evidence field.</summary>
        private const EvidenceField Unknown = (EvidenceField)FieldCount;

        /// <summary>What <see cref="TryFastEvidence"/> did with an item.</summary>
        private const int FastAccepted = -1;

        private const int FastDeclined = -2;

        // The properties each kind allows (the same lists as AllowedByKind), as masks of EvidenceField bits.
        private static readonly uint[] FastAllowed = BuildFastAllowed();

        private readonly string?[] _fastText = new string?[FieldCount];
        private readonly int[] _fastEntry = new int[FieldCount];

        // What the fast path found out about the repeated strings, by their number in the table of strings: an actor
        // id, a date or a name is checked once, not once per item.
        private readonly Memo<bool> _identifiers = new();
        private readonly Memo<EvidenceDate> _dates = new();
        private readonly Memo<EvidenceKind> _kinds = new();
        private readonly Memo<Confidence> _confidences = new();
        private readonly Memo<ResourceType> _resources = new();
        private readonly Memo<CoercionType> _coercions = new();
        private readonly Memo<DemandResponse> _responses = new();
        private readonly Memo<PresenceType> _presences = new();
        private readonly Memo<CommitmentFormality> _formalities = new();
        private readonly double[] _fastNumber = new double[FieldCount];
        private readonly List<string> _fastSources = [];

        private static uint BitOf(EvidenceField f) => 1u << (int)f;

        private static uint[] BuildFastAllowed()
        {
            var masks = new uint[Enum.GetValues<EvidenceKind>().Length];
            foreach (var (kind, names) in AllowedByKind)
            {
                foreach (var name in names)
                {
                    var f = FieldOf(Encoding.UTF8.GetBytes(name));
                    if (f == Unknown)
                    {
                        throw new InvalidOperationException($"the fast evidence path does not know the property \"{name}\"");
                    }

                    masks[(int)kind] |= BitOf(f);
                }
            }

            return masks;
        }

        private static EvidenceField FieldOf(ReadOnlySpan<byte> name) => name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => EvidenceField.Id,
            2 when name.SequenceEqual("to"u8) => EvidenceField.To,
            3 when name.SequenceEqual("end"u8) => EvidenceField.End,
            4 when name.SequenceEqual("kind"u8) => EvidenceField.Kind,
            4 when name.SequenceEqual("date"u8) => EvidenceField.Date,
            4 when name.SequenceEqual("note"u8) => EvidenceField.Note,
            4 when name.SequenceEqual("from"u8) => EvidenceField.From,
            4 when name.SequenceEqual("unit"u8) => EvidenceField.Unit,
            4 when name.SequenceEqual("type"u8) => EvidenceField.Type,
            5 when name.SequenceEqual("start"u8) => EvidenceField.Start,
            5 when name.SequenceEqual("issue"u8) => EvidenceField.Issue,
            5 when name.SequenceEqual("value"u8) => EvidenceField.Value,
            5 when name.SequenceEqual("level"u8) => EvidenceField.Level,
            5 when name.SequenceEqual("scope"u8) => EvidenceField.Scope,
            5 when name.SequenceEqual("actor"u8) => EvidenceField.Actor,
            6 when name.SequenceEqual("amount"u8) => EvidenceField.Amount,
            7 when name.SequenceEqual("sources"u8) => EvidenceField.Sources,
            8 when name.SequenceEqual("resource"u8) => EvidenceField.Resource,
            8 when name.SequenceEqual("severity"u8) => EvidenceField.Severity,
            8 when name.SequenceEqual("salience"u8) => EvidenceField.Salience,
            8 when name.SequenceEqual("response"u8) => EvidenceField.Response,
            9 when name.SequenceEqual("magnitude"u8) => EvidenceField.Magnitude,
            9 when name.SequenceEqual("objective"u8) => EvidenceField.Objective,
            9 when name.SequenceEqual("indicator"u8) => EvidenceField.Indicator,
            9 when name.SequenceEqual("formality"u8) => EvidenceField.Formality,
            10 when name.SequenceEqual("confidence"u8) => EvidenceField.Confidence,
            _ => Unknown,
        };

        private static bool IsNumberField(EvidenceField f) =>
            f is EvidenceField.Magnitude or EvidenceField.Amount or EvidenceField.Severity or EvidenceField.Salience or EvidenceField.Value or EvidenceField.Level or EvidenceField.Scope;

        /// <summary>
        /// Reads an evidence item that has no problem straight from the JSON tokens into the builder, without a tree:
        /// <see cref="FastAccepted"/>. An item that is not plainly valid, or that needs the units (an amount), is
        /// declined (<see cref="FastDeclined"/>) at the first doubt, and the caller reads it again with
        /// <see cref="ReadEvidence"/>, which finds and words its problems; an item whose only problem is a repeated id
        /// gives the file index of the first item with that id (id look-ups record the id, so must not be repeated).
        /// The same checks as <see cref="ReadEvidence"/> decide that an item is valid, so both accept the same items
        /// with the same values.
        /// </summary>
        private int TryFastEvidence(CaseBuilder b, ref Utf8JsonReader reader, int index, Utf8Strings strings)
        {
            var text = _fastText;
            var number = _fastNumber;
            var sources = _fastSources;
            sources.Clear();
            var seen = 0u;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueIsEscaped)
                {
                    return FastDeclined;
                }

                var f = FieldOf(reader.ValueSpan);
                if (f == Unknown || (seen & BitOf(f)) != 0)
                {
                    return FastDeclined;
                }

                seen |= BitOf(f);
                reader.Read();
                if (f == EvidenceField.Sources)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return FastDeclined;
                    }

                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                        {
                            return FastDeclined;
                        }

                        var source = strings.Get(reader.ValueSpan, out var entry);
                        if (!IsIdentifier(entry, source))
                        {
                            return FastDeclined;
                        }

                        sources.Add(source);
                    }
                }
                else if (IsNumberField(f))
                {
                    if (reader.TokenType != JsonTokenType.Number
                        || !double.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
                    {
                        return FastDeclined;
                    }

                    number[(int)f] = parsed;
                }
                else
                {
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                    {
                        return FastDeclined;
                    }

                    SetText(f, reader.ValueSpan, strings);
                }
            }

            const uint required = (1u << (int)EvidenceField.Id) | (1u << (int)EvidenceField.Kind) | (1u << (int)EvidenceField.Confidence) | (1u << (int)EvidenceField.Sources);
            if ((seen & required) != required || sources.Count == 0
                || !Named(EvidenceField.Kind, Names.Kind, _kinds, out var kind)
                || (seen & ~FastAllowed[(int)kind]) != 0
                || (seen & (BitOf(EvidenceField.Amount) | BitOf(EvidenceField.Unit))) != 0
                || !Named(EvidenceField.Confidence, Names.Confidence, _confidences, out var confidence))
            {
                return FastDeclined;
            }

            var id = text[(int)EvidenceField.Id]!;
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
                    if (!FromTo(out a, out to) || !Named(EvidenceField.Resource, Names.Resource, _resources, out var resource) || !Unit(EvidenceField.Magnitude, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)resource;
                    break;
                case EvidenceKind.Coercion:
                    if (!FromTo(out a, out to) || !Named(EvidenceField.Type, Names.Coercion, _coercions, out var coercion) || !Unit(EvidenceField.Severity, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)coercion;
                    break;
                case EvidenceKind.Demand:
                    if (!FromTo(out a, out to) || !Identifier(EvidenceField.Issue, out reference) || !Has(EvidenceField.Salience, out value)
                        || PositiveUnit(value) is not null || !Named(EvidenceField.Response, Names.Response, _responses, out var response))
                    {
                        return FastDeclined;
                    }

                    type = (byte)response;
                    break;
                case EvidenceKind.Attainment:
                    if (!Identifier(EvidenceField.Objective, out reference) || !Unit(EvidenceField.Value, out value))
                    {
                        return FastDeclined;
                    }

                    break;
                case EvidenceKind.Indicator:
                    // A finite number: every number the fast path keeps is.
                    if (!Identifier(EvidenceField.Indicator, out reference) || !Has(EvidenceField.Value, out value))
                    {
                        return FastDeclined;
                    }

                    break;
                case EvidenceKind.Presence:
                    if (!FromTo(out a, out to) || !Named(EvidenceField.Type, Names.Presence, _presences, out var presence) || !Unit(EvidenceField.Level, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)presence;
                    break;
                case EvidenceKind.Overreach:
                    if (!FromTo(out a, out to) || !Unit(EvidenceField.Severity, out value))
                    {
                        return FastDeclined;
                    }

                    break;
                case EvidenceKind.Commitment:
                    if (!FromTo(out a, out to) || !Named(EvidenceField.Formality, Names.Formality, _formalities, out var formality))
                    {
                        return FastDeclined;
                    }

                    value = 1;
                    if ((seen & BitOf(EvidenceField.Scope)) != 0 && !Unit(EvidenceField.Scope, out value))
                    {
                        return FastDeclined;
                    }

                    type = (byte)formality;
                    break;
                case EvidenceKind.Capability:
                    if (!Identifier(EvidenceField.Actor, out a) || !Has(EvidenceField.Value, out value) || Check.Positive(value) is not null)
                    {
                        return FastDeclined;
                    }

                    break;
                default:
                    return FastDeclined;
            }

            // JSON holds a C1 control or a bidirectional override raw (unescaped): the general path reports it.
            var note = (seen & BitOf(EvidenceField.Note)) != 0 ? text[(int)EvidenceField.Note] : null;
            if (Check.Text(note) is not null)
            {
                return FastDeclined;
            }

            // Last, as the id is recorded: a repeated id is the one problem left to report.
            if (UsedBy(id, index, b) is { } first)
            {
                return first;
            }

            b.AddEvidence(kind, id, date, confidence, sources, a, to, type, value, reference, note, null, null);
            return FastAccepted;

            bool Has(EvidenceField f, out double v)
            {
                v = number[(int)f];
                return (seen & BitOf(f)) != 0;
            }

            bool Unit(EvidenceField f, out double v) => Has(f, out v) && Check.UnitInterval(v) is null;

            bool Identifier(EvidenceField f, out string? s)
            {
                s = (seen & BitOf(f)) != 0 ? text[(int)f] : null;
                return s is not null && IsIdentifier(_fastEntry[(int)f], s);
            }

            bool FromTo(out string? from, out string? target) => Identifier(EvidenceField.From, out from) & Identifier(EvidenceField.To, out target);

            bool Named<T>(EvidenceField f, NameTable<T> names, Memo<T> memo, out T v)
                where T : struct, Enum
            {
                v = default;
                if ((seen & BitOf(f)) == 0)
                {
                    return false;
                }

                var entry = _fastEntry[(int)f];
                if (memo.TryGet(entry, out var valid, out v))
                {
                    return valid;
                }

                valid = names.TryParse(text[(int)f], out v);
                memo.Set(entry, valid, v);
                return valid;
            }
        }

        /// <summary>Keeps a string property's value; ids and notes, (nearly) all different, stay out of the table of repeated strings.</summary>
        private void SetText(EvidenceField f, ReadOnlySpan<byte> utf8, Utf8Strings strings)
        {
            if (f is EvidenceField.Id or EvidenceField.Note)
            {
                _fastText[(int)f] = Encoding.UTF8.GetString(utf8);
                _fastEntry[(int)f] = -1;
            }
            else
            {
                _fastText[(int)f] = strings.Get(utf8, out _fastEntry[(int)f]);
            }
        }

        private bool IsIdentifier(int entry, string s)
        {
            if (_identifiers.TryGet(entry, out var valid, out _))
            {
                return valid;
            }

            valid = Check.Identifier(s) is null;
            _identifiers.Set(entry, valid, valid);
            return valid;
        }

        /// <summary><see cref="ParsePoint"/> of a property's value, remembered by its number in the table of strings.</summary>
        private EvidenceDate? FastPoint(EvidenceField f)
        {
            var entry = _fastEntry[(int)f];
            if (_dates.TryGet(entry, out var valid, out var date))
            {
                return valid ? date : null;
            }

            var parsed = ParsePoint(_fastText[(int)f]!);
            _dates.Set(entry, parsed is not null, parsed.GetValueOrDefault());
            return parsed;
        }

        /// <summary>The item's date, point or span, when it is valid (as <see cref="DateField"/> would read it).</summary>
        private EvidenceDate? FastDate(uint seen)
        {
            var hasDate = (seen & BitOf(EvidenceField.Date)) != 0;
            var hasStart = (seen & BitOf(EvidenceField.Start)) != 0;
            var hasEnd = (seen & BitOf(EvidenceField.End)) != 0;
            if (hasDate)
            {
                return hasStart || hasEnd ? null : FastPoint(EvidenceField.Date);
            }

            if (!hasStart || !hasEnd || FastPoint(EvidenceField.Start) is not { } s || FastPoint(EvidenceField.End) is not { } e
                || e.Last < s.First)
            {
                return null;
            }

            return EvidenceDate.Span(s, e);
        }
    }

    /// <summary>Something found out about each string of a <see cref="Utf8Strings"/> table, by the string's number.</summary>
    private sealed class Memo<T>
        where T : struct
    {
        // 0: not known yet; 1: valid, with its value; 2: not valid.
        private byte[] _state = new byte[64];
        private T[] _values = new T[64];

        public bool TryGet(int entry, out bool valid, out T value)
        {
            if ((uint)entry < (uint)_state.Length && _state[entry] != 0)
            {
                valid = _state[entry] == 1;
                value = _values[entry];
                return true;
            }

            valid = false;
            value = default;
            return false;
        }

        public void Set(int entry, bool valid, T value)
        {
            if (entry < 0)
            {
                return;
            }

            if (entry >= _state.Length)
            {
                var size = Math.Max(entry + 1, _state.Length * 2);
                Array.Resize(ref _state, size);
                Array.Resize(ref _values, size);
            }

            _state[entry] = valid ? (byte)1 : (byte)2;
            _values[entry] = value;
        }
    }
}
