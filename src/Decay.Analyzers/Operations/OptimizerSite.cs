using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>An optimizer construction together with the module whose parameters it optimizes and
    /// where the optimizer is stored: what DECAY003/DECAY009 compare a penalty with.</summary>
    internal sealed class OptimizerSite
    {
        private OptimizerSite(OptimizerCall call, ModuleReference? module, bool coversAllParameters, ISymbol? storage)
        {
            Call = call;
            Module = module;
            CoversAllParameters = coversAllParameters;
            Storage = storage;
        }

        public OptimizerCall Call { get; }

        /// <summary>The module of <c>m.parameters()</c> / <c>m.named_parameters()</c> (possibly
        /// filtered); null for parameter groups and other sources.</summary>
        public ModuleReference? Module { get; }

        /// <summary>The optimizer gets every parameter of <see cref="Module"/>: an unfiltered
        /// <c>m.parameters()</c> / <c>m.named_parameters()</c>.</summary>
        public bool CoversAllParameters { get; }

        /// <summary>The local, field or property the optimizer is assigned to, if any.</summary>
        public ISymbol? Storage { get; }

        /// <summary>Coupled decay (everything but AdamW) that may be non-zero: an explicit non-zero
        /// constant. Non-constant values are not counted (a configured value may be 0).</summary>
        public bool HasNonZeroConstantCoupledDecay
        {
            get
            {
                var decay = Call.WeightDecay;
                return !Call.Optimizer.HasDecoupledDecay && decay.Exists && decay.IsExplicit && decay.HasConstant && decay.Constant != 0;
            }
        }

        /// <summary>The optimizer has a weight_decay parameter that is absent or the constant 0.</summary>
        public bool HasNoDecay
        {
            get
            {
                var decay = Call.WeightDecay;
                return decay.Exists && (!decay.IsExplicit || decay.IsConstantZero);
            }
        }

        public static OptimizerSite? TryCreate(IOperation operation, TorchSharpContext torch)
        {
            var call = OptimizerCall.TryCreate(operation, torch);
            if (call is null)
            {
                return null;
            }

            ModuleReference? module = null;
            var all = false;
            var source = call.ParametersArgument?.Value.WalkDownConversion();
            for (var guard = 0; guard < 4 && source is IInvocationOperation invocation; guard++)
            {
                if (torch.IsParameterSource(invocation, out _))
                {
                    module = ModuleReference.TryCreate(invocation.Instance);
                    var recurse = invocation.Arguments.GetArgument("recurse");
                    all = guard == 0 && (recurse is null || !recurse.IsExplicit() || (recurse.Value.TryGetConstantBool(out var r) && r));
                    break;
                }

                // m.parameters().Where(...): the module, filtered.
                if (invocation.TargetMethod.Name == "Where" && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
                {
                    source = invocation.Arguments[0].Value.WalkDownConversion();
                    continue;
                }

                break;
            }

            ISymbol? storage = null;
            switch (operation.WalkUpConversion())
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    storage = declarator.Symbol;
                    break;
                case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                    storage = fieldInitializer.InitializedFields[0];
                    break;
                case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length == 1:
                    storage = propertyInitializer.InitializedProperties[0];
                    break;
                case ISimpleAssignmentOperation assignment:
                    storage = assignment.Target.WalkDownConversion() switch
                    {
                        ILocalReferenceOperation local => local.Local,
                        IFieldReferenceOperation field => field.Field,
                        IPropertyReferenceOperation property => property.Property,
                        _ => null,
                    };
                    break;
            }

            return new OptimizerSite(call, module, all, storage);
        }

        /// <summary>This site with its module's root replaced (a constructor parameter mapped to the
        /// field it is stored in).</summary>
        internal OptimizerSite WithModule(ModuleReference? module) => new OptimizerSite(Call, module, CoversAllParameters, Storage);
    }
}
