using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Sessions.Benchmarks.SessionProcessingBenchmarks).Assembly).Run(args);
