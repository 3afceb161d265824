using System.Collections.Immutable;
using System.Globalization;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Rules
{
    /// <summary>DECAY010: <c>p.norm(2)</c> / <c>torch.norm(p, 2)</c> (or 1) with no other argument:
    /// the int literal binds to TorchSharp's dimension overload (the exponent is a <c>float p</c>), so
    /// this is the norm along dimension 2, not the 2-norm. Applies anywhere, not only in penalties.
    /// Silent when keepdim or p is written as well, or when the dimension is written by name.</summary>
    public sealed class Decay010NormIntIsDimensionAnalyzer : TorchSharpAnalyzer
    {
        /// <summary>Diagnostic property: the literal (1 or 2).</summary>
        public const string LiteralProperty = "Literal";

        /// <summary>Diagnostic property: the name of the dimension parameter (<c>dim</c> or <c>dimension</c>).</summary>
        public const string ParameterNameProperty = "ParameterName";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY010_NormIntIsDimension);

        internal override void OnCompilationStart(RuleRegistration context, TorchSharpContext torch)
        {
            context.RegisterOperationAction(ctx => Analyze(ctx, torch), OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, TorchSharpContext torch)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != "norm" || !torch.IsAmbiguousNormDimension(invocation, out var literal, out var dimension) || dimension?.Parameter is null)
            {
                return;
            }

            var value = literal.ToString(CultureInfo.InvariantCulture);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(LiteralProperty, value)
                .Add(ParameterNameProperty, dimension.Parameter.Name);
            context.Report(Diagnostic.Create(
                Descriptors.DECAY010_NormIntIsDimension,
                invocation.Syntax.GetLocation(),
                properties,
                invocation.Syntax.ToString(),
                value));
        }
    }
}
