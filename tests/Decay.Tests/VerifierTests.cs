using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Decay.Rules;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay001AdamWithWeightDecayAnalyzer,
    Decay.CodeFixes.Decay001UseAdamWCodeFixProvider>;

namespace Decay.Tests
{
    /// <summary>The verifier must be able to fail: each subtle check gets a test that it rejects
    /// what it should.</summary>
    public class VerifierTests
    {
        private const string AdamSource = """
            using TorchSharp;
            class T { void M(torch.nn.Module m) { var o = torch.optim.Adam(m.parameters(), weight_decay: 1e-4); } }
            """;

        [Fact]
        public void Markup_parser_handles_nested_ids_and_keys()
        {
            var (source, spans) = MarkupParser.Parse("a[|b{|DECAY002:c{|#0:d|}|}|]e");
            Assert.Equal("abcde", source);
            Assert.Equal(3, spans.Count);
            Assert.Contains(spans, s => s.IsPlain && s.Span.Start == 1 && s.Span.End == 4);
            Assert.Contains(spans, s => s.Id == "DECAY002" && s.Span.Start == 2 && s.Span.End == 4);
            Assert.Contains(spans, s => s.Key == 0 && s.Span.Start == 3 && s.Span.End == 4);
        }

        [Fact]
        public void Markup_parser_rejects_unbalanced_markers()
        {
            Assert.Throws<FormatException>(() => MarkupParser.Parse("a[|b"));
            Assert.Throws<FormatException>(() => MarkupParser.Parse("a|]b"));
            Assert.Throws<FormatException>(() => MarkupParser.Parse("{|DECAY001:a|]"));
        }

        [Fact]
        public async Task A_missing_expected_diagnostic_fails()
        {
            var error = await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyAnalyzerAsync(AdamSource));
            Assert.Contains("Reported but not expected", error.Message);
            Assert.Contains("DECAY001", error.Message);
        }

        [Fact]
        public async Task A_wrong_span_fails()
        {
            var source = AdamSource.Replace("torch.optim.Adam", "[|torch.optim.Adam|]");
            var error = await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyAnalyzerAsync(source));
            Assert.Contains("Expected but not reported", error.Message);
        }

        [Fact]
        public async Task A_wrong_message_fails()
        {
            var source = AdamSource.Replace("optim.Adam", "optim.{|#0:Adam|}");
            await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("1e-5")));
            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("1e-4"));
        }

        [Fact]
        public async Task Line_and_column_expectations_work()
        {
            await Verify.VerifyAnalyzerAsync(AdamSource, Verify.Diagnostic().WithSpan(2, 59, 2, 63));
            await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyAnalyzerAsync(AdamSource, Verify.Diagnostic().WithSpan(2, 58, 2, 63)));
        }

        [Fact]
        public async Task Source_that_does_not_compile_fails_unless_allowed()
        {
            var error = await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyAnalyzerAsync("class C { void M() { undefined(); } }"));
            Assert.Contains("does not compile", error.Message);
        }

        [Fact]
        public async Task A_wrong_fixed_text_fails()
        {
            var source = AdamSource.Replace("optim.Adam", "optim.[|Adam|]");
            var error = await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyCodeFixAsync(source, source.Replace("[|Adam|]", "Adamax")));
            Assert.Contains("differs from the expected text", error.Message);
        }

        [Fact]
        public async Task A_fix_that_breaks_compilation_fails()
        {
            var source = AdamSource.Replace("optim.Adam", "optim.[|Adam|]");
            var test = new CSharpCodeFixVerifier<Decay001AdamWithWeightDecayAnalyzer, BreakingFix>.Test
            {
                TestCode = source,
                FixedCode = AdamSource.Replace("optim.Adam", "optim.Adamm"),
            };
            var error = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("does not compile", error.Message);
        }

        [Fact]
        public async Task A_fix_offered_where_none_is_expected_fails()
        {
            var source = AdamSource.Replace("optim.Adam", "optim.[|Adam|]");
            var error = await Assert.ThrowsAsync<VerifierException>(() => Verify.VerifyCodeFixAsync(source, source));
            Assert.Contains("Expected no code fix", error.Message);
        }

        [Fact]
        public async Task An_analyzer_exception_fails()
        {
            var test = new CSharpAnalyzerVerifier<ThrowingAnalyzer>.Test { TestCode = "class C { void M() { M(); } }" };
            var error = await Assert.ThrowsAsync<VerifierException>(() => test.RunAsync());
            Assert.Contains("An analyzer threw", error.Message);
        }

        [Fact]
        public async Task Editorconfig_severity_reaches_the_analyzer()
        {
            var test = new CSharpAnalyzerVerifier<Decay001AdamWithWeightDecayAnalyzer>.Test { TestCode = AdamSource };
            test.TestState.AnalyzerConfig = "root = true\n[*.cs]\ndotnet_diagnostic.DECAY001.severity = error\n";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithSpan(2, 59, 2, 63).WithSeverity(DiagnosticSeverity.Error));
            await test.RunAsync();
        }

        /// <summary>Renames Adam to a name that does not exist.</summary>
        [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
        public sealed class BreakingFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("DECAY001");

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                var node = (IdentifierNameSyntax)root.FindNode(context.Span);
                context.RegisterCodeFix(CodeAction.Create("break", _ => Task.FromResult(
                    context.Document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.IdentifierName("Adamm")))), "break"), context.Diagnostics);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invocation);
            }
        }
    }
}
