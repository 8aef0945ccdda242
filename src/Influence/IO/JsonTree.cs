using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Influence.IO;

/// <summary>Reads a deferred array in place (see <see cref="JsonTree.Parse"/>); returns its number of items.</summary>
/// <param name="root">The root object as parsed so far, the array last.</param>
/// <param name="array">The array's node.</param>
/// <param name="reader">The reader, at the array's start; left at its end.</param>
internal delegate int DeferredReader(JsonTree root, JsonTree array, ref Utf8JsonReader reader);

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it was in the file (its byte offset; <see cref="JsonLines"/> turns offsets into
/// lines and columns when a problem is reported), so that every problem the case reader finds can be located. Built
/// with <see cref="Utf8JsonReader"/>; duplicate property names are kept and reported.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> builds the tree of a whole case file except its large top-level arrays (the evidence), which
/// it only checks and counts (<see cref="IsDeferred"/>): the case reader streams their items with
/// <see cref="ReadItem"/>, which refills one reusable tree per item from a <see cref="Pool"/> instead of allocating
/// one, two levels deep (an item's properties and the elements of array-valued properties; deeper values are checked
/// by the JSON reader and kept only as their kind).
/// </remarks>
internal sealed class JsonTree
{
    /// <summary>The options every case file is read with.</summary>
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 64 };

    private double _number;
    private bool _finite;

    private JsonTree(JsonKind kind, int offset)
    {
        Kind = kind;
        Offset = offset;
    }

    public JsonKind Kind { get; private set; }

    /// <summary>The offset of the value's first byte in the file (after a byte-order mark).</summary>
    public int Offset { get; private set; }

    public string? String { get; private set; }

    /// <summary>The number as written; kept only when it is not a finite double (to say what it was).</summary>
    public string? RawNumber { get; private set; }

    /// <summary>An array whose items were checked and counted but not built (see <see cref="Parse"/>).</summary>
    public bool IsDeferred { get; private set; }

    /// <summary>The number of items of a deferred array.</summary>
    public int DeferredCount { get; private set; }

    /// <summary>The properties in file order: name, value and the offset of the name.</summary>
    public List<(string Name, JsonTree Value, int Offset)> Properties { get; } = [];

    public List<JsonTree> Items { get; } = [];

    public string KindName => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The value of the first property called <paramref name="name"/>, if any.</summary>
    public JsonTree? this[string name]
    {
        get
        {
            foreach (var (n, value, _) in Properties)
            {
                if (string.Equals(n, name, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return null;
        }
    }

    public bool TryNumber(out double value)
    {
        value = _finite ? _number : 0;
        return Kind == JsonKind.Number && _finite;
    }

    /// <summary>
    /// Parses a UTF-8 JSON document. Throws <see cref="JsonException"/> (with line and column) on a syntax error and
    /// <see cref="InvalidDataException"/> (see <see cref="CheckUtf8"/>) when a string is not UTF-8. Arrays that are
    /// values of the root object's properties named <paramref name="deferred"/> are checked and counted, not built.
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <param name="deferred">The name of the root properties whose arrays are not built.</param>
    /// <param name="readDeferred">
    /// Reads the first such array in place of skipping it (null: skip it): called with the root object as parsed so
    /// far (the array's node last) and the reader at the array's start, it reads through the array's end and returns
    /// the number of items. The array's offsets are the reader's own (from the start of <paramref name="utf8"/>).
    /// </param>
    public static JsonTree Parse(ReadOnlySpan<byte> utf8, string? deferred = null, DeferredReader? readDeferred = null)
    {
        CheckUtf8(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read())
        {
            throw new JsonException("the file is empty: expected a JSON object", null, 0, 0);
        }

        var root = Build(ref reader, 0, 0, deferred, readDeferred);
        if (reader.Read())
        {
            var (line, col) = JsonLines.Build(utf8).Locate((int)reader.TokenStartIndex);
            throw new JsonException($"unexpected content after the end of the JSON value at line {line}, column {col}", null, line - 1, col - 1);
        }

        return root;
    }

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> at the first byte that is not UTF-8 inside a string or a property
    /// name, unless a syntax error comes first (<see cref="JsonException"/>). Bytes inside comments are not read.
    /// </summary>
    private static void CheckUtf8(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return;
        }

        var bad = FirstInvalidUtf8(utf8, 0);
        var reader = new Utf8JsonReader(utf8, Options with { CommentHandling = JsonCommentHandling.Allow });
        while (bad < utf8.Length && reader.Read())
        {
            while (bad < reader.BytesConsumed)
            {
                if (reader.TokenType != JsonTokenType.Comment)
                {
                    var e = new InvalidDataException("the file is not UTF-8 text");
                    e.Data["offset"] = bad;
                    e.Data["utf8"] = true;
                    throw e;
                }

                bad = FirstInvalidUtf8(utf8, bad + 1);
            }
        }
    }

    /// <summary>Reads the value at the reader's token (and everything inside it) as a tree; offsets are shifted by <paramref name="offset"/>.</summary>
    public static JsonTree ReadValue(ref Utf8JsonReader reader, int offset) => Build(ref reader, offset, int.MinValue, null, null);

    private static JsonTree Build(ref Utf8JsonReader reader, int offset, int depth, string? deferred, DeferredReader? readDeferred)
    {
        var at = (int)reader.TokenStartIndex + offset;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var node = new JsonTree(JsonKind.Object, at);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var nameAt = (int)reader.TokenStartIndex + offset;
                        var name = Unescaped(ref reader, nameAt);
                        reader.Read();
                        JsonTree value;
                        if (depth == 0 && name == deferred && reader.TokenType == JsonTokenType.StartArray)
                        {
                            value = new JsonTree(JsonKind.Array, (int)reader.TokenStartIndex + offset) { IsDeferred = true };
                            node.Properties.Add((name, value, nameAt));
                            if (readDeferred is not null)
                            {
                                value.DeferredCount = readDeferred(node, value, ref reader);
                                readDeferred = null;
                                continue;
                            }

                            var count = 0;
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                count++;
                                reader.Skip();
                            }

                            value.DeferredCount = count;
                            continue;
                        }

                        value = Build(ref reader, offset, depth + 1, deferred, readDeferred);
                        node.Properties.Add((name, value, nameAt));
                    }

                    return node;
                }

            case JsonTokenType.StartArray:
                {
                    var node = new JsonTree(JsonKind.Array, at);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(Build(ref reader, offset, depth + 1, deferred, readDeferred));
                    }

                    return node;
                }

            default:
                {
                    var node = new JsonTree(JsonKind.Null, at);
                    node.SetScalar(ref reader, at, null);
                    return node;
                }
        }
    }

    /// <summary>
    /// Refills <paramref name="item"/> with the value at the reader's token, reading past it: an object's properties
    /// and the elements of its array-valued properties, from <paramref name="pool"/>. Strings of the properties
    /// <paramref name="unique"/> names are allocated; all others go through <paramref name="strings"/>.
    /// </summary>
    public static void ReadItem(ref Utf8JsonReader reader, int offset, JsonTree item, Pool pool, Utf8Strings strings, Func<string, bool> unique)
    {
        pool.Reset();
        var at = (int)reader.TokenStartIndex + offset;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            item.SetScalar(ref reader, at, strings);
            return;
        }

        item.Reset(JsonKind.Object, at);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var nameAt = (int)reader.TokenStartIndex + offset;
            var name = reader.ValueIsEscaped ? Unescaped(ref reader, nameAt) : strings.Get(reader.ValueSpan);
            reader.Read();
            var value = pool.Next();
            var valueAt = (int)reader.TokenStartIndex + offset;
            var keep = unique(name) ? null : strings;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                value.Reset(JsonKind.Array, valueAt);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var element = pool.Next();
                    element.SetScalar(ref reader, (int)reader.TokenStartIndex + offset, keep);
                    value.Items.Add(element);
                }
            }
            else
            {
                value.SetScalar(ref reader, valueAt, keep);
            }

            item.Properties.Add((name, value, nameAt));
        }
    }

    /// <summary>
    /// The string or property name at the reader's token, its escapes resolved; an <see cref="InvalidDataException"/>
    /// at the token when an escape names half of a surrogate pair alone (<c>\ud800</c>), which is no character.
    /// </summary>
    private static string Unescaped(ref Utf8JsonReader reader, int at)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var e = new InvalidDataException("a string holds an escape \\uD800–\\uDFFF that is half of a surrogate pair without its other half, which is no character");
            e.Data["offset"] = at;
            throw e;
        }
    }

    /// <summary>Sets a node from a scalar token, or from a container's kind (skipping its content).</summary>
    private void SetScalar(ref Utf8JsonReader reader, int at, Utf8Strings? strings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Reset(JsonKind.Object, at);
                reader.Skip();
                break;
            case JsonTokenType.StartArray:
                Reset(JsonKind.Array, at);
                reader.Skip();
                break;
            case JsonTokenType.String:
                Reset(JsonKind.String, at);
                String = reader.ValueIsEscaped ? Unescaped(ref reader, at) : strings is not null ? strings.Get(reader.ValueSpan) : Encoding.UTF8.GetString(reader.ValueSpan);
                break;
            case JsonTokenType.Number:
                {
                    Reset(JsonKind.Number, at);
                    var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                    _finite = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _number) && double.IsFinite(_number);
                    RawNumber = _finite ? null : Encoding.UTF8.GetString(raw);
                    break;
                }

            case JsonTokenType.True:
                Reset(JsonKind.True, at);
                break;
            case JsonTokenType.False:
                Reset(JsonKind.False, at);
                break;
            default:
                Reset(JsonKind.Null, at);
                break;
        }
    }

    private void Reset(JsonKind kind, int offset)
    {
        Kind = kind;
        Offset = offset;
        String = null;
        RawNumber = null;
        _finite = false;
        Properties.Clear();
        Items.Clear();
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8, int from)
    {
        Span<char> chars = stackalloc char[1024];
        var at = from;
        while (at < utf8.Length)
        {
            var status = Utf8.ToUtf16(utf8[at..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            at += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return at;
            }
        }

        return at;
    }

    /// <summary>Reusable nodes for one streamed item at a time.</summary>
    internal sealed class Pool
    {
        private readonly List<JsonTree> _nodes = [];
        private int _used;

        public void Reset() => _used = 0;

        public JsonTree Next()
        {
            if (_used == _nodes.Count)
            {
                _nodes.Add(new JsonTree(JsonKind.Null, 0));
            }

            return _nodes[_used++];
        }

        public static JsonTree NewItem() => new(JsonKind.Null, 0);
    }
}

