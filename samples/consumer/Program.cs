using System.Globalization;
using Influence;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;

// Everything here goes through the packages' public API only.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var excerpt = CaseReader.LoadBuiltIn("pakistan-taliban-1990s");
var scores = Scorer.Score(excerpt);
var dyad = new Dyad("pakistan", "taliban");
var y1999 = scores.For(dyad, Period.FromYear(1999));
Console.WriteLine($"built-in cases include the excerpt: {CaseReader.BuiltInCases.Contains("pakistan-taliban-1990s")}");
Console.WriteLine($"{dyad} in 1999: exchange {y1999.Exchange.Value:0.00}, asymmetry {y1999.Asymmetry.Value:0.00}, state {y1999.State.State}");
var why = Explainer.Explain(scores, dyad, Period.FromYear(2001), "conflict");
Console.WriteLine($"conflict in 2001 rests on {why.Contributions.Length} evidence items; largest: {why.Contributions[0].EvidenceId}");
var json = ScoreWriter.ToJson(scores);
Console.WriteLine($"scores JSON names its schema: {json.Contains("\"influence.scores/2\"", StringComparison.Ordinal)}");
var png = DyadChart.RenderPng(scores, dyad);
Console.WriteLine($"case schema next to the assembly: {File.Exists(Path.Combine(AppContext.BaseDirectory, "case.schema.json"))}");
Console.WriteLine($"chart is a PNG: {png.Length > 10_000 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G'}");
