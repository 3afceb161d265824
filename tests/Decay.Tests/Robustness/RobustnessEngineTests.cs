using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Tests.Robustness
{
    /// <summary>The robustness suite's own parts: input collection, snippet wrapping, variant
    /// generation (seeded and replayable) and span mapping.</summary>
    public class RobustnessEngineTests
    {
        [Fact]
        public void Inputs_come_from_tests_samples_and_docs_without_markup()
        {
            var inputs = RobustnessInputs.Collect(RuleCatalogTests.RepoRoot());
            Assert.Contains(inputs, i => i.Name.StartsWith("tests/Decay.Tests/Decay001", StringComparison.Ordinal));
            Assert.Contains(inputs, i => i.Name.StartsWith("samples/", StringComparison.Ordinal) && i.Context.Length > 0);
            Assert.Contains(inputs, i => i.Name.StartsWith("docs/rules/DECAY001.md:", StringComparison.Ordinal));
            Assert.DoesNotContain(inputs, i => i.Name.StartsWith("tests/Decay.Tests/Robustness/", StringComparison.Ordinal));
            Assert.All(inputs, i => Assert.DoesNotContain("[|", i.Text, StringComparison.Ordinal));
            Assert.Equal(inputs.Length, inputs.Select(i => i.Text).Distinct().Count());
        }

        [Fact]
        public void Test_literals_that_only_name_TorchSharp_are_not_inputs()
        {
            Assert.DoesNotContain(RobustnessInputs.Collect(RuleCatalogTests.RepoRoot()),
                i => i.Text.StartsWith("Adam's weight_decay", StringComparison.Ordinal));
        }

        [Fact]
        public void Statement_snippets_are_wrapped_in_a_method_and_parse()
        {
            var file = RobustnessInputs.SnippetToFile("using static TorchSharp.torch;\n\nvar optimizer = optim.Adam(model.parameters(), weight_decay: 1e-4);");
            var root = CSharpSyntaxTree.ParseText(file).GetCompilationUnitRoot();
            Assert.Empty(root.GetDiagnostics());
            Assert.Contains("void Run(nn.Module<Tensor, Tensor> model, MLContext mlContext)", file, StringComparison.Ordinal);
            Assert.Contains(root.Usings, u => u.ToString() == "using static TorchSharp.torch;");
            Assert.Single(root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>());
        }

        /// <summary>Wrapped doc snippets bind to the libraries: the Violates example of a page
        /// reports its rule (so the suite's doc inputs exercise the analyzers, not just the parser).</summary>
        [Theory]
        [InlineData("DECAY001")]
        [InlineData("DECAY101")]
        public async Task Wrapped_violates_example_reports_its_rule(string id)
        {
            var harness = new RobustnessHarness();
            var snippets = RobustnessInputs.FromDocs(RuleCatalogTests.RepoRoot()).Where(i => i.Name.StartsWith($"docs/rules/{id}.md:", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(snippets);
            var first = await harness.AnalyzeAsync(snippets[0], snippets[0].Text, concurrent: true, System.Threading.CancellationToken.None);
            Assert.Empty(first.Exceptions);
            Assert.Contains(first.Diagnostics, d => d.Id == id);
        }

        [Fact]
        public void Member_snippets_are_wrapped_in_a_class_and_type_snippets_kept()
        {
            var members = RobustnessInputs.SnippetToFile("private readonly int n;\nvoid Train() { }");
            Assert.Empty(CSharpSyntaxTree.ParseText(members).GetDiagnostics());
            Assert.Contains("class Snippet", members, StringComparison.Ordinal);

            var type = RobustnessInputs.SnippetToFile("class Model { }");
            Assert.Empty(CSharpSyntaxTree.ParseText(type).GetDiagnostics());
            Assert.DoesNotContain("class Snippet", type, StringComparison.Ordinal);
        }

        private const string Source = """
            using TorchSharp;
            class T { void M(torch.nn.Module m) { var o = torch.optim.Adam(m.parameters(), lr: 0.01, weight_decay: 1e-4); } }
            """;

        [Fact]
        public void Cuts_are_replayable_from_the_seed_and_reach_the_count()
        {
            var a = Mutator.Cuts(Source, 200, new Random(Mutator.InputSeed(1, Source)));
            var b = Mutator.Cuts(Source, 200, new Random(Mutator.InputSeed(1, Source)));
            var c = Mutator.Cuts(Source, 30, new Random(Mutator.InputSeed(2, Source)));
            var d = Mutator.Cuts(Source, 30, new Random(Mutator.InputSeed(3, Source)));
            Assert.Equal(a.Select(v => v.Text), b.Select(v => v.Text));
            Assert.Equal(Math.Min(200, Source.Length - 1), a.Select(v => v.Text).Distinct().Count());
            Assert.All(a, v => Assert.StartsWith(v.Text, Source, StringComparison.Ordinal));
            Assert.NotEqual(c.Select(v => v.Text), d.Select(v => v.Text));

            // With fewer slots than token boundaries, every cut is at a token boundary.
            var boundaries = CSharpSyntaxTree.ParseText(Source).GetRoot().DescendantTokens().Select(t => t.Span.End).ToHashSet();
            Assert.All(c, v => Assert.Contains(v.Text.Length, boundaries));
        }

        [Fact]
        public void Mutations_cover_every_kind_and_are_replayable()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("M", new[] { tree }, Decay.Testing.TestReferences.Default);
            var names = Mutator.FindLibraryNames(compilation.GetSemanticModel(tree), tree);
            Assert.Contains(names, n => n.Name == "Adam" && n.Siblings.Contains("AdamW"));

            var first = Mutator.Mutations(Source, names, 60, new Random(7));
            var again = Mutator.Mutations(Source, names, 60, new Random(7));
            Assert.Equal(first.Select(v => v.Text), again.Select(v => v.Text));
            Assert.Equal(60, first.Select(v => v.Text).Distinct().Count());
            foreach (var kind in new[] { "delete token", "duplicate token", "swap tokens", "delete argument", "replace literal", "rename" })
            {
                Assert.Contains(first, v => v.Description.StartsWith(kind, StringComparison.Ordinal));
            }

            Assert.Contains(first, v => v.Text.Contains("optim.AdamW(", StringComparison.Ordinal));
            Assert.Contains(first, v => v.Text.Contains("(m.parameters(), weight_decay: 1e-4)", StringComparison.Ordinal));
        }

        [Fact]
        public void Spans_map_through_text_changes()
        {
            var changes = new[] { new TextChange(new TextSpan(2, 3), "abcd"), new TextChange(new TextSpan(10, 0), "xy") };
            Assert.Equal(new TextSpan(0, 2), RobustnessHarness.MapSpan(new TextSpan(0, 2), changes));
            Assert.Equal(TextSpan.FromBounds(2, 6), RobustnessHarness.MapSpan(new TextSpan(2, 3), changes));
            Assert.Equal(TextSpan.FromBounds(7, 8), RobustnessHarness.MapSpan(new TextSpan(6, 1), changes));
            Assert.Equal(TextSpan.FromBounds(11, 15), RobustnessHarness.MapSpan(TextSpan.FromBounds(10, 12), changes));
            Assert.Equal(TextSpan.FromBounds(11, 13), RobustnessHarness.MapSpan(new TextSpan(10, 0), changes));
            Assert.Equal(new TextSpan(8, 1), RobustnessHarness.MapSpan(new TextSpan(7, 1), changes));
        }
    }
}
