using System.Collections;
using System.Collections.Immutable;
using Influence.Internal;

namespace Influence.Evidence;

/// <summary>
/// A case's evidence, held as columns (one array per field) in canonical order: sorted by item id (ordinal).
/// Reads as a list of <see cref="EvidenceItem"/> records, built on demand.
/// </summary>
/// <remarks>
/// The columnar layout keeps memory near the size of the data (about 60 bytes per item plus its id and note) and
/// lets the <see cref="Indexing.EvidenceIndex"/> bucket millions of items in a few linear passes. The canonical order
/// makes every sum the engine computes independent of the order the evidence was written in.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class EvidenceTable : IReadOnlyList<EvidenceItem>
{
    internal EvidenceTable(
        EvidenceColumns columns,
        ImmutableArray<string> actorIds,
        ImmutableArray<string> sourceIds,
        ImmutableArray<string> issueIds,
        ImmutableArray<string> objectiveIds,
        ImmutableArray<string> indicatorIds,
        ImmutableArray<string> unitIds)
    {
        Columns = columns;
        ActorIds = actorIds;
        SourceIds = sourceIds;
        IssueIds = issueIds;
        ObjectiveIds = objectiveIds;
        IndicatorIds = indicatorIds;
        UnitIds = unitIds;
    }

    /// <summary>The number of items.</summary>
    public int Count => Columns.Count;

    internal EvidenceColumns Columns { get; }

    internal ImmutableArray<string> ActorIds { get; }

    internal ImmutableArray<string> SourceIds { get; }

    internal ImmutableArray<string> IssueIds { get; }

    internal ImmutableArray<string> ObjectiveIds { get; }

    internal ImmutableArray<string> IndicatorIds { get; }

    internal ImmutableArray<string> UnitIds { get; }

    /// <summary>The item at a position (canonical order).</summary>
    /// <param name="index">The position.</param>
    /// <returns>A record built from the columns.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0 … <see cref="Count"/> − 1.</exception>
    public EvidenceItem this[int index] => Materialise(Check.IndexOrThrow(index, Count));

    /// <summary>The id of the item at a position, without building the record.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0 … <see cref="Count"/> − 1.</exception>
    public string IdAt(int index) => Columns.Ids[Check.IndexOrThrow(index, Count)];

    /// <summary>The kind of the item at a position.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0 … <see cref="Count"/> − 1.</exception>
    public EvidenceKind KindAt(int index) => (EvidenceKind)Columns.Kind[Check.IndexOrThrow(index, Count)];

    /// <summary>The source ids the item at a position cites.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The source ids.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0 … <see cref="Count"/> − 1 (thrown by the call, not when the result is enumerated).</exception>
    public IEnumerable<string> SourcesAt(int index) => SourcesOf(Check.IndexOrThrow(index, Count));

    private IEnumerable<string> SourcesOf(int index)
    {
        for (var s = Columns.SourceStart[index]; s < Columns.SourceStart[index + 1]; s++)
        {
            yield return SourceIds[Columns.SourceIndex[s]];
        }
    }

    /// <summary>Finds an item's position by id (binary search over the canonical order).</summary>
    /// <param name="id">The item id.</param>
    /// <returns>The position, or −1.</returns>
    public int IndexOf(string id)
    {
        var i = Array.BinarySearch(Columns.Ids, 0, Count, id, StringComparer.Ordinal);
        return i >= 0 ? i : -1;
    }

    /// <inheritdoc />
    public IEnumerator<EvidenceItem> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Materialise(i);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private EvidenceItem Materialise(int i)
    {
        var c = Columns;
        var id = c.Ids[i];
        var date = c.DateAt(i);
        var conf = (Confidence)c.Confidence[i];
        var sources = SourcesAt(i).ToImmutableArray();
        string A() => ActorIds[c.A[i]];
        string B() => ActorIds[c.B[i]];
        EvidenceItem item = (EvidenceKind)c.Kind[i] switch
        {
            EvidenceKind.Support => new SupportEvidence(id, date, conf, sources, A(), B(), (ResourceType)c.Type[i], c.Value[i])
            {
                Amount = c.Amounts.TryGetValue(i, out var amt) ? amt.Amount : null,
                Unit = c.Amounts.TryGetValue(i, out amt) ? UnitIds[amt.Unit] : null,
            },
            EvidenceKind.Coercion => new CoercionEvidence(id, date, conf, sources, A(), B(), (CoercionType)c.Type[i], c.Value[i]),
            EvidenceKind.Demand => new DemandEvidence(id, date, conf, sources, A(), B(), IssueIds[c.Ref[i]], c.Value[i], (DemandResponse)c.Type[i]),
            EvidenceKind.Attainment => new AttainmentEvidence(id, date, conf, sources, ObjectiveIds[c.Ref[i]], c.Value[i]),
            EvidenceKind.Indicator => new IndicatorEvidence(id, date, conf, sources, IndicatorIds[c.Ref[i]], c.Value[i]),
            EvidenceKind.Presence => new PresenceEvidence(id, date, conf, sources, A(), B(), (PresenceType)c.Type[i], c.Value[i]),
            EvidenceKind.Overreach => new OverreachEvidence(id, date, conf, sources, A(), B(), c.Value[i]),
            EvidenceKind.Commitment => new CommitmentEvidence(id, date, conf, sources, A(), B(), (CommitmentFormality)c.Type[i]) { Scope = c.Value[i] },
            EvidenceKind.Capability => new CapabilityEvidence(id, date, conf, sources, A(), c.Value[i]),
            _ => throw new InvalidOperationException("unknown evidence kind"),
        };
        return c.Notes[i] is { } note ? item with { Note = note } : item;
    }
}

