using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Decay.Tests.EndToEnd
{
    /// <summary>Does, once per test run, what a user does: packs Decay.Analyzers into a local folder
    /// feed with a version unique to this run, creates a throwaway consumer project per sample in a
    /// temp folder (the sample's .cs files copied, the API models referenced as assemblies, the
    /// package added with <c>dotnet add package</c> from the feed into a package folder of its own,
    /// so a stale cached package can never mask a change), and builds each consumer once. It also
    /// builds the in-repo samples with the analyzers as project references, to know what the
    /// package must report. Each check then works on a copy of a consumer; the copies run in
    /// parallel (as many as there are cores, at most 2). Everything lives under one temp folder,
    /// deleted at the end (set DECAY_E2E_KEEP=1 to keep it for a look).</summary>
    public sealed class PackageEndToEndFixture : IDisposable
    {
        /// <summary>The samples whose code the consumers copy, one line each. A sample listed here
        /// that this branch does not have (yet) is skipped.</summary>
        public static readonly IReadOnlyList<string> SampleNames = new[]
        {
            "Decay.Sample.TorchSharp",
            "Decay.Sample.MLNet",
        };

        /// <summary>Properties the consumer copies from the repo's Directory.Build.props and then
        /// from the sample's project file, so it compiles the sample's code as the repo does.
        /// TreatWarningsAsErrors is deliberately not among them: a user's default is off.</summary>
        private static readonly string[] MirroredProperties =
        {
            "OutputType", "TargetFramework", "LangVersion", "Nullable", "ImplicitUsings", "AllowUnsafeBlocks", "RootNamespace",
        };

        private readonly SemaphoreSlim throttle = new SemaphoreSlim(Math.Clamp(Environment.ProcessorCount, 1, 2));
        private readonly ConcurrentQueue<string> log = new ConcurrentQueue<string>();
        private readonly Lazy<Task<Setup>> setup;
        private readonly Lazy<Task<IReadOnlyList<CheckRun>>> warnAsError;
        private readonly Lazy<Task<IReadOnlyList<CheckRun>>> severityNone;
        private readonly Lazy<Task<IReadOnlyList<CheckRun>>> severityError;
        private readonly Lazy<Task<IReadOnlyList<FormatRun>>> formatRuns;
        private readonly Stopwatch sinceStart = Stopwatch.StartNew();

        public PackageEndToEndFixture()
        {
            RepoRoot = RuleCatalogTests.RepoRoot();
            TempRoot = Path.Combine(Path.GetTempPath(), "decay-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            PackageVersion = "0.0.0-e2e.r" + Guid.NewGuid().ToString("N").Substring(0, 12);
            setup = new Lazy<Task<Setup>>(() => Task.Run(SetUpAsync));
            warnAsError = new Lazy<Task<IReadOnlyList<CheckRun>>>(() => RunOnConsumersAsync("warnaserror", c => c.Warnings.Count > 0, null, "-warnaserror"));
            severityNone = new Lazy<Task<IReadOnlyList<CheckRun>>>(() => RunOnConsumersAsync("severity-none", c => c.Warnings.Any(d => d.Id == "DECAY001"), "[*.cs]\ndotnet_diagnostic.DECAY001.severity = none\n"));
            severityError = new Lazy<Task<IReadOnlyList<CheckRun>>>(() => RunOnConsumersAsync("severity-error", c => c.Warnings.Any(d => d.Id == "DECAY001"), "[*.cs]\ndotnet_diagnostic.DECAY001.severity = error\n"));
            formatRuns = new Lazy<Task<IReadOnlyList<FormatRun>>>(RunFormatChecksAsync);
        }

        public string RepoRoot { get; }

        public string TempRoot { get; }

        public string PackageVersion { get; }

        public string FeedDirectory => Path.Combine(TempRoot, "feed");

        public string PackagesDirectory => Path.Combine(TempRoot, "packages");

        private string ArtifactsDirectory => Path.Combine(TempRoot, "artifacts");

        /// <summary>Every CLI run so far, with its duration, in completion order.</summary>
        public IEnumerable<string> Log => log;

        public Task<Setup> SetupAsync() => setup.Value;

        public Task<IReadOnlyList<CheckRun>> WarnAsErrorAsync() => warnAsError.Value;

        public Task<IReadOnlyList<CheckRun>> SeverityNoneAsync() => severityNone.Value;

        public Task<IReadOnlyList<CheckRun>> SeverityErrorAsync() => severityError.Value;

        /// <summary>All format checks, started together on first use so they share the cores.</summary>
        public Task<IReadOnlyList<FormatRun>> FormatRunsAsync() => formatRuns.Value;

        /// <summary>Starts the setup and every check (each waits for the setup), so that they
        /// overlap instead of running one test at a time. Idempotent.</summary>
        public void StartAll()
        {
            _ = setup.Value;
            _ = warnAsError.Value;
            _ = severityNone.Value;
            _ = severityError.Value;
            _ = formatRuns.Value;
        }

        public async Task<CliResult> DotnetAsync(string workingDirectory, params string[] arguments)
        {
            await throttle.WaitAsync().ConfigureAwait(false);
            try
            {
                var result = await DotnetCli.RunAsync(workingDirectory, arguments).ConfigureAwait(false);
                log.Enqueue($"[{sinceStart.Elapsed.TotalSeconds,6:F1} s] {result.Duration.TotalSeconds,5:F1} s, exit {result.ExitCode}: {result.CommandLine}");
                return result;
            }
            finally
            {
                throttle.Release();
            }
        }

        /// <summary>Arguments for a quiet, self-contained build: no banner, the classic console logger
        /// (one line per diagnostic, which the checks parse), no MSBuild nodes left behind.</summary>
        public static string[] BuildArguments(params string[] more)
            => new[] { "build", "-nologo", "-tl:off", "-nr:false" }.Concat(more).ToArray();

        private async Task<Setup> SetUpAsync()
        {
            Directory.CreateDirectory(TempRoot);
            Directory.CreateDirectory(FeedDirectory);
            WriteIsolation();

            // 1. The in-repo samples, built with the analyzers as project references (into this run's
            //    artifacts folder, so every build compiles and prints its warnings, and the repo's own
            //    bin/obj are left alone).
            var samples = new List<InRepoSample>();
            foreach (var name in SampleNames)
            {
                var directory = Path.Combine(RepoRoot, "samples", name);
                if (!Directory.Exists(directory))
                {
                    log.Enqueue($"sample {name}: not on this branch, skipped");
                    continue;
                }

                var project = Directory.GetFiles(directory, "*.csproj").Single();
                var build = await DotnetAsync(RepoRoot, BuildArguments(project, "-c", "Release", "--artifacts-path", ArtifactsDirectory)).ConfigureAwait(false);
                Require(build.ExitCode == 0, $"The in-repo sample {name} does not build.", build);
                var projectName = Path.GetFileNameWithoutExtension(project);
                var assemblyName = XDocument.Load(project).Root!.Elements("PropertyGroup").Elements("AssemblyName").Select(e => e.Value).LastOrDefault() ?? projectName;
                var outputAssembly = Directory.GetFiles(Path.Combine(ArtifactsDirectory, "bin", projectName), assemblyName + ".dll", SearchOption.AllDirectories).Single();
                var outputDirectory = Path.GetDirectoryName(outputAssembly)!;
                samples.Add(new InRepoSample(name, directory, project, build, ReportedDiagnostics.FromBuildOutput(build.Lines, directory), outputDirectory, outputAssembly));
            }

            Require(samples.Count > 0, "None of the samples exists: " + string.Join(", ", SampleNames), null);

            // 2. The package, with a version no earlier run used.
            var pack = await DotnetAsync(RepoRoot,
                "pack", Path.Combine(RepoRoot, "src", "Decay.Package", "Decay.Package.csproj"), "-c", "Release", "-nologo", "-tl:off", "-nr:false",
                "--artifacts-path", ArtifactsDirectory, "-o", FeedDirectory, "-p:PackageVersion=" + PackageVersion).ConfigureAwait(false);
            Require(pack.ExitCode == 0, "dotnet pack src/Decay.Package failed.", pack);

            // 3. One consumer per sample, built once (with a SARIF 2.1 log). The sample's own
            //    assembly is left out; every other assembly its build copied (the API models) is
            //    referenced by path, as a user's project references the real libraries.
            var consumers = new List<Consumer>();
            foreach (var sample in samples)
            {
                var directory = Path.Combine(TempRoot, "consumers", sample.Name);
                CopySources(sample.Directory, directory);
                var projectPath = Path.Combine(directory, sample.Name + ".csproj");
                File.WriteAllText(projectPath, ConsumerProject(sample));
                var add = await DotnetAsync(directory, "add", projectPath, "package", "Decay.Analyzers", "--version", PackageVersion).ConfigureAwait(false);
                Require(add.ExitCode == 0, $"dotnet add package Decay.Analyzers failed in the {sample.Name} consumer.", add);
                var build = await DotnetAsync(directory, BuildArguments(projectPath, "--no-restore", "-p:ErrorLog=" + SarifFileName + "%2Cversion=2.1")).ConfigureAwait(false);
                Require(build.ExitCode == 0, $"The consumer of {sample.Name} (the package from the feed) does not build.", build);
                var sarifPath = Path.Combine(directory, SarifFileName);
                Require(File.Exists(sarifPath), $"The consumer build of {sample.Name} wrote no {SarifFileName}.", build);
                consumers.Add(new Consumer(sample, directory, projectPath, add, build,
                    ReportedDiagnostics.FromBuildOutput(build.Lines, directory),
                    ReportedDiagnostics.ReadSarif(sarifPath, directory)));
            }

            var packages = Directory.GetFiles(FeedDirectory);
            return new Setup(samples, pack, packages, consumers);
        }

        public const string SarifFileName = "decay.sarif";

        /// <summary>Keeps the temp folder's builds to themselves: no Directory.Build.props/targets,
        /// central package versions or .editorconfig from folders above leak in; NuGet restores
        /// into a package folder of this run, from the local feed plus the machine's usual feeds
        /// (for anything else a consumer may need).</summary>
        private void WriteIsolation()
        {
            File.WriteAllText(Path.Combine(TempRoot, "Directory.Build.props"), "<Project>\n  <PropertyGroup>\n    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>\n  </PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(TempRoot, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(TempRoot, ".editorconfig"), "root = true\n");
            var config = new XDocument(
                new XElement("configuration",
                    new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", PackagesDirectory))),
                    new XElement("packageSources", new XElement("add", new XAttribute("key", "decay-e2e-feed"), new XAttribute("value", FeedDirectory)))));
            config.Save(Path.Combine(TempRoot, "NuGet.config"));
        }

        private string ConsumerProject(InRepoSample sample)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in new[] { Path.Combine(RepoRoot, "Directory.Build.props"), sample.ProjectPath })
            {
                foreach (var property in XDocument.Load(source).Root!.Elements("PropertyGroup").Where(g => g.Attribute("Condition") is null).Elements())
                {
                    if (MirroredProperties.Contains(property.Name.LocalName) && property.Attribute("Condition") is null)
                    {
                        properties[property.Name.LocalName] = property.Value;
                    }
                }
            }

            var references = Directory.GetFiles(sample.OutputDirectory, "*.dll")
                .Where(f => !string.Equals(f, sample.OutputAssembly, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new XElement("Reference", new XAttribute("Include", Path.GetFileNameWithoutExtension(f)), new XElement("HintPath", f)));
            var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
                new XElement("PropertyGroup", properties.Select(p => new XElement(p.Key, p.Value))),
                new XElement("ItemGroup", references));
            return project.ToString() + "\n";
        }

        /// <summary>The sample's .cs files, with their folders, but nothing from bin/ or obj/.</summary>
        private static void CopySources(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var first = relative.Split(Path.DirectorySeparatorChar)[0];
                if (first == "bin" || first == "obj")
                {
                    continue;
                }

                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        /// <summary>A fresh copy of a built consumer for one check: its sources and project, and
        /// the restore results in obj/ (so <c>--no-restore</c> works), but no build outputs, so
        /// the check's build compiles and prints its own diagnostics.</summary>
        public string CopyConsumer(Consumer consumer, string check)
        {
            var target = Path.Combine(TempRoot, "checks", check, consumer.Sample.Name);
            CopySources(consumer.Directory, target);
            File.Copy(consumer.ProjectPath, Path.Combine(target, Path.GetFileName(consumer.ProjectPath)));
            Directory.CreateDirectory(Path.Combine(target, "obj"));
            foreach (var file in Directory.GetFiles(Path.Combine(consumer.Directory, "obj")))
            {
                File.Copy(file, Path.Combine(target, "obj", Path.GetFileName(file)));
            }

            return target;
        }

        private async Task<IReadOnlyList<CheckRun>> RunOnConsumersAsync(string check, Func<Consumer, bool> applies, string? editorConfig, params string[] extraArguments)
        {
            var setUp = await SetupAsync().ConfigureAwait(false);
            var runs = setUp.Consumers.Where(applies).Select(async consumer =>
            {
                var directory = CopyConsumer(consumer, check);
                if (editorConfig != null)
                {
                    File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig);
                }

                var project = Path.Combine(directory, Path.GetFileName(consumer.ProjectPath));
                var build = await DotnetAsync(directory, BuildArguments(new[] { project, "--no-restore" }.Concat(extraArguments).ToArray())).ConfigureAwait(false);
                return new CheckRun(consumer, build, ReportedDiagnostics.FromBuildOutput(build.Lines, directory));
            });
            return await Task.WhenAll(runs).ConfigureAwait(false);
        }

        /// <summary>For every rule that has a code fix and that a consumer reports (warning or, via
        /// the SARIF log, info), on a copy of that consumer: <c>dotnet format analyzers
        /// --verify-no-changes</c>, then <c>dotnet format analyzers</c>, then a build.</summary>
        private async Task<IReadOnlyList<FormatRun>> RunFormatChecksAsync()
        {
            var setUp = await SetupAsync().ConfigureAwait(false);
            var fixable = RuleCatalogTests.AllCodeFixes().SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
            var jobs = from consumer in setUp.Consumers
                       from rule in consumer.Sarif.Results.Select(r => r.Id).Distinct()
                       where fixable.Contains(rule)
                       select RunFormatCheckAsync(consumer, rule);
            return await Task.WhenAll(jobs.ToList()).ConfigureAwait(false);
        }

        private async Task<FormatRun> RunFormatCheckAsync(Consumer consumer, string rule)
        {
            var directory = CopyConsumer(consumer, "format-" + rule);
            var project = Path.Combine(directory, Path.GetFileName(consumer.ProjectPath));
            var level = consumer.Sarif.Results.First(r => r.Id == rule).Severity;
            var severity = level == "error" ? "error" : level == "warning" ? "warn" : "info";
            var before = ReadSources(directory);
            var verify = await DotnetAsync(directory, "format", "analyzers", project, "--diagnostics", rule, "--severity", severity, "--verify-no-changes", "--no-restore", "--verbosity", "normal").ConfigureAwait(false);
            var unchangedByVerify = ChangedFiles(before, ReadSources(directory)).Count == 0;
            var apply = await DotnetAsync(directory, "format", "analyzers", project, "--diagnostics", rule, "--severity", severity, "--no-restore", "--verbosity", "normal").ConfigureAwait(false);
            var changed = ChangedFiles(before, ReadSources(directory));
            var build = await DotnetAsync(directory, BuildArguments(project, "--no-restore", "-p:ErrorLog=" + SarifFileName + "%2Cversion=2.1")).ConfigureAwait(false);
            var sarifPath = Path.Combine(directory, SarifFileName);
            var sarif = File.Exists(sarifPath) ? ReportedDiagnostics.ReadSarif(sarifPath, directory) : null;
            return new FormatRun(consumer, rule, severity, verify, unchangedByVerify, apply, changed, build, ReportedDiagnostics.FromBuildOutput(build.Lines, directory), sarif);
        }

        private static Dictionary<string, string> ReadSources(string directory)
            => Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Path: ReportedDiagnostics.Relative(f, directory), File: f))
                .Where(f => !f.Path.StartsWith("obj/", StringComparison.Ordinal) && !f.Path.StartsWith("bin/", StringComparison.Ordinal))
                .ToDictionary(f => f.Path, f => File.ReadAllText(f.File), StringComparer.Ordinal);

        private static List<string> ChangedFiles(Dictionary<string, string> before, Dictionary<string, string> after)
            => after.Where(f => !before.TryGetValue(f.Key, out var text) || text != f.Value).Select(f => f.Key)
                .Concat(before.Keys.Where(k => !after.ContainsKey(k)))
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();

        private static void Require(bool condition, string what, CliResult? result)
        {
            if (!condition)
            {
                throw new InvalidOperationException(what + (result is null ? string.Empty : "\n" + result));
            }
        }

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable("DECAY_E2E_KEEP") == "1")
            {
                return;
            }

            // Let checks that were started but never awaited (a filtered run) finish first, so no
            // build writes into a folder being deleted.
            foreach (var task in new Task?[]
            {
                setup.IsValueCreated ? setup.Value : null,
                warnAsError.IsValueCreated ? warnAsError.Value : null,
                severityNone.IsValueCreated ? severityNone.Value : null,
                severityError.IsValueCreated ? severityError.Value : null,
                formatRuns.IsValueCreated ? formatRuns.Value : null,
            })
            {
                try
                {
                    task?.Wait(TimeSpan.FromMinutes(5));
                }
                catch (AggregateException)
                {
                    // Reported by the tests that awaited it.
                }
            }

            for (var attempt = 0; attempt < 3 && Directory.Exists(TempRoot); attempt++)
            {
                try
                {
                    Directory.Delete(TempRoot, recursive: true);
                }
                catch (IOException) when (attempt < 2)
                {
                    Thread.Sleep(500);
                }
                catch (UnauthorizedAccessException) when (attempt < 2)
                {
                    Thread.Sleep(500);
                }
            }

            throttle.Dispose();
        }
    }

    public sealed record InRepoSample(string Name, string Directory, string ProjectPath, CliResult Build, IReadOnlyList<ReportedDiagnostic> Diagnostics, string OutputDirectory, string OutputAssembly)
    {
        public IReadOnlyList<ReportedDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == "warning").ToList();
    }

    public sealed record Consumer(InRepoSample Sample, string Directory, string ProjectPath, CliResult AddPackage, CliResult Build, IReadOnlyList<ReportedDiagnostic> Diagnostics, SarifLog Sarif)
    {
        public IReadOnlyList<ReportedDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == "warning").ToList();
    }

    public sealed record Setup(IReadOnlyList<InRepoSample> Samples, CliResult Pack, IReadOnlyList<string> FeedFiles, IReadOnlyList<Consumer> Consumers);

    public sealed record CheckRun(Consumer Consumer, CliResult Build, IReadOnlyList<ReportedDiagnostic> Diagnostics);

    public sealed record FormatRun(Consumer Consumer, string Rule, string Severity, CliResult Verify, bool VerifyLeftFilesAlone, CliResult Apply, IReadOnlyList<string> ChangedFiles, CliResult Build, IReadOnlyList<ReportedDiagnostic> Diagnostics, SarifLog? Sarif);
}
