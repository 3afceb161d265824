using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Decay.CodeFixes
{
    /// <summary>Small helpers shared by the fixes: reading spans passed in diagnostic properties,
    /// and parenthesizing an expression that becomes a receiver.</summary>
    internal static class FixHelpers
    {
        /// <summary>A span written by an analyzer as "start:length".</summary>
        public static bool TryGetSpan(ImmutableDictionary<string, string?> properties, string key, out TextSpan span)
        {
            span = default;
            if (!properties.TryGetValue(key, out var text) || text is null)
            {
                return false;
            }

            var parts = text.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return false;
            }

            span = new TextSpan(start, length);
            return true;
        }

        /// <summary>The innermost expression whose span is exactly <paramref name="span"/>.</summary>
        public static ExpressionSyntax? FindExpression(SyntaxNode root, TextSpan span)
        {
            if (span.End > root.FullSpan.End)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            for (; node != null && node.Span == span; node = node.Parent)
            {
                if (node is ExpressionSyntax expression)
                {
                    return expression;
                }
            }

            return null;
        }

        /// <summary>The expression as a receiver of a member access: parenthesized unless it is
        /// already a primary expression.</summary>
        public static ExpressionSyntax AsReceiver(ExpressionSyntax expression)
        {
            var bare = expression.WithoutTrivia();
            return bare is IdentifierNameSyntax || bare is MemberAccessExpressionSyntax || bare is InvocationExpressionSyntax
                   || bare is ElementAccessExpressionSyntax || bare is ParenthesizedExpressionSyntax || bare is ThisExpressionSyntax
                   || bare is GenericNameSyntax
                ? bare
                : SyntaxFactory.ParenthesizedExpression(bare);
        }
    }
}
