using System.Globalization;
using System.Text.Json;
using Influence.Cases;

namespace Influence.IO;

public static partial class CaseReader
{
    /// <summary>
    /// The evidence array read by a scanner of the plainest JSON, which is what a large file holds (and what
    /// <see cref="CaseWriter"/> writes): a read takes about a fifth less time than with <see cref="Utf8JsonReader"/>'s
    /// tokens. Anything else (escapes, comments, literals, nesting, an item with a problem) goes to the reader, item by
    /// item.
    /// </summary>
    private sealed partial class Reading
    {
        // The state of a reader just past an array that is a property of the root object: where the parser resumes
        // after the scan. Its line count is not the file's, so a syntax error after the scan is found again by
        // parsing without it (see TryRead).
        private static readonly JsonReaderState AfterRootArray = ReaderStateAfterRootArray();

        private static JsonReaderState ReaderStateAfterRootArray()
        {
            var reader = new Utf8JsonReader("{\"e\":[]"u8, isFinalBlock: false, new JsonReaderState(JsonTree.Options));
            for (var i = 0; i < 4; i++)
            {
                reader.Read();
            }

            return reader.CurrentState;
        }

        /// <summary>
        /// Reads the root object parsed so far, then its evidence array by scanning <paramref name="utf8"/> from the
        /// array's start (where <paramref name="reader"/> is), and puts the parser's reader just past the array's end
        /// (<paramref name="offset"/>: the file offset of the new reader's first byte). Null when the scan gives up (a
        /// syntax error or something the scan does not read between items): nothing was changed, and the caller reads
        /// the case again with <see cref="ReadCase(JsonTree, ref Utf8JsonReader, int)"/>.
        /// </summary>
        public CaseBuilder? ScanCase(JsonTree root, ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, ref int offset)
        {
            var builder = ReadHead(root, out var evidence);
            if (builder is null || evidence is null)
            {
                return null;
            }

            int end;
            try
            {
                end = ScanEvidence(builder, evidence, utf8);
            }
            catch (JsonException)
            {
                return null;
            }

            if (end < 0)
            {
                return null;
            }

            builder.TrimEvidence();
            reader = new Utf8JsonReader(utf8[(end + 1)..], isFinalBlock: true, AfterRootArray);
            offset = end + 1;
            return builder;
        }

        /// <summary>Scans the evidence array; returns the offset of its closing bracket, or −1 when the scan gives up.</summary>
        private int ScanEvidence(CaseBuilder b, JsonTree list, ReadOnlySpan<byte> utf8)
        {
            _evidenceOffset = list.Offset;
            const int Sample = 1024;
            var item = JsonTree.Pool.NewItem();
            var pool = new JsonTree.Pool();
            var strings = new Utf8Strings(AllowedByKind.Values.SelectMany(names => names).Distinct());
            Func<string, bool> unique = static name => name is "id" or "note";
            _streaming = true;
            var at = Whitespace(utf8, list.Offset + 1);
            var i = 0;
            for (; at < utf8.Length && utf8[at] != ']'; i++)
            {
                if (i > 0)
                {
                    if (utf8[at] != ',')
                    {
                        return -1;
                    }

                    at = Whitespace(utf8, at + 1);
                    if (at == utf8.Length)
                    {
                        return -1;
                    }
                }

                if (i == Sample)
                {
                    // The items that follow are about as long as the first ones: sized for them (and a little more),
                    // the columns rarely grow by doubling, and are cut to size at the end.
                    var left = utf8.Length - at;
                    b.EnsureEvidenceCapacity((int)Math.Min(int.MaxValue / 2, Sample + ((long)left * Sample / Math.Max(1, at - list.Offset) * 21 / 20)));
                }

                var start = at;
                var fast = utf8[at] == '{' && ScanFields(utf8, ref at, strings, out var seen) ? FastAdd(b, seen, i) : FastDeclined;
                if (fast == FastAccepted)
                {
                    _evidenceRows?.Add(i);
                    _evidenceAccepted++;
                    at = Whitespace(utf8, at);
                    continue;
                }

                // The item again, with a reader of its own (its tokens are those the parser would read).
                var reader = new Utf8JsonReader(utf8[start..], JsonTree.Options);
                reader.Read();
                if (fast == FastDeclined && reader.TokenType == JsonTokenType.StartObject)
                {
                    var again = reader;
                    fast = TryFastEvidence(b, ref again, i, strings);
                    if (fast == FastAccepted)
                    {
                        _evidenceRows?.Add(i);
                        _evidenceAccepted++;
                        at = Whitespace(utf8, start + (int)again.BytesConsumed);
                        continue;
                    }
                }

                JsonTree.ReadItem(ref reader, start, item, pool, strings, unique);
                at = Whitespace(utf8, start + (int)reader.BytesConsumed);
                var path = new JPath(EvidencePath, i);
                var accepted = item.Kind == JsonKind.Object && ReadEvidence(b, item, path, fast >= 0 ? fast : null);
                if (item.Kind != JsonKind.Object)
                {
                    Add(path.ToString(), null, item, $"expected an object; was {item.KindName}");
                }

                if (accepted)
                {
                    _evidenceRows?.Add(i);
                    _evidenceAccepted++;
                }
                else if (_evidenceRows is null)
                {
                    _evidenceRows = [.. Enumerable.Range(0, _evidenceAccepted)];
                }
            }

            _streaming = false;
            EvidenceCount = i;
            return at < utf8.Length ? at : -1;
        }

