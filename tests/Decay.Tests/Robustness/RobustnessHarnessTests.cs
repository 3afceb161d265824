using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Tests.Robustness
{
    /// <summary>The suite must be able to fail: each check rejects what it should, with broken
    /// analyzers and fixes written for the purpose.</summary>
    public class RobustnessHarnessTests
    {
        private const string Source = """
            using TorchSharp;
            class T
            {
                void M(torch.nn.Module m)
                {
                    var a = torch.optim.Adam(m.parameters(), weight_decay: 1e-4);
                    var b = torch.optim.Adam(m.parameters(), weight_decay: 1e-3);
                }
            }
            """;

        private static readonly RobustnessInput Input = new RobustnessInput("Test.cs", Source, ImmutableArray<(string, string)>.Empty);

        private static Task<FixCheckResult> CheckAsync(CodeFixProvider fixer)
        {
            var harness = new RobustnessHarness(new DiagnosticAnalyzer[] { new Decay001AdamWithWeightDecayAnalyzer() }, new[] { fixer });
            return harness.CheckFixesAsync(harness.CreateDocument(Input, Source), CancellationToken.None);
        }

        [Fact]
        public async Task The_real_fix_passes_every_check()
        {
            var result = await CheckAsync(new Decay.CodeFixes.Decay001UseAdamWCodeFixProvider());
            Assert.Empty(result.Broken);
            Assert.Equal(3, result.Checked); // two single fixes and one Fix All
        }

        [Fact]
        public async Task An_analyzer_exception_is_caught()
        {
            var harness = new RobustnessHarness(new DiagnosticAnalyzer[] { new VerifierTests.ThrowingAnalyzer() }, Array.Empty<CodeFixProvider>());
            var run = await harness.AnalyzeAsync(Input, Source, concurrent: true, CancellationToken.None);
            Assert.Contains(run.Exceptions, e => e.Contains("boom", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_nondeterministic_analyzer_changes_the_fingerprint()
        {
            var harness = new RobustnessHarness(new DiagnosticAnalyzer[] { new CountingAnalyzer() }, Array.Empty<CodeFixProvider>());
            var first = await harness.AnalyzeAsync(Input, Source, concurrent: true, CancellationToken.None);
            var second = await harness.AnalyzeAsync(Input, Source, concurrent: true, CancellationToken.None);
            Assert.NotEqual(first.Fingerprint(), second.Fingerprint());
        }

        [Fact]
        public async Task A_fix_that_does_not_compile_is_broken()
        {
            var result = await CheckAsync(new RenameFix("Adamm"));
            Assert.Contains(result.Broken, b => b.Contains("new compiler errors", StringComparison.Ordinal) && b.Contains("Adamm", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_fix_that_leaves_the_diagnostic_is_not_idempotent()
        {
            var result = await CheckAsync(new CommentFix());
            Assert.Contains(result.Broken, b => b.Contains("not idempotent", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_fix_all_that_differs_from_the_single_fixes_is_broken()
        {
            var result = await CheckAsync(new RenameFix("AdamW", fixAllOnlyFirst: true));
            Assert.Contains(result.Broken, b => b.Contains("Fix All differs", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Broken, b => b.Contains("compiler errors", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_fix_that_throws_is_broken()
        {
            var result = await CheckAsync(new ThrowingFix());
            Assert.Contains(result.Broken, b => b.Contains("threw while registering", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_fix_that_changes_nothing_is_broken()
        {
            var result = await CheckAsync(new RenameFix("Adam"));
            Assert.Contains(result.Broken, b => b.Contains("changed nothing", StringComparison.Ordinal));
        }

        private abstract class TestFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("DECAY001");

            public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                var node = (IdentifierNameSyntax)root.FindNode(context.Span);
                context.RegisterCodeFix(CodeAction.Create("test", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, Rewrite(node)))), "test"), context.Diagnostics);
            }

            protected abstract SyntaxNode Rewrite(IdentifierNameSyntax name);
        }

        private sealed class RenameFix : TestFix
        {
            private readonly string name;
            private readonly bool fixAllOnlyFirst;

            public RenameFix(string name, bool fixAllOnlyFirst = false)
            {
                this.name = name;
                this.fixAllOnlyFirst = fixAllOnlyFirst;
            }

            public override FixAllProvider? GetFixAllProvider() => fixAllOnlyFirst ? new FirstOnlyFixAll(this) : base.GetFixAllProvider();

            protected override SyntaxNode Rewrite(IdentifierNameSyntax node) => node.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(node.Identifier));

            private sealed class FirstOnlyFixAll : FixAllProvider
            {
                private readonly RenameFix fix;

                public FirstOnlyFixAll(RenameFix fix) => this.fix = fix;

                public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
                {
                    var document = context.Document!;
                    var diagnostic = (await context.GetDocumentDiagnosticsAsync(document)).OrderBy(d => d.Location.SourceSpan.Start).First();
                    var root = (await document.GetSyntaxRootAsync(context.CancellationToken))!;
                    var node = (IdentifierNameSyntax)root.FindNode(diagnostic.Location.SourceSpan);
                    return CodeAction.Create("all", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, fix.Rewrite(node)))), "test");
                }
            }
        }

        private sealed class CommentFix : TestFix
        {
            protected override SyntaxNode Rewrite(IdentifierNameSyntax node) => node.WithTrailingTrivia(SyntaxFactory.Comment("/* fixed */"));
        }

        private sealed class ThrowingFix : TestFix
        {
            public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException("fix boom");

            protected override SyntaxNode Rewrite(IdentifierNameSyntax node) => node;
        }

        /// <summary>Reports how many invocations it has seen so far: differs from run to run.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class CountingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TEST002", "t", "seen {0}", "t", DiagnosticSeverity.Warning, true);
            private int seen;

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(
                    c => c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), Interlocked.Increment(ref seen))),
                    OperationKind.Invocation);
            }
        }
    }
}
