using System.IO.Compression;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// The packages in the local feed, as a stranger meets them: their metadata, a project outside the solution that
/// references them by version (samples/consumer), and the command-line tool installed from the feed.
/// </summary>
[Collection(SamplesGroup.Name)]
public class PackageTests(LocalFeed feed)
{
    [Theory]
    [InlineData("Influence")]
    [InlineData("Influence.Charts")]
    [InlineData("Influence.Cli")]
    public void Package_CarriesReadmeLicenceRepositoryXmlDocsAndSymbols(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(Repository.Feed, $"{id}.{Repository.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var nuspec = Nuspec(package, id);
        string? Meta(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        entries.Should().Contain("README.md");
        if (id == "Influence.Cli")
        {
            // A dotnet tool: the assembly and its settings under tools/, not a library under lib/.
            entries.Should().Contain("tools/net10.0/any/Influence.Cli.dll").And.Contain("tools/net10.0/any/DotnetToolSettings.xml");
            nuspec.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value.Should().Be("DotnetTool");
        }
        else
        {
            foreach (var tfm in new[] { "net8.0", "net10.0" })
            {
                entries.Should().Contain($"lib/{tfm}/{id}.dll").And.Contain($"lib/{tfm}/{id}.xml", "the XML docs ship for IntelliSense");
            }
        }

        nuspec.Descendants().Single(e => e.Name.LocalName == "license").Attribute("type")!.Value.Should().Be("expression");
        Meta("license").Should().StartWith("MIT");
        Meta("readme").Should().Be("README.md");
        Meta("description").Should().NotBeNullOrWhiteSpace();
        Meta("tags").Should().Contain("patron-client");
        nuspec.Descendants().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.Should().StartWith("https://");
        File.Exists(Path.Combine(Repository.Feed, $"{id}.{Repository.Version}.snupkg")).Should().BeTrue("a symbols package ships beside the package");
        ReadmeText(package).Should().NotContain("](docs/", "links in the package README are absolute: nuget.org cannot follow relative ones");
    }

    [Fact]
    public void InfluencePackage_ShipsTheCaseSchema_AndTheTargetsThatCopyItToAConsumersOutput()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Repository.Feed, $"Influence.{Repository.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        // A file at the package root reaches no consumer: the targets (transitive, so a project that gets Influence
        // through another package gets the schema too) copy it next to the consumer's assembly; samples/consumer
        // checks that it arrives.
        entries.Should().Contain("schema/case.schema.json").And.Contain("buildTransitive/Influence.targets");
        using var targets = new StreamReader(package.GetEntry("buildTransitive/Influence.targets")!.Open());
        targets.ReadToEnd().Should().Contain("../schema/case.schema.json").And.Contain("CopyToOutputDirectory");
    }

    [Theory]
    [InlineData("Influence.Charts")]
    [InlineData("Influence.Cli")]
    public void PackagesCarryingTheFont_ShipItsLicence(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(Repository.Feed, $"{id}.{Repository.Version}.nupkg"));

        package.Entries.Select(e => e.FullName).Should().Contain("LICENSE-DejaVu.txt");
        Nuspec(package, id).Descendants().Single(e => e.Name.LocalName == "license").Value.Should().Be("MIT AND Bitstream-Vera");
    }

