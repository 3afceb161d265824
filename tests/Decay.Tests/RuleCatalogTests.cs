using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Tests
{
    /// <summary>Meta-tests of the rule catalogue: every descriptor is in the registry, has a doc page
    /// whose title and severity match, a help link to that page, a release entry, and an analyzer
    /// that reports it.</summary>
    public class RuleCatalogTests
    {
        public static IEnumerable<DiagnosticDescriptor> AllDescriptors()
            => typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

        public static IEnumerable<DiagnosticAnalyzer> AllAnalyzers()
            => typeof(Descriptors).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

        /// <summary>Every rule, each a DiagnosticAnalyzer that can run alone (what the rule tests
        /// run); the compiler loads only <see cref="DecayAnalyzer"/>, which hosts them all.</summary>
        public static IEnumerable<DiagnosticAnalyzer> AllRules() => DecayAnalyzer.CreateRules();

        public static IEnumerable<CodeFixProvider> AllCodeFixes()
            => typeof(Decay.CodeFixes.Decay001UseAdamWCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);

        /// <summary>The IDs some analyzer reports: the rules that exist.</summary>
        public static IEnumerable<object[]> ImplementedRules()
            => AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id).Select(id => new object[] { id });

        internal static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Decay.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Decay.sln not found above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void Descriptor_ids_are_unique_and_match_the_id_constants()
        {
            var descriptors = AllDescriptors().ToList();
            Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
            var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).OrderBy(x => x);
            Assert.Equal(constants, descriptors.Select(d => d.Id).OrderBy(x => x));
        }

        [Theory]
        [MemberData(nameof(ImplementedRules))]
        public void Help_link_points_at_the_rules_doc_page(string id)
        {
            var descriptor = AllDescriptors().Single(d => d.Id == id);
            Assert.Equal($"https://github.com/decay-analyzers/decay/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepoRoot(), "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        }

        [Theory]
        [MemberData(nameof(ImplementedRules))]
        public void Doc_page_title_and_severity_match_the_descriptor(string id)
        {
            var descriptor = AllDescriptors().Single(d => d.Id == id);
            var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "rules", id + ".md"));
            Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
            Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", lines);
            Assert.Contains($"| Category | {descriptor.Category} |", lines);
        }

        [Theory]
        [MemberData(nameof(ImplementedRules))]
        public void Release_tracking_lists_the_rule_with_its_severity(string id)
        {
            var descriptor = AllDescriptors().Single(d => d.Id == id);
            var unshipped = File.ReadAllLines(Path.Combine(RepoRoot(), "src", "Decay.Analyzers", "AnalyzerReleases.Unshipped.md"));
            Assert.Contains(unshipped, l => l.StartsWith($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(ImplementedRules))]
        public void Every_rule_has_a_test_file(string id)
        {
            var testFiles = Directory.GetFiles(Path.Combine(RepoRoot(), "tests", "Decay.Tests"), "*.cs", SearchOption.AllDirectories);
            Assert.Contains(testFiles, f => Path.GetFileName(f).StartsWith("Decay" + id.Substring(5), StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void Every_fix_targets_a_rule_that_an_analyzer_reports()
        {
            var reported = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            foreach (var fix in AllCodeFixes())
            {
                Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, reported));
                Assert.NotNull(fix.GetFixAllProvider());
            }
        }

        [Fact]
        public void Fix_column_of_each_doc_page_matches_whether_a_fix_exists()
        {
            var fixable = AllCodeFixes().SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
            foreach (var id in ImplementedRules().Select(r => (string)r[0]))
            {
                var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "rules", id + ".md"));
                var fixLine = lines.Single(l => l.StartsWith("| Code fix |", StringComparison.Ordinal));
                Assert.True(fixable.Contains(id) == fixLine.StartsWith("| Code fix | Yes", StringComparison.Ordinal), $"{id}: '{fixLine}'");
            }
        }

        [Theory]
        [MemberData(nameof(ImplementedRules))]
        public void Rules_table_row_matches_the_descriptor(string id)
        {
            var descriptor = AllDescriptors().Single(d => d.Id == id);
            var hasFix = AllCodeFixes().Any(f => f.FixableDiagnosticIds.Contains(id));
            var row = $"| [{id}]({id}.md) | {descriptor.DefaultSeverity} | {(hasFix ? "Yes" : "No")} | {descriptor.Title} |";
            Assert.Contains(row, File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "rules", "README.md")));
        }
    }
}