/// <summary>
/// Strings decoded from UTF-8 once and shared: the names and repeated values of a case file (property names, actor
/// and source ids, dates, enum names). Holds at most <c>capacity</c> distinct strings; beyond that it decodes anew.
/// </summary>
internal sealed class Utf8Strings
{
    private readonly int _capacity;
    private int[] _buckets = new int[64];
    private Entry[] _entries = new Entry[64];
    private int _count;

    /// <summary>Starts the table with strings the reader compares with (so that equal strings are the same object).</summary>
    public Utf8Strings(IEnumerable<string> known, int capacity = 1 << 16)
    {
        _capacity = capacity;
        foreach (var s in known)
        {
            Add(Encoding.UTF8.GetBytes(s), s, Hash(Encoding.UTF8.GetBytes(s)));
        }
    }

    public string Get(ReadOnlySpan<byte> utf8) => Get(utf8, out _);

    /// <summary>
    /// The string, and its number in the table (from 0, in order of first appearance; −1 once the table is full), by
    /// which a reader remembers what it found out about it.
    /// </summary>
    public string Get(ReadOnlySpan<byte> utf8, out int entry)
    {
        var hash = Hash(utf8);
        for (var e = _buckets[hash & (_buckets.Length - 1)] - 1; e >= 0; e = _entries[e].Next)
        {
            if (_entries[e].Hash == hash && utf8.SequenceEqual(_entries[e].Key))
            {
                entry = e;
                return _entries[e].Value;
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        entry = -1;
        if (_count < _capacity)
        {
            Add(utf8, value, hash);
            entry = _count - 1;
        }

        return value;
    }

    private void Add(ReadOnlySpan<byte> utf8, string value, int hash)
    {
        {
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, _count * 2);
                _buckets = new int[_entries.Length];
                for (var i = 0; i < _count; i++)
                {
                    ref var old = ref _entries[i];
                    var b = old.Hash & (_buckets.Length - 1);
                    old.Next = _buckets[b] - 1;
                    _buckets[b] = i + 1;
                }
            }

            var bucket = hash & (_buckets.Length - 1);
            _entries[_count] = new Entry { Key = utf8.ToArray(), Value = value, Hash = hash, Next = _buckets[bucket] - 1 };
            _buckets[bucket] = ++_count;
        }
    }