    [Fact]
    public void ToolPackage_GivesTheCopyrightAndLicenceOfEveryThirdPartyComponentItCarries()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Repository.Feed, $"Influence.Cli.{Repository.Version}.nupkg"));
        var text = EntryText(package, "THIRD-PARTY-NOTICES.txt").ReplaceLineEndings("\n");

        var carried = package.Entries
            .Where(e => e.FullName.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 3 && e.Name.EndsWith(".dll", StringComparison.Ordinal))
            .Select(e => Path.GetFileNameWithoutExtension(e.Name))
            .Where(n => !n.StartsWith("Influence", StringComparison.Ordinal))
            .ToList();
        var native = package.Entries
            .Where(e => e.FullName.StartsWith("tools/net10.0/any/runtimes/", StringComparison.Ordinal) && e.FullName.Contains("/native/", StringComparison.Ordinal))
            .Select(e => Path.GetFileNameWithoutExtension(e.Name))
            .Distinct()
            .ToList();

        carried.Should().NotBeEmpty();
        native.Should().NotBeEmpty();
        carried.Should().OnlyContain(n => text.Contains("\n" + n + " ", StringComparison.Ordinal), "each carried assembly has a line in THIRD-PARTY-NOTICES.txt");

        // Each component has a paragraph of its own, headed by its name and version, that gives its copyright line(s)
        // (MIT and MS-PL both require the notice to go with the copies) and its licence.
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var component in carried.Concat(native))
        {
            var entry = paragraphs.FirstOrDefault(p => p.StartsWith(component + " ", StringComparison.Ordinal) && p.Contains("\n  Copyright:", StringComparison.Ordinal));
            entry.Should().NotBeNull($"THIRD-PARTY-NOTICES.txt has a paragraph for {component} with a Copyright: line");
            var lines = entry!.Split('\n');
            lines.Single(l => l.StartsWith("  Copyright:", StringComparison.Ordinal))["  Copyright:".Length..].Should().NotBeNullOrWhiteSpace($"{component} has a copyright line");
            lines.Single(l => l.StartsWith("  Licence:", StringComparison.Ordinal)).Should().MatchRegex(@"^  Licence: +(MIT|MS-PL) ", $"{component} names its licence");
        }

        // The licence texts themselves, once each.
        text.Should().Contain("Permission is hereby granted, free of charge, to any person obtaining a copy")
            .And.Contain("The above copyright notice and this permission notice shall be included in all")
            .And.Contain("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND");
        text.Should().Contain("Microsoft Public License (Ms-PL)")
            .And.Contain("(C) If you distribute any portion of the software, you must retain all copyright, patent, trademark, and attribution")
            .And.Contain("(E) The software is licensed \"as-is.\"");

        // The notices ScottPlot and the native libraries carry for code they include from other projects.
        EntryText(package, "THIRD-PARTY-NOTICES-ScottPlot.txt").Should().Contain("ScottPlot is provided under the MIT License");
        EntryText(package, "THIRD-PARTY-NOTICES-SkiaSharp-native.txt").Should().Contain("# skia").And.Contain("# HarfBuzz");
    }

    [Fact]
    public void Consumer_BuiltAgainstTheFeed_PrintsItsExpectedOutput()
    {
        var consumer = Path.Combine(Repository.Samples, "consumer");
        foreach (var dir in new[] { "bin", "obj" })
        {
            if (Directory.Exists(Path.Combine(consumer, dir)))
            {
                Directory.Delete(Path.Combine(consumer, dir), recursive: true);
            }
        }

        var (code, output, error) = Repository.Dotnet(consumer, Private(), "run", "-p:InfluenceVersion=" + Repository.Version);

        code.Should().Be(0, $"the consumer builds and runs against the feed:\n{output}\n{error}");
        output.ReplaceLineEndings("\n").Should().Be(File.ReadAllText(Path.Combine(consumer, "expected.txt")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Tool_InstalledFromTheFeed_ScoresAndPlotsTheBuiltInCase_AndHasNoBench()
    {
        var work = Directory.CreateTempSubdirectory("influence-tool-");
        try
        {
            var tools = Path.Combine(work.FullName, "tools");
            var install = Repository.Dotnet(work.FullName, Private(), "tool", "install", "Influence.Cli", "--version", Repository.Version, "--tool-path", tools, "--add-source", Repository.Feed);
            install.Code.Should().Be(0, $"the tool installs from the feed:\n{install.Out}\n{install.Err}");

            var influence = Path.Combine(tools, OperatingSystem.IsWindows() ? "influence.exe" : "influence");
            var score = Run(influence, work.FullName, "score");
            score.Code.Should().Be(0, score.Err);
            score.Out.Should().Contain("input hash").And.Contain("pakistan → taliban");

            var chart = Path.Combine(work.FullName, "chart.png");
            var plot = Run(influence, work.FullName, "plot", "--patron", "pakistan", "--client", "taliban", "--out", chart);
            plot.Code.Should().Be(0, plot.Err);
            File.ReadAllBytes(chart).Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);

            // src/Influence.Cli/PACKAGE.md: bench (which needs DuckDB) is not in this package.
            var bench = Run(influence, work.FullName, "bench");
            bench.Code.Should().Be(2, bench.Out + bench.Err);
            bench.Err.Should().Contain("influence: unknown command 'bench'; the installed tool has no bench (it needs DuckDB): run it from the repository");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private Dictionary<string, string?> Private() => new() { ["NUGET_PACKAGES"] = feed.PackageCache };

    private static (int Code, string Out, string Err) Run(string exe, string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(exe) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue($"{exe} {string.Join(' ', args)} finishes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static XDocument Nuspec(ZipArchive package, string id)
    {
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static string ReadmeText(ZipArchive package)
    {
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        return reader.ReadToEnd();
    }

    private static string EntryText(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        entry.Should().NotBeNull($"the package carries {name}");
        using var reader = new StreamReader(entry!.Open());
        return reader.ReadToEnd();
    }
}