        /// <summary>
        /// Scans one item, from its opening brace at <paramref name="at"/> to just past its closing one, into the fast
        /// path's fields: only strings without escapes, numbers and one array of strings; false at the first doubt.
        /// </summary>
        private bool ScanFields(ReadOnlySpan<byte> utf8, ref int at, Utf8Strings strings, out uint seen)
        {
            seen = 0u;
            _fastSources.Clear();
            var p = Whitespace(utf8, at + 1);
            while (true)
            {
                if (!ScanString(utf8, ref p, out var name))
                {
                    return false;
                }

                var f = FieldOf(name);
                if (f == Field.Count || (seen & BitOf(f)) != 0)
                {
                    return false;
                }

                seen |= BitOf(f);
                p = Whitespace(utf8, p);
                if (p == utf8.Length || utf8[p] != ':')
                {
                    return false;
                }

                p = Whitespace(utf8, p + 1);
                if (f == Field.Sources)
                {
                    if (p == utf8.Length || utf8[p] != '[')
                    {
                        return false;
                    }

                    p = Whitespace(utf8, p + 1);
                    while (p < utf8.Length && utf8[p] != ']')
                    {
                        if (_fastSources.Count > 0)
                        {
                            if (utf8[p] != ',')
                            {
                                return false;
                            }

                            p = Whitespace(utf8, p + 1);
                        }

                        if (!ScanString(utf8, ref p, out var value))
                        {
                            return false;
                        }

                        var source = strings.Get(value, out var entry);
                        if (!IsIdentifier(entry, source))
                        {
                            return false;
                        }

                        _fastSources.Add(source);
                        p = Whitespace(utf8, p);
                    }

                    if (p == utf8.Length)
                    {
                        return false;
                    }

                    p++;
                }
                else if (IsNumberField(f))
                {
                    if (!ScanNumber(utf8, ref p, out var value)
                        || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    {
                        return false;
                    }

                    _fastNumber[(int)f] = number;
                }
                else
                {
                    if (!ScanString(utf8, ref p, out var value))
                    {
                        return false;
                    }

                    SetText(f, value, strings);
                }

                p = Whitespace(utf8, p);
                if (p == utf8.Length)
                {
                    return false;
                }

                if (utf8[p] == '}')
                {
                    at = p + 1;
                    return true;
                }

                if (utf8[p] != ',')
                {
                    return false;
                }

                p = Whitespace(utf8, p + 1);
            }
        }

        /// <summary>A string without escapes or control characters at <paramref name="p"/> (the file is UTF-8, checked before).</summary>
        private static bool ScanString(ReadOnlySpan<byte> utf8, ref int p, out ReadOnlySpan<byte> value)
        {
            value = default;
            if (p >= utf8.Length || utf8[p] != '"')
            {
                return false;
            }

            // Byte by byte: the strings of an item are short, shorter than a vector search needs to pay off.
            var i = p + 1;
            while (i < utf8.Length && utf8[i] is >= 0x20 and not (byte)'"' and not (byte)'\\')
            {
                i++;
            }

            if (i == utf8.Length || utf8[i] != '"')
            {
                return false;
            }

            value = utf8[(p + 1)..i];
            p = i + 1;
            return true;
        }

        /// <summary>A number as JSON writes it at <paramref name="p"/>, followed by what may follow a value.</summary>
        private static bool ScanNumber(ReadOnlySpan<byte> utf8, ref int p, out ReadOnlySpan<byte> value)
        {
            value = default;
            var i = p;
            if (i < utf8.Length && utf8[i] == '-')
            {
                i++;
            }

            if (i < utf8.Length && utf8[i] == '0')
            {
                i++;
            }
            else if (!Digits(utf8, ref i))
            {
                return false;
            }

            if (i < utf8.Length && utf8[i] == '.')
            {
                i++;
                if (!Digits(utf8, ref i))
                {
                    return false;
                }
            }

            if (i < utf8.Length && utf8[i] is (byte)'e' or (byte)'E')
            {
                i++;
                if (i < utf8.Length && utf8[i] is (byte)'+' or (byte)'-')
                {
                    i++;
                }

                if (!Digits(utf8, ref i))
                {
                    return false;
                }
            }

            if (i == utf8.Length || utf8[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)'}' or (byte)']'))
            {
                return false;
            }

            value = utf8[p..i];
            p = i;
            return true;

            static bool Digits(ReadOnlySpan<byte> utf8, ref int i)
            {
                var start = i;
                while (i < utf8.Length && char.IsAsciiDigit((char)utf8[i]))
                {
                    i++;
                }

                return i > start;
            }
        }

        private static int Whitespace(ReadOnlySpan<byte> utf8, int p)
        {
            while (p < utf8.Length && utf8[p] <= ' ' && utf8[p] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                p++;
            }

            return p;
        }
    }
}