/// <summary>
/// The raw columns of an <see cref="EvidenceTable"/>. Field meanings by kind:
/// <list type="table">
/// <item><term>A, B</term><description>actor indices: from/to for dyadic kinds, A = actor for capability; −1 when unused.</description></item>
/// <item><term>Type</term><description>resource, coercion type, response, presence type or formality.</description></item>
/// <item><term>Value</term><description>magnitude, severity, salience (demand), attainment, raw indicator value, level, scope (commitment) or capability.</description></item>
/// <item><term>Ref</term><description>issue (demand), objective (attainment) or indicator index; −1 when unused.</description></item>
/// </list>
/// </summary>
internal sealed class EvidenceColumns
{
    public const byte SpanFlag = 0x10;

    public int Count { get; init; }

    public required string[] Ids { get; init; }

    public required byte[] Kind { get; init; }

    public required int[] FirstDay { get; init; }

    public required int[] LastDay { get; init; }

    /// <summary>Bits 0–1 start precision, bits 2–3 end precision, bit 4 span.</summary>
    public required byte[] DateFlags { get; init; }

    public required byte[] Confidence { get; init; }

    public required int[] A { get; init; }

    public required int[] B { get; init; }

    public required byte[] Type { get; init; }

    public required double[] Value { get; init; }

    public required int[] Ref { get; init; }

    public required int[] SourceStart { get; init; }

    public required int[] SourceIndex { get; init; }

    public required string?[] Notes { get; init; }

    public required IReadOnlyDictionary<int, (double Amount, int Unit)> Amounts { get; init; }

    public bool IsSpan(int i) => (DateFlags[i] & SpanFlag) != 0;

    public EvidenceDate DateAt(int i)
    {
        var f = DateFlags[i];
        return EvidenceDate.FromParts(
            DateOnly.FromDayNumber(FirstDay[i]),
            (DatePrecision)(f & 0x3),
            DateOnly.FromDayNumber(LastDay[i]),
            (DatePrecision)((f >> 2) & 0x3),
            (f & SpanFlag) != 0);
    }

    /// <summary>The rows a predicate keeps, in the same (canonical) order.</summary>
    public EvidenceColumns Where(Func<int, bool> keep)
    {
        var rows = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (keep(i))
            {
                rows.Add(i);
            }
        }

        return Select(rows);
    }

    /// <summary>
    /// Each row repeated <paramref name="copies"/>[row] times (0 drops it), for the bootstrap. The first copy keeps its
    /// id; copy k ≥ 2 is named <c>id#k</c> (with more <c>#</c> appended in the unlikely case that the name is taken),
    /// and the result is sorted by id again so it stays in canonical order.
    /// </summary>
    public EvidenceColumns Repeat(ReadOnlySpan<int> copies)
    {
        if (copies.Length != Count)
        {
            throw new ArgumentException($"expected one count per row ({Count}); got {copies.Length}", nameof(copies));
        }

        var rows = new List<int>(Count);
        var ids = new List<string>(Count);
        var made = new HashSet<string>(StringComparer.Ordinal);
        var renamed = false;
        for (var i = 0; i < Count; i++)
        {
            for (var k = 1; k <= copies[i]; k++)
            {
                rows.Add(i);
                if (k == 1)
                {
                    ids.Add(Ids[i]);
                    continue;
                }

                var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ids[i]}#{k}");
                while (Array.BinarySearch(Ids, 0, Count, id, StringComparer.Ordinal) >= 0 || !made.Add(id))
                {
                    id += "#";
                }

                ids.Add(id);
                renamed = true;
            }
        }

        if (!renamed)
        {
            return Select(rows);
        }

        var order = Enumerable.Range(0, rows.Count).ToArray();
        var keys = ids.ToArray();
        Array.Sort(keys, order, StringComparer.Ordinal);
        var sortedRows = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            sortedRows[k] = rows[order[k]];
        }

        return Select(sortedRows, keys);
    }

    /// <summary>The given rows, in the given order.</summary>
    public EvidenceColumns Select(IReadOnlyList<int> rows) => Select(rows, null);

    private EvidenceColumns Select(IReadOnlyList<int> rows, string[]? ids)
    {
        var n = rows.Count;
        var sourceStart = new int[n + 1];
        var sourceIndex = new List<int>(n);
        var amounts = new Dictionary<int, (double Amount, int Unit)>();
        for (var k = 0; k < n; k++)
        {
            var i = rows[k];
            sourceStart[k] = sourceIndex.Count;
            for (var s = SourceStart[i]; s < SourceStart[i + 1]; s++)
            {
                sourceIndex.Add(SourceIndex[s]);
            }

            if (Amounts.TryGetValue(i, out var a))
            {
                amounts[k] = a;
            }
        }

        sourceStart[n] = sourceIndex.Count;
        T[] Pick<T>(T[] column)
        {
            var r = new T[n];
            for (var k = 0; k < n; k++)
            {
                r[k] = column[rows[k]];
            }

            return r;
        }

        return new EvidenceColumns
        {
            Count = n,
            Ids = ids ?? Pick(Ids),
            Kind = Pick(Kind),
            FirstDay = Pick(FirstDay),
            LastDay = Pick(LastDay),
            DateFlags = Pick(DateFlags),
            Confidence = Pick(Confidence),
            A = Pick(A),
            B = Pick(B),
            Type = Pick(Type),
            Value = Pick(Value),
            Ref = Pick(Ref),
            SourceStart = sourceStart,
            SourceIndex = [.. sourceIndex],
            Notes = Pick(Notes),
            Amounts = amounts,
        };
    }

    public static byte PackDate(EvidenceDate date) =>
        (byte)((int)date.StartPrecision | ((int)date.EndPrecision << 2) | (date.IsSpan ? SpanFlag : 0));
}
