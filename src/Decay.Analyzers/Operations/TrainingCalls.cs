using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>Recognizes the calls and assignments a training loop is made of, bound to
    /// TorchSharp's symbols: <c>loss.backward()</c>, <c>optimizer.step()</c>,
    /// <c>model.zero_grad()</c>, <c>p.requires_grad = …</c> / <c>p.requires_grad_(…)</c> and
    /// <c>p.grad = null</c>.</summary>
    internal static class TrainingCalls
    {
        /// <summary><c>t.backward(…)</c>, any overload, on a tensor.</summary>
        public static bool IsBackward(IInvocationOperation invocation, TorchSharpContext torch)
            => torch.IsTensorMethod(invocation, "backward");

        /// <summary><c>optimizer.step(…)</c> on a TorchSharp optimizer.</summary>
        public static bool IsOptimizerStep(IInvocationOperation invocation, TorchSharpContext torch)
            => invocation.TargetMethod.Name == "step" && torch.Optimizer != null
                && TorchSharpContext.InheritsFromOrEquals(invocation.TargetMethod.ContainingType, torch.Optimizer);

        /// <summary><c>module.zero_grad(set_to_none)</c>; <paramref name="setsToNone"/> is false only
        /// when <c>set_to_none</c> is the constant false (the default, true, nulls gradients).</summary>
        public static bool IsModuleZeroGrad(IInvocationOperation invocation, TorchSharpContext torch, out bool setsToNone)
        {
            setsToNone = false;
            if (invocation.TargetMethod.Name != "zero_grad" || !torch.IsModule(invocation.TargetMethod.ContainingType))
            {
                return false;
            }

            var argument = invocation.Arguments.GetArgument("set_to_none");
            setsToNone = argument is null || !argument.IsExplicit() || !argument.Value.TryGetConstantBool(out var value) || value;
            return true;
        }

        /// <summary>A write of <c>requires_grad</c>: <c>t.requires_grad = v</c> or
        /// <c>t.requires_grad_(v)</c> (v defaults to true). <paramref name="value"/> is null when v
        /// is not a constant.</summary>
        public static bool IsRequiresGradWrite(IOperation operation, TorchSharpContext torch, out IOperation? receiver, out bool? value)
        {
            receiver = null;
            value = null;
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when property.Property.Name == "requires_grad" && torch.IsTensor(property.Property.ContainingType):
                    receiver = property.Instance;
                    value = assignment.Value.TryGetConstantBool(out var assigned) ? assigned : (bool?)null;
                    return receiver != null;

                case IInvocationOperation invocation
                    when invocation.TargetMethod.Name == "requires_grad_" && torch.IsTensor(invocation.TargetMethod.ContainingType):
                    receiver = invocation.Instance;
                    var argument = invocation.Arguments.GetArgument("requires_grad");
                    if (argument is null || !argument.IsExplicit())
                    {
                        value = true;
                    }
                    else if (argument.Value.TryGetConstantBool(out var passed))
                    {
                        value = passed;
                    }

                    return receiver != null;

                default:
                    return false;
            }
        }

        /// <summary><c>t.grad = null</c>: clears the gradient, so optimizers skip the parameter.</summary>
        public static bool IsGradCleared(ISimpleAssignmentOperation assignment, TorchSharpContext torch, out IOperation? receiver)
        {
            receiver = null;
            if (assignment.Target is not IPropertyReferenceOperation property || property.Property.Name != "grad"
                || !torch.IsTensor(property.Property.ContainingType))
            {
                return false;
            }

            var value = assignment.Value.WalkDownConversion(includeExplicit: true);
            if (!value.ConstantValue.HasValue || value.ConstantValue.Value != null)
            {
                return false;
            }

            receiver = property.Instance;
            return receiver != null;
        }
    }
}
