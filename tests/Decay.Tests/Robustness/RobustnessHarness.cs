using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Tests.Robustness
{
    /// <summary>The diagnostics of one analyzer run, and every analyzer exception it produced
    /// (AD0001 diagnostics and the <see cref="CompilationWithAnalyzers"/> exception callback).</summary>
    public sealed class AnalysisRun
    {
        public AnalysisRun(Compilation compilation, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> exceptions)
        {
            Compilation = compilation;
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        public Compilation Compilation { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public ImmutableArray<string> Exceptions { get; }

        /// <summary>A canonical, order-independent rendering, for the determinism comparison.</summary>
        public string Fingerprint()
            => string.Join("\n", Diagnostics.Select(Render).OrderBy(s => s, StringComparer.Ordinal));

        public static string Render(Diagnostic d)
            => $"{d.Id} {d.Severity} {d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} \"{d.GetMessage(CultureInfo.InvariantCulture)}\""
               + string.Concat(d.AdditionalLocations.Select(l => $" +{l.SourceTree?.FilePath}{l.SourceSpan}"))
               + string.Concat(d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $" {p.Key}={p.Value}"));
    }

    /// <summary>Runs every Decay analyzer (found by reflection) over files, and applies every
    /// Decay code fix (found by reflection) to what they report, checking the results.</summary>
    public sealed class RobustnessHarness
    {
        private const string Root = "/robustness/";
        private readonly CSharpCompilation libraryBase;
        private readonly CSharpCompilation programBase;
        private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxTree>> contextTrees = new ConcurrentDictionary<string, ImmutableArray<SyntaxTree>>();

        /// <summary>Every analyzer of Decay.Analyzers and every fix of Decay.CodeFixes.</summary>
        public RobustnessHarness()
            : this(RuleCatalogTests.AllAnalyzers(), RuleCatalogTests.AllCodeFixes())
        {
        }

        public RobustnessHarness(IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> fixers)
        {
            Analyzers = analyzers.OrderBy(a => a.GetType().FullName, StringComparer.Ordinal).ToImmutableArray();
            Fixers = fixers.OrderBy(f => f.GetType().FullName, StringComparer.Ordinal).ToImmutableArray();
            FixersById = Fixers.SelectMany(f => f.FixableDiagnosticIds.Select(id => (id, f)))
                .GroupBy(p => p.id)
                .ToImmutableDictionary(g => g.Key, g => g.Select(p => p.f).ToImmutableArray());
            References = GetReferences();
            ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            libraryBase = CSharpCompilation.Create("Robustness", references: References, options: Options(OutputKind.DynamicallyLinkedLibrary));
            programBase = CSharpCompilation.Create("Robustness", references: References, options: Options(OutputKind.ConsoleApplication));
        }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public ImmutableArray<CodeFixProvider> Fixers { get; }

        public ImmutableDictionary<string, ImmutableArray<CodeFixProvider>> FixersById { get; }

        public ImmutableArray<MetadataReference> References { get; }

        public CSharpParseOptions ParseOptions { get; }

        private static CSharpCompilationOptions Options(OutputKind kind)
            => new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

        /// <summary>.NET 8, the TorchSharp model, and any ML.NET model assemblies copied next to
        /// the tests (Microsoft.ML*.dll), so rules merged in for ML.NET bind too.</summary>
        private static ImmutableArray<MetadataReference> GetReferences()
        {
            var references = TestReferences.Default.ToList();
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }

            return references.ToImmutableArray();
        }

        public static string PathOf(string name) => Root + name.Replace(':', '_');

        private ImmutableArray<SyntaxTree> ContextTrees(RobustnessInput input)
            => contextTrees.GetOrAdd(input.Name, _ => input.Context
                .Select(c => CSharpSyntaxTree.ParseText(c.Text, ParseOptions, PathOf(c.Name), Encoding.UTF8))
                .ToImmutableArray());

        private static bool HasTopLevelStatements(IEnumerable<SyntaxTree> trees)
            => trees.Any(t => t.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any());

        // ------------------------------------------------------------------ analysis

        /// <summary>Analyzes <paramref name="text"/> as the input's file, beside its context files.</summary>
        public Task<AnalysisRun> AnalyzeAsync(RobustnessInput input, string text, bool concurrent, CancellationToken cancellationToken)
        {
            var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, PathOf(input.Name), Encoding.UTF8, cancellationToken);
            var trees = ContextTrees(input).Add(tree);
            var compilation = (HasTopLevelStatements(trees) ? programBase : libraryBase).AddSyntaxTrees(trees);
            return AnalyzeAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), concurrent, cancellationToken);
        }

        public async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, AnalyzerOptions analyzerOptions, bool concurrent, CancellationToken cancellationToken)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions,
                (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            ImmutableArray<Diagnostic> diagnostics;
            try
            {
                diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                exceptions.Enqueue("the analyzer driver threw " + exception);
                diagnostics = ImmutableArray<Diagnostic>.Empty;
            }

            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture));
            return new AnalysisRun(compilation, diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), crashes.Concat(exceptions).Distinct().ToImmutableArray());
        }

        // ------------------------------------------------------------------ fixes

        /// <summary>A project holding the input's file (as <paramref name="text"/>) and its context.</summary>
        public Document CreateDocument(RobustnessInput input, string text)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("Robustness");
            var trees = ContextTrees(input).Add(CSharpSyntaxTree.ParseText(text, ParseOptions));
            var options = Options(HasTopLevelStatements(trees) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Create(), "Robustness", "Robustness", LanguageNames.CSharp,
                filePath: Root + "Robustness.csproj", compilationOptions: options, parseOptions: ParseOptions, metadataReferences: References));
            foreach (var (name, contextText) in input.Context)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(contextText, Encoding.UTF8), filePath: PathOf(name));
            }

            var documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, input.Name, SourceText.From(text, Encoding.UTF8), filePath: PathOf(input.Name));
            return solution.GetDocument(documentId)!;
        }

        public async Task<AnalysisRun> AnalyzeProjectAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return await AnalyzeAsync(compilation!, project.AnalyzerOptions, concurrent: false, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Checks every action of every fix offered for the document's diagnostics, and
        /// Fix All (document scope) of each action kind. Returns the problems found.</summary>
        public async Task<FixCheckResult> CheckFixesAsync(Document document, CancellationToken cancellationToken)
        {
            var result = new FixCheckResult();
            var before = await AnalyzeProjectAsync(document.Project, cancellationToken).ConfigureAwait(false);
            if (before.Exceptions.Length > 0)
            {
                // Reported by the analysis pass; nothing sensible to fix.
                return result;
            }

            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var originalText = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var errorsBefore = Errors(before.Compilation);
            var fixable = before.Diagnostics.Where(d => d.Location.SourceTree == tree && FixersById.ContainsKey(d.Id)).ToList();

            // (fixer, equivalence key) → the diagnostics it fixes and each one's text changes.
            var byKey = new Dictionary<(CodeFixProvider Fixer, string Key), List<(Diagnostic Diagnostic, ImmutableArray<TextChange> Changes)>>();
            foreach (var diagnostic in fixable)
            {
                foreach (var fixer in FixersById[diagnostic.Id])
                {
                    List<CodeAction> actions;
                    try
                    {
                        actions = await GetActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        result.Broken.Add($"{fixer.GetType().Name} threw while registering fixes for {AnalysisRun.Render(diagnostic)}:\n{exception}");
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        result.Checked++;
                        var what = $"'{action.Title}' ({action.EquivalenceKey}) of {fixer.GetType().Name} for {AnalysisRun.Render(diagnostic)}";
                        Document fixedDocument;
                        try
                        {
                            fixedDocument = await ApplyAsync(action, document.Id, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            result.Broken.Add($"{what} threw when applied:\n{exception}");
                            continue;
                        }

                        var changes = (await fixedDocument.GetTextChangesAsync(document, cancellationToken).ConfigureAwait(false)).ToImmutableArray();
                        fixedDocument = await ReparseAsync(fixedDocument, cancellationToken).ConfigureAwait(false);
                        if (changes.IsEmpty)
                        {
                            result.Broken.Add($"{what} changed nothing (a fix must not be offered when it changes nothing).");
                            continue;
                        }

                        var problem = await CheckFixedAsync(fixedDocument, errorsBefore, changes, new[] { diagnostic }, before.Diagnostics, cancellationToken).ConfigureAwait(false);
                        if (problem != null)
                        {
                            result.Broken.Add($"{what}: {problem}\n--- fixed text ---\n{await TextOf(fixedDocument, cancellationToken).ConfigureAwait(false)}");
                        }

                        if (action.EquivalenceKey != null)
                        {
                            var key = (fixer, action.EquivalenceKey);
                            if (!byKey.TryGetValue(key, out var list))
                            {
                                byKey[key] = list = new List<(Diagnostic, ImmutableArray<TextChange>)>();
                            }

                            list.Add((diagnostic, changes));
                        }
                    }
                }
            }

            foreach (var pair in byKey)
            {
                var problem = await CheckFixAllAsync(document, originalText, pair.Key.Fixer, pair.Key.Key, pair.Value, fixable, errorsBefore, before.Diagnostics, cancellationToken).ConfigureAwait(false);
                result.Checked++;
                if (problem != null)
                {
                    result.Broken.Add($"Fix All (document) of {pair.Key.Key} ({pair.Key.Fixer.GetType().Name}) over {pair.Value.Count} diagnostic(s): {problem}");
                }
            }

            return result;
        }

        private async Task<string?> CheckFixAllAsync(Document document, SourceText originalText, CodeFixProvider fixer, string key,
            List<(Diagnostic Diagnostic, ImmutableArray<TextChange> Changes)> fixes, List<Diagnostic> diagnostics,
            List<Diagnostic> errorsBefore, ImmutableArray<Diagnostic> beforeDiagnostics, CancellationToken cancellationToken)
        {
            var provider = fixer.GetFixAllProvider();
            if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                return null;
            }

            Document fixedDocument;
            try
            {
                var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds,
                    new FixedDiagnosticProvider(diagnostics), cancellationToken);
                var action = await provider.GetFixAsync(context).ConfigureAwait(false);
                if (action is null)
                {
                    return "Fix All produced no action although the fixes were offered one by one.";
                }

                fixedDocument = await ApplyAsync(action, document.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return "Fix All threw:\n" + exception;
            }

            var fixAllText = await TextOf(fixedDocument, cancellationToken).ConfigureAwait(false);

            // The fixes one by one, each computed on the original document, merged where no two overlap.
            var merged = fixes.SelectMany(f => f.Changes).Distinct().OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ToList();
            var overlapping = merged.Zip(merged.Skip(1), (a, b) => b.Span.Start < a.Span.End || (b.Span.Start == a.Span.Start)).Any(x => x);
            if (!overlapping)
            {
                var expected = originalText.WithChanges(merged).ToString();
                if (!string.Equals(expected, fixAllText, StringComparison.Ordinal))
                {
                    return "Fix All differs from applying the (non-overlapping) fixes one by one.\n"
                        + TextDiff.Describe(expected, fixAllText).Replace("expected:", "one by one:", StringComparison.Ordinal).Replace("actual:  ", "Fix All:   ", StringComparison.Ordinal);
                }
            }

            var allChanges = (await fixedDocument.GetTextChangesAsync(document, cancellationToken).ConfigureAwait(false)).ToImmutableArray();
            fixedDocument = await ReparseAsync(fixedDocument, cancellationToken).ConfigureAwait(false);
            var problem = await CheckFixedAsync(fixedDocument, errorsBefore, allChanges, fixes.Select(f => f.Diagnostic).ToArray(), beforeDiagnostics, cancellationToken).ConfigureAwait(false);
            return problem is null ? null : problem + "\n--- Fix All text ---\n" + fixAllText;
        }

        /// <summary>No compiler error the original did not have, and no diagnostic with a fixed
        /// diagnostic's ID where it was (idempotence). In half-typed code an error can change
        /// its wording where the code around it changed (`new O { A = 0, B` is an object
        /// initializer, `new O { B` a collection initializer): an error over text that was
        /// already in error is not new.</summary>
        private async Task<string?> CheckFixedAsync(Document fixedDocument, List<Diagnostic> errorsBefore, ImmutableArray<TextChange> changes,
            IReadOnlyList<Diagnostic> fixedDiagnostics, ImmutableArray<Diagnostic> beforeDiagnostics, CancellationToken cancellationToken)
        {
            var after = await AnalyzeProjectAsync(fixedDocument.Project, cancellationToken).ConfigureAwait(false);
            var remaining = errorsBefore.Select(ErrorKey).ToList();
            var erroneousBefore = errorsBefore.Where(e => e.Location.SourceTree?.FilePath == fixedDocument.FilePath)
                .Select(e => MapSpan(e.Location.SourceSpan, changes)).ToList();
            var introduced = new List<Diagnostic>();
            foreach (var error in after.Compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                if (!remaining.Remove(ErrorKey(error))
                    && !(error.Location.SourceTree?.FilePath == fixedDocument.FilePath
                         && erroneousBefore.Any(span => span.IntersectsWith(error.Location.SourceSpan))))
                {
                    introduced.Add(error);
                }
            }

            if (introduced.Count > 0)
            {
                return "the fixed code has new compiler errors:\n  " + string.Join("\n  ", introduced.Select(e => e.ToString()));
            }

            if (after.Exceptions.Length > 0)
            {
                return "an analyzer threw on the fixed code:\n" + string.Join("\n", after.Exceptions);
            }

            // Several diagnostics of one ID can share a place (DECAY003 reports each penalty at
            // the same weight_decay): fixing n of them must leave at most (before − n) there.
            var fixedTree = await fixedDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in fixedDiagnostics)
            {
                static bool SamePlace(TextSpan a, TextSpan b) => a.IntersectsWith(b) || a == b;
                var span = diagnostic.Location.SourceSpan;
                var before = beforeDiagnostics.Count(d => d.Id == diagnostic.Id && d.Location.SourceTree == diagnostic.Location.SourceTree && SamePlace(d.Location.SourceSpan, span));
                var fixedHere = fixedDiagnostics.Count(d => d.Id == diagnostic.Id && SamePlace(d.Location.SourceSpan, span));
                var place = MapSpan(span, changes);
                var left = after.Diagnostics.Where(d => d.Id == diagnostic.Id && d.Location.SourceTree == fixedTree && SamePlace(d.Location.SourceSpan, place)).ToList();
                if (left.Count > before - fixedHere)
                {
                    return $"not idempotent: {AnalysisRun.Render(left[0])} is still reported at the fixed place {place}"
                        + (before > 1 ? $" ({left.Count} there after fixing {fixedHere} of {before})" : string.Empty);
                }
            }

            return null;
        }

        /// <summary>Where a span of the old text is in the new text, after non-overlapping
        /// changes. A change inside the span, or straddling one of its ends, is taken in whole;
        /// an empty span takes in an insertion at its position.</summary>
        internal static TextSpan MapSpan(TextSpan span, IEnumerable<TextChange> changes)
        {
            var sorted = changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ToList();

            int MapStart(int position)
            {
                var delta = 0;
                foreach (var change in sorted)
                {
                    if (change.Span.End < position || (change.Span.End == position && change.Span.Length > 0))
                    {
                        delta += (change.NewText?.Length ?? 0) - change.Span.Length;
                    }
                    else if (change.Span.Start <= position)
                    {
                        return change.Span.Start + delta;
                    }
                    else
                    {
                        break;
                    }
                }

                return position + delta;
            }

            int MapEnd(int position, bool empty)
            {
                var delta = 0;
                foreach (var change in sorted)
                {
                    var newLength = change.NewText?.Length ?? 0;
                    if (change.Span.End <= position && change.Span.Start < position)
                    {
                        delta += newLength - change.Span.Length;
                    }
                    else if (change.Span.Start < position || (empty && change.Span.Start == position))
                    {
                        return change.Span.Start + delta + newLength;
                    }
                    else
                    {
                        break;
                    }
                }

                return position + delta;
            }

            var start = MapStart(span.Start);
            return TextSpan.FromBounds(start, Math.Max(start, MapEnd(span.End, span.IsEmpty)));
        }

        private static List<Diagnostic> Errors(Compilation compilation)
            => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        private static string ErrorKey(Diagnostic diagnostic) => diagnostic.Id + ":" + diagnostic.GetMessage(CultureInfo.InvariantCulture);

        private static async Task<string> TextOf(Document document, CancellationToken cancellationToken)
            => (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();

        private static async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return actions.SelectMany(Flatten).ToList();
        }

        private static IEnumerable<CodeAction> Flatten(CodeAction action)
            => action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

        private static async Task<Document> ApplyAsync(CodeAction action, DocumentId documentId, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new InvalidOperationException($"Code action '{action.Title}' produced no ApplyChangesOperation.");
            return apply.ChangedSolution.GetDocument(documentId)
                ?? throw new InvalidOperationException($"Code action '{action.Title}' removed the document.");
        }

        /// <summary>The fixed document parsed afresh from its text. A fix may build a syntax tree
        /// whose text parses differently (an argument appended after an unclosed call lands inside
        /// that call): it must be judged by what the editor parses, not by the tree it built.</summary>
        private static async Task<Document> ReparseAsync(Document document, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(SourceText.From(text.ToString(), Encoding.UTF8));
        }
    }

    public sealed class FixCheckResult
    {
        public int Checked { get; set; }

        public List<string> Broken { get; } = new List<string>();
    }
}
