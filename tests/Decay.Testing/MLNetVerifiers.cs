using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Testing
{
    /// <summary>Analyzer-only verification against the ML.NET API model (<see cref="TestReferences.MLNet"/>),
    /// the way a Microsoft.CodeAnalysis.Testing project sets its reference assemblies in its own
    /// verifier's <c>Test</c>. The references stay a plain list: a test may still replace them.</summary>
    public static class MLNetAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public sealed class Test : AnalyzerTest<TAnalyzer>
        {
            public Test()
            {
                References.Clear();
                References.AddRange(TestReferences.MLNet);
            }
        }

        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic();

        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }

    /// <summary>Analyzer + code fix verification against the ML.NET API model.</summary>
    public static class MLNetCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public sealed class Test : CodeFixTest<TAnalyzer, TCodeFix>
        {
            public Test()
            {
                References.Clear();
                References.AddRange(TestReferences.MLNet);
            }
        }

        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic();

        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => MLNetAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

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
