using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>The factor-of-2 algebra between an L2 penalty and <c>weight_decay</c>, on source
    /// text: λ·Σθ² has gradient 2λθ, so it equals <c>weight_decay: 2λ</c>, and
    /// <c>weight_decay: wd</c> equals (wd/2)·Σθ². Literal factors are folded (<c>1e-4</c> →
    /// <c>0.0002</c>, <c>λ / 2</c> → <c>λ</c>); named constants and variables stay symbolic
    /// (<c>2 * lambda</c>). Every symbol must be usable where the text goes.</summary>
    internal static class CoefficientAlgebra
    {
        /// <summary><paramref name="scale"/> × the product of <paramref name="factors"/>, as C# source
        /// valid at <paramref name="destination"/>; null when a factor cannot be moved there.</summary>
        public static string? Scaled(IEnumerable<(IOperation Operand, bool IsDivisor)> factors, double scale, IOperation destination)
        {
            var leaves = new List<(IOperation Operand, bool IsDivisor)>();
            foreach (var (operand, isDivisor) in factors)
            {
                Flatten(operand, isDivisor, leaves);
            }

            var constant = scale;
            var anyDouble = false;
            var anyFloat = false;
            var symbolic = new List<(IOperation Operand, bool IsDivisor)>();
            foreach (var leaf in leaves)
            {
                if (leaf.Operand.WalkDownConversion(includeExplicit: true) is ILiteralOperation literal && literal.TryGetConstantDouble(out var value))
                {
                    if (leaf.IsDivisor && value == 0)
                    {
                        return null;
                    }

                    constant = leaf.IsDivisor ? constant / value : constant * value;
                    anyFloat |= literal.Type?.SpecialType == SpecialType.System_Single;
                    anyDouble |= literal.Type?.SpecialType == SpecialType.System_Double;
                    continue;
                }

                if (!IsMovable(leaf.Operand, destination))
                {
                    return null;
                }

                symbolic.Add(leaf);
            }

            if (constant == 0 || double.IsNaN(constant) || double.IsInfinity(constant))
            {
                return null;
            }

            var number = Format(constant, useFloat: anyFloat && !anyDouble);
            if (symbolic.Count == 0)
            {
                return number;
            }

            var text = new StringBuilder();
            if (constant != 1 || symbolic[0].IsDivisor)
            {
                text.Append(number);
            }

            foreach (var (operand, isDivisor) in symbolic)
            {
                if (text.Length > 0)
                {
                    text.Append(isDivisor ? " / " : " * ");
                }

                text.Append(AsFactor(operand.Syntax));
            }

            return text.ToString();
        }

        /// <summary>The leaves of a product or quotient: <c>0.5 * λ</c> → 0.5, λ; <c>λ / 2</c> → λ, /2.</summary>
        private static void Flatten(IOperation operation, bool isDivisor, List<(IOperation, bool)> leaves)
        {
            var current = operation.WalkDownConversion();
            if (current is IBinaryOperation { OperatorMethod: null } binary)
            {
                if (binary.OperatorKind == BinaryOperatorKind.Multiply)
                {
                    Flatten(binary.LeftOperand, isDivisor, leaves);
                    Flatten(binary.RightOperand, isDivisor, leaves);
                    return;
                }

                if (binary.OperatorKind == BinaryOperatorKind.Divide && IsFloatingPoint(binary.Type))
                {
                    Flatten(binary.LeftOperand, isDivisor, leaves);
                    Flatten(binary.RightOperand, !isDivisor, leaves);
                    return;
                }
            }

            leaves.Add((current, isDivisor));
        }

        private static bool IsFloatingPoint(ITypeSymbol? type)
            => type?.SpecialType == SpecialType.System_Double || type?.SpecialType == SpecialType.System_Single;

        /// <summary>A number as a C# literal for a double parameter: round-trip, float precision when
        /// every folded literal was a float (so <c>2 * 1e-4f</c> is <c>0.0002</c>, not 0.000199999…).</summary>
        public static string Format(double value, bool useFloat)
            => useFloat
                ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture);

        private static string AsFactor(SyntaxNode syntax)
        {
            var text = syntax.ToString();
            return syntax is IdentifierNameSyntax || syntax is MemberAccessExpressionSyntax || syntax is InvocationExpressionSyntax
                   || syntax is ParenthesizedExpressionSyntax || syntax is LiteralExpressionSyntax || syntax is ElementAccessExpressionSyntax
                ? text
                : "(" + text + ")";
        }

        /// <summary>The expression only reads literals, locals, parameters, constants and fields or
        /// properties, each of which means the same thing at <paramref name="destination"/> (in scope,
        /// declared before it, instance members not used from an initializer).</summary>
        public static bool IsMovable(IOperation expression, IOperation destination)
        {
            var model = destination.SemanticModel;
            if (model is null || expression.Syntax.SyntaxTree != destination.Syntax.SyntaxTree)
            {
                return false;
            }

            var position = destination.Syntax.SpanStart;
            var inInitializer = IsInMemberInitializer(destination);
            foreach (var node in expression.DescendantsAndSelf())
            {
                switch (node)
                {
                    case ILiteralOperation:
                    case IConversionOperation:
                    case IBinaryOperation:
                    case IUnaryOperation:
                    case IParenthesizedOperation:
                        continue;
                    case ILocalReferenceOperation local:
                        if (!IsVisible(model, position, local.Local)
                            || local.Local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == destination.Syntax.SyntaxTree && r.Span.Start > position))
                        {
                            return false;
                        }

                        continue;
                    case IParameterReferenceOperation parameter:
                        if (!IsVisible(model, position, parameter.Parameter))
                        {
                            return false;
                        }

                        continue;
                    case IInstanceReferenceOperation:
                        if (inInitializer)
                        {
                            return false;
                        }

                        continue;
                    case IMemberReferenceOperation member when member is IFieldReferenceOperation || member is IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                        {
                            var symbol = member.Member;
                            if (!model.IsAccessible(position, symbol))
                            {
                                return false;
                            }

                            var isStatic = symbol.IsStatic || (symbol is IFieldSymbol { IsConst: true });
                            if (!isStatic && (inInitializer || member.Instance is not IInstanceReferenceOperation))
                            {
                                return false;
                            }

                            // A simple name must bind to the same member there; a qualified one is kept as written.
                            if (member.Syntax is IdentifierNameSyntax && !IsVisible(model, position, symbol))
                            {
                                return false;
                            }

                            continue;
                        }

                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool IsVisible(SemanticModel model, int position, ISymbol symbol)
            => NameBindsTo(model, position, symbol.Name, symbol, SpeculativeBindingOption.BindAsExpression);

        /// <summary>The simple name <paramref name="name"/>, written at <paramref name="position"/>,
        /// binds to <paramref name="symbol"/>. Speculative binding does one name lookup through the
        /// scopes there; <c>LookupSymbols</c> first gathers every name in scope (each imported
        /// namespace's and <c>using static</c> type's members), which was ~4 % of Decay's profile in
        /// the benchmark.</summary>
        internal static bool NameBindsTo(SemanticModel model, int position, string name, ISymbol? symbol, SpeculativeBindingOption option)
            => symbol != null
               && model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(name)), option).Symbol is ISymbol bound
               && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, symbol.OriginalDefinition);

        private static bool IsInMemberInitializer(IOperation operation)
        {
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current is IFieldInitializerOperation || current is IPropertyInitializerOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
