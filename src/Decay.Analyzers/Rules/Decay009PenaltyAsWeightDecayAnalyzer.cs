using System.Collections.Immutable;
using System.Linq;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Rules
{
    /// <summary>DECAY009 (hidden, a refactoring): a manual L2 penalty λ·Σθ² can be the optimizer's
    /// <c>weight_decay: 2λ</c>, and the reverse. In every TorchSharp optimizer but AdamW,
    /// weight_decay adds wd·θ to the gradient, and ∇(λ·Σθ²) = 2λθ, so the move is exact. Offered only
    /// when the penalty covers exactly the optimizer's parameters (same module, all parameters), the
    /// target side has no decay yet, and every symbol of the coefficient means the same thing where it
    /// goes. Never for AdamW (decoupled decay is a different algorithm).
    /// <list type="bullet">
    /// <item>Penalty → optimizer: reported at the penalty's term in the loss (additional location:
    /// the optimizer call); the optimizer may be in the same method or stored in a field.</item>
    /// <item>Optimizer → penalty: reported at the <c>weight_decay</c> argument (additional location:
    /// the loss initializer); the optimizer, its <c>step()</c> and the single <c>loss.backward()</c>
    /// are in the same method.</item>
    /// </list></summary>
    public sealed class Decay009PenaltyAsWeightDecayAnalyzer : TorchSharpAnalyzer
    {
        public const string DirectionProperty = "Direction";
        public const string ToOptimizer = "ToOptimizer";
        public const string ToLoss = "ToLoss";

        /// <summary>ToOptimizer: the weight_decay value to write.</summary>
        public const string WeightDecayProperty = "WeightDecay";

        /// <summary>ToOptimizer: the optimizer call's span; its explicit weight_decay argument's span, if any.</summary>
        public const string OptimizerSpanProperty = "OptimizerSpan";
        public const string WeightDecayArgumentProperty = "WeightDecayArgument";

        /// <summary>ToLoss: the penalty expression to add, and the span of the loss initializer.</summary>
        public const string PenaltyProperty = "Penalty";
        public const string LossSpanProperty = "LossSpan";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY009_PenaltyAsWeightDecay);

        internal override void OnCompilationStart(RuleRegistration context, TorchSharpContext torch)
        {
            // Both directions from the host's shared work: each penalty at its trigger, and each
            // optimizer construction (rare, so its OptimizerSite is built only for those).
            var cache = PenaltyCache.For(torch);
            context.RegisterPenaltyAction(AnalyzePenalty);
            context.RegisterOptimizerCallAction((ctx, _) =>
            {
                if (OptimizerSite.TryCreate(ctx.Operation, torch) is OptimizerSite site)
                {
                    AnalyzeOptimizer(ctx, site, cache);
                }
            });
        }

        // ------------------------------------------------------------------ penalty → weight_decay

        private static void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties analysis, PenaltyCache cache)
        {
            var add = penalty.SingleAdd;
            if (!penalty.ReachesBackward || add is null || penalty.IsDetached || penalty.Module is null
                || penalty.Selection != ParameterSelection.All || penalty.Terms.Any(t => t.Kind != PenaltyTermKind.SumOfSquares)
                || analysis.Penalties.Any(other => !ReferenceEquals(other, penalty) && other.IsAddedToLoss && other.Module != null && other.Module.Overlaps(penalty.Module!)))
            {
                return;
            }

            var sites = PenaltyOptimizers.Find(penalty, analysis, cache, context.Operation.SemanticModel);
            if (sites.Length != 1)
            {
                return;
            }

            var site = sites[0];
            var operand = add.PenaltyOperand.Syntax;
            if (!site.CoversAllParameters || !site.Module!.IsSame(penalty.Module) || site.Call.Optimizer.HasDecoupledDecay || !site.HasNoDecay
                || site.Call.Operation.Syntax.SyntaxTree != operand.SyntaxTree)
            {
                return;
            }

            var weightDecay = CoefficientAlgebra.Scaled(penalty.Coefficient.Factors.Select(f => (f.Operand, f.IsDivisor)), 2, site.Call.Operation);
            if (weightDecay is null)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DirectionProperty, ToOptimizer)
                .Add(WeightDecayProperty, weightDecay)
                .Add(OptimizerSpanProperty, Decay003L2AppliedTwiceAnalyzer.Span(site.Call.Operation.Syntax.Span))
                .Add(Decay003L2AppliedTwiceAnalyzer.PenaltyOperandProperty, Decay003L2AppliedTwiceAnalyzer.Span(operand.Span))
                .Add(Decay003L2AppliedTwiceAnalyzer.RemovableStatementsProperty,
                    string.Join(";", penalty.RemovableStatements.Select(s => Decay003L2AppliedTwiceAnalyzer.Span(s.Syntax.Span))));
            var explicitZero = site.Call.WeightDecay;
            if (explicitZero.IsExplicit && explicitZero.Argument != null)
            {
                properties = properties.Add(WeightDecayArgumentProperty, Decay003L2AppliedTwiceAnalyzer.Span(explicitZero.Argument.Syntax.Span));
            }

            context.Report(Diagnostic.Create(
                Descriptors.DECAY009_PenaltyAsWeightDecay,
                operand.GetLocation(),
                new[] { site.Call.NameLocation },
                properties,
                operand.ToString(),
                weightDecay));
        }

        // ------------------------------------------------------------------ weight_decay → penalty

        private static void AnalyzeOptimizer(OperationAnalysisContext context, OptimizerSite site, PenaltyCache cache)
        {
            var decay = site.Call.WeightDecay;
            if (site.Call.Optimizer.HasDecoupledDecay || !decay.IsExplicit || decay.Argument is null || decay.IsConstantZero
                || !site.CoversAllParameters || site.Module is null || site.Storage is not ILocalSymbol optimizer
                || site.Call.ParametersArgument is null)
            {
                return;
            }

            var analysis = cache.Get(context.Operation, context.ContainingSymbol);
            var root = analysis.Root;
            if (root is null || analysis.Penalties.Any(p => p.IsAddedToLoss && p.Module != null && p.Module.Overlaps(site.Module)))
            {
                return;
            }

            // The training step of this optimizer: optimizer.step() and a single loss.backward() on a
            // local declared (once) after the optimizer.
            var start = context.Operation.Syntax.SpanStart;
            var backwards = analysis.BackwardCalls.Where(b => b.Syntax.SpanStart > start).ToList();
            if (backwards.Count != 1 || backwards[0].Instance?.WalkDownConversion() is not ILocalReferenceOperation lossReference)
            {
                return;
            }

            var loss = lossReference.Local;
            IVariableDeclaratorOperation? declarator = null;
            var stepped = false;
            foreach (var node in root.Descendants())
            {
                switch (node)
                {
                    case IVariableDeclaratorOperation candidate when SymbolEqualityComparer.Default.Equals(candidate.Symbol, loss):
                        declarator = candidate;
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, loss):
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation compoundTarget } when SymbolEqualityComparer.Default.Equals(compoundTarget.Local, loss):
                        return;
                    case IInvocationOperation { TargetMethod.Name: "step", Instance: ILocalReferenceOperation receiver }
                        when SymbolEqualityComparer.Default.Equals(receiver.Local, optimizer):
                        stepped = true;
                        break;
                }
            }

            var initializer = declarator?.GetVariableInitializer()?.Value;
            if (!stepped || initializer is null || declarator!.Syntax.SpanStart < start)
            {
                return;
            }

            var coefficient = CoefficientAlgebra.Scaled(new[] { (decay.Argument.Value, false) }, 0.5, initializer);
            var parameters = site.Call.ParametersArgument.Value;
            var flatten = FlattenFunction(cache.Torch, initializer);
            if (coefficient is null || flatten is null
                || parameters.WalkDownConversion() is not IInvocationOperation { Instance: not null } parametersCall
                || !CoefficientAlgebra.IsMovable(parametersCall.Instance, initializer))
            {
                return;
            }

            var penalty = $"{coefficient} * {flatten}({parametersCall.Syntax}).pow(2).sum()";
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DirectionProperty, ToLoss)
                .Add(PenaltyProperty, penalty)
                .Add(LossSpanProperty, Decay003L2AppliedTwiceAnalyzer.Span(initializer.Syntax.Span));
            context.Report(Diagnostic.Create(
                Descriptors.DECAY009_PenaltyAsWeightDecay,
                decay.Argument.Syntax.GetLocation(),
                new[] { initializer.Syntax.GetLocation() },
                properties,
                coefficient + " * Σθ²",
                OptimizerCall.Display(decay)));
        }

        /// <summary><c>torch.nn.utils.parameters_to_vector</c> as it can be written at the
        /// destination: through <c>torch</c> (using TorchSharp), <c>nn</c> (using static
        /// TorchSharp.torch), or fully qualified.</summary>
        private static string? FlattenFunction(TorchSharpContext torch, IOperation destination)
        {
            var model = destination.SemanticModel;
            if (model is null || torch.Nn is null)
            {
                return null;
            }

            var position = destination.Syntax.SpanStart;
            if (CoefficientAlgebra.NameBindsTo(model, position, "torch", torch.Torch, SpeculativeBindingOption.BindAsTypeOrNamespace))
            {
                return "torch.nn.utils.parameters_to_vector";
            }

            if (CoefficientAlgebra.NameBindsTo(model, position, "nn", torch.Nn, SpeculativeBindingOption.BindAsTypeOrNamespace))
            {
                return "nn.utils.parameters_to_vector";
            }

            return "global::TorchSharp.torch.nn.utils.parameters_to_vector";
        }
    }
}
