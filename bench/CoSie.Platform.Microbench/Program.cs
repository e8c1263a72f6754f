using BenchmarkDotNet.Running;
using CoSie.Platform.Microbench;

BenchmarkSwitcher.FromAssembly(typeof(ThreadRendering).Assembly).Run(args);
