using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DuckDB.NET.Data;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;

namespace Influence.Baselines;

/// <summary>
/// The baseline measures in set-based SQL, run by an embedded DuckDB: the case's dyadic evidence goes into a table,
/// and one query (<c>measures.sql</c>, shown in benchmarks/README.md) rolls it up, spreads it over periods, totals it
/// per pair and period, and computes every trailing window with window functions. No user-defined function.
/// </summary>
/// <remarks>
/// <see cref="Load"/> copies the case into an in-memory database (timed separately: an analyst would already have
/// the data in DuckDB); <see cref="DuckDbSession.Score"/> runs the query and reads the values back.
/// </remarks>
public static class DuckDbBaseline
{
    /// <summary>The query, with its {placeholders}.</summary>
    public static string QueryTemplate { get; } = ReadQuery();

    /// <summary>Loads a case into a new in-memory DuckDB database.</summary>
    /// <param name="case">The case (with its range and granularity set).</param>
    /// <param name="options">The options whose weights and windows the query uses.</param>
    /// <returns>The session; dispose it to free the database.</returns>
    public static DuckDbSession Load(Case @case, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var granularity = @case.Granularity;
        var from = @case.From ?? throw new ArgumentException("the case needs a first period", nameof(@case));
        var to = @case.To ?? throw new ArgumentException("the case needs a last period", nameof(@case));
        // The periods start at the earliest evidence (so windows see all history), or at the first scored period.
        var earliest = @case.Evidence.Count == 0 ? from : Period.Containing(granularity, @case.Evidence.Min(e => e.Date.First));
        var first = earliest < from ? earliest : from;
        var periods = to.PeriodsSince(first) + 1;

        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {options.MaxDegreeOfParallelism}"));
            Execute(connection, """
                CREATE TABLE evidence (kind TINYINT, a INTEGER, b INTEGER, first_day INTEGER, last_day INTEGER, is_span BOOLEAN, confidence TINYINT, type TINYINT, value DOUBLE);
                CREATE TABLE ancestors (actor INTEGER, ancestor INTEGER);
                CREATE TABLE periods (t INTEGER, start_day INTEGER, end_day INTEGER, year_days INTEGER);
                CREATE TABLE dyads (d INTEGER, patron INTEGER, client INTEGER);
                """);
            using (var appender = connection.CreateAppender("evidence"))
            {
                foreach (var item in @case.Evidence)
                {
                    var (a, b, type, value) = item switch
                    {
                        SupportEvidence s => (s.From, s.To, (int)s.Resource, s.Magnitude),
                        CoercionEvidence c => (c.From, c.To, (int)c.Type, c.Severity),
                        DemandEvidence d => (d.From, d.To, (int)d.Response, d.Salience),
                        PresenceEvidence p => (p.From, p.To, (int)p.Type, p.Level),
                        OverreachEvidence o => (o.From, o.To, 0, o.Severity),
                        CommitmentEvidence m => (m.From, m.To, (int)m.Formality, m.Scope),
                        _ => (null!, null!, 0, 0.0),
                    };
                    if (a is null)
                    {
                        continue;
                    }

                    appender.CreateRow()
                        .AppendValue((sbyte)item.Kind)
                        .AppendValue(@case.ActorIndexOf(a))
                        .AppendValue(@case.ActorIndexOf(b))
                        .AppendValue(item.Date.First.DayNumber)
                        .AppendValue(item.Date.Last.DayNumber)
                        .AppendValue(item.Date.IsSpan)
                        .AppendValue((sbyte)item.Confidence)
                        .AppendValue((sbyte)type)
                        .AppendValue(value)
                        .EndRow();
                }
            }

            using (var appender = connection.CreateAppender("ancestors"))
            {
                for (var i = 0; i < @case.Actors.Length; i++)
                {
                    for (string? x = @case.Actors[i].Id; x is not null; x = @case.FindActor(x)!.Parent)
                    {
                        appender.CreateRow().AppendValue(i).AppendValue(@case.ActorIndexOf(x)).EndRow();
                    }
                }
            }

            using (var appender = connection.CreateAppender("periods"))
            {
                for (var t = 0; t < periods; t++)
                {
                    var p = first.AddPeriods(t);
                    appender.CreateRow().AppendValue(t).AppendValue(p.Start.DayNumber).AppendValue(p.End.DayNumber).AppendValue(DateTime.IsLeapYear(p.Year) ? 366 : 365).EndRow();
                }
            }

            using (var appender = connection.CreateAppender("dyads"))
            {
                for (var d = 0; d < @case.Dyads.Length; d++)
                {
                    appender.CreateRow().AppendValue(d).AppendValue(@case.ActorIndexOf(@case.Dyads[d].Patron)).AppendValue(@case.ActorIndexOf(@case.Dyads[d].Client)).EndRow();
                }
            }

            var query = Query(options, granularity, from.PeriodsSince(first));
            return new DuckDbSession(connection, query, @case.Dyads.Length, to.PeriodsSince(from) + 1, clock.Elapsed);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The query with the options' windows and constants filled in.</summary>
    /// <param name="options">The options.</param>
    /// <param name="granularity">The granularity.</param>
    /// <param name="firstScored">The position of the first scored period in the periods table.</param>
    /// <returns>The SQL.</returns>
    public static string Query(ScoringOptions options, Granularity granularity, int firstScored)
    {
        ArgumentNullException.ThrowIfNull(options);
        var values = new Dictionary<string, string>
        {
            ["confirmed"] = Number(options.Confidence.Confirmed),
            ["reported"] = Number(options.Confidence.Reported),
            ["alleged"] = Number(options.Confidence.Alleged),
            ["partialCredit"] = Number(options.Compliance.PartialCredit),
            ["treaty"] = Number(options.DiffuseObligation.TreatyFormality),
            ["agreement"] = Number(options.DiffuseObligation.PublicAgreementFormality),
            ["pledge"] = Number(options.DiffuseObligation.PublicPledgeFormality),
            ["private"] = Number(options.DiffuseObligation.PrivateUnderstandingFormality),
            ["volumePreceding"] = Preceding(options.Exchange.VolumeWindowYears),
            ["presencePreceding"] = Preceding(options.Presence.WindowYears),
            ["reciprocityPreceding"] = Preceding(options.Exchange.ReciprocityWindowYears),
            ["conflictPreceding"] = Preceding(options.Conflict.WindowYears),
            ["inputStepPreceding"] = Preceding(options.DiffuseObligation.VariabilityStepYears),
            ["inputStepLength"] = Number(granularity.PeriodsIn(options.DiffuseObligation.VariabilityStepYears)),
            ["inputStepsPreceding"] = StepsPreceding(options.DiffuseObligation.VariabilityWindowYears, options.DiffuseObligation.VariabilityStepYears),
            ["stepPreceding"] = Preceding(options.Endurance.ContinuityStepYears),
            ["stepLength"] = Number(granularity.PeriodsIn(options.Endurance.ContinuityStepYears)),
            ["stepsPreceding"] = StepsPreceding(options.Endurance.ContinuityWindowYears, options.Endurance.ContinuityStepYears),
            ["compliancePreceding"] = Preceding(options.Compliance.WindowYears),
            ["continuityLength"] = Number(granularity.PeriodsIn(options.Endurance.ContinuityWindowYears)),
            ["volumeScale"] = Number(options.Exchange.VolumeScale),
            ["defianceWeight"] = Number(options.Conflict.DefianceWeight),
            ["conflictScale"] = Number(options.Conflict.Scale),
            ["informalityWeight"] = Number(options.DiffuseObligation.InformalityWeight),
            ["periodsPerYear"] = Number(granularity.PeriodsPerYear()),
            ["durationScale"] = Number(options.Endurance.DurationScaleYears),
            ["presenceScale"] = Number(options.Presence.Scale),
            ["firstScored"] = Number(firstScored),
        };
        var sql = QueryTemplate;
        foreach (var (key, value) in values)
        {
            sql = sql.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return sql;

        string Preceding(double years) => Number(granularity.PeriodsIn(years) - 1);

        // The rows before the current one in a frame of every step a window holds: ⌈window / step⌉ − 1.
        string StepsPreceding(double windowYears, double stepYears) =>
            Number(((granularity.PeriodsIn(windowYears) + granularity.PeriodsIn(stepYears) - 1) / granularity.PeriodsIn(stepYears)) - 1);
    }

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string ReadQuery()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Influence.Baselines.measures.sql")
            ?? throw new InvalidOperationException("measures.sql is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A case loaded into an in-memory DuckDB database, ready to be scored.</summary>
public sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string _query;
    private readonly int _dyads;
    private readonly int _periods;

    internal DuckDbSession(DuckDBConnection connection, string query, int dyads, int periods, TimeSpan loadTime)
    {
        _connection = connection;
        _query = query;
        _dyads = dyads;
        _periods = periods;
        LoadTime = loadTime;
    }

    /// <summary>How long loading the case took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Runs the query and reads every value back.</summary>
    /// <returns>The values.</returns>
    public BaselineResult Score()
    {
        var values = Baseline.Measures.Select(_ => new double[_dyads * _periods]).ToArray();
        using var command = _connection.CreateCommand();
        command.CommandText = _query;
        using var reader = command.ExecuteReader();
        var row = 0;
        while (reader.Read())
        {
            for (var m = 0; m < values.Length; m++)
            {
                values[m][row] = reader.IsDBNull(m + 2) ? double.NaN : reader.GetDouble(m + 2);
            }

            row++;
        }

        if (row != _dyads * _periods)
        {
            throw new InvalidOperationException($"the query returned {row} rows; expected {_dyads * _periods}");
        }

        return new BaselineResult(Baseline.Measures, _dyads, _periods, values);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
