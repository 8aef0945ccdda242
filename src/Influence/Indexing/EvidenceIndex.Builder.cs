using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.Indexing;

public sealed partial class EvidenceIndex
{
    /// <summary>
    /// The passes that fill the index. Every per-period sum is added in canonical evidence order by one thread, so the
    /// values do not depend on the number of threads.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item><description>Rows are split into chunks; each chunk rolls its dyadic items up to their pairs and numbers
    /// the pairs it meets in first-seen order. Merging the chunks' lists in chunk order gives the pairs numbered in
    /// first-seen canonical order, whatever the chunking. Each roll-up's row count and kinds give each pair's
    /// entry count and kinds without another pass over the rows.</description></item>
    /// <item><description>A counting sort by pair (chunk by chunk, so each pair's items stay in canonical order)
    /// writes each item's row and a compact copy of what aggregation needs (16 bytes) into the pair's bucket: reads
    /// are sequential, writes go to one cursor per pair.</description></item>
    /// <item><description>Pairs are aggregated in parallel, each by one thread, reading its bucket sequentially and
    /// writing only its own support and coercion blocks and activity counts; then each pair's rows are grouped by kind
    /// (each kind in canonical order).</description></item>
    /// </list>
    /// The dyad-level sums (demands, presence, overreach, commitments) and the demand sums by issue are built per pair
    /// when read (<see cref="DyadLevel"/>, <see cref="PairDemands"/>), from the pair's grouped rows.
    /// </remarks>
    private sealed class Builder
    {
        private const int Groups = GroupCount;
        private const int RowsPerChunk = 1 << 18;

        private readonly Case _case;
        private readonly PeriodGrid _grid;
        private readonly ScoringOptions _options;
        private readonly EvidenceColumns _c;
        private readonly int _t;
        private readonly int _threads;
        private bool[] _topLevel = [];
        private int _day0;
        private int _day1;
        private int[]? _dayPeriod;

        /// <summary>The confidence weight of each confidence level and the compliance credit of each response.</summary>
        private (double[] Confidence, double[] Credit) ItemWeights { get; }

        /// <summary>The diffuse-obligation value of each commitment formality.</summary>
        private readonly double[] _formality;

        public Builder(Case @case, PeriodGrid grid, ScoringOptions options)
        {
            _case = @case;
            _grid = grid;
            _options = options;
            ItemWeights = (ConfidenceWeights(), [.. Enumerable.Range(0, 4).Select(i => options.Compliance.Credit((DemandResponse)i))]);
            _formality = [.. Enumerable.Range(0, 4).Select(i => options.DiffuseObligation.Of((CommitmentFormality)i))];
            _c = @case.Evidence.Columns;
            _t = grid.Count;
            _threads = options.MaxDegreeOfParallelism;
        }

        /// <summary>Every pair's number by its (from, to) key.</summary>
        public PairMap Pairs { get; private set; } = new(16);

        public int[] PairFrom { get; private set; } = [];

        public int[] PairTo { get; private set; } = [];

        /// <summary>Per stored group (support, coercion), each pair's block number, or −1 when it has no item of the kind.</summary>
        public int[][] GroupBlock { get; private set; } = [];

        /// <summary>
        /// The first period of each pair's active span: the periods from the first to the last that any of its items
        /// touches inside the grid. A pair's sums and counts are stored over that span only; outside it they are 0.
        /// </summary>
        public int[] PairLo { get; private set; } = [];

        /// <summary>Running total of the pairs' active-span lengths: pair p's span has PairCells[p + 1] − PairCells[p] periods.</summary>
        public int[] PairCells { get; private set; } = [];

        /// <summary>
        /// Per stored group (support, coercion), where each block's sums start in that group's sum columns (block b of group g holds
        /// BlockCells[g][b + 1] − BlockCells[g][b] periods, its pair's active span); its running counts start at
        /// BlockCells[g][b] + b in the group's count column (one more value per block).
        /// </summary>
        public int[][] BlockCells { get; private set; } = [];

        public double[][] SumData { get; private set; } = [];

        public int[][] CountData { get; private set; } = [];

        public int[] Activity { get; private set; } = [];

        public int[] FirstSupport { get; private set; } = [];

        public int[] PairItemStart { get; private set; } = [];

        /// <summary>
        /// Where each kind's items start in a pair's list: group g of pair p is PairItems[PairGroupStart[p × 6 + g] …
        /// PairGroupStart[p × 6 + g + 1] − 1] (<see cref="Group"/> order; the last entry is the total).
        /// </summary>
        public int[] PairGroupStart { get; private set; } = [];

        public int[] PairItems { get; private set; } = [];

        public int[] IssueSlotStart { get; private set; } = [];

        public int[] IssueSlotIssue { get; private set; } = [];

        public int[][] AncestorsOrSelf { get; private set; } = [];

        public int[][] ObjectivesByHolder { get; private set; } = [];

        public int[] OutStart { get; private set; } = [];

        public int[] OutPairs { get; private set; } = [];

        public int[] InStart { get; private set; } = [];

        public int[] InPairs { get; private set; } = [];

        public bool[] Outermost { get; private set; } = [];

        /// <summary>Every pair's support items (<see cref="Indexing.SupportItems"/>), when the build was asked to keep them.</summary>
        public SupportItems? SupportItems { get; private set; }

        /// <summary>Runs the passes.</summary>
        /// <param name="keepSupportItems">Whether to write every pair's support items (<see cref="SupportItems"/>) while aggregating.</param>
        /// <param name="keepEntries">
        /// Whether to keep the build's compact entries after the build, for the dyad-level sums (<see cref="DyadLevel"/>,
        /// <see cref="PairDemands"/>) to read instead of the evidence columns, until <see cref="ReleaseEntries"/>.
        /// </param>
        public void Run(bool keepSupportItems, bool keepEntries)
        {
            var trace = new PhaseTrace("index build");
            void Lap(string what) => trace.Lap(what);

            BuildAncestors();
            BuildDayLookup();
            Lap("ancestors and day table");
            var chunks = MapPairs();
            Lap("roll-up to pairs");
            // The chunks' arrays and the entries are dropped as soon as they are used, so that the collector can
            // reclaim them while the pair blocks are allocated.
            var (entries, masks) = Scatter(chunks);
            Lap("counting sort by pair");
            AggregatePairs(entries, masks, keepSupportItems, Lap);
            Lap("aggregation into blocks");
            GroupPairItems(entries, keepEntries);
            Lap("rows grouped by kind");

            IndexAdjacency();
            GroupObjectives();
            Lap("adjacency and objectives");
        }

        /// <summary>
        /// What every actor receives (<see cref="AggregateSupportReceived"/>), built when first read: most measures never
        /// read it. Split over <paramref name="threads"/> threads by receiving actor; the values do not depend on it.
        /// </summary>
        /// <param name="threads">The threads to split the work over.</param>
        /// <param name="support">Every pair's compact support items (<see cref="Indexing.SupportItems"/>), which it is built from.</param>
        public ReceivedParts BuildReceived(int threads, SupportItems support)
        {
            var (sums, counts) = AggregateSupportReceived(threads, support);
            return new ReceivedParts(sums, counts);
        }

        /// <summary>The objectives' attainment sums and items, built when first read.</summary>
        public ObjectiveParts BuildObjectives()
        {
            var (objectiveRows, _) = NonDyadicRows(objectives: true, capabilities: false);
            return AggregateObjectives(objectiveRows);
        }

        /// <summary>The actors' capabilities by period, built when first read.</summary>
        public CapabilityParts BuildCapabilities()
        {
            var (_, capabilityRows) = NonDyadicRows(objectives: false, capabilities: true);
            return IndexCapabilities(capabilityRows);
        }

        /// <summary>
        /// Every pair's support items (<see cref="Indexing.SupportItems"/>) from its support rows in the evidence
        /// columns, when the build did not keep them: the same values the build writes from its entries. Split over
        /// <paramref name="threads"/> threads by pair.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public SupportItems BuildSupportItems(int threads)
        {
            var pairs = PairFrom.Length;
            var start = new int[pairs + 1];
            for (var p = 0; p < pairs; p++)
            {
                var (first, end) = (PairGroupStart[p * Groups], PairGroupStart[(p * Groups) + 1]);
                start[p + 1] = start[p] + (end - first);
            }

            var items = GC.AllocateUninitializedArray<SupportItem>(start[pairs]);
            var codes = GC.AllocateUninitializedArray<byte>(start[pairs]);
            var confidence = ItemWeights.Confidence;
            var c = _c;
            var parts = Math.Max(1, Math.Min(threads, pairs));
            ForEach(parts, threads, part =>
            {
                for (var p = (int)((long)pairs * part / parts); p < (int)((long)pairs * (part + 1) / parts); p++)
                {
                    var k = start[p];
                    foreach (var row in GroupRows(p, Group.Support))
                    {
                        items[k] = new SupportItem(confidence[c.Confidence[row]] * c.Value[row], c.FirstDay[row], c.LastDay[row]);
                        codes[k++] = Indexing.SupportItems.Code(c.Type[row], c.IsSpan(row));
                    }
                }
            });

            return new SupportItems(items, codes, start);
        }

