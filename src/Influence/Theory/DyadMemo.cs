using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Series several measures of one dyad share (compliance, the conflict pressures, attainment, the patron's share of
/// support, the demand sums by issue and of red lines), computed once when the engine scores a dyad's measures one after the other on one thread.
/// </summary>
/// <remarks>
/// One memo per thread, keyed by the index's <see cref="EvidenceIndex.BuildId"/>, the two actors and the range, so it
/// holds no reference to the index and a different dyad, range or index simply recomputes. The series are the ones
/// the measures would compute themselves, so reusing them changes no value.
/// </remarks>
internal sealed class DyadMemo
{
    [ThreadStatic]
    private static DyadMemo? _current;

    private long _build = -1;
    private int _patron;
    private int _client;
    private int _t0;
    private int _t1;
    private bool _hasCompliance;
    private bool _hasConflict;
    private bool _hasAttainment;
    private bool _hasShare;
    private bool _hasDemands;
    private double[] _compliance = [];
    private double[] _byPatron = [];
    private double[] _byClient = [];
    private double[] _defiance = [];
    private bool[] _observed = [];
    private double[] _attainment = [];
    private double[] _share = [];
    private double[] _issueWeight = [];
    private double[] _issueMet = [];
    private double[] _redWeight = [];
    private double[] _redDefied = [];
    private int[] _slotOf = [];

    /// <summary>The memo of a dyad and range on this thread.</summary>
    public static DyadMemo Of(in DyadPeriod dyad, int t0, int t1)
    {
        var m = _current ??= new DyadMemo();
        if (m._build != dyad.Index.BuildId || m._patron != dyad.Patron || m._client != dyad.Client || m._t0 != t0 || m._t1 != t1)
        {
            (m._build, m._patron, m._client, m._t0, m._t1) = (dyad.Index.BuildId, dyad.Patron, dyad.Client, t0, t1);
            m._hasCompliance = m._hasConflict = m._hasAttainment = m._hasShare = m._hasDemands = false;
        }

        return m;
    }

    /// <summary>Compliance over the trailing window of periods t0 … t1; NaN where undefined.</summary>
    public ReadOnlySpan<double> Compliance(in DyadPeriod dyad)
    {
        var n = _t1 - _t0 + 1;
        if (!_hasCompliance)
        {
            Ensure(ref _compliance, n);
            using var scratch = SeriesScratch.Open();
            Theory.Compliance.Series(dyad, _t0, _compliance.AsSpan(0, n), scratch);
            _hasCompliance = true;
        }

        return _compliance.AsSpan(0, n);
    }

    /// <summary>
    /// The conflict window's sums of periods t0 … t1: coercion by the patron, by the client, the client's defiance,
    /// and whether the dyad has any evidence in the window.
    /// </summary>
    public (ReadOnlyMemory<double> ByPatron, ReadOnlyMemory<double> ByClient, ReadOnlyMemory<double> Defiance, ReadOnlyMemory<bool> Observed) Conflict(in DyadPeriod dyad)
    {
        var n = _t1 - _t0 + 1;
        if (!_hasConflict)
        {
            Ensure(ref _byPatron, n);
            Ensure(ref _byClient, n);
            Ensure(ref _defiance, n);
            Ensure(ref _observed, n);

            var index = dyad.Index;
            var w = index.Grid.WindowPeriods(dyad.Options.Conflict.WindowYears);
            Windows.Sums(index.SumSeries(PairSum.Coercion, dyad.PatronToClient), w, _t0, _byPatron.AsSpan(0, n));
            Windows.Sums(index.SumSeries(PairSum.Coercion, dyad.ClientToPatron), w, _t0, _byClient.AsSpan(0, n));
            Windows.Sums(DyadLevelMemo.Of(dyad, dyad.PatronToClient).Series(PairSum.DemandDefied), w, _t0, _defiance.AsSpan(0, n));
            var given = index.CountPrefix(PairCount.Activity, dyad.PatronToClient);
            var back = index.CountPrefix(PairCount.Activity, dyad.ClientToPatron);
            for (var i = 0; i < n; i++)
            {
                var t = _t0 + i;
                _observed[i] = EvidenceIndex.CountIn(given, t - w + 1, t) + EvidenceIndex.CountIn(back, t - w + 1, t) > 0;
            }

            _hasConflict = true;
        }

        return (_byPatron.AsMemory(0, n), _byClient.AsMemory(0, n), _defiance.AsMemory(0, n), _observed.AsMemory(0, n));
    }

    /// <summary>Attainment of periods 0 … t1 (from the first period of the grid); NaN where undefined.</summary>
    public ReadOnlySpan<double> AttainmentFromStart(in DyadPeriod dyad)
    {
        if (!_hasAttainment)
        {
            Ensure(ref _attainment, _t1 + 1);
            Attainment.Series(dyad, 0, _attainment.AsSpan(0, _t1 + 1));
            _hasAttainment = true;
        }

        return _attainment.AsSpan(0, _t1 + 1);
    }

    /// <summary>The patron's share of the client's support over periods t0 … t1; NaN where undefined.</summary>
    public ReadOnlySpan<double> PatronShare(in DyadPeriod dyad)
    {
        var n = _t1 - _t0 + 1;
        if (!_hasShare)
        {
            Ensure(ref _share, n);
            using var scratch = SeriesScratch.Open();
            Theory.PatronShare.Series(dyad, _t0, _share.AsSpan(0, n), scratch);
            _hasShare = true;
        }

        return _share.AsSpan(0, n);
    }

    /// <summary>
    /// The patron → client pair's demand sums over the whole grid (<see cref="EvidenceIndex.PairDemands"/>): each of its
    /// issue slots' weight and met weight, slot after slot (<see cref="EvidenceIndex.IssueSlots"/> order,
    /// <see cref="EvidenceIndex.Periods"/> values each), and its red-line weight and defied weight.
    /// </summary>
    public (ReadOnlyMemory<double> IssueWeight, ReadOnlyMemory<double> IssueMet, ReadOnlyMemory<double> RedWeight, ReadOnlyMemory<double> RedDefied) Demands(in DyadPeriod dyad)
    {
        var index = dyad.Index;
        var t = index.Periods;
        var (first, end) = index.IssueSlots(dyad.PatronToClient);
        var cells = checked((end - first) * t);
        if (!_hasDemands)
        {
            Ensure(ref _issueWeight, cells);
            Ensure(ref _issueMet, cells);
            Ensure(ref _redWeight, t);
            Ensure(ref _redDefied, t);
            if (_slotOf.Length < index.Case.Issues.Length)
            {
                _slotOf = new int[index.Case.Issues.Length];
            }

            index.PairDemands(dyad.PatronToClient, _issueWeight.AsSpan(0, cells), _issueMet.AsSpan(0, cells), _redWeight.AsSpan(0, t), _redDefied.AsSpan(0, t), _slotOf);
            _hasDemands = true;
        }

        return (_issueWeight.AsMemory(0, cells), _issueMet.AsMemory(0, cells), _redWeight.AsMemory(0, t), _redDefied.AsMemory(0, t));
    }

    private static void Ensure<T>(ref T[] array, int n)
    {
        if (array.Length < n)
        {
            array = new T[Math.Max(n, array.Length * 2)];
        }
    }
}
