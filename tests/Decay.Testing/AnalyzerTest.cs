using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Testing
{
    /// <summary>Runs analyzers over test sources and compares their diagnostics, exactly (ID,
    /// span, severity, and message or arguments where given), with the markup and the expected
    /// list. Fails on any analyzer exception (AD0001) and, unless allowed, on compiler errors in
    /// the test source.</summary>
    public class AnalyzerTest<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public const string ProjectDirectory = "/0/";

        public SolutionState TestState { get; } = new SolutionState();

        /// <summary>The single test document (markup allowed).</summary>
        public string TestCode
        {
            set => TestState.AddSource(value);
        }

        public List<DiagnosticResult> ExpectedDiagnostics => TestState.ExpectedDiagnostics;

        /// <summary>Half-typed code: compiler errors in the test source are expected and not
        /// compared.</summary>
        public bool AllowCompilerErrors { get; set; }

        public List<MetadataReference> References { get; } = new List<MetadataReference>(TestReferences.Default);

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        public List<string> PreprocessorSymbols { get; } = new List<string>();

        /// <summary>Other analyzers run beside the one under test (their diagnostics are compared too).</summary>
        public List<DiagnosticAnalyzer> AdditionalAnalyzers { get; } = new List<DiagnosticAnalyzer>();

        public virtual IEnumerable<DiagnosticAnalyzer> GetAnalyzers()
        {
            yield return new TAnalyzer();
            foreach (var analyzer in AdditionalAnalyzers)
            {
                yield return analyzer;
            }
        }

        public virtual async Task RunAsync(CancellationToken cancellationToken = default)
        {
            var solution = CreateSolution(TestState, out var expected);
            var project = solution.Projects.Single();
            if (!AllowCompilerErrors)
            {
                var errors = await GetCompilerErrorsAsync(project, cancellationToken).ConfigureAwait(false);
                if (errors.Length > 0)
                {
                    throw new VerifierException("The test source does not compile against the API model:" + Environment.NewLine
                        + string.Join(Environment.NewLine, errors.Select(Describe)));
                }
            }

            var actual = await GetAnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
            VerifyDiagnostics(project, actual, expected, "the test source");
        }

        // ---------------------------------------------------------------- solution building

        /// <summary>Builds a one-project solution from <paramref name="state"/> and the expected
        /// diagnostics from its markup and expected list.</summary>
        protected Solution CreateSolution(SolutionState state, out List<(DiagnosticResult Result, List<Location?> Resolved)> expected)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion, preprocessorSymbols: PreprocessorSymbols);
            var documents = new List<(string Name, string Text, IReadOnlyList<MarkupSpan> Spans)>();
            foreach (var (name, markup) in state.Sources)
            {
                var (text, spans) = MarkupParser.Parse(markup);
                documents.Add((name, text, spans));
            }

            var outputKind = documents.Any(d => HasTopLevelStatements(d.Text, parseOptions))
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            var compilationOptions = new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("TestProject");
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Create(), "TestProject", "TestProject", LanguageNames.CSharp,
                filePath: ProjectDirectory + "TestProject.csproj",
                compilationOptions: compilationOptions, parseOptions: parseOptions, metadataReferences: References));

            var trees = new Dictionary<string, (string Text, IReadOnlyList<MarkupSpan> Spans)>();
            foreach (var (name, text, spans) in documents)
            {
                var path = ProjectDirectory + name;
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(text, Encoding.UTF8), filePath: path);
                trees[path] = (text, spans);
            }

            if (state.AnalyzerConfig != null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, ".editorconfig"), ".editorconfig",
                    SourceText.From(state.AnalyzerConfig, Encoding.UTF8), filePath: ProjectDirectory + ".editorconfig");
            }

            expected = BuildExpected(state, trees);
            return solution;
        }

        private static bool HasTopLevelStatements(string text, CSharpParseOptions options)
            => CSharpSyntaxTree.ParseText(text, options).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

        private List<(DiagnosticResult, List<Location?>)> BuildExpected(SolutionState state, Dictionary<string, (string Text, IReadOnlyList<MarkupSpan> Spans)> trees)
        {
            var supported = GetAnalyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).ToList();
            var keyed = new Dictionary<int, Location>();
            var result = new List<(DiagnosticResult, List<Location?>)>();
            foreach (var pair in trees)
            {
                var tree = CSharpSyntaxTree.ParseText(pair.Value.Text, path: pair.Key);
                foreach (var span in pair.Value.Spans)
                {
                    var location = Location.Create(pair.Key, span.Span, tree.GetText().Lines.GetLinePositionSpan(span.Span));
                    if (span.Key is int key)
                    {
                        keyed[key] = location;
                        continue;
                    }

                    DiagnosticDescriptor? descriptor;
                    if (span.Id is null)
                    {
                        if (supported.Count != 1)
                        {
                            throw new VerifierException("[|…|] markup needs an analyzer with exactly one diagnostic; write {|ID:…|} instead.");
                        }

                        descriptor = supported[0];
                    }
                    else
                    {
                        descriptor = supported.FirstOrDefault(d => d.Id == span.Id);
                    }

                    var expectedResult = descriptor != null ? new DiagnosticResult(descriptor) : new DiagnosticResult(span.Id!, DiagnosticSeverity.Error);
                    result.Add((expectedResult, new List<Location?> { location }));
                }
            }

            foreach (var diagnostic in state.ExpectedDiagnostics)
            {
                var locations = new List<Location?>();
                foreach (var location in diagnostic.Locations)
                {
                    if (location.MarkupKey is int key)
                    {
                        if (!keyed.TryGetValue(key, out var resolved))
                        {
                            throw new VerifierException($"No {{|#{key}:…|}} markup for expected diagnostic {diagnostic}.");
                        }

                        locations.Add(resolved);
                    }
                    else
                    {
                        var path = location.Path is null ? ProjectDirectory + state.Sources[0].FileName
                            : location.Path.StartsWith("/", StringComparison.Ordinal) ? location.Path : ProjectDirectory + location.Path;
                        var start = new LinePosition(location.StartLine - 1, location.StartColumn - 1);
                        var end = location.EndLine > 0 ? new LinePosition(location.EndLine - 1, location.EndColumn - 1) : start;
                        locations.Add(Location.Create(path, default, new LinePositionSpan(start, end)));
                    }
                }

                result.Add((diagnostic, locations));
            }

            return result;
        }

        // ---------------------------------------------------------------- running analyzers

        protected static async Task<ImmutableArray<Diagnostic>> GetCompilerErrorsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return compilation!.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        }

        /// <summary>All diagnostics of the analyzers under test, sorted by location. Throws when an
        /// analyzer threw.</summary>
        public async Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var exceptions = new ConcurrentBag<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation!.WithAnalyzers(GetAnalyzers().ToImmutableArray(), options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                throw new VerifierException("An analyzer threw:" + Environment.NewLine + string.Join(Environment.NewLine, crashes));
            }

            return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        // ---------------------------------------------------------------- comparing

        protected static void VerifyDiagnostics(Project project, ImmutableArray<Diagnostic> actual,
            List<(DiagnosticResult Result, List<Location?> Resolved)> expected, string what)
        {
            var unmatched = actual.ToList();
            var missing = new List<string>();
            foreach (var (result, locations) in expected)
            {
                var match = unmatched.FirstOrDefault(d => Matches(d, result, locations));
                if (match is null)
                {
                    missing.Add(Describe(result, locations));
                }
                else
                {
                    unmatched.Remove(match);
                }
            }

            if (missing.Count > 0 || unmatched.Count > 0)
            {
                var message = new StringBuilder();
                message.AppendLine($"Diagnostics in {what} differ from the expected ones.");
                if (missing.Count > 0)
                {
                    message.AppendLine("Expected but not reported:");
                    foreach (var m in missing)
                    {
                        message.AppendLine("  " + m);
                    }
                }

                if (unmatched.Count > 0)
                {
                    message.AppendLine("Reported but not expected:");
                    foreach (var d in unmatched)
                    {
                        message.AppendLine("  " + Describe(d));
                    }
                }

                message.AppendLine("All reported:");
                foreach (var d in actual)
                {
                    message.AppendLine("  " + Describe(d));
                }

                throw new VerifierException(message.ToString());
            }
        }

        private static bool Matches(Diagnostic actual, DiagnosticResult expected, List<Location?> locations)
        {
            if (actual.Id != expected.Id)
            {
                return false;
            }

            if (expected.Severity is DiagnosticSeverity severity && actual.Severity != severity)
            {
                return false;
            }

            if (locations.Count > 0)
            {
                if (!SameLocation(actual.Location, locations[0]))
                {
                    return false;
                }

                if (locations.Count > 1)
                {
                    if (actual.AdditionalLocations.Count != locations.Count - 1)
                    {
                        return false;
                    }

                    for (var i = 1; i < locations.Count; i++)
                    {
                        if (!SameLocation(actual.AdditionalLocations[i - 1], locations[i]))
                        {
                            return false;
                        }
                    }
                }
            }

            if (expected.Message != null && actual.GetMessage(CultureInfo.InvariantCulture) != expected.Message)
            {
                return false;
            }

            if (expected.Arguments != null)
            {
                var format = actual.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
                var formatted = string.Format(CultureInfo.InvariantCulture, format, expected.Arguments);
                if (actual.GetMessage(CultureInfo.InvariantCulture) != formatted)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameLocation(Location actual, Location? expected)
        {
            if (expected is null)
            {
                return true;
            }

            var actualSpan = actual.GetLineSpan();
            var expectedSpan = expected.GetLineSpan();
            if (!string.Equals(actualSpan.Path, expectedSpan.Path, StringComparison.Ordinal))
            {
                return false;
            }

            if (actualSpan.StartLinePosition != expectedSpan.StartLinePosition)
            {
                return false;
            }

            // A line/column expectation without an end checks the start only.
            return expectedSpan.EndLinePosition == expectedSpan.StartLinePosition && expected.SourceSpan.IsEmpty && expected.SourceTree is null
                ? true
                : actualSpan.EndLinePosition == expectedSpan.EndLinePosition;
        }

        private static string Describe(DiagnosticResult result, List<Location?> locations)
            => $"{result.Id} at {string.Join(" + ", locations.Select(l => l is null ? "?" : Position(l)))}"
               + (result.Message != null ? $": \"{result.Message}\"" : string.Empty)
               + (result.Arguments != null ? $" args({string.Join(", ", result.Arguments)})" : string.Empty);

        protected static string Describe(Diagnostic diagnostic)
            => $"{diagnostic.Id} ({diagnostic.Severity}) at {Position(diagnostic.Location)}"
               + (diagnostic.AdditionalLocations.Count > 0 ? " + " + string.Join(" + ", diagnostic.AdditionalLocations.Select(Position)) : string.Empty)
               + $": \"{diagnostic.GetMessage(CultureInfo.InvariantCulture)}\""
               + (diagnostic.Location.SourceTree != null ? $"  `{diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan)}`" : string.Empty);

        private static string Position(Location location)
        {
            var span = location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
        }
    }

    public sealed class VerifierException : Exception
    {
        public VerifierException(string message)
            : base(message)
        {
        }
    }
}
