using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Decay.Tests.Robustness
{
    /// <summary>The robustness suite (issue 8): every Decay analyzer over every input and thousands
    /// of half-typed and mutated variants of them, with no analyzer exception; every offered fix
    /// applied and checked; the analyzers run concurrently several times with identical results.
    /// Analyzers, fixes and inputs are all found at run time, so rules merged later are covered.
    ///
    /// Settings (environment variables, e.g. <c>DECAY_ROBUSTNESS_SEED=42 dotnet test ...</c> or
    /// <c>dotnet test ... -e DECAY_ROBUSTNESS_SEED=42</c>):
    /// DECAY_ROBUSTNESS_SEED (an int, or "random"; default <see cref="DefaultSeed"/>),
    /// DECAY_ROBUSTNESS_INPUT (only inputs whose name contains this text, to replay a failure),
    /// DECAY_ROBUSTNESS_CUTS (prefix cuts per input, default 200),
    /// DECAY_ROBUSTNESS_MUTATIONS (mutation variants in all, default 2000).</summary>
    public class RobustnessSuiteTests
    {
        public const int DefaultSeed = 20261122;
        private const int DeterminismRounds = 3;
        private const int VariantFixChecksPerInput = 3;
        private const int MaxFailuresShown = 15;
        private const int MaxTextShown = 6000;

        private readonly ITestOutputHelper output;

        public RobustnessSuiteTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task Analyzers_never_throw_fixes_never_break_code_and_results_are_deterministic()
        {
            var settings = RobustnessSettings.FromEnvironment();
            var stopwatch = Stopwatch.StartNew();
            var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            var harness = new RobustnessHarness();
            var inputs = RobustnessInputs.Collect(RuleCatalogTests.RepoRoot())
                .Where(i => settings.InputFilter is null || i.Name.Contains(settings.InputFilter, StringComparison.Ordinal))
                .ToImmutableArray();
            Assert.NotEmpty(inputs);
            Assert.NotEmpty(harness.Analyzers);

            var failures = new ConcurrentQueue<string>();
            var analyzerExceptions = 0;
            var nondeterministic = 0;
            var fixesChecked = 0;
            var fixesBroken = 0;
            var cutCount = 0;
            var mutationCount = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            // One more than the even share, so inputs too small for their share do not bring the
            // total under the setting.
            var mutationsPerInput = Math.Max(Mutator.MutationKinds.Length, (settings.Mutations + inputs.Length - 1) / inputs.Length + 1);

            string Failure(RobustnessInput input, string variant, string text, string problem)
                => $"seed={settings.Seed} input={input.Name} variant={variant}\n{problem}\n--- variant text ---\n{Truncate(text)}";

            // 3. Determinism, and the semantic facts the mutations need: every input analyzed
            //    DeterminismRounds times, each round with every input in parallel and each
            //    analysis concurrent, on fresh trees and compilations.
            var libraryNames = new ConcurrentDictionary<string, ImmutableArray<LibraryName>>();
            var fingerprints = new ConcurrentDictionary<string, ConcurrentBag<string>>();
            for (var round = 0; round < DeterminismRounds; round++)
            {
                await Parallel.ForEachAsync(inputs, parallel, async (input, ct) =>
                {
                    var run = await harness.AnalyzeAsync(input, input.Text, concurrent: true, ct);
                    if (run.Exceptions.Length > 0)
                    {
                        Interlocked.Increment(ref analyzerExceptions);
                        failures.Enqueue(Failure(input, "the input itself", input.Text, string.Join("\n", run.Exceptions)));
                    }

                    fingerprints.GetOrAdd(input.Name, _ => new ConcurrentBag<string>()).Add(run.Fingerprint());
                    libraryNames.GetOrAdd(input.Name, _ =>
                    {
                        var tree = run.Compilation.SyntaxTrees.Last();
                        return Mutator.FindLibraryNames(run.Compilation.GetSemanticModel(tree), tree);
                    });
                });
            }

            foreach (var input in inputs)
            {
                var distinct = fingerprints[input.Name].Distinct().ToList();
                if (distinct.Count > 1)
                {
                    nondeterministic++;
                    failures.Enqueue(Failure(input, "the input itself", input.Text,
                        $"nondeterministic: {distinct.Count} different diagnostic sets in {DeterminismRounds} concurrent runs:\n" + string.Join("\n---\n", distinct)));
                }
            }

            // 1. Prefix cuts and mutations of every input: no analyzer exception. A few variants
            //    per input that get a fixable diagnostic also have their fixes checked (the light
            //    bulb is computed on half-typed code too).
            // 2. Every fix offered on every input, checked.
            await Parallel.ForEachAsync(inputs, parallel, async (input, ct) =>
            {
                // Separate streams, so that a replay with other amounts (one input gets the whole
                // mutation budget) still makes the same cuts and starts with the same mutations.
                var cuts = Mutator.Cuts(input.Text, settings.Cuts, new Random(Mutator.InputSeed(settings.Seed, input.Text)));
                var mutations = Mutator.Mutations(input.Text, libraryNames[input.Name], mutationsPerInput,
                    new Random(Mutator.InputSeed(unchecked(settings.Seed + 1), input.Text)));
                Interlocked.Add(ref cutCount, cuts.Count);
                Interlocked.Add(ref mutationCount, mutations.Count);
                var variantFixChecks = 0;
                foreach (var variant in cuts.Concat(mutations))
                {
                    var run = await harness.AnalyzeAsync(input, variant.Text, concurrent: false, ct);
                    if (run.Exceptions.Length > 0)
                    {
                        Interlocked.Increment(ref analyzerExceptions);
                        failures.Enqueue(Failure(input, variant.Description, variant.Text, string.Join("\n", run.Exceptions)));
                        continue;
                    }

                    // One fixable variant in four, chosen by a hash of the seed and the variant's text.
                    if (variantFixChecks < VariantFixChecksPerInput && run.Diagnostics.Any(d => harness.FixersById.ContainsKey(d.Id))
                        && Mutator.InputSeed(settings.Seed, variant.Text) % 4 == 0)
                    {
                        variantFixChecks++;
                        var result = await harness.CheckFixesAsync(harness.CreateDocument(input, variant.Text), ct);
                        Interlocked.Add(ref fixesChecked, result.Checked);
                        Interlocked.Add(ref fixesBroken, result.Broken.Count);
                        foreach (var problem in result.Broken)
                        {
                            failures.Enqueue(Failure(input, variant.Description, variant.Text, problem));
                        }
                    }
                }

                var inputResult = await harness.CheckFixesAsync(harness.CreateDocument(input, input.Text), ct);
                Interlocked.Add(ref fixesChecked, inputResult.Checked);
                Interlocked.Add(ref fixesBroken, inputResult.Broken.Count);
                foreach (var problem in inputResult.Broken)
                {
                    failures.Enqueue(Failure(input, "the input itself", input.Text, problem));
                }
            });

            stopwatch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
            var variants = cutCount + mutationCount;
            var line = $"robustness: inputs={inputs.Length} variants={variants} analyzer_exceptions={analyzerExceptions} fixes_checked={fixesChecked} fixes_broken={fixesBroken} nondeterministic={nondeterministic}";
            var details = string.Create(CultureInfo.InvariantCulture,
                $"  seed={settings.Seed} duration={stopwatch.Elapsed.TotalSeconds:F1}s cpu={cpu.TotalSeconds:F1}s (the test process, all tests running then) cuts={cutCount} mutations={mutationCount} analyzers={harness.Analyzers.Length} fixers={harness.Fixers.Length} references={harness.References.Length} (replay: DECAY_ROBUSTNESS_SEED={settings.Seed}; DECAY_ROBUSTNESS_INPUT=<input> narrows the run)");
            output.WriteLine(line);
            output.WriteLine(details);

            // The xunit console logger shows a passing test's output only at detailed verbosity;
            // stderr of the test host reaches `dotnet test`'s console at every verbosity.
            Console.Error.WriteLine(line);
            Console.Error.WriteLine(details);

            Assert.True(settings.InputFilter != null || mutationCount >= settings.Mutations, $"only {mutationCount} mutation variants were made");
            Assert.True(settings.InputFilter != null || cutCount >= inputs.Length * Math.Min(settings.Cuts, 100), $"only {cutCount} prefix cuts were made");
            if (!failures.IsEmpty)
            {
                var message = new StringBuilder();
                message.AppendLine(line);
                message.AppendLine(details);
                message.AppendLine($"{failures.Count} problem(s); the first {Math.Min(MaxFailuresShown, failures.Count)}:");
                foreach (var failure in failures.OrderBy(f => f, StringComparer.Ordinal).Take(MaxFailuresShown))
                {
                    message.AppendLine("=====");
                    message.AppendLine(failure);
                }

                Assert.Fail(message.ToString());
            }
        }

        private static string Truncate(string text) => text.Length <= MaxTextShown ? text : text.Substring(0, MaxTextShown) + "\n…(truncated)";
    }

    /// <summary>The suite's settings, from environment variables.</summary>
    public sealed class RobustnessSettings
    {
        public int Seed { get; private set; } = RobustnessSuiteTests.DefaultSeed;

        public string? InputFilter { get; private set; }

        public int Cuts { get; private set; } = 200;

        public int Mutations { get; private set; } = 2000;

        public static RobustnessSettings FromEnvironment()
        {
            var settings = new RobustnessSettings();
            var seed = Environment.GetEnvironmentVariable("DECAY_ROBUSTNESS_SEED");
            if (string.Equals(seed, "random", StringComparison.OrdinalIgnoreCase))
            {
                settings.Seed = Random.Shared.Next();
            }
            else if (!string.IsNullOrWhiteSpace(seed))
            {
                settings.Seed = int.Parse(seed, CultureInfo.InvariantCulture);
            }

            var filter = Environment.GetEnvironmentVariable("DECAY_ROBUSTNESS_INPUT");
            settings.InputFilter = string.IsNullOrWhiteSpace(filter) ? null : filter;
            settings.Cuts = ReadInt("DECAY_ROBUSTNESS_CUTS", settings.Cuts);
            settings.Mutations = ReadInt("DECAY_ROBUSTNESS_MUTATIONS", settings.Mutations);
            return settings;
        }

        private static int ReadInt(string name, int fallback)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
        }
    }
}
