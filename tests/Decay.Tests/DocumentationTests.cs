using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Decay.Tests
{
    /// <summary>Meta-tests of the documentation users read: every implemented rule's page is
    /// complete in the format of docs/rules/DECAY001.md (cause, why with the math, how to fix, bad
    /// and good code, how to configure or suppress, references), and the README installs, shows
    /// CI use and lists every rule as its descriptor says. (RuleCatalogTests checks the pages'
    /// titles, properties and docs/rules/README.md's table.)</summary>
    public class DocumentationTests
    {
        /// <summary>The H2 sections of the model page, in order. Pages may add sections and
        /// subsections, not drop or reorder these.</summary>
        public static readonly IReadOnlyList<string> RequiredSections = new[]
        {
            "Cause", "Why it matters", "How to fix", "Examples", "Configuration", "References",
        };

        /// <summary>Labels before the bad and the good code in Examples: "Violates:" / "Does not
        /// violate:", or "Reported:" / "Not reported:" for advice (Info) rules.</summary>
        private static readonly string[] BadLabels = { "Violates", "Reported" };
        private static readonly string[] GoodLabels = { "Does not violate", "Not reported" };

        /// <summary>Symbols that show the "Why it matters" section states the math.</summary>
        private static readonly string[] MathSymbols = { "=", "←", "·", "‖", "∇", "λ", "θ", "²", "√" };

        private static string[] Page(string id) => File.ReadAllLines(Path.Combine(RuleCatalogTests.RepoRoot(), "docs", "rules", id + ".md"));

        /// <summary>The page's H2 sections: heading → the lines up to the next H2 (fenced code
        /// blocks included; a '## ' inside a fence is not a heading).</summary>
        private static List<(string Heading, List<string> Body)> Sections(IEnumerable<string> lines)
        {
            var sections = new List<(string Heading, List<string> Body)>();
            var inFence = false;
            foreach (var line in lines)
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    sections.Add((line.Substring(3).Trim(), new List<string>()));
                }
                else if (sections.Count > 0)
                {
                    sections[sections.Count - 1].Body.Add(line);
                }
            }

            return sections;
        }

        [Theory]
        [MemberData(nameof(RuleCatalogTests.ImplementedRules), MemberType = typeof(RuleCatalogTests))]
        public void Rule_page_has_the_properties_table_of_the_model_page(string id)
        {
            var lines = Page(id);
            Assert.Contains("| Property | Value |", lines);
            Assert.Contains($"| ID | {id} |", lines);
        }

        [Theory]
        [MemberData(nameof(RuleCatalogTests.ImplementedRules), MemberType = typeof(RuleCatalogTests))]
        public void Rule_page_has_every_section_of_the_model_page_in_order(string id)
        {
            var sections = Sections(Page(id));
            var headings = sections.Select(s => s.Heading).ToList();
            var found = RequiredSections.Select(r => headings.IndexOf(r)).ToList();
            Assert.True(found.All(i => i >= 0) && found.SequenceEqual(found.OrderBy(i => i)),
                $"docs/rules/{id}.md must have the sections '## {string.Join("', '## ", RequiredSections)}' in this order (as DECAY001.md); it has: {string.Join(", ", headings)}");
            foreach (var required in RequiredSections)
            {
                var body = sections.First(s => s.Heading == required).Body;
                Assert.True(body.Any(l => l.Trim().Length > 0), $"docs/rules/{id}.md: '## {required}' is empty.");
            }
        }

        [Theory]
        [MemberData(nameof(RuleCatalogTests.ImplementedRules), MemberType = typeof(RuleCatalogTests))]
        public void Rule_page_states_the_math_in_why_it_matters(string id)
        {
            var body = Sections(Page(id)).FirstOrDefault(s => s.Heading == "Why it matters").Body ?? new List<string>();
            Assert.True(body.Any(l => MathSymbols.Any(m => l.Contains(m, StringComparison.Ordinal))),
                $"docs/rules/{id}.md: '## Why it matters' should show the math (a formula with one of {string.Join(" ", MathSymbols)}).");
        }

        [Theory]
        [MemberData(nameof(RuleCatalogTests.ImplementedRules), MemberType = typeof(RuleCatalogTests))]
        public void Rule_page_shows_bad_and_good_code(string id)
        {
            var body = Sections(Page(id)).FirstOrDefault(s => s.Heading == "Examples").Body ?? new List<string>();
            Assert.True(CodeFollows(body, BadLabels), $"docs/rules/{id}.md: '## Examples' needs 'Violates:' (or 'Reported:') followed by a ```csharp block.");
            Assert.True(CodeFollows(body, GoodLabels), $"docs/rules/{id}.md: '## Examples' needs 'Does not violate:' (or 'Not reported:') followed by a ```csharp block.");
        }

        [Theory]
        [MemberData(nameof(RuleCatalogTests.ImplementedRules), MemberType = typeof(RuleCatalogTests))]
        public void Rule_page_shows_how_to_configure_and_suppress(string id)
        {
            var body = string.Join("\n", Sections(Page(id)).FirstOrDefault(s => s.Heading == "Configuration").Body ?? new List<string>());
            Assert.True(body.Contains($"dotnet_diagnostic.{id}.severity", StringComparison.Ordinal), $"docs/rules/{id}.md: '## Configuration' should show the .editorconfig severity line for {id}.");
            Assert.True(body.Contains($"#pragma warning disable {id}", StringComparison.Ordinal), $"docs/rules/{id}.md: '## Configuration' should show how to suppress one occurrence (#pragma warning disable {id}).");
        }

        /// <summary>A line starting with one of the labels, then (before the next label line) a
        /// ```csharp block with code in it.</summary>
        private static bool CodeFollows(List<string> body, string[] labels)
        {
            var allLabels = BadLabels.Concat(GoodLabels).ToArray();
            for (var i = 0; i < body.Count; i++)
            {
                if (!IsLabel(body[i], labels))
                {
                    continue;
                }

                for (var j = i + 1; j < body.Count && !IsLabel(body[j], allLabels); j++)
                {
                    if (body[j].Trim() == "```csharp" && j + 1 < body.Count && body[j + 1].Trim().Length > 0 && body[j + 1].Trim() != "```")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>"Violates:" is a bad label, "Does not violate:" only a good one.</summary>
        private static bool IsLabel(string line, string[] labels)
            => labels.Any(l => line.StartsWith(l + ":", StringComparison.Ordinal) || line.StartsWith("**" + l, StringComparison.Ordinal));

        [Theory]
        [MemberData(nameof(RuleCatalogTests.ImplementedRules), MemberType = typeof(RuleCatalogTests))]
        public void Readme_rules_table_row_matches_the_descriptor(string id)
        {
            var descriptor = RuleCatalogTests.AllDescriptors().Single(d => d.Id == id);
            var hasFix = RuleCatalogTests.AllCodeFixes().Any(f => f.FixableDiagnosticIds.Contains(id));
            var row = $"| [{id}](docs/rules/{id}.md) | {descriptor.DefaultSeverity} | {(hasFix ? "Yes" : "No")} | {descriptor.Title} |";
            var readme = File.ReadAllLines(Path.Combine(RuleCatalogTests.RepoRoot(), "README.md"));
            Assert.True(readme.Contains(row), $"README.md's rules table should have the row\n{row}\nit has: {string.Join("\n", readme.Where(l => l.StartsWith($"| [{id}]", StringComparison.Ordinal)))}");
        }

        [Theory]
        [InlineData("dotnet add package Decay.Analyzers")]
        [InlineData("-warnaserror")]
        [InlineData("dotnet format analyzers --verify-no-changes")]
        [InlineData("-p:ErrorLog=decay.sarif%2Cversion=2.1")]
        [InlineData("dotnet_diagnostic.DECAY001.severity")]
        public void Readme_shows_how_to_install_and_use_it_in_CI(string command)
        {
            var readme = File.ReadAllText(Path.Combine(RuleCatalogTests.RepoRoot(), "README.md"));
            Assert.Contains(command, readme, StringComparison.Ordinal);
        }
    }
}
