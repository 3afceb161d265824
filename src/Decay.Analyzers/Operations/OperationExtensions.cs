using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    internal static class OperationExtensions
    {
        /// <summary>Strips implicit conversions (and, optionally, explicit ones), e.g. the
        /// float→float? conversion whose outer operation carries no constant.</summary>
        public static IOperation WalkDownConversion(this IOperation operation, bool includeExplicit = false)
        {
            while (operation is IConversionOperation conversion && (includeExplicit || conversion.IsImplicit))
            {
                operation = conversion.Operand;
            }

            while (operation is IParenthesizedOperation parenthesized)
            {
                operation = parenthesized.Operand;
            }

            return operation;
        }

        /// <summary>The parent after skipping conversions and parentheses.</summary>
        public static IOperation? WalkUpConversion(this IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        /// <summary>The constant value as a double, after unwrapping conversions; false when the
        /// value is not a numeric constant.</summary>
        public static bool TryGetConstantDouble(this IOperation? operation, out double value)
        {
            value = 0;
            if (operation is null)
            {
                return false;
            }

            if (TryConvert(operation.ConstantValue, out value))
            {
                return true;
            }

            var inner = operation.WalkDownConversion(includeExplicit: true);
            return TryConvert(inner.ConstantValue, out value);
        }

        /// <summary>The constant value as a bool, after unwrapping conversions.</summary>
        public static bool TryGetConstantBool(this IOperation? operation, out bool value)
        {
            value = false;
            if (operation is null)
            {
                return false;
            }

            var constant = operation.ConstantValue;
            if (!constant.HasValue)
            {
                constant = operation.WalkDownConversion(includeExplicit: true).ConstantValue;
            }

            if (constant.HasValue && constant.Value is bool b)
            {
                value = b;
                return true;
            }

            return false;
        }

        internal static bool TryConvert(Optional<object?> constant, out double value)
        {
            value = 0;
            if (!constant.HasValue || constant.Value is null)
            {
                return false;
            }

            switch (constant.Value)
            {
                case double d: value = d; return true;
                case float f: value = f; return true;
                case int i: value = i; return true;
                case long l: value = l; return true;
                case short s: value = s; return true;
                case byte b: value = b; return true;
                case sbyte sb: value = sb; return true;
                case uint ui: value = ui; return true;
                case ulong ul: value = ul; return true;
                case ushort us: value = us; return true;
                case decimal m: value = (double)m; return true;
                default: return false;
            }
        }

        /// <summary>The argument bound to the parameter named <paramref name="name"/> (explicit or
        /// omitted-optional), never by index: named arguments arrive in source order.</summary>
        public static IArgumentOperation? GetArgument(this ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && string.Equals(argument.Parameter.Name, name, StringComparison.Ordinal))
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The arguments of an invocation or object creation; empty for anything else.</summary>
        public static ImmutableArray<IArgumentOperation> GetArguments(this IOperation operation)
            => operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

        public static bool IsExplicit(this IArgumentOperation argument)
            => argument.ArgumentKind != ArgumentKind.DefaultValue && !argument.IsImplicit;

        /// <summary>The method symbol as declared: the static, non-reduced form of an extension
        /// method, and the original definition of a generic one.</summary>
        public static IMethodSymbol Unreduced(this IMethodSymbol method)
            => (method.ReducedFrom ?? method).OriginalDefinition;
    }
}