    /// <summary>A quick hash of short strings: eight bytes at a time, mixed by multiplication.</summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var h = (ulong)utf8.Length * 0x9E3779B97F4A7C15UL;
        while (utf8.Length >= 8)
        {
            h = (h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * 0xFF51AFD7ED558CCDUL;
            utf8 = utf8[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            tail |= (ulong)utf8[i] << (8 * i);
        }

        h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        return (int)(h ^ (h >> 32));
    }

    private struct Entry
    {
        public byte[] Key;
        public string Value;
        public int Hash;
        public int Next;
    }
}

/// <summary>The offsets at which the lines of a file start, to turn byte offsets into 1-based lines and columns.</summary>
internal sealed class JsonLines
{
    private readonly int[] _starts;

    private JsonLines(int[] starts) => _starts = starts;

    public static JsonLines Build(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        int i;
        while ((i = utf8[at..].IndexOf((byte)'\n')) >= 0)
        {
            at += i + 1;
            starts.Add(at);
        }

        return new JsonLines([.. starts]);
    }

    /// <summary>The byte offset of a 1-based line and byte column (the inverse of <see cref="Locate"/>).</summary>
    public int Offset(int line, int column) => _starts[Math.Clamp(line, 1, _starts.Length) - 1] + Math.Max(column, 1) - 1;

    public (int Line, int Column) Locate(int offset)
    {
        var i = Array.BinarySearch(_starts, offset);
        var line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}
