using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Influence.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ScoreCaseBenchmarks).Assembly)
    .Run(args, FewIterations.NamesAJob(args) ? DefaultConfig.Instance : FewIterations.Config);
