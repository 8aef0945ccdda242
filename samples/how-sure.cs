#:project ../src/Influence/Influence.csproj
// How sure is a score? Intervals from draws (the evidence resampled, the options perturbed), each year's state with
// its share of the draws, and what would flip a verdict: the fewest evidence items to remove and the smallest option
// change, then which options move one value most. docs/uncertainty.md says what each figure means; the command line
// gives the same figures (influence score --intervals, influence sensitivity). Run from the repository root:
//
//     dotnet run samples/how-sure.cs
//
// CI compares what it prints with samples/how-sure.expected.txt.
using System.Globalization;
using Influence;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var @case = CaseReader.LoadBuiltIn();
var dyad = new Dyad("pakistan", "taliban");

// <intervals>
// 200 draws, each a bootstrap of the evidence and a Monte Carlo draw of the options, with a fixed seed: the same seed
// gives the same intervals, whatever the number of threads. Each value stays the point estimate; the draws give its
// 90% interval (Low, High) and each verdict's share of the draws.
var request = new ScoringRequest { Dyads = [dyad], From = Period.FromYear(2015), To = Period.FromYear(2026) };
var intervals = new IntervalOptions { Draws = 200, Seed = 1, Kind = IntervalKind.Both };
var scores = Intervals.Compute(@case, request: request, intervals: intervals);

foreach (var p in scores.For(dyad))
{
    var state = p.State.State;
    Console.WriteLine(
        $"{p.Period}{(p.IsPartial ? "†" : " ")}  exchange {p.Exchange.Value:0.00} [{p.Exchange.Low:0.00}, {p.Exchange.High:0.00}]  " +
        $"conflict {p.Conflict.Value:0.00} [{p.Conflict.Low:0.00}, {p.Conflict.High:0.00}]  " +
        $"{state?.ToString().ToLowerInvariant() ?? "unobserved",-12} in {Percent(p.StateShares?.Of(state))} of the draws  " +
        $"patron–client test holds in {Percent(p.PatronClientShares?.Holds)}");
}

static string Percent(double? share) => share is { } s ? $"{s * 100,3:0}%" : "  –";
// </intervals>

Console.WriteLine($"method {intervals.MethodName}, {intervals.Draws} draws, seed {intervals.Seed}, level {intervals.Level:0.0}; † the evidence ends on {scores.EvidenceEnds:yyyy-MM-dd}");
Console.WriteLine();

// <what-flips>
// The state of 2022 came out in under half of the draws. What would flip it: the fewest evidence items whose removal
// changes it (with their sources), and the smallest change of one option that does.
var flip = Sensitivity.WhatFlips(@case, dyad, Period.FromYear(2022), Verdict.State);
Console.WriteLine($"2022: {flip.Current} ({flip.Rule})");
Console.WriteLine($"  removing {flip.EvidenceToRemove.Length} item(s) makes it {flip.VerdictWithoutEvidence ?? "no other verdict"}{(flip.IsSmallestSet ? " (no smaller set does)" : "")}:");
foreach (var item in flip.EvidenceToRemove)
{
    Console.WriteLine($"    {item.Id} ({Lower(item.Kind)}, {item.Date}, {Lower(item.Confidence)}) — {string.Join("; ", item.Sources.Select(s => s.Id))}");
}

if (flip.SmallestOptionChange is { } option)
{
    Console.WriteLine($"  or {option.Option} from {option.From:0.###} to {option.To:0.###} makes it {option.NewVerdict}");
}

// Which options move 2022's exchange most, each over its plausible range, largest swing first.
var tornado = Sensitivity.Tornado(@case, dyad, Period.FromYear(2022), "exchange");
Console.WriteLine($"2022 exchange {tornado.Value:0.000}; the three options that move it most:");
foreach (var row in tornado.Rows.Take(3))
{
    Console.WriteLine($"    {row.Option,-32} {row.LowSetting,5:0.###} → {row.ValueAtLow:0.000}   {row.HighSetting,5:0.###} → {row.ValueAtHigh:0.000}   swing {row.Swing:0.000}");
}
// </what-flips>

static string Lower<T>(T value)
    where T : struct, Enum => value.ToString().ToLowerInvariant();