        private void BuildAncestors()
        {
            var actors = _case.Actors;
            AncestorsOrSelf = new int[actors.Length][];
            for (var i = 0; i < actors.Length; i++)
            {
                var chain = new List<int> { i };
                var current = actors[i];
                while (current.Parent is { } parent)
                {
                    var p = _case.ActorIndexOf(parent);
                    chain.Add(p);
                    current = actors[p];
                }

                AncestorsOrSelf[i] = [.. chain];
            }

            _topLevel = [.. AncestorsOrSelf.Select(chain => chain.Length == 1)];
        }

        private bool Related(int a, int b) => Contains(AncestorsOrSelf[a], b) || Contains(AncestorsOrSelf[b], a);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Contains(int[] chain, int actor)
        {
            foreach (var x in chain)
            {
                if (x == actor)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A table from day to period position, equal to <see cref="PeriodGrid.IndexOfDay"/>.</summary>
        private void BuildDayLookup()
        {
            _day0 = _grid.StartDay(0);
            _day1 = _grid.StartDay(_t);
            if ((long)_day1 - _day0 > 1 << 23)
            {
                return;
            }

            _dayPeriod = new int[_day1 - _day0];
            for (var t = 0; t < _t; t++)
            {
                _dayPeriod.AsSpan(_grid.StartDay(t) - _day0, _grid.StartDay(t + 1) - _grid.StartDay(t)).Fill(t);
            }
        }

        /// <summary>The period position of a day: <see cref="PeriodGrid.IndexOfDay"/>, by table when the grid allows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int PeriodOfDay(int day) =>
            day < _day0 ? -1 : day >= _day1 ? _t : _dayPeriod is { } table ? table[day - _day0] : _grid.IndexOfDay(day);

        /// <summary>Pass 1: each chunk's dyadic rows rolled up to pairs, numbered globally in first-seen order.</summary>
        private Chunk[] MapPairs()
        {
            var n = _c.Count;
            var count = Math.Max(1, Math.Min(_threads, (n + RowsPerChunk - 1) / RowsPerChunk));
            var chunks = new Chunk[count];
            for (var i = 0; i < count; i++)
            {
                chunks[i] = new Chunk((int)((long)n * i / count), (int)((long)n * (i + 1) / count));
            }

            ForEach(count, i => MapChunk(chunks[i]));

            var global = new PairMap(1024);
            var from = new List<int>();
            var to = new List<int>();
            foreach (var chunk in chunks)
            {
                chunk.Remap = new int[chunk.Keys.Count];
                for (var k = 0; k < chunk.Keys.Count; k++)
                {
                    var key = chunk.Keys[k];
                    var id = global.GetOrAdd(key, from.Count);
                    if (id == from.Count)
                    {
                        from.Add((int)(key >> 32));
                        to.Add((int)(uint)key);
                    }

                    chunk.Remap[k] = id;
                }
            }

            PairFrom = [.. from];
            PairTo = [.. to];
            Pairs = global;

            var pairs = PairFrom.Length;
            ForEach(count, i => Remap(chunks[i], pairs));
            return chunks;
        }

        /// <summary>A chunk's pair numbers made global, its count of entries per pair and the kinds of each pair.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Remap(Chunk chunk, int pairs)
        {
            var counts = new int[pairs];
            var masks = new byte[pairs];
            var ids = chunk.RollUpIds;
            var remap = chunk.Remap;
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = remap[ids[i]];
            }

            var start = chunk.RollUpStart;
            for (var r = 0; r + 1 < start.Length; r++)
            {
                for (var i = start[r]; i < start[r + 1]; i++)
                {
                    counts[ids[i]] += chunk.RollUpUses[r];
                    masks[ids[i]] |= chunk.RollUpKinds[r];
                }
            }

            chunk.Counts = counts;
            chunk.Masks = masks;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void MapChunk(Chunk chunk)
        {
            var a = _c.A;
            var b = _c.B;
            var kinds = _c.Kind;
            var anc = AncestorsOrSelf;
            var topLevel = _topLevel;
            var local = new PairMap(256);

            // Each (actor, actor) pair's roll-up, worked out the first time it occurs: its pairs' local numbers, in the
            // order the loop over ancestors meets them, so pairs are numbered as if every row were rolled up.
            var rollUps = new PairMap(256);
            var rollUpStart = new List<int>();
            var rollUpIds = new List<int>();

            // How many rows use each roll-up, and the kinds they have (a bit per group): the per-pair counts and
            // kinds then cost one step per roll-up, not per row.
            var uses = new int[256];
            var kindMask = new byte[256];

            // Each row keeps the number of its roll-up (−1 for a row that is not dyadic), not its pairs.
            var rowRollUp = GC.AllocateUninitializedArray<int>(chunk.RowEnd - chunk.RowStart);
            for (var row = chunk.RowStart; row < chunk.RowEnd; row++)
            {
                var to = b[row];
                if (to < 0)
                {
                    rowRollUp[row - chunk.RowStart] = -1;
                    continue;
                }

                var from = a[row];
                var r = rollUps.GetOrAdd(Key(from, to), rollUpStart.Count);
                if (r == rollUpStart.Count)
                {
                    rollUpStart.Add(rollUpIds.Count);
                    if (r == uses.Length)
                    {
                        Array.Resize(ref uses, 2 * r);
                        Array.Resize(ref kindMask, 2 * r);
                    }

                    if (topLevel[from] && topLevel[to])
                    {
                        rollUpIds.Add(LocalId(chunk, local, Key(from, to)));
                    }
                    else
                    {
                        foreach (var x in anc[from])
                        {
                            foreach (var y in anc[to])
                            {
                                if (!Related(x, y))
                                {
                                    rollUpIds.Add(LocalId(chunk, local, Key(x, y)));
                                }
                            }
                        }
                    }

                }

                rowRollUp[row - chunk.RowStart] = r;
                uses[r]++;
                kindMask[r] |= KindBit[kinds[row]];
            }

            rollUpStart.Add(rollUpIds.Count);
            chunk.RollUpUses = uses;
            chunk.RollUpKinds = kindMask;
            chunk.RowRollUp = rowRollUp;
            chunk.RollUpStart = [.. rollUpStart];
            chunk.RollUpIds = [.. rollUpIds];
        }

        /// <summary>The chunk's number of a pair, numbering it if it is new.</summary>
        private static int LocalId(Chunk chunk, PairMap local, long key)
        {
            var id = local.GetOrAdd(key, chunk.Keys.Count);
            if (id == chunk.Keys.Count)
            {
                chunk.Keys.Add(key);
            }

            return id;
        }

        /// <summary>Pass 2: every (pair, row) entry into its pair's bucket, in canonical order within the pair.</summary>
        private (Entry[] Entries, byte[] Masks) Scatter(Chunk[] chunks)
        {
            var pairs = PairFrom.Length;
            var masks = new byte[pairs];
            foreach (var chunk in chunks)
            {
                for (var p = 0; p < pairs; p++)
                {
                    masks[p] |= chunk.Masks[p];
                }
            }

            PairItemStart = new int[pairs + 1];
            long total = 0;
            for (var p = 0; p < pairs; p++)
            {
                PairItemStart[p] = (int)total;
                foreach (var chunk in chunks)
                {
                    var c = chunk.Counts[p];
                    chunk.Counts[p] = (int)total;
                    total += c;
                }
            }

            if (total > int.MaxValue)
            {
                throw new InvalidOperationException($"the case rolls up to {total} (pair, item) entries; at most {int.MaxValue} are supported");
            }

            PairItemStart[pairs] = (int)total;
            PairItems = GC.AllocateUninitializedArray<int>((int)total);
            var entries = GC.AllocateUninitializedArray<Entry>((int)total);
            var confidence = ItemWeights.Confidence;
            ForEach(chunks.Length, i => ScatterChunk(chunks[i], entries, confidence));
            foreach (var chunk in chunks)
            {
                chunk.Release();
            }

            return (entries, masks);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ScatterChunk(Chunk chunk, Entry[] entries, double[] confidence)
        {
            var cursor = chunk.Counts;
            var (rowRollUp, start, ids) = (chunk.RowRollUp, chunk.RollUpStart, chunk.RollUpIds);
            var c = _c;
            var (kinds, values, confidences, firsts, lasts, refs, types, flags) = (c.Kind, c.Value, c.Confidence, c.FirstDay, c.LastDay, c.Ref, c.Type, c.DateFlags);
            var salience = _options.Compliance.RedLineSalience;
            for (var row = chunk.RowStart; row < chunk.RowEnd; row++)
            {
                var r = rowRollUp[row - chunk.RowStart];
                if (r < 0)
                {
                    continue;
                }

                var kind = kinds[row];
                var value = values[row];
                var days = (long)lasts[row] - firsts[row];
                var typed = kind is (byte)EvidenceKind.Demand or (byte)EvidenceKind.Commitment;
                var entry = new Entry
                {
                    WeightedValue = confidence[confidences[row]] * value,
                    First = firsts[row],
                    Days = days < Entry.LongItem ? (ushort)days : Entry.LongItem,
                    Code = (byte)(kind
                        | (typed ? (types[row] & 0x03) << 4 : 0)
                        | ((flags[row] & EvidenceColumns.SpanFlag) != 0 ? 0x40 : 0)
                        | (kind == (byte)EvidenceKind.Demand && value >= salience ? Entry.RedLineBit : 0)),
                    IssueOrMarker = kind == (byte)EvidenceKind.Support ? types[row]
                        : kind == (byte)EvidenceKind.Demand && refs[row] < Entry.LargeIssue ? (byte)refs[row] : Entry.LargeIssue,
                    Row = row,
                };
                for (var x = start[r]; x < start[r + 1]; x++)
                {
                    entries[cursor[ids[x]]++] = entry;
                }
            }
        }

        private double[] ConfidenceWeights()
        {
            var w = new double[3];
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = _options.Confidence.Of((Confidence)i);
            }

            return w;
        }

        /// <summary>
        /// Pass 3: each pair's per-period support and coercion sums and counts, its activity counts, its demands' issues
        /// and its first support period, one pair per thread.
        /// </summary>
        private void AggregatePairs(Entry[] entries, byte[] masks, bool keepSupportItems, Action<string> lap)
        {
            var pairs = PairFrom.Length;
            var ranges = PairRanges();

            var supportStart = ActiveSpans(entries, ranges, keepSupportItems);
            SupportItems = supportStart is null ? null
                : new SupportItems(GC.AllocateUninitializedArray<SupportItem>(supportStart[pairs]), GC.AllocateUninitializedArray<byte>(supportStart[pairs]), supportStart);
            GroupBlock = new int[StoredGroups][];
            BlockCells = new int[StoredGroups][];
            var blocks = new int[StoredGroups];
            for (var g = 0; g < StoredGroups; g++)
            {
                GroupBlock[g] = new int[pairs];
                var cells = new List<int> { 0 };
                for (var p = 0; p < pairs; p++)
                {
                    if ((masks[p] & (1 << g)) != 0)
                    {
                        GroupBlock[g][p] = blocks[g]++;
                        cells.Add(checked(cells[^1] + (PairCells[p + 1] - PairCells[p])));
                    }
                    else
                    {
                        GroupBlock[g][p] = -1;
                    }
                }

                BlockCells[g] = [.. cells];
            }

            var sumKinds = Enum.GetValues<PairSum>();
            SumData = new double[sumKinds.Length][];
            foreach (var k in sumKinds)
            {
                // The dyad-level sums (and the red-line sums) are built per pair when read (EvidenceIndex.DyadLevel,
                // EvidenceIndex.PairDemands).
                SumData[(int)k] = (int)GroupOf(k) >= StoredGroups || k is PairSum.RedLineWeight or PairSum.RedLineDefied ? [] : GC.AllocateUninitializedArray<double>(BlockCells[(int)GroupOf(k)][^1]);
            }

            CountData = new int[StoredGroups][];
            for (var g = 0; g < StoredGroups; g++)
            {
                CountData[g] = GC.AllocateUninitializedArray<int>(checked(BlockCells[g][^1] + blocks[g]));
            }

            // Blocks are allocated uninitialised and zeroed by the thread that aggregates their pair (AggregatePair): a
            // page's first touch is then a write, not a read of the shared zero page followed by a copy-on-write fault.
            Activity = GC.AllocateUninitializedArray<int>(checked(PairCells[pairs] + pairs));
            FirstSupport = new int[pairs];
            PairGroupStart = new int[(pairs * Groups) + 1];
            PairGroupStart[pairs * Groups] = PairItemStart[pairs];
            var pairIssues = new int[pairs][];

            lap("block allocation");
            ForEach(ranges.Length - 1, r =>
            {
                var list = new List<int>();
                for (var p = ranges[r]; p < ranges[r + 1]; p++)
                {
                    AggregatePair(p, entries, (masks[p] & (1 << (int)Group.Demand)) != 0, list, pairIssues);
                }
            });

            // Each pair's issues (ascending) get consecutive slots, in pair order.
            IssueSlotStart = new int[pairs + 1];
            for (var p = 0; p < pairs; p++)
            {
                IssueSlotStart[p + 1] = IssueSlotStart[p] + (pairIssues[p]?.Length ?? 0);
            }

            IssueSlotIssue = new int[IssueSlotStart[pairs]];
            for (var p = 0; p < pairs; p++)
            {
                pairIssues[p]?.CopyTo(IssueSlotIssue, IssueSlotStart[p]);
            }

        }

        /// <summary>
        /// Each pair's active span (<see cref="PairLo"/>, <see cref="PairCells"/>): from the period of its earliest
        /// first day to the period of its latest last day, clipped to the grid; empty when that leaves no period. The
        /// span covers every period any of its entries touches in the grid (it may also cover periods none touches,
        /// between an item before the grid and one after it, which then hold zeros as the rest of the span does).
        /// </summary>
        /// <returns>
        /// With <paramref name="countSupport"/>, where each pair's support items start among all pairs' (the last
        /// entry is the total); otherwise null.
        /// </returns>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int[]? ActiveSpans(Entry[] entries, int[] ranges, bool countSupport)
        {
            var pairs = PairFrom.Length;
            var t = _t;
            PairLo = new int[pairs];
            var length = new int[pairs];
            var support = countSupport ? new int[pairs + 1] : null;
            ForEach(ranges.Length - 1, r =>
            {
                for (var p = ranges[r]; p < ranges[r + 1]; p++)
                {
                    int firstDay = int.MaxValue, lastDay = int.MinValue, supportItems = 0;
                    for (var k = PairItemStart[p]; k < PairItemStart[p + 1]; k++)
                    {
                        ref readonly var e = ref entries[k];
                        firstDay = Math.Min(firstDay, e.First);
                        lastDay = Math.Max(lastDay, LastDay(e));
                        supportItems += e.Kind == (byte)EvidenceKind.Support ? 1 : 0;
                    }

                    if (support is not null)
                    {
                        support[p + 1] = supportItems;
                    }

                    var lo = PairItemStart[p] == PairItemStart[p + 1] ? t : Math.Max(PeriodOfDay(firstDay), 0);
                    var hi = PairItemStart[p] == PairItemStart[p + 1] ? -1 : Math.Min(PeriodOfDay(lastDay), t - 1);
                    PairLo[p] = lo <= hi ? lo : 0;
                    length[p] = lo <= hi ? hi - lo + 1 : 0;
                }
            });

            // The blocks hold a cell per pair and period of its active span (and a count per pair): refused, with the
            // counts, when they would not fit in an array. Only here are the spans known; the sizes checked before the
            // build (dyads, actors and objectives × periods) do not bound them.
            PairCells = new int[pairs + 1];
            var spans = 0L;
            for (var p = 0; p < pairs; p++)
            {
                spans += length[p];
                PairCells[p + 1] = (int)Math.Min(spans, int.MaxValue);
                if (support is not null)
                {
                    support[p + 1] += support[p];
                }
            }

            if (spans + pairs > Array.MaxLength)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the evidence's {pairs} pairs of actors are active over {spans} pair-periods in all (each pair from the period of its first item to that of its last, within the grid's {t} {Scorer.Adjective(_grid.Granularity)} periods, {_grid.First}–{_grid.Last}), more than an array holds ({Array.MaxLength}); score a shorter range or a coarser granularity, or check the dates of the earliest and latest items"));
            }

            return support;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AggregatePair(int p, Entry[] entries, bool hasDemands, List<int> list, int[][] pairIssues)
        {
            var t = _t;
            var start = PairItemStart[p];
            var end = PairItemStart[p + 1];
            if (hasDemands)
            {
                list.Clear();
                for (var k = start; k < end; k++)
                {
                    if (entries[k].Kind == (byte)EvidenceKind.Demand && !list.Contains(Issue(entries[k])))
                    {
                        list.Add(Issue(entries[k]));
                    }
                }

                list.Sort();
                pairIssues[p] = [.. list];
            }

            var support = Span(PairSum.Support, p);
            var coercion = Span(PairSum.Coercion, p);
            var supportCount = CountSpan(Group.Support, p);
            var coercionCount = CountSpan(Group.Coercion, p);
            var activity = ActivitySpan(p);
            var lo = PairLo[p];
            activity.Clear();
            supportCount.Clear();
            coercionCount.Clear();
            support.Clear();
            coercion.Clear();
            var days = _grid.StartDays;
            var years = _grid.YearDays;
            var (supportItems, supportCodes) = (SupportItems?.Items, SupportItems?.Codes);
            var supportNext = SupportItems?.Start[p] ?? 0;
            for (var k = start; k < end; k++)
            {
                ref readonly var e = ref entries[k];
                var lastDay = LastDay(e);
                if (supportItems is not null && e.Kind == (byte)EvidenceKind.Support)
                {
                    // Every support item, in the grid or not (the support rows' order: GroupPairItems keeps it).
                    supportItems[supportNext] = new SupportItem(e.WeightedValue, e.First, lastDay);
                    supportCodes![supportNext++] = Indexing.SupportItems.Code(e.IssueOrMarker, e.IsSpan);
                }

                var first = PeriodOfDay(e.First);
                var last = PeriodOfDay(lastDay);
                var t0 = Math.Max(first, 0);
                var t1 = Math.Min(last, t - 1);
                if (t0 > t1)
                {
                    continue;
                }

                // Every kind counts as activity; only support and coercion are summed here (the dyad-level kinds are
                // summed per pair when read: DyadLevel).
                Touch(activity, t0 - lo, t1 - lo);
                if (e.Kind == (byte)EvidenceKind.Support)
                {
                    Spread(support, supportCount, e.WeightedValue, e.First, lastDay, e.IsSpan, first, last, t0, t1, lo, days, years);
                }
                else if (e.Kind == (byte)EvidenceKind.Coercion)
                {
                    Spread(coercion, coercionCount, e.WeightedValue, e.First, lastDay, e.IsSpan, first, last, t0, t1, lo, days, years);
                }
            }

            // The counts hold differences (see Touch): one pass makes them running totals of per-period counts.
            RunningTotals(activity);
            var firstSupport = RunningTotals(supportCount);
            FirstSupport[p] = firstSupport < 0 ? -1 : firstSupport + lo;
            RunningTotals(coercionCount);
        }

        /// <summary>
        /// Pair <paramref name="p"/>'s sums and counts of the dyad-level kinds (demands, presence, overreach,
        /// commitments) into <paramref name="into"/>, over the pair's active span. Each kind's items are read in
        /// canonical order from the evidence columns and spread over their periods as the stored kinds are, so every
        /// cell receives the same terms in the same order as it would in a stored block.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void DyadLevel(int p, DyadLevelSums into)
        {
            var has = 0;
            for (var slot = 0; slot < DyadLevelSums.CountSlots.Length; slot++)
            {
                has |= GroupRows(p, GroupOf(DyadLevelSums.CountSlots[slot])).IsEmpty ? 0 : 1 << slot;
            }

            var lo = PairLo[p];
            into.Reset(p, lo, PairCells[p + 1] - PairCells[p], has);
            var (confidence, credit) = ItemWeights;
            var days = _grid.StartDays;
            var years = _grid.YearDays;

            // Every dyad-level item of the pair at once, group after group (the count slots' kinds are those groups).
            var all = Gather(p, Group.Demand, Group.Commitment, confidence);
            var groupStart = PairGroupStart.AsSpan(p * Groups, Groups + 1);
            for (var slot = 0; slot < DyadLevelSums.CountSlots.Length; slot++)
            {
                var kind = DyadLevelSums.CountSlots[slot];
                var count = into.CountCells(slot);

                // Sum slots: demands 0–2 (weight, met, defied), presence 3, overreach 4, commitments 5–6 (weight, formality).
                var firstSlot = kind switch
                {
                    PairCount.Demand => 0,
                    PairCount.Presence => 3,
                    PairCount.Overreach => 4,
                    _ => 5,
                };
                var a = into.SumCells(firstSlot);
                var b = kind is PairCount.Demand or PairCount.Commitment ? into.SumCells(firstSlot + 1) : default;
                var d = kind is PairCount.Demand ? into.SumCells(firstSlot + 2) : default;
                var g = (int)GroupOf(kind);
                var items = all.Slice(groupStart[g] - groupStart[(int)Group.Demand], groupStart[g + 1] - groupStart[g]);
                if (kind == PairCount.Demand && into.KeepsDemands)
                {
                    var demands = into.DemandBuffer(items.Length);
                    for (var k = 0; k < items.Length; k++)
                    {
                        demands[k] = new DemandFields(items[k].Weighted, items[k].FirstDay, items[k].LastDay, items[k].Span, items[k].Type);
                    }
                }

                foreach (ref readonly var item in items)
                {
                    var (weighted, firstDay, lastDay, span) = (item.Weighted, item.FirstDay, item.LastDay, item.Span);
                    var first = PeriodOfDay(firstDay);
                    var last = PeriodOfDay(lastDay);
                    var t0 = Math.Max(first, 0);
                    var t1 = Math.Min(last, _t - 1);
                    if (t0 > t1)
                    {
                        continue;
                    }

                    switch (kind)
                    {
                        case PairCount.Demand:
                            {
                                var type = item.Type;
                                var defied = (DemandResponse)type is DemandResponse.Defied or DemandResponse.Ignored;
                                var met = credit[type];
                                Touch(count, t0 - lo, t1 - lo);
                                for (var q = t0; q <= t1; q++)
                                {
                                    var s = weighted * Share(firstDay, lastDay, span, first, last, days, years, q);
                                    a[q - lo] += s;
                                    b[q - lo] += s * met;
                                    if (defied)
                                    {
                                        d[q - lo] += s;
                                    }
                                }

                                break;
                            }

                        case PairCount.Commitment:
                            {
                                var f = _formality[item.Type];
                                Touch(count, t0 - lo, t1 - lo);
                                for (var q = t0; q <= t1; q++)
                                {
                                    var s = weighted * Share(firstDay, lastDay, span, first, last, days, years, q);
                                    a[q - lo] += s;
                                    b[q - lo] += s * f;
                                }

                                break;
                            }

                        default:
                            Spread(a, count, weighted, firstDay, lastDay, span, first, last, t0, t1, lo, days, years);
                            break;
                    }
                }

                RunningTotals(count);
            }
        }

        /// <summary>Pair p's rows of one group's kind, in canonical order (after the rows are grouped by kind).</summary>
        private ReadOnlySpan<int> GroupRows(int p, Group group)
        {
            var g = (p * Groups) + (int)group;
            return PairItems.AsSpan(PairGroupStart[g], PairGroupStart[g + 1] - PairGroupStart[g]);
        }

        /// <summary>
        /// What <see cref="DyadLevel"/> and <see cref="PairDemands"/> read of pair <paramref name="p"/>'s items of the
        /// groups <paramref name="first"/> … <paramref name="last"/>, in a per-thread buffer laid out as the pair's rows
        /// are (group after group, each in canonical order): from the kept entries when the build kept them (one sweep
        /// over the pair's entries for all the groups), else from the evidence columns (scattered rows). Both give the
        /// same items.
        /// </summary>
        private ReadOnlySpan<DyadItem> Gather(int p, Group first, Group last, double[] confidence)
        {
            var g = p * Groups;
            var rows = PairItems.AsSpan(PairGroupStart[g + (int)first], PairGroupStart[g + (int)last + 1] - PairGroupStart[g + (int)first]);
            return Volatile.Read(ref _entries) is { } entries
                ? FromEntries(entries.AsSpan(PairItemStart[p], PairItemStart[p + 1] - PairItemStart[p]), PairGroupStart.AsSpan(g + (int)first, (int)last - (int)first + 2), (int)first)
                : Gather(rows, confidence);
        }

        /// <summary>
        /// What <see cref="Gather(ReadOnlySpan{int}, double[])"/> gives for a pair's rows of consecutive groups, from its
        /// <paramref name="entries"/> (in canonical order) in one sweep: each entry of group <paramref name="first"/> + i
        /// goes to that group's place, <paramref name="starts"/>[i] − <paramref name="starts"/>[0] on. The evidence
        /// columns are read only for the rare long item or issue numbered 255 or more.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private ReadOnlySpan<DyadItem> FromEntries(ReadOnlySpan<Entry> entries, ReadOnlySpan<int> starts, int first)
        {
            var count = starts[^1] - starts[0];
            var items = ThreadBuffer.Get(ref _dyadItems, count);
            Span<int> at = stackalloc int[Groups];
            for (var i = 0; i + 1 < starts.Length; i++)
            {
                at[i] = starts[i] - starts[0];
            }

            var groups = starts.Length - 1;
            var n = 0;
            for (var k = 0; k < entries.Length && n < count; k++)
            {
                ref readonly var e = ref entries[k];
                var i = KindGroup[e.Kind] - first;
                if ((uint)i < (uint)groups)
                {
                    items[at[i]++] = new DyadItem(e.WeightedValue, e.First, LastDay(e), e.IsSpan, e.Type, e.Kind == (byte)EvidenceKind.Demand ? Issue(e) : 0, e.IsRedLine);
                    n++;
                }
            }

            return items.AsSpan(0, count);
        }

        /// <summary>
        /// What <see cref="DyadLevel"/> and <see cref="PairDemands"/> read of each of <paramref name="rows"/>, in order, in a per-thread buffer: the
        /// rows lie scattered over the evidence columns, and this tight loop lets their reads overlap.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private ReadOnlySpan<DyadItem> Gather(ReadOnlySpan<int> rows, double[] confidence)
        {
            var items = ThreadBuffer.Get(ref _dyadItems, rows.Length);
            var (confidences, values, firsts, lasts, flags, types, refs) = (_c.Confidence, _c.Value, _c.FirstDay, _c.LastDay, _c.DateFlags, _c.Type, _c.Ref);
            var salience = _options.Compliance.RedLineSalience;
            for (var k = 0; k < rows.Length; k++)
            {
                var row = rows[k];
                var value = values[row];
                items[k] = new DyadItem(confidence[confidences[row]] * value, firsts[row], lasts[row], (flags[row] & EvidenceColumns.SpanFlag) != 0, (byte)(types[row] & 0x03), refs[row], value >= salience);
            }

            return items.AsSpan(0, rows.Length);
        }

        [ThreadStatic]
        private static DyadItem[]? _dyadItems;

        /// <summary>
        /// A dyad-level item as <see cref="DyadLevel"/> and <see cref="PairDemands"/> spread it: weight × confidence,
        /// days, span flag, response or formality, and for a demand its issue and whether it is a red line.
        /// </summary>
        private readonly record struct DyadItem(double Weighted, int FirstDay, int LastDay, bool Span, byte Type, int Ref, bool RedLine);

        /// <summary>Every pair's rows grouped by kind (<see cref="GroupPairItems(int, Entry[])"/>), in parallel.</summary>
        private void GroupPairItems(Entry[] entries, bool keepEntries)
        {
            var ranges = PairRanges();
            ForEach(ranges.Length - 1, r =>
            {
                for (var p = ranges[r]; p < ranges[r + 1]; p++)
                {
                    GroupPairItems(p, entries);
                }
            });
            _entries = keepEntries ? entries : null;
        }

        /// <summary>
        /// The build's entries, each pair's in canonical order (<see cref="PairItemStart"/>), when the build was asked to
        /// keep them; null otherwise and once released.
        /// </summary>
        private Entry[]? _entries;

        /// <summary>
        /// Drops the kept entries: the dyad-level sums are then read from the evidence columns, with the same values.
        /// </summary>
        public void ReleaseEntries() => Volatile.Write(ref _entries, null);

        /// <summary>Whether the entries are kept.</summary>
        public bool KeepsEntries => Volatile.Read(ref _entries) is not null;

        /// <summary>
        /// Orders pair <paramref name="p"/>'s rows by kind (<see cref="Group"/> order), each kind's rows staying in
        /// canonical order, and records where each kind starts: a measure that reads one kind's items then reads only
        /// those. Every sum over one kind's items keeps its order, so no value changes.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void GroupPairItems(int p, Entry[] entries)
        {
            var (start, end) = (PairItemStart[p], PairItemStart[p + 1]);
            Span<int> next = stackalloc int[Groups + 1];
            next.Clear();

            // One pass counts each kind's rows and sees whether they are already grouped (no kind after a later one).
            var sorted = true;
            var previous = 0;
            for (var k = start; k < end; k++)
            {
                var group = KindGroup[entries[k].Kind];
                next[group + 1]++;
                sorted &= group >= previous;
                previous = group;
            }

            next[0] = start;
            for (var g = 0; g < Groups; g++)
            {
                next[g + 1] += next[g];
                PairGroupStart[(p * Groups) + g] = next[g];
            }

            // The rows are written here (the counting sort wrote only the entries, each with its row): in the entries'
            // order when the kinds are already grouped, else kind by kind.
            var items = PairItems;
            if (sorted)
            {
                for (var k = start; k < end; k++)
                {
                    items[k] = entries[k].Row;
                }

                return;
            }

            for (var k = start; k < end; k++)
            {
                items[next[KindGroup[entries[k].Kind]]++] = entries[k].Row;
            }
        }

        /// <summary>
        /// Turns per-period count differences (slot q + 1 for period q; slot 0 is 0) into running totals of the counts
        /// in one pass: the same integers as two prefix passes.
        /// </summary>
        /// <returns>The first period with a positive count, or −1.</returns>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int RunningTotals(Span<int> differences)
        {
            var first = -1;
            int count = 0, total = 0;
            for (var i = 1; i < differences.Length; i++)
            {
                count += differences[i];
                total += count;
                differences[i] = total;
                if (count > 0 && first < 0)
                {
                    first = i - 1;
                }
            }

            return first;
        }

        /// <summary>
        /// A kind with one sum: weight × share into each period the entry touches, and its counts; the pair's sums and
        /// counts start at its active span's first period, <paramref name="lo"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Spread(Span<double> sum, Span<int> count, double weighted, int firstDay, int lastDay, bool span, int first, int last, int t0, int t1, int lo, ReadOnlySpan<int> days, ReadOnlySpan<int> years)
        {
            Touch(count, t0 - lo, t1 - lo);
            for (var q = t0; q <= t1; q++)
            {
                sum[q - lo] += weighted * Share(firstDay, lastDay, span, first, last, days, years, q);
            }
        }

        /// <summary>
        /// Counts an item in periods t0 … t1 (t0 ≤ t1) of per-period counts stored as differences: +1 at t0, −1 after
        /// t1. A prefix pass turns the differences into the counts (the slot before period 0 stays 0).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Touch(Span<int> count, int t0, int t1)
        {
            count[t0 + 1]++;
            if (t1 + 2 < count.Length)
            {
                count[t1 + 2]--;
            }
        }

        /// <summary>
        /// An item's share of period q (<see cref="ShareOf(ReadOnlySpan{int}, ReadOnlySpan{int}, int, int, bool, int)"/>), from
        /// its days and periods. Two cases skip the overlap: a point inside one period has all its days there (exactly
        /// 1), and a span covers every period strictly between its first and last whole (the period's days over its
        /// year's days, the same division ShareOf makes, so the same bits: 1 in a yearly grid).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Share(int firstDay, int lastDay, bool span, int first, int last, ReadOnlySpan<int> days, ReadOnlySpan<int> years, int q) =>
            span
                ? q != first && q != last ? (double)(days[q + 1] - days[q]) / years[q] : ShareOf(days, years, firstDay, lastDay, true, q)
                : first == last ? 1.0 : ShareOf(days, years, firstDay, lastDay, false, q);

        /// <summary>
        /// One pair's demand sums: weight and met weight of each of its issue slots (slot after slot, in
        /// <paramref name="issueWeight"/> and <paramref name="issueMet"/>, <see cref="IssueSlotStart"/> order) and its
        /// red-line weight and defied weight, period by period, cleared first. The pair's demand items are read in
        /// canonical order from the evidence columns and each is spread over its periods exactly as the pair
        /// aggregation spreads it, so every cell receives the same terms in the same order however it is built.
        /// <c>slotOf</c> is work space of one entry per issue of the case.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void PairDemands(int p, Span<double> issueWeight, Span<double> issueMet, Span<double> redWeight, Span<double> redDefied, int[] slotOf)
        {
            var first = IssueSlotStart[p];
            for (var slot = first; slot < IssueSlotStart[p + 1]; slot++)
            {
                slotOf[IssueSlotIssue[slot]] = slot - first;
            }

            issueWeight.Clear();
            issueMet.Clear();
            redWeight.Clear();
            redDefied.Clear();
            var cells = new DemandCells(issueWeight, issueMet, redWeight, redDefied, _t);
            var (confidence, credit) = ItemWeights;
            foreach (ref readonly var item in Gather(p, Group.Demand, Group.Demand, confidence))
            {
                SpreadDemand(cells, slotOf[item.Ref], item.Weighted, item.FirstDay, item.LastDay, item.Span, item.RedLine, item.Type, credit);
            }
        }

        /// <summary>One demand item's weight × share into each period it touches: its issue's sums and the red-line sums.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void SpreadDemand(in DemandCells cells, int slot, double weighted, int firstDay, int lastDay, bool span, bool redLine, int type, double[] credit)
        {
            var first = PeriodOfDay(firstDay);
            var last = PeriodOfDay(lastDay);
            var t0 = Math.Max(first, 0);
            var t1 = Math.Min(last, _t - 1);
            var defied = (DemandResponse)type is DemandResponse.Defied or DemandResponse.Ignored;
            var met = credit[type];
            var at = slot * cells.Periods;
            var days = _grid.StartDays;
            var years = _grid.YearDays;
            for (var q = t0; q <= t1; q++)
            {
                var s = weighted * Share(firstDay, lastDay, span, first, last, days, years, q);
                if (redLine)
                {
                    cells.RedWeight[q] += s;
                    if (defied)
                    {
                        cells.RedDefied[q] += s;
                    }
                }

                cells.IssueWeight[at + q] += s;
                cells.IssueMet[at + q] += s * met;
            }
        }

        /// <summary>Where one pair's demand items are added: its issue slots' sums (slot after slot), and its red-line sums.</summary>
        private readonly ref struct DemandCells(Span<double> issueWeight, Span<double> issueMet, Span<double> redWeight, Span<double> redDefied, int periods)
        {
            public Span<double> IssueWeight { get; } = issueWeight;

            public Span<double> IssueMet { get; } = issueMet;

            public Span<double> RedWeight { get; } = redWeight;

            public Span<double> RedDefied { get; } = redDefied;

            public int Periods { get; } = periods;
        }

        /// <summary>The last day of an entry.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int LastDay(in Entry e) => e.Days != Entry.LongItem ? e.First + e.Days : _c.LastDay[e.Row];

        /// <summary>The issue of a demand entry.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Issue(in Entry e) => e.IssueOrMarker != Entry.LargeIssue ? e.IssueOrMarker : _c.Ref[e.Row];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Prefix(Span<int> running)
        {
            for (var i = 1; i < running.Length; i++)
            {
                running[i] += running[i - 1];
            }
        }

        /// <summary>A pair's sums of one kind over its active span, or empty when it has none of that kind.</summary>
        private Span<double> Span(PairSum sum, int pair)
        {
            var g = (int)GroupOf(sum);
            var block = GroupBlock[g][pair];
            return block < 0 ? default : SumData[(int)sum].AsSpan(BlockCells[g][block], BlockCells[g][block + 1] - BlockCells[g][block]);
        }

        /// <summary>A pair's running counts of one group over its active span (one more value than periods), or empty.</summary>
        private Span<int> CountSpan(Group group, int pair)
        {
            var g = (int)group;
            var block = GroupBlock[g][pair];
            return block < 0 ? default : CountData[g].AsSpan(BlockCells[g][block] + block, BlockCells[g][block + 1] - BlockCells[g][block] + 1);
        }

        /// <summary>A pair's running counts of items of any kind over its active span (one more value than periods).</summary>
        private Span<int> ActivitySpan(int pair) => Activity.AsSpan(PairCells[pair] + pair, PairCells[pair + 1] - PairCells[pair] + 1);

        /// <summary>Pair boundaries splitting the pairs into parts of similar work, many more than threads.</summary>
        private int[] PairRanges() => SplitByWork(PairFrom.Length, _threads, p => PairItemStart[p + 1] - PairItemStart[p] + _t);

        /// <summary>
        /// Boundaries splitting 0 … <paramref name="count"/> − 1 into consecutive parts of similar <paramref name="work"/>,
        /// sixteen per thread (one part on one thread), for <see cref="ForEach(int, int, Action{int})"/>.
        /// </summary>
        private static int[] SplitByWork(int count, int threads, Func<int, long> work)
        {
            var each = new long[count];
            long total = 0;
            for (var i = 0; i < count; i++)
            {
                each[i] = work(i);
                total += each[i];
            }

            var parts = Math.Max(1, Math.Min(count, threads == 1 ? 1 : threads * 16));
            var bounds = new List<int> { 0 };
            long done = 0;
            for (var i = 0; i < count; i++)
            {
                done += each[i];
                if (done * parts >= total * bounds.Count && i + 1 < count)
                {
                    bounds.Add(i + 1);
                }
            }

            bounds.Add(count);
            return [.. bounds];
        }

        /// <summary>The group of each dyadic evidence kind, by kind (0 for the others, which no pair holds).</summary>
        private static readonly byte[] KindGroup = [.. Enum.GetValues<EvidenceKind>().Select(k => (byte)(GroupOf(k) ?? 0))];

        /// <summary>The group bit of each dyadic evidence kind, by kind (0 for the others).</summary>
        private static readonly byte[] KindBit = [.. Enum.GetValues<EvidenceKind>().Select(k => (byte)(GroupOf(k) is { } g ? 1 << (int)g : 0))];

        /// <summary>
        /// What each actor receives from all others, counting every support item once per receiving actor (the
        /// receiver and each of its ancestors the item is not internal to), added in canonical order. Summing the pair
        /// sums instead would count a faction's flow twice for its receiver: once as the faction's and once rolled up
        /// to its movement. Split over threads by receiving actor, each receiver's items read from the pairs into it
        /// (<see cref="SupportReceivedFrom"/>).
        /// </summary>
        private (double[] Sums, int[] Counts) AggregateSupportReceived(int threads, SupportItems support)
        {
            var actors = _case.Actors.Length;
            // Written with zeros before the first addition, so that no page is first read as the shared zero page.
            var sums = GC.AllocateUninitializedArray<double>(checked(actors * _t));
            var counts = GC.AllocateUninitializedArray<int>(checked(actors * (_t + 1)));
            Array.Clear(sums);
            Array.Clear(counts);
            var bounds = SplitByWork(actors, threads, r =>
            {
                long w = _t;
                for (var k = InStart[r]; k < InStart[r + 1]; k++)
                {
                    var p = InPairs[k];
                    w += support.Start[p + 1] - support.Start[p];
                }

                return w;
            });
            ForEach(bounds.Length - 1, threads, part => SupportReceivedFrom(support, bounds[part], bounds[part + 1], sums, counts));
            for (var a = 0; a < actors; a++)
            {
                Prefix(counts.AsSpan(a * (_t + 1), _t + 1));
            }

            return (sums, counts);
        }

        /// <summary>
        /// Support received by the actors <paramref name="first"/> … <paramref name="end"/> − 1, from the compact support
        /// items of the pairs into each (<see cref="InPairs"/>). An item reaches a receiver through one pair into it for
        /// each level of its giver that is not related to the receiver (the roll-up of <see cref="MapChunk"/>), so a
        /// receiver's pairs are merged by row and each row is taken once: every item the receiver or its parts are
        /// given from outside it, once, in canonical order.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void SupportReceivedFrom(SupportItems support, int first, int end, double[] supportIn, int[] supportInCount)
        {
            var (items, codes, start) = (support.Items, support.Codes, support.Start);
            var rows = PairItems;
            var days = _grid.StartDays;
            var years = _grid.YearDays;
            int[]? at = null, stop = null, offset = null;
            long[]? heap = null;
            var t = _t;
            for (var receiver = first; receiver < end; receiver++)
            {
                var (inFirst, inEnd) = (InStart[receiver], InStart[receiver + 1]);
                var sums = supportIn.AsSpan(receiver * t, t);
                var counts = supportInCount.AsSpan(receiver * (t + 1), t + 1);
                if (inEnd - inFirst == 1)
                {
                    // One pair into the receiver: its items, each once, in canonical order.
                    var p = InPairs[inFirst];
                    for (var i = start[p]; i < start[p + 1]; i++)
                    {
                        ReceiveItem(sums, counts, items[i], codes[i], days, years);
                    }

                    continue;
                }

                // Several pairs: a k-way merge by row over the pairs' items (a binary heap of the cursors' next rows,
                // each held with its cursor in one number), each row taken once however many of the receiver's pairs
                // hold it.
                var k = inEnd - inFirst;
                if (at is null || at.Length < k)
                {
                    (at, stop, offset, heap) = (new int[k], new int[k], new int[k], new long[k]);
                }

                var size = 0;
                for (var j = 0; j < k; j++)
                {
                    var p = InPairs[inFirst + j];
                    (at[j], stop![j]) = (start[p], start[p + 1]);
                    offset![j] = PairGroupStart[p * Groups] - start[p];
                    if (at[j] < stop[j])
                    {
                        heap![size++] = ((long)rows[at[j] + offset[j]] << 32) | (uint)j;
                    }
                }

                for (var i = (size / 2) - 1; i >= 0; i--)
                {
                    SiftDown(heap!, size, i);
                }

                var last = -1;
                while (size > 0)
                {
                    var top = heap![0];
                    var (row, j) = ((int)(top >> 32), (int)(uint)top);
                    var i = at[j];
                    if (row != last)
                    {
                        ReceiveItem(sums, counts, items[i], codes[i], days, years);
                        last = row;
                    }

                    if (++at[j] == stop![j])
                    {
                        heap[0] = heap[--size];
                    }
                    else
                    {
                        heap[0] = ((long)rows[at[j] + offset![j]] << 32) | (uint)j;
                    }

                    if (size > 1)
                    {
                        SiftDown(heap, size, 0);
                    }
                }
            }
        }

        /// <summary>Restores the order of a binary min-heap below position <paramref name="i"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void SiftDown(long[] heap, int size, int i)
        {
            var x = heap[i];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= size)
                {
                    break;
                }

                var c = heap[child];
                if (child + 1 < size && heap[child + 1] < c)
                {
                    c = heap[++child];
                }

                if (c >= x)
                {
                    break;
                }

                heap[i] = c;
                i = child;
            }

