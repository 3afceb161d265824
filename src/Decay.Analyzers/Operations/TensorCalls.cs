using System;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>Recognition of the TorchSharp calls a penalty is built from, by symbol: Tensor
    /// methods, <c>torch.*</c>, <c>torch.linalg.*</c>, <c>torch.nn.utils.*</c> and the tensor
    /// extension methods. Arguments by parameter name.</summary>
    internal static class TensorCalls
    {
        public static bool IsTensorMethod(this TorchSharpContext torch, IInvocationOperation invocation, string name)
            => invocation.TargetMethod.Name == name && !invocation.TargetMethod.IsStatic && torch.IsTensor(invocation.TargetMethod.ContainingType);

        public static bool IsTorchFunction(this TorchSharpContext torch, IInvocationOperation invocation, string name)
            => invocation.TargetMethod.Name == name && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, torch.Torch);

        public static bool IsLinalgFunction(this TorchSharpContext torch, IInvocationOperation invocation, string name)
            => invocation.TargetMethod.Name == name && torch.Linalg != null
               && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, torch.Linalg);

        public static bool IsNnUtilsFunction(this TorchSharpContext torch, IInvocationOperation invocation, string name)
            => invocation.TargetMethod.Name == name && torch.NnUtils != null
               && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, torch.NnUtils);

        public static bool IsTensorExtension(this TorchSharpContext torch, IInvocationOperation invocation, string name)
            => invocation.TargetMethod.Name == name && torch.TensorExtensionMethods != null
               && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.Unreduced().ContainingType, torch.TensorExtensionMethods);

        /// <summary><c>m.parameters()</c> / <c>m.named_parameters()</c> on a module (any override).</summary>
        public static bool IsParameterSource(this TorchSharpContext torch, IInvocationOperation invocation, out bool named)
        {
            var method = invocation.TargetMethod;
            named = method.Name == "named_parameters";
            return (named || method.Name == "parameters") && !method.IsStatic && method.Parameters.Length <= 1
                   && torch.IsModule(method.ContainingType);
        }

        /// <summary>The module expression of <c>m.parameters()</c> (the receiver; <c>this</c> when implicit).</summary>
        public static IOperation? GetReceiver(IInvocationOperation invocation) => invocation.Instance;

        /// <summary>The tensor the call works on: the receiver of an instance method, the first
        /// argument (<c>input</c>/<c>left</c>/<c>value</c>) of a static or extension method.</summary>
        public static IOperation? GetSubject(IInvocationOperation invocation)
        {
            if (invocation.Instance != null)
            {
                return invocation.Instance;
            }

            var method = invocation.TargetMethod;
            if (method.Parameters.Length == 0)
            {
                return null;
            }

            return invocation.Arguments.GetArgument(method.Parameters[0].Name)?.Value;
        }

        /// <summary>True when <paramref name="operation"/> (after conversions) is the tensor a call works on.</summary>
        public static bool IsSubjectOf(IOperation operation, IInvocationOperation invocation)
        {
            var subject = GetSubject(invocation);
            return subject != null && ReferenceEquals(subject.WalkDownConversion(), operation.WalkDownConversion());
        }

        /// <summary><c>torch.no_grad()</c>, <c>torch.inference_mode()</c>/<c>(true)</c>,
        /// <c>torch.set_grad_enabled(false)</c>, <c>torch.enable_grad(false)</c>: returns true with
        /// <paramref name="disables"/> saying whether the scope disables gradients.</summary>
        public static bool IsGradModeScope(this TorchSharpContext torch, IOperation? operation, out bool disables)
        {
            disables = false;
            if (operation?.WalkDownConversion() is not IInvocationOperation invocation
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, torch.Torch))
            {
                return false;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "no_grad":
                    disables = true;
                    return true;
                case "inference_mode":
                    return TryFlag(invocation, "mode", expected: true, out disables);
                case "set_grad_enabled":
                    return TryFlag(invocation, "mode", expected: false, out disables);
                case "enable_grad":
                    return TryFlag(invocation, "enabled", expected: false, out disables);
                default:
                    return false;
            }
        }

        private static bool TryFlag(IInvocationOperation invocation, string parameter, bool expected, out bool disables)
        {
            disables = false;
            var argument = invocation.Arguments.GetArgument(parameter);
            if (argument is null)
            {
                return false;
            }

            if (!argument.Value.TryGetConstantBool(out var value))
            {
                // Not constant: the scope may or may not disable gradients; treat as unknown.
                return false;
            }

            disables = value == expected;
            return true;
        }

        /// <summary>The int-literal dimension of <c>p.norm(2)</c> / <c>torch.norm(p, 2)</c> when it is
        /// the only explicit argument besides the tensor: the PyTorch idiom for the 2-norm that binds
        /// to TorchSharp's dimension overload (DECAY010).</summary>
        public static bool IsAmbiguousNormDimension(this TorchSharpContext torch, IInvocationOperation invocation, out int literal, out IArgumentOperation? dimension)
        {
            literal = 0;
            dimension = null;
            string dimensionName;
            if (torch.IsTensorMethod(invocation, "norm"))
            {
                dimensionName = "dim";
            }
            else if (torch.IsTorchFunction(invocation, "norm"))
            {
                dimensionName = "dimension";
            }
            else
            {
                return false;
            }

            var parameter = FindParameter(invocation.TargetMethod, dimensionName);
            if (parameter is null || parameter.Type.SpecialType != SpecialType.System_Int32)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null)
                {
                    return false;
                }

                if (argument.Parameter.Name == dimensionName)
                {
                    dimension = argument;
                }
                else if (invocation.Instance is null && argument.Parameter.Ordinal == 0)
                {
                    // torch.norm's input.
                }
                else if (argument.IsExplicit())
                {
                    // keepdim or p written as well: a dimension was meant.
                    return false;
                }
            }

            if (dimension is null || !dimension.IsExplicit() || IsNamed(dimension)
                || dimension.Value.WalkDownConversion() is not ILiteralOperation { ConstantValue: { HasValue: true, Value: int value } }
                || (value != 1 && value != 2))
            {
                return false;
            }

            literal = value;
            return true;
        }

        /// <summary>The argument was written with a name (<c>dim: 2</c>).</summary>
        public static bool IsNamed(IArgumentOperation argument)
            => argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { NameColon: not null };

        public static IParameterSymbol? FindParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return parameter;
                }
            }

            return null;
        }
    }
}
