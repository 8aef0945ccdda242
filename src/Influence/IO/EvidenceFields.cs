using System.Collections.Immutable;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.IO;

/// <summary>
/// The evidence fields of the case format, in the order of <see cref="EvidenceCsv.Columns"/> (keep <see cref="Note"/> last:
/// <see cref="EvidenceFields.Count"/> counts on it). The case reader's fast path uses them as bit positions too.
/// </summary>
internal enum EvidenceField
{
    Id,
    Kind,
    Date,
    Start,
    End,
    Confidence,
    Sources,
    From,
    To,
    Actor,
    Resource,
    Type,
    Formality,
    Magnitude,
    Amount,
    Unit,
    Severity,
    Level,
    Scope,
    Issue,
    Salience,
    Response,
    Objective,
    Indicator,
    Value,
    Note,
}

/// <summary>Receives the fields of one evidence item, in the order a case file writes them (<see cref="EvidenceFields.Visit"/>).</summary>
internal interface IEvidenceFieldSink
{
    void Text(EvidenceField field, string value);

    void Number(EvidenceField field, double value);

    /// <summary>A date field: <see cref="EvidenceField.End"/> is the date's end, the others its start (as <see cref="EvidenceDate.StartText"/>).</summary>
    void Date(EvidenceField field, EvidenceDate date);

    void Sources(ImmutableArray<string> sources);
}

/// <summary>
/// The one place that knows which fields an evidence item has in the case format and what they hold: the JSON writer
/// (<see cref="CaseWriter.WriteItem"/>) and the CSV writer (<see cref="EvidenceCsv.Write(Cases.Case, TextWriter)"/>)
/// both take them from here.
/// </summary>
internal static class EvidenceFields
{
    /// <summary>The number of <see cref="EvidenceField"/>s (<see cref="EvidenceField.Note"/> is the last).</summary>
    public const int Count = (int)EvidenceField.Note + 1;

    /// <summary>The text of a date field (see <see cref="IEvidenceFieldSink.Date"/>) into <paramref name="into"/> (<see cref="EvidenceDate.MaxTextLength"/> characters or more).</summary>
    /// <returns>The number of characters written.</returns>
    public static int FormatDate(EvidenceField field, EvidenceDate date, Span<char> into) =>
        field == EvidenceField.End ? date.FormatEnd(into) : date.FormatStart(into);

    /// <summary>Gives the item's fields to the sink, in the order a case file writes them.</summary>
    public static void Visit<TSink>(EvidenceItem e, ref TSink sink)
        where TSink : struct, IEvidenceFieldSink
    {
        sink.Text(EvidenceField.Id, e.Id);
        sink.Text(EvidenceField.Kind, Names.Kind[e.Kind]);
        if (e.Date.IsSpan)
        {
            sink.Date(EvidenceField.Start, e.Date);
            sink.Date(EvidenceField.End, e.Date);
        }
        else
        {
            sink.Date(EvidenceField.Date, e.Date);
        }

        sink.Text(EvidenceField.Confidence, Names.Confidence[e.Confidence]);
        sink.Sources(e.Sources);
        switch (e)
        {
            case SupportEvidence s:
                FromTo(s, ref sink);
                sink.Text(EvidenceField.Resource, Names.Resource[s.Resource]);
                if (s.Amount is { } amount && s.Unit is { } unit)
                {
                    sink.Number(EvidenceField.Amount, amount);
                    sink.Text(EvidenceField.Unit, unit);
                }
                else
                {
                    sink.Number(EvidenceField.Magnitude, s.Magnitude);
                }

                break;
            case CoercionEvidence k:
                FromTo(k, ref sink);
                sink.Text(EvidenceField.Type, Names.Coercion[k.Type]);
                sink.Number(EvidenceField.Severity, k.Severity);
                break;
            case DemandEvidence d:
                FromTo(d, ref sink);
                sink.Text(EvidenceField.Issue, d.Issue);
                sink.Number(EvidenceField.Salience, d.Salience);
                sink.Text(EvidenceField.Response, Names.Response[d.Response]);
                break;
            case AttainmentEvidence a:
                sink.Text(EvidenceField.Objective, a.Objective);
                sink.Number(EvidenceField.Value, a.Value);
                break;
            case IndicatorEvidence i:
                sink.Text(EvidenceField.Indicator, i.Indicator);
                sink.Number(EvidenceField.Value, i.Value);
                break;
            case PresenceEvidence p:
                FromTo(p, ref sink);
                sink.Text(EvidenceField.Type, Names.Presence[p.Type]);
                sink.Number(EvidenceField.Level, p.Level);
                break;
            case OverreachEvidence o:
                FromTo(o, ref sink);
                sink.Number(EvidenceField.Severity, o.Severity);
                break;
            case CommitmentEvidence m:
                FromTo(m, ref sink);
                sink.Text(EvidenceField.Formality, Names.Formality[m.Formality]);
                sink.Number(EvidenceField.Scope, m.Scope);
                break;
            case CapabilityEvidence cap:
                sink.Text(EvidenceField.Actor, cap.Actor);
                sink.Number(EvidenceField.Value, cap.Value);
                break;
        }

        if (e.Note is { } note)
        {
            sink.Text(EvidenceField.Note, note);
        }
    }

    private static void FromTo<TSink>(DyadicEvidence e, ref TSink sink)
        where TSink : struct, IEvidenceFieldSink
    {
        sink.Text(EvidenceField.From, e.From);
        sink.Text(EvidenceField.To, e.To);
    }
}
