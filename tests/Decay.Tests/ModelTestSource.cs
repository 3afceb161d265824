using System;
using System.Collections.Generic;
using System.Linq;
using Decay.Operations;
using Decay.Testing;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Tests
{
    /// <summary>A compiled test source for the unit tests of the shared models: finds the
    /// operation of the expression marked <c>/*here*/</c> (the marker precedes it) and the
    /// optimizer calls. Fails on compiler errors, like the verifier.</summary>
    internal sealed class ModelTestSource
    {
        private const string Marker = "/*here*/";

        private ModelTestSource(CSharpCompilation compilation, IReadOnlyList<SyntaxTree> trees)
        {
            Compilation = compilation;
            Trees = trees;
            Torch = TorchSharpContext.Get(compilation) ?? throw new InvalidOperationException("TorchSharp did not resolve.");
        }

        public CSharpCompilation Compilation { get; }

        public IReadOnlyList<SyntaxTree> Trees { get; }

        public TorchSharpContext Torch { get; }

        public static ModelTestSource Compile(params string[] sources)
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"/0/Test{i}.cs")).ToList();
            var outputKind = trees.Any(t => t.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any())
                ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = CSharpCompilation.Create("ModelTest", trees, TestReferences.Default,
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            return new ModelTestSource(compilation, trees);
        }

        /// <summary>The operation of the expression right after <c>/*here*/</c>.</summary>
        public IOperation Marked()
        {
            foreach (var tree in Trees)
            {
                var text = tree.GetText().ToString();
                var index = text.IndexOf(Marker, StringComparison.Ordinal);
                if (index < 0)
                {
                    continue;
                }

                var token = tree.GetRoot().FindToken(index + Marker.Length);
                var expression = token.Parent!.AncestorsAndSelf().OfType<ExpressionSyntax>()
                    .Last(e => e.SpanStart == token.SpanStart);
                var model = Compilation.GetSemanticModel(tree);
                return model.GetOperation(expression) ?? throw new InvalidOperationException("No operation at the marker.");
            }

            throw new InvalidOperationException("No " + Marker + " marker.");
        }

        /// <summary>Every optimizer construction in the sources, in source order.</summary>
        public List<OptimizerCall> OptimizerCalls()
        {
            var calls = new List<OptimizerCall>();
            foreach (var tree in Trees)
            {
                var model = Compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax))
                {
                    if (model.GetOperation(node) is IOperation operation && OptimizerCall.TryCreate(operation, Torch) is OptimizerCall call)
                    {
                        calls.Add(call);
                    }
                }
            }

            return calls;
        }

        public OptimizerCall SingleOptimizerCall() => OptimizerCalls().Single();
    }
}
