using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Decay.Tests.EndToEnd
{
    /// <summary>Decay as users meet it: the packed Decay.Analyzers.nupkg, installed from a local
    /// feed into a throwaway project holding the samples' code, checked with the real dotnet CLI
    /// (build warnings, -warnaserror, .editorconfig severities, dotnet format, SARIF). One test per
    /// check, so the test run's output names each; the builds they share happen once (see
    /// <see cref="PackageEndToEndFixture"/>). Rule-dependent checks are driven by the rules the
    /// samples show and the fixes that exist, so new rules are covered as they arrive.</summary>
    public sealed class PackageEndToEndTests : IClassFixture<PackageEndToEndFixture>
    {
        private static readonly string[] Metadata = { "_rels/", "package/services/", "[Content_Types].xml" };

        private readonly PackageEndToEndFixture fixture;
        private readonly ITestOutputHelper output;

        public PackageEndToEndTests(PackageEndToEndFixture fixture, ITestOutputHelper output)
        {
            this.fixture = fixture;
            this.output = output;
            fixture.StartAll();
        }

        public static IEnumerable<object[]> FixableRules()
            => RuleCatalogTests.AllCodeFixes().SelectMany(f => f.FixableDiagnosticIds).Distinct().OrderBy(id => id, StringComparer.Ordinal).Select(id => new object[] { id });

        [Fact]
        public async Task Pack_produces_one_development_dependency_nupkg_with_only_analyzers_readme_and_license()
        {
            var setup = await SetupAsync();
            var expectedName = $"Decay.Analyzers.{fixture.PackageVersion}.nupkg";
            Assert.True(setup.FeedFiles.Select(Path.GetFileName).SequenceEqual(new[] { expectedName }),
                $"The feed should hold exactly {expectedName} (no symbols package, no other project packed), but holds: {string.Join(", ", setup.FeedFiles.Select(Path.GetFileName))}\n{setup.Pack}");

            using var package = ZipFile.OpenRead(setup.FeedFiles[0]);
            var entries = package.Entries.Select(e => e.FullName).Where(n => !Metadata.Any(m => n.StartsWith(m, StringComparison.Ordinal)) && !n.EndsWith(".nuspec", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var listing = "Package content: " + string.Join(", ", entries);
            Assert.True(entries.Contains("analyzers/dotnet/cs/Decay.Analyzers.dll"), listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/Decay.CodeFixes.dll"), listing);
            Assert.True(entries.Contains("README.md"), listing);
            Assert.True(entries.Contains("LICENSE"), listing);
            Assert.True(entries.Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).SequenceEqual(new[] { "analyzers/dotnet/cs/Decay.Analyzers.dll", "analyzers/dotnet/cs/Decay.CodeFixes.dll" }),
                "Only Decay's two assemblies may ship, both as analyzers (no Roslyn or other dependency bundled). " + listing);
            foreach (var folder in new[] { "lib/", "ref/", "runtimes/", "content/", "contentFiles/", "tools/" })
            {
                Assert.False(entries.Any(n => n.StartsWith(folder, StringComparison.OrdinalIgnoreCase)), $"Nothing may flow into the user's compilation or output ({folder}). " + listing);
            }

            var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            using var stream = nuspecEntry.Open();
            var nuspec = XDocument.Load(stream);
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            var text = nuspec.ToString();
            Assert.True(Value("id") == "Decay.Analyzers", text);
            Assert.True(Value("version") == fixture.PackageVersion, text);
            Assert.True(Value("developmentDependency") == "true", "The nuspec must say <developmentDependency>true</developmentDependency>.\n" + text);
            Assert.True(Value("readme") == "README.md", text);
            Assert.True(!string.IsNullOrWhiteSpace(Value("license")), "The nuspec must carry a license.\n" + text);
            Assert.True(!string.IsNullOrWhiteSpace(Value("description")), text);
            var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
            Assert.True(dependencies.Count == 0, "The package must have no dependencies that would flow to the user's project.\n" + text);
        }

        [Fact]
        public async Task Packaged_analyzers_reference_Roslyn_no_newer_than_the_4_5_floor()
        {
            // An analyzer built against a newer Roslyn than the user's compiler does not load
            // (CS8032): the shipped assemblies must reference Microsoft.CodeAnalysis 4.5.0 at most.
            var setup = await SetupAsync();
            using var package = ZipFile.OpenRead(setup.FeedFiles.Single());
            foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
            {
                using var memory = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(memory);
                }

                memory.Position = 0;
                using var pe = new PEReader(memory);
                var reader = pe.GetMetadataReader();
                var roslyn = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h))
                    .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                    .Select(r => (Name: reader.GetString(r.Name), r.Version))
                    .ToList();
                Assert.True(roslyn.Count > 0, entry.FullName + " references no Roslyn assembly: is it really the analyzer?");
                Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 5, 0, 0), $"{entry.FullName} references {r.Name} {r.Version}, newer than the 4.5.0 floor."));
            }
        }

        [Fact]
        public async Task Only_Decay_Package_is_packable_in_the_solution()
        {
            Directory.CreateDirectory(fixture.TempRoot);
            var targets = Path.Combine(fixture.TempRoot, "report-packable.targets");
            File.WriteAllText(targets, "<Project>\n  <Target Name=\"DecayReportPackable\">\n    <Message Importance=\"high\" Text=\"DECAY-PACKABLE|$(MSBuildProjectName)|$(IsPackable)\" />\n  </Target>\n</Project>\n");
            var result = await DotnetCli.RunAsync(fixture.RepoRoot, new[] { "msbuild", "Decay.sln", "-t:DecayReportPackable", "-p:CustomAfterMicrosoftCommonTargets=" + targets, "-nologo", "-tl:off", "-nr:false", "-v:m" });
            Assert.True(result.ExitCode == 0, result.ToString());
            var projects = result.Lines.Select(l => l.Trim()).Where(l => l.StartsWith("DECAY-PACKABLE|", StringComparison.Ordinal)).Select(l => l.Split('|')).ToList();
            Assert.True(projects.Count >= 4, "Expected a line per project.\n" + result);
            var packable = projects.Where(p => string.Equals(p[2], "true", StringComparison.OrdinalIgnoreCase)).Select(p => p[1]).Distinct().ToList();
            Assert.True(packable.SequenceEqual(new[] { "Decay.Package" }), "Only src/Decay.Package may be packable; packable: " + string.Join(", ", packable) + "\n" + result);
        }

        [Fact]
        public async Task Dotnet_add_package_installs_it_as_a_private_development_dependency()
        {
            var setup = await SetupAsync();
            foreach (var consumer in setup.Consumers)
            {
                var project = XDocument.Load(consumer.ProjectPath);
                var reference = project.Descendants("PackageReference").SingleOrDefault(e => (string?)e.Attribute("Include") == "Decay.Analyzers");
                Assert.True(reference != null, "dotnet add package wrote no PackageReference.\n" + project + "\n" + consumer.AddPackage);
                Assert.Equal(fixture.PackageVersion, (string?)reference!.Attribute("Version"));
                Assert.True((string?)reference.Element("PrivateAssets") == "all", "A development dependency is added with PrivateAssets=all, so it never flows to the user's consumers.\n" + project);
                Assert.True(Directory.Exists(Path.Combine(fixture.PackagesDirectory, "decay.analyzers", fixture.PackageVersion.ToLowerInvariant())),
                    "The package was not restored from the local feed into this run's package folder.\n" + consumer.AddPackage);
            }
        }

        [Fact]
        public async Task Package_build_prints_the_same_DECAY_warnings_as_the_in_repo_sample_build()
        {
            var setup = await SetupAsync();
            foreach (var consumer in setup.Consumers)
            {
                var expected = consumer.Sample.Warnings.Select(d => d.Key).ToHashSet();
                var actual = consumer.Warnings.Select(d => d.Key).ToHashSet();
                output.WriteLine($"{consumer.Sample.Name}: {consumer.Warnings.Count} Decay warnings from the package build:");
                foreach (var warning in consumer.Warnings)
                {
                    output.WriteLine("  " + warning);
                }

                Assert.True(expected.SetEquals(actual),
                    $"{consumer.Sample.Name}: the package build's Decay warnings differ from the in-repo build's.\n" +
                    $"Only in-repo: {string.Join("; ", expected.Except(actual))}\nOnly from the package: {string.Join("; ", actual.Except(expected))}\n" +
                    $"In-repo build:\n{consumer.Sample.Build}\n\nPackage build:\n{consumer.Build}");
                Assert.True(consumer.Warnings.All(w => w.Message.Length > 0));
            }

            var ids = setup.Consumers.SelectMany(c => c.Warnings).Select(w => w.Id).ToHashSet();
            Assert.True(ids.Contains("DECAY001"), "The samples' builds must show at least DECAY001; they show: " + string.Join(", ", ids) + "\n" + string.Join("\n\n", setup.Consumers.Select(c => c.Build)));
        }

        [Fact]
        public async Task Warnaserror_turns_the_DECAY_warnings_into_errors_and_fails_the_build()
        {
            var runs = await Logged(fixture.WarnAsErrorAsync());
            Assert.NotEmpty(runs);
            foreach (var run in runs)
            {
                Assert.True(run.Build.ExitCode != 0, "dotnet build -warnaserror succeeded despite Decay warnings.\n" + run.Build);
                var errors = run.Diagnostics.Where(d => d.Severity == "error").Select(d => d.Key).ToHashSet();
                var warnings = run.Consumer.Warnings.Select(d => d.Key).ToHashSet();
                Assert.True(errors.SetEquals(warnings), $"Each Decay warning ({string.Join("; ", warnings)}) should now be an error; errors: {string.Join("; ", errors)}\n{run.Build}");
            }
        }

        [Fact]
        public async Task Editorconfig_severity_none_silences_DECAY001()
        {
            var runs = await Logged(fixture.SeverityNoneAsync());
            Assert.NotEmpty(runs);
            foreach (var run in runs)
            {
                Assert.True(run.Build.ExitCode == 0, run.Build.ToString());
                Assert.True(!run.Diagnostics.Any(d => d.Id == "DECAY001"), "dotnet_diagnostic.DECAY001.severity = none did not silence DECAY001.\n" + run.Build);
                var others = run.Consumer.Warnings.Where(d => d.Id != "DECAY001").Select(d => d.Key).ToHashSet();
                Assert.True(others.SetEquals(run.Diagnostics.Select(d => d.Key)), "Silencing DECAY001 must leave the other rules' warnings alone.\n" + run.Build);
            }
        }

        [Fact]
        public async Task Editorconfig_severity_error_makes_DECAY001_fail_the_build()
        {
            var runs = await Logged(fixture.SeverityErrorAsync());
            Assert.NotEmpty(runs);
            foreach (var run in runs)
            {
                Assert.True(run.Build.ExitCode != 0, "dotnet_diagnostic.DECAY001.severity = error did not fail the build.\n" + run.Build);
                var expected = run.Consumer.Warnings.Where(d => d.Id == "DECAY001").Select(d => d.Key).ToHashSet();
                var errors = run.Diagnostics.Where(d => d.Severity == "error").Select(d => d.Key).ToHashSet();
                Assert.True(errors.SetEquals(expected), $"Expected exactly the DECAY001 warnings as errors ({string.Join("; ", expected)}), got {string.Join("; ", errors)}\n{run.Build}");
                var otherWarnings = run.Consumer.Warnings.Where(d => d.Id != "DECAY001").Select(d => d.Key).ToHashSet();
                Assert.True(otherWarnings.SetEquals(run.Diagnostics.Where(d => d.Severity == "warning").Select(d => d.Key)), "Other rules must stay warnings.\n" + run.Build);
            }
        }

        [Theory]
        [MemberData(nameof(FixableRules))]
        public async Task Dotnet_format_verify_fails_then_the_fix_applies_and_the_diagnostic_is_gone(string rule)
        {
            var runs = (await Logged(fixture.FormatRunsAsync())).Where(r => r.Rule == rule).ToList();
            if (runs.Count == 0)
            {
                var descriptor = RuleCatalogTests.AllDescriptors().Single(d => d.Id == rule);
                var setup = await SetupAsync();
                var shown = string.Join(", ", setup.Consumers.SelectMany(c => c.Sarif.Results).Select(r => r.Id).Distinct());
                Assert.True(descriptor.DefaultSeverity != DiagnosticSeverity.Warning,
                    $"{rule} is a warning with a code fix, but no sample ({string.Join(", ", setup.Samples.Select(s => s.Name))}) shows it, so its fix is never tried through the package. Add it to a sample. The samples show: {shown}");
                output.WriteLine($"{rule} ({descriptor.DefaultSeverity}) is not shown by any sample's build; the samples show: {shown}. Nothing to format.");
                return;
            }

            foreach (var run in runs)
            {
                var context = $"{rule} in the {run.Consumer.Sample.Name} consumer (--severity {run.Severity})";
                output.WriteLine($"{context}: verify exit {run.Verify.ExitCode}, fix changed {string.Join(", ", run.ChangedFiles)}, build exit {run.Build.ExitCode}");
                Assert.True(run.Verify.ExitCode != 0, $"{context}: dotnet format --verify-no-changes passed although the code has the diagnostic.\n{run.Verify}");
                Assert.True(run.Verify.Output.Contains(rule, StringComparison.Ordinal), $"{context}: --verify-no-changes does not name the rule.\n{run.Verify}");
                Assert.True(run.VerifyLeftFilesAlone, $"{context}: --verify-no-changes changed files.\n{run.Verify}");
                Assert.True(run.Apply.ExitCode == 0, $"{context}: dotnet format failed.\n{run.Apply}");
                Assert.True(run.ChangedFiles.Count > 0, $"{context}: dotnet format changed no file: our fix was not applied.\n{run.Apply}");
                Assert.True(run.Build.ExitCode == 0, $"{context}: the fixed project does not build (changed: {string.Join(", ", run.ChangedFiles)}).\n{run.Build}");
                Assert.True(run.Sarif != null, $"{context}: the build after the fix wrote no SARIF log.\n{run.Build}");
                var left = run.Diagnostics.Where(d => d.Id == rule).Concat(run.Sarif!.Results.Where(d => d.Id == rule)).Distinct().ToList();
                Assert.True(left.Count == 0, $"{context}: still reported after dotnet format applied the fix: {string.Join("; ", left)}\n{run.Apply}\n{run.Build}");
            }
        }

        [Fact]
        public async Task ErrorLog_with_version_2_1_writes_SARIF_2_1_with_the_rule_ids_and_help_uris()
        {
            // -p:ErrorLog=file%2Cversion=2.1: the comma is escaped because MSBuild's -p splits on
            // it; without ",version=2.1" the compiler writes SARIF 1.0.
            var setup = await SetupAsync();
            var implemented = RuleCatalogTests.ImplementedRules().Select(r => (string)r[0]).ToList();
            foreach (var consumer in setup.Consumers)
            {
                var sarif = consumer.Sarif;
                var context = $"{consumer.Sample.Name}: {PackageEndToEndFixture.SarifFileName} from {consumer.Build.CommandLine}";
                Assert.True(sarif.Version == "2.1.0", $"{context}: version {sarif.Version}");
                Assert.True(sarif.Schema != null && sarif.Schema.Contains("2.1.0", StringComparison.Ordinal), $"{context}: $schema {sarif.Schema}");
                var warnings = consumer.Warnings.Select(d => d.Key).ToHashSet();
                var results = sarif.Results.Where(r => r.Severity == "warning").Select(r => r.Key).ToHashSet();
                Assert.True(warnings.SetEquals(results), $"{context}: the SARIF results ({string.Join("; ", results)}) differ from the build's warnings ({string.Join("; ", warnings)})");
                foreach (var id in sarif.Results.Select(r => r.Id).Concat(implemented).Distinct())
                {
                    Assert.True(sarif.Rules.TryGetValue(id, out var helpUri), $"{context}: no rule entry for {id}: the package lacks its analyzer?");
                    Assert.True(helpUri == Descriptors.HelpLink(id), $"{context}: {id}'s helpUri is '{helpUri}', expected {Descriptors.HelpLink(id)}");
                }
            }
        }

        [Fact]
        public async Task Readme_shows_the_warning_exactly_as_the_sample_build_prints_it()
        {
            var setup = await SetupAsync();
            var printed = setup.Samples.SelectMany(s => s.Diagnostics.Select(d => d with { File = $"samples/{s.Name}/{d.File}" })).ToHashSet();
            // The lines that claim to be the samples' output (others illustrate a user's code).
            var shown = ReportedDiagnostics.FromBuildOutput(File.ReadAllLines(Path.Combine(fixture.RepoRoot, "README.md")), fixture.RepoRoot)
                .Where(d => d.File.StartsWith("samples/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(shown);
            Assert.All(shown, d => Assert.True(printed.Contains(d), $"README.md shows\n  {d}\nbut the samples' build prints\n  {string.Join("\n  ", printed)}"));
        }

        private Task<Setup> SetupAsync() => Logged(fixture.SetupAsync());

        /// <summary>Awaits a shared step and writes the CLI runs so far (command, exit code,
        /// duration) to the test's output.</summary>
        private async Task<T> Logged<T>(Task<T> step)
        {
            try
            {
                return await step;
            }
            finally
            {
                foreach (var line in fixture.Log)
                {
                    output.WriteLine(line);
                }
            }
        }
    }
}