            heap[i] = x;
        }

        /// <summary>
        /// One compact support item into each period of a receiver it touches (<paramref name="sums"/> and
        /// <paramref name="counts"/> are the receiver's): weight × its share of each period it touches, and a count in each.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void ReceiveItem(Span<double> sums, Span<int> counts, in SupportItem item, byte code, ReadOnlySpan<int> days, ReadOnlySpan<int> years)
        {
            var p0 = PeriodOfDay(item.First);
            var p1 = PeriodOfDay(item.Last);
            var span = (code & SupportItems.SpanBit) != 0;
            if (p0 == p1 && !span)
            {
                // Within one period (the common case): its whole weight, if the period is the grid's.
                if ((uint)p0 < (uint)sums.Length)
                {
                    sums[p0] += item.Whole;
                    counts[p0 + 1]++;
                }

                return;
            }

            var t1 = Math.Min(p1, sums.Length - 1);
            for (var q = Math.Max(p0, 0); q <= t1; q++)
            {
                sums[q] += item.Whole * ShareOf(days, years, item.First, item.Last, span, q);
                counts[q + 1]++;
            }
        }

        /// <summary>Pairs by acting and by receiving actor (CSR, ascending pair order), and which pairs are outermost.</summary>
        private void IndexAdjacency()
        {
            var pairs = PairFrom.Length;
            (OutStart, OutPairs) = Group(PairFrom);
            (InStart, InPairs) = Group(PairTo);
            Outermost = new bool[pairs];
            for (var p = 0; p < pairs; p++)
            {
                var chain = AncestorsOrSelf[PairFrom[p]];
                Outermost[p] = chain.Length == 1 || Related(chain[1], PairTo[p]);
            }

            (int[] Start, int[] Pairs) Group(int[] key)
            {
                var actors = _case.Actors.Length;
                var start = new int[actors + 1];
                foreach (var x in key)
                {
                    start[x + 1]++;
                }

                for (var x = 0; x < actors; x++)
                {
                    start[x + 1] += start[x];
                }

                var items = new int[pairs];
                var next = start[..^1];
                for (var p = 0; p < pairs; p++)
                {
                    items[next[key[p]]++] = p;
                }

                return (start, items);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (List<int> Objective, List<int> Capability) NonDyadicRows(bool objectives, bool capabilities)
        {
            var objective = new List<int>();
            var capability = new List<int>();
            var kinds = _c.Kind;
            for (var row = 0; row < _c.Count; row++)
            {
                switch ((EvidenceKind)kinds[row])
                {
                    case EvidenceKind.Attainment or EvidenceKind.Indicator when objectives:
                        objective.Add(row);
                        break;
                    case EvidenceKind.Capability when capabilities:
                        capability.Add(row);
                        break;
                }
            }

            return (objective, capability);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ObjectiveParts AggregateObjectives(List<int> rows)
        {
            var c = _c;
            var t = _t;
            var objectives = _case.Objectives.Length;
            var attainmentSum = new double[(long)objectives * t];
            var attainmentWeight = new double[(long)objectives * t];
            var objectiveOfIndicator = _case.Indicators.Select(i => _case.ObjectiveIndex[i.Objective]).ToArray();
            var perObjective = new List<int>[objectives];
            for (var o = 0; o < objectives; o++)
            {
                perObjective[o] = [];
            }

            foreach (var row in rows)
            {
                int objective;
                double value;
                if ((EvidenceKind)c.Kind[row] == EvidenceKind.Attainment)
                {
                    objective = c.Ref[row];
                    value = c.Value[row];
                }
                else
                {
                    objective = objectiveOfIndicator[c.Ref[row]];
                    value = _case.Indicators[c.Ref[row]].ToAttainment(c.Value[row]);
                }

                perObjective[objective].Add(row);
                var w = _options.Confidence.Of((Confidence)c.Confidence[row]);
                var t0 = Math.Max(PeriodOfDay(c.FirstDay[row]), 0);
                var t1 = Math.Min(PeriodOfDay(c.LastDay[row]), t - 1);
                for (var q = t0; q <= t1; q++)
                {
                    var s = w * ShareOf(_grid, c.FirstDay[row], c.LastDay[row], c.IsSpan(row), q);
                    attainmentSum[(objective * t) + q] += s * value;
                    attainmentWeight[(objective * t) + q] += s;
                }
            }

            var attainmentLast = new int[(long)objectives * t];
            for (var o = 0; o < objectives; o++)
            {
                var last = -1;
                for (var q = 0; q < t; q++)
                {
                    if (attainmentWeight[(o * t) + q] > 0)
                    {
                        last = q;
                    }

                    attainmentLast[(o * t) + q] = last;
                }
            }

            var objectiveItemStart = new int[objectives + 1];
            var all = new List<int>();
            for (var o = 0; o < objectives; o++)
            {
                objectiveItemStart[o] = all.Count;
                all.AddRange(perObjective[o]);
            }

            objectiveItemStart[objectives] = all.Count;
            return new ObjectiveParts(attainmentSum, attainmentWeight, attainmentLast, objectiveItemStart, [.. all]);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private CapabilityParts IndexCapabilities(List<int> capabilityRows)
        {
            var c = _c;
            var t = _t;
            var actors = _case.Actors.Length;
            var perActor = new List<int>[actors];
            for (var a = 0; a < actors; a++)
            {
                perActor[a] = [];
            }

            foreach (var row in capabilityRows)
            {
                perActor[c.A[row]].Add(row);
            }

            var capabilityStart = new int[actors + 1];
            var rows = new List<int>();
            var capabilityAt = new int[(long)actors * t];
            var capabilityValue = new double[(long)actors * t];
            Array.Fill(capabilityAt, -1);
            for (var a = 0; a < actors; a++)
            {
                capabilityStart[a] = rows.Count;
                var list = perActor[a];
                list.Sort((x, y) => c.FirstDay[x] != c.FirstDay[y] ? c.FirstDay[x].CompareTo(c.FirstDay[y]) : x.CompareTo(y));
                var offset = rows.Count;
                rows.AddRange(list);
                var k = -1;
                var value = 0.0;
                for (var q = 0; q < t; q++)
                {
                    var lastDay = _grid.StartDay(q + 1) - 1;
                    var moved = false;
                    while (k + 1 < list.Count && c.FirstDay[list[k + 1]] <= lastDay)
                    {
                        k++;
                        moved = true;
                    }

                    if (moved)
                    {
                        value = Capability(list, k);
                    }

                    capabilityAt[(a * t) + q] = k < 0 ? -1 : offset + k;
                    capabilityValue[(a * t) + q] = k < 0 ? 0 : value;
                }
            }

            capabilityStart[actors] = rows.Count;
            return new CapabilityParts(capabilityStart, [.. rows], capabilityAt, capabilityValue);
        }

        /// <summary>The confidence-weighted mean of the observations on the day of observation k (the latest by then).</summary>
        private double Capability(List<int> list, int k)
        {
            // Values near the largest double overflow the sum: then they are added at 2^-64 (exact) and scaled back.
            // Values near the smallest (subnormal) lose their last digits when weighted, or round to 0 (a value of 5e-324
            // weighted 0.4 is 0, and the asymmetry of two such zeros 0/0): then they are added at 2^64 (exact: a mean that
            // small means every value is small) and scaled back. A mean in the normal range is kept as it is.
            var mean = CapabilityMean(list, k, 0);
            return !double.IsFinite(mean) ? Math.ScaleB(CapabilityMean(list, k, -64), 64)
                : mean == 0 || double.IsSubnormal(mean) ? Math.ScaleB(CapabilityMean(list, k, 64), -64)
                : mean;
        }

        /// <summary>The mean of <see cref="Capability"/> with every value scaled by 2^<paramref name="scale"/>.</summary>
        private double CapabilityMean(List<int> list, int k, int scale)
        {
            var c = _c;
            var day = c.FirstDay[list[k]];
            double sum = 0, weight = 0;
            for (var j = k; j >= 0 && c.FirstDay[list[j]] == day; j--)
            {
                var row = list[j];
                var w = _options.Confidence.Of((Confidence)c.Confidence[row]);
                sum += w * Math.ScaleB(c.Value[row], scale);
                weight += w;
            }

            if (weight > 0)
            {
                return sum / weight;
            }

            double plain = 0;
            var n = 0;
            for (var j = k; j >= 0 && c.FirstDay[list[j]] == day; j--)
            {
                plain += Math.ScaleB(c.Value[list[j]], scale);
                n++;
            }

            return plain / n;
        }

        private void GroupObjectives()
        {
            var lists = new List<int>[_case.Actors.Length];
            for (var a = 0; a < lists.Length; a++)
            {
                lists[a] = [];
            }

            for (var o = 0; o < _case.Objectives.Length; o++)
            {
                lists[_case.ActorIndexOf(_case.Objectives[o].Holder)].Add(o);
            }

            ObjectivesByHolder = [.. lists.Select(l => l.ToArray())];
        }

        private void ForEach(int count, Action<int> body) => ForEach(count, _threads, body);

        private static void ForEach(int count, int threads, Action<int> body)
        {
            if (count == 1 || threads == 1)
            {
                for (var i = 0; i < count; i++)
                {
                    body(i);
                }

                return;
            }

            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
        }

        /// <summary>One chunk of rows in pass 1 and 2.</summary>
        private sealed class Chunk(int rowStart, int rowEnd)
        {
            public int RowStart { get; } = rowStart;

            public int RowEnd { get; } = rowEnd;

            public List<long> Keys { get; } = [];

            /// <summary>Each row's roll-up (−1 for a row that is not dyadic).</summary>
            public int[] RowRollUp { get; set; } = [];

            /// <summary>Roll-up r's pairs are RollUpIds[RollUpStart[r] … RollUpStart[r + 1] − 1].</summary>
            public int[] RollUpStart { get; set; } = [];

            /// <summary>The pairs of every roll-up: chunk numbers, then (after <see cref="Remap"/>) global ones.</summary>
            public int[] RollUpIds { get; set; } = [];

            public int[] Remap { get; set; } = [];

            /// <summary>How many rows use each roll-up.</summary>
            public int[] RollUpUses { get; set; } = [];

            /// <summary>The kinds (a bit per group) of the rows using each roll-up.</summary>
            public byte[] RollUpKinds { get; set; } = [];

            /// <summary>The kinds (a bit per group) of each pair's entries in the chunk.</summary>
            public byte[] Masks { get; set; } = [];

            /// <summary>Drops the arrays, once the entries are in their buckets.</summary>
            public void Release()
            {
                RowRollUp = [];
                RollUpStart = [];
                RollUpIds = [];
                Counts = [];
                Remap = [];
                RollUpUses = [];
                RollUpKinds = [];
                Masks = [];
            }

            public int[] Counts { get; set; } = [];
        }
    }

    /// <summary>
    /// What aggregation and the dyad-level sums need of one (pair, item) entry, copied next to its pair's other entries,
    /// with the item's row: 20 bytes, so the counting sort writes one array, not the entries and the rows apart. The rare
    /// item longer than 65 534 days, or about an issue numbered 255 or more, keeps a marker, and the value is read from
    /// the evidence columns at the entry's row (<see cref="Builder.LastDay"/>, <see cref="Builder.Issue"/>).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public const ushort LongItem = ushort.MaxValue;
        public const byte LargeIssue = byte.MaxValue;

        /// <summary>Confidence weight × value (magnitude, severity, salience, level or scope).</summary>
        public double WeightedValue;

        /// <summary>The first day.</summary>
        public int First;

        /// <summary>The last day − the first day, or <see cref="LongItem"/>.</summary>
        public ushort Days;

        /// <summary>Bits 0–3 the kind, 4–5 the response or formality, 6 span, 7 a red-line demand.</summary>
        public byte Code;

        /// <summary>A demand's issue (or <see cref="LargeIssue"/> when it is too large for a byte); a support item's resource type.</summary>
        public byte IssueOrMarker;

        /// <summary>The item's row in the evidence columns.</summary>
        public int Row;

        public readonly byte Kind => (byte)(Code & 0x0F);

        public readonly byte Type => (byte)((Code >> 4) & 0x03);

        public readonly bool IsSpan => (Code & 0x40) != 0;

        /// <summary>Bit 7 of <see cref="Code"/>: a demand whose salience reaches the red-line threshold of the build's options.</summary>
        public const int RedLineBit = 0x80;

        public readonly bool IsRedLine => (Code & RedLineBit) != 0;
    }

    /// <summary>
    /// An open-addressing hash map from pair key (≥ 0) to number, for the build's per-item lookups and, once the index
    /// is built, for <see cref="PairOf"/> (read by every thread, never written again). Each slot holds its key and value
    /// side by side, so a look-up that misses the cache costs one line, not one per array. A Dictionary would hash these
    /// keys to from ^ to, few distinct values for a few thousand actors, and its look-ups would walk long chains.
    /// </summary>
    private sealed class PairMap(int capacity)
    {
        private Slot[] _slots = NewSlots(capacity);
        private int _count;

        /// <summary>The value stored for the key, or −1 when there is none (every key stored is ≥ 0).</summary>
        public int Find(long key)
        {
            if (key < 0)
            {
                return -1;
            }

            var slots = _slots;
            var mask = slots.Length - 1;
            for (var i = Hash(key, mask); ; i = (i + 1) & mask)
            {
                ref readonly var slot = ref slots[i];
                if (slot.Key == key)
                {
                    return slot.Value;
                }

                if (slot.Key < 0)
                {
                    return -1;
                }
            }
        }

        /// <summary>The value stored for the key, or <paramref name="value"/> after storing it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int GetOrAdd(long key, int value)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            var i = Hash(key, mask);
            while (true)
            {
                ref var slot = ref slots[i];
                if (slot.Key == key)
                {
                    return slot.Value;
                }

                if (slot.Key < 0)
                {
                    slot.Key = key;
                    slot.Value = value;
                    if (++_count * 2 > slots.Length)
                    {
                        Grow();
                    }

                    return value;
                }

                i = (i + 1) & mask;
            }
        }

        private static int Hash(long key, int mask) => (int)((ulong)(key * -7046029254386353131L) >> 32) & mask;

        private static Slot[] NewSlots(int capacity)
        {
            var slots = new Slot[capacity];
            slots.AsSpan().Fill(new Slot { Key = -1 });
            return slots;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = NewSlots(old.Length * 2);
            var mask = _slots.Length - 1;
            foreach (var s in old)
            {
                if (s.Key < 0)
                {
                    continue;
                }

                var i = Hash(s.Key, mask);
                while (_slots[i].Key >= 0)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = s;
            }
        }

        /// <summary>A key and its value: 12 bytes.</summary>
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct Slot
        {
            public long Key;
            public int Value;
        }
    }
}
