using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Decay.CodeFixes
{
    /// <summary>The syntax edits shared by DECAY003 and DECAY009: take a penalty out of the loss
    /// (and the statements that only computed it), remove or set an optimizer's
    /// <c>weight_decay</c>, add a penalty to a loss. Edits are collected first and applied together,
    /// so that Fix All can merge several diagnostics on one document without conflicts.</summary>
    internal sealed class PenaltyEdits
    {
        private readonly SyntaxNode root;
        // Each replacement is computed from the node as it is when applied (inner edits first), so
        // that nested edits (two penalties in one loss expression) compose.
        private readonly Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> replacements = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        private readonly HashSet<SyntaxNode> removals = new HashSet<SyntaxNode>();

        public PenaltyEdits(SyntaxNode root) => this.root = root;

        public bool IsEmpty => replacements.Count == 0 && removals.Count == 0;

        /// <summary>Spans written by an analyzer as "start:length;start:length".</summary>
        public static ImmutableArray<TextSpan> ParseSpans(string? text)
        {
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            foreach (var part in (text ?? string.Empty).Split(new[] { ';' }, System.StringSplitOptions.RemoveEmptyEntries))
            {
                var pieces = part.Split(':');
                if (pieces.Length == 2
                    && int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    && int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    spans.Add(new TextSpan(start, length));
                }
            }

            return spans.ToImmutable();
        }

        /// <summary>Removes the penalty operand from its add (<c>loss + λ * l2</c> → <c>loss</c>;
        /// <c>loss += λ * l2;</c> and <c>loss = loss + λ * l2;</c> → removed) and the statements that
        /// only computed it. False when the operand is not in an add this fix understands.</summary>
        public bool RemovePenalty(TextSpan operandSpan, ImmutableArray<TextSpan> statementSpans)
        {
            if (FixHelpers.FindExpression(root, operandSpan) is not ExpressionSyntax operand)
            {
                return false;
            }

            SyntaxNode outer = operand;
            while (outer.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                outer = parenthesized;
            }

            switch (outer.Parent)
            {
                case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                    {
                        var other = add.Left == outer ? add.Right : add.Left;
                        if (add.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment
                            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == add
                            && SyntaxFactory.AreEquivalent(assignment.Left, other))
                        {
                            // loss = loss + λ * l2;
                            removals.Add(statement);
                            break;
                        }

                        var operandIsLeft = add.Left == outer;
                        if (add.Parent is ParenthesizedExpressionSyntax around)
                        {
                            // (loss + λ * l2).backward() → loss.backward()
                            Replace(around, current =>
                            {
                                var parenthesized = (ParenthesizedExpressionSyntax)current;
                                if (parenthesized.Expression is not BinaryExpressionSyntax binary)
                                {
                                    return current;
                                }

                                var rest = operandIsLeft ? binary.Right : binary.Left;
                                return IsPrimary(rest.WithoutTrivia())
                                    ? rest.WithoutTrivia().WithTriviaFrom(parenthesized)
                                    : parenthesized.WithExpression(rest.WithTriviaFrom(binary));
                            });
                        }
                        else
                        {
                            Replace(add, current => current is BinaryExpressionSyntax binary
                                ? (operandIsLeft ? binary.Right : binary.Left).WithoutTrivia().WithTriviaFrom(binary)
                                : current);
                        }

                        break;
                    }

                case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } compound
                    when compound.IsKind(SyntaxKind.AddAssignmentExpression) && compound.Right == outer:
                    removals.Add(statement);
                    break;
                default:
                    return false;
            }

            foreach (var span in statementSpans)
            {
                if (span.End <= root.FullSpan.End && root.FindNode(span) is StatementSyntax statement && statement.Span == span)
                {
                    removals.Add(statement);
                }
            }

            return true;
        }

        /// <summary>Removes a <c>weight_decay</c> argument (named, or the last positional one), or
        /// sets a positional one followed by others to 0.</summary>
        public bool RemoveWeightDecay(TextSpan argumentSpan)
        {
            if (argumentSpan.End > root.FullSpan.End || root.FindNode(argumentSpan) is not ArgumentSyntax { Parent: ArgumentListSyntax list } argument)
            {
                return false;
            }

            if (argument.NameColon != null || list.Arguments.Last() == argument)
            {
                var index = list.Arguments.IndexOf(argument);
                Replace(list, current => current is ArgumentListSyntax arguments && index < arguments.Arguments.Count
                    ? arguments.WithArguments(arguments.Arguments.RemoveAt(index))
                    : current);
            }
            else
            {
                Replace(argument, current => current is ArgumentSyntax a
                    ? a.WithExpression(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)).WithTriviaFrom(a.Expression))
                    : current);
            }

            return true;
        }

        /// <summary>Writes <c>weight_decay: <paramref name="value"/></c> into an optimizer call:
        /// replaces the explicit (zero) argument at <paramref name="explicitArgument"/>, or appends the
        /// named argument.</summary>
        public bool SetWeightDecay(TextSpan callSpan, TextSpan? explicitArgument, string value, string parameterName)
        {
            if (explicitArgument is TextSpan argumentSpan)
            {
                if (argumentSpan.End > root.FullSpan.End || root.FindNode(argumentSpan) is not ArgumentSyntax argument)
                {
                    return false;
                }

                var newValue = SyntaxFactory.ParseExpression(value);
                Replace(argument, current => current is ArgumentSyntax a ? a.WithExpression(newValue.WithTriviaFrom(a.Expression)) : current);
                return true;
            }

            var call = FixHelpers.FindExpression(root, callSpan);
            var list = call switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            if (list is null || replacements.ContainsKey(list))
            {
                return false;
            }

            var expression = SyntaxFactory.ParseExpression(value);
            var existing = list.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName);
            if (existing != null)
            {
                Replace(existing, current => current is ArgumentSyntax a ? a.WithExpression(expression.WithTriviaFrom(a.Expression)) : current);
                return true;
            }

            var named = SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)), default, expression);
            var arguments = list.Arguments;
            var separators = arguments.GetSeparators().ToList();
            var nodes = arguments.ToList();
            if (nodes.Count > 0)
            {
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                nodes[nodes.Count - 1] = nodes[nodes.Count - 1].WithoutTrailingTrivia();
            }

            nodes.Add(named.WithTrailingTrivia(arguments.Count > 0 ? arguments.Last().GetTrailingTrivia() : default));
            var newList = list.WithArguments(SyntaxFactory.SeparatedList(nodes, separators));
            Replace(list, _ => newList);
            return true;
        }

        /// <summary>Appends <c> + <paramref name="penalty"/></c> to an expression (a loss initializer).</summary>
        public bool AddToLoss(TextSpan lossSpan, string penalty)
        {
            if (FixHelpers.FindExpression(root, lossSpan) is not ExpressionSyntax loss || replacements.ContainsKey(loss))
            {
                return false;
            }

            var left = NeedsParentheses(loss) ? SyntaxFactory.ParenthesizedExpression(loss.WithoutTrivia()) : loss.WithoutTrivia();
            var sum = SyntaxFactory.BinaryExpression(
                SyntaxKind.AddExpression,
                left.WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.PlusToken).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.ParseExpression(penalty));
            var replacement = sum.WithTriviaFrom(loss);
            Replace(loss, _ => replacement);
            return true;
        }

        /// <summary>The document's new root with every collected edit applied, and blank lines left
        /// at the start of a block by removed statements trimmed.</summary>
        public SyntaxNode Apply()
        {
            // Drop edits inside removed statements, and removed statements inside other removed ones.
            var removed = removals.Where(r => !removals.Any(o => o != r && o.Span.Contains(r.Span))).ToList();
            var replaced = replacements.Where(r => !removed.Any(o => o.Span.Contains(r.Key.Span))).ToList();
            var blocksToTrim = removed.Where(r => r.Parent is BlockSyntax block && block.Statements.FirstOrDefault() == r)
                .Select(r => (BlockSyntax)r.Parent!).Distinct().ToList();

            var tracked = root.TrackNodes(replaced.Select(r => r.Key).Concat(removed).Concat(blocksToTrim));
            foreach (var pair in replaced.OrderBy(r => r.Key.Span.Length))
            {
                var current = tracked.GetCurrentNode(pair.Key);
                if (current != null)
                {
                    tracked = tracked.ReplaceNode(current, pair.Value(current));
                }
            }

            var currentRemovals = removed.Select(r => tracked.GetCurrentNode(r)).Where(n => n != null).Select(n => n!).ToList();
            if (currentRemovals.Count > 0)
            {
                tracked = tracked.RemoveNodes(currentRemovals, SyntaxRemoveOptions.KeepNoTrivia)!;
            }

            foreach (var block in blocksToTrim)
            {
                // The statements that opened the block are gone: no blank line right after '{'.
                if (tracked.GetCurrentNode(block) is BlockSyntax current && current.Statements.Count > 0)
                {
                    var first = current.Statements[0];
                    var leading = first.GetLeadingTrivia();
                    var cut = 0;
                    for (var i = 0; i < leading.Count; i++)
                    {
                        if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                        {
                            cut = i + 1;
                        }
                        else if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                        {
                            break;
                        }
                    }

                    if (cut > 0)
                    {
                        tracked = tracked.ReplaceNode(first, first.WithLeadingTrivia(leading.Skip(cut)));
                    }
                }
            }

            return tracked;
        }

        /// <summary>Registers an edit of <paramref name="node"/>; a second edit of the same node is
        /// ignored (the first diagnostic wins).</summary>
        private void Replace(SyntaxNode node, Func<SyntaxNode, SyntaxNode> edit)
        {
            if (!replacements.ContainsKey(node))
            {
                replacements[node] = edit;
            }
        }

        private static bool IsPrimary(ExpressionSyntax expression)
            => expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax || expression is InvocationExpressionSyntax
               || expression is ElementAccessExpressionSyntax || expression is ParenthesizedExpressionSyntax || expression is ThisExpressionSyntax;

        private static bool NeedsParentheses(ExpressionSyntax expression)
            => expression is ConditionalExpressionSyntax || expression is AssignmentExpressionSyntax || expression is LambdaExpressionSyntax
               || expression is BinaryExpressionSyntax binary && (binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression)
                   || binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression));
    }
}
