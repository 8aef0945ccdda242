using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Influence.Benchmarks.ScoreCaseBenchmarks).Assembly).Run(args);
