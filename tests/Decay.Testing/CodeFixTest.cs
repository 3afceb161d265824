using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Testing
{
    /// <summary>Verifies a code fix the way Microsoft.CodeAnalysis.Testing does: the analyzer's
    /// diagnostics on the source; the fix applied one diagnostic at a time until none is left
    /// (compared with <see cref="FixedState"/>); Fix All in document, project and solution scope
    /// (compared with <see cref="BatchFixedState"/> or, when empty, <see cref="FixedState"/>);
    /// and, for every result, no compiler error that the source did not have and exactly the
    /// diagnostics the fixed markup expects. When the fixed code equals the source, verifies that
    /// no fix is offered.</summary>
    public class CodeFixTest<TAnalyzer, TCodeFix> : AnalyzerTest<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        private const int MaxIterations = 100;

        public SolutionState FixedState { get; } = new SolutionState();

        public SolutionState BatchFixedState { get; } = new SolutionState();

        public string FixedCode
        {
            set => FixedState.AddSource(value);
        }

        /// <summary>What Fix All produces, when it differs from one-at-a-time fixing.</summary>
        public string BatchFixedCode
        {
            set => BatchFixedState.AddSource(value);
        }

        /// <summary>The action to apply; null means the first action offered.</summary>
        public string? CodeActionEquivalenceKey { get; set; }

        public bool SkipFixAll { get; set; }

        public FixAllScope[] FixAllScopes { get; set; } = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task RunAsync(CancellationToken cancellationToken = default)
        {
            await base.RunAsync(cancellationToken).ConfigureAwait(false);

            if (FixedState.Sources.Count == 0)
            {
                throw new VerifierException("A code-fix test needs FixedCode.");
            }

            FixedState.AnalyzerConfig ??= TestState.AnalyzerConfig;
            var original = CreateSolution(TestState, out _);
            var originalErrors = await GetCompilerErrorsAsync(original.Projects.Single(), cancellationToken).ConfigureAwait(false);
            var noChangeExpected = FixedState.Sources.Select(s => MarkupParser.Parse(s.Markup).Source)
                .SequenceEqual(TestState.Sources.Select(s => MarkupParser.Parse(s.Markup).Source));

            if (noChangeExpected)
            {
                await VerifyNoFixOfferedAsync(original, cancellationToken).ConfigureAwait(false);
                return;
            }

            // One diagnostic at a time.
            var incremental = await FixIncrementallyAsync(original, cancellationToken).ConfigureAwait(false);
            await VerifyFixedAsync(incremental, FixedState, originalErrors, "the fixed code (one fix at a time)", cancellationToken).ConfigureAwait(false);

            if (SkipFixAll)
            {
                return;
            }

            var batchState = BatchFixedState.Sources.Count > 0 ? BatchFixedState : FixedState;
            batchState.AnalyzerConfig ??= TestState.AnalyzerConfig;
            foreach (var scope in FixAllScopes)
            {
                var batch = await FixAllAsync(original, scope, cancellationToken).ConfigureAwait(false);
                await VerifyFixedAsync(batch, batchState, originalErrors, $"the Fix All ({scope}) result", cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task VerifyFixedAsync(Solution actual, SolutionState expectedState, ImmutableArray<Diagnostic> originalErrors, string what, CancellationToken cancellationToken)
        {
            var expectedSolution = CreateSolution(expectedState, out var expectedDiagnostics);
            var actualProject = actual.Projects.Single();
            foreach (var expectedDocument in expectedSolution.Projects.Single().Documents)
            {
                var actualDocument = actualProject.Documents.FirstOrDefault(d => d.FilePath == expectedDocument.FilePath)
                    ?? throw new VerifierException($"{what}: document {expectedDocument.FilePath} is missing.");
                var expectedText = (await expectedDocument.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                var actualText = (await actualDocument.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                if (!string.Equals(expectedText, actualText, StringComparison.Ordinal))
                {
                    throw new VerifierException($"{what} of {expectedDocument.FilePath} differs from the expected text." + Environment.NewLine
                        + TextDiff.Describe(expectedText, actualText));
                }
            }

            var errors = await GetCompilerErrorsAsync(actualProject, cancellationToken).ConfigureAwait(false);
            var before = originalErrors.Select(Key).ToList();
            var introduced = new List<Diagnostic>();
            foreach (var error in errors)
            {
                if (!before.Remove(Key(error)))
                {
                    introduced.Add(error);
                }
            }

            if (introduced.Count > 0)
            {
                throw new VerifierException($"{what} does not compile: the fix introduced errors:" + Environment.NewLine
                    + string.Join(Environment.NewLine, introduced.Select(Describe)));
            }

            var remaining = await GetAnalyzerDiagnosticsAsync(actualProject, cancellationToken).ConfigureAwait(false);
            VerifyDiagnostics(actualProject, remaining, expectedDiagnostics, what);
        }

        private static string Key(Diagnostic diagnostic) => diagnostic.Id + ":" + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        private async Task VerifyNoFixOfferedAsync(Solution solution, CancellationToken cancellationToken)
        {
            var project = solution.Projects.Single();
            var fixer = new TCodeFix();
            foreach (var diagnostic in await GetFixableDiagnosticsAsync(project, fixer, cancellationToken).ConfigureAwait(false))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = await GetActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
                if (actions.Count > 0)
                {
                    throw new VerifierException($"Expected no code fix for {Describe(diagnostic)}, but got: "
                        + string.Join(", ", actions.Select(a => $"'{a.Title}' ({a.EquivalenceKey})")));
                }
            }
        }

        private async Task<Solution> FixIncrementallyAsync(Solution solution, CancellationToken cancellationToken)
        {
            var fixer = new TCodeFix();
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var project = solution.Projects.Single();
                var applied = false;
                foreach (var diagnostic in await GetFixableDiagnosticsAsync(project, fixer, cancellationToken).ConfigureAwait(false))
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                    var action = (await GetActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
                    if (action is null)
                    {
                        continue;
                    }

                    solution = await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
                    applied = true;
                    break;
                }

                if (!applied)
                {
                    return solution;
                }
            }

            throw new VerifierException($"The fix was still offered after {MaxIterations} iterations.");
        }

        private async Task<Solution> FixAllAsync(Solution solution, FixAllScope scope, CancellationToken cancellationToken)
        {
            var fixer = new TCodeFix();
            var provider = fixer.GetFixAllProvider()
                ?? throw new VerifierException($"{typeof(TCodeFix).Name} has no Fix All provider.");
            for (var iteration = 0; iteration < 3; iteration++)
            {
                var project = solution.Projects.Single();
                var diagnostics = await GetFixableDiagnosticsAsync(project, fixer, cancellationToken).ConfigureAwait(false);
                CodeAction? first = null;
                Diagnostic? firstDiagnostic = null;
                foreach (var diagnostic in diagnostics)
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                    first = (await GetActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
                    if (first != null)
                    {
                        firstDiagnostic = diagnostic;
                        break;
                    }
                }

                if (first is null || firstDiagnostic is null)
                {
                    return solution;
                }

                var diagnosticProvider = new FixedDiagnosticProvider(diagnostics);
                var ids = fixer.FixableDiagnosticIds;
                var fixAllContext = scope == FixAllScope.Document
                    ? new FixAllContext(project.GetDocument(firstDiagnostic.Location.SourceTree)!, fixer, scope, first.EquivalenceKey, ids, diagnosticProvider, cancellationToken)
                    : new FixAllContext(project, fixer, scope, first.EquivalenceKey, ids, diagnosticProvider, cancellationToken);
                var action = await provider.GetFixAsync(fixAllContext).ConfigureAwait(false);
                if (action is null)
                {
                    return solution;
                }

                solution = await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        private async Task<ImmutableArray<Diagnostic>> GetFixableDiagnosticsAsync(Project project, CodeFixProvider fixer, CancellationToken cancellationToken)
        {
            var all = await GetAnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToImmutableArray();
        }

        private async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return CodeActionEquivalenceKey is null ? actions : actions.Where(a => a.EquivalenceKey == CodeActionEquivalenceKey).ToList();
        }

        private static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new VerifierException($"Code action '{action.Title}' produced no ApplyChangesOperation.");
            return apply.ChangedSolution;
        }
    }

    /// <summary>A readable first difference between two texts, for failure messages.</summary>
    public static class TextDiff
    {
        public static string Describe(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var builder = new StringBuilder();
            for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var el = i < e.Length ? e[i] : "<end>";
                var al = i < a.Length ? a[i] : "<end>";
                if (el != al)
                {
                    builder.AppendLine($"First difference at line {i + 1}:");
                    builder.AppendLine($"  expected: {Visible(el)}");
                    builder.AppendLine($"  actual:   {Visible(al)}");
                    break;
                }
            }

            builder.AppendLine("Actual text:");
            builder.AppendLine(actual);
            return builder.ToString();
        }

        private static string Visible(string line) => line.Replace("\r", "\\r").Replace("\t", "\\t");
    }
}
