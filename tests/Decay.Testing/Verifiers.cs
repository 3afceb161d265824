using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Testing
{
    /// <summary>Analyzer-only verification, as in Microsoft.CodeAnalysis.Testing.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public sealed class Test : AnalyzerTest<TAnalyzer>
        {
        }

        /// <summary>The analyzer's only descriptor.</summary>
        public static DiagnosticResult Diagnostic() => new DiagnosticResult(new TAnalyzer().SupportedDiagnostics.Single());

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == id));

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }

    /// <summary>Analyzer + code fix verification, as in Microsoft.CodeAnalysis.Testing.</summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public sealed class Test : CodeFixTest<TAnalyzer, TCodeFix>
        {
        }

        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic();

        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

        public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
            => VerifyCodeFixAsync(source, System.Array.Empty<DiagnosticResult>(), fixedSource, equivalenceKey);

        public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }
}
