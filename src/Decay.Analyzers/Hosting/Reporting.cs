using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Hosting
{
    /// <summary>How rules report. The host asks Roslyn not to filter reported diagnostics by
    /// generated code (see <see cref="RuleHost"/>); Roslyn already runs no action of ours inside
    /// generated code, so a diagnostic at the analysed operation's member needs no check. A rule
    /// may report elsewhere in the file (a helper method's norm call, an optimizer stored by a
    /// field initializer): such a diagnostic is dropped when its member or a containing type is
    /// marked [GeneratedCode], or it lies in a hidden (<c>#line hidden</c>) region.</summary>
    internal static class Reporting
    {
        public static void Report(this OperationAnalysisContext context, Diagnostic diagnostic)
        {
            if (IsInGeneratedCodeElsewhere(diagnostic.Location, context.Operation.Syntax))
            {
                return;
            }

            context.ReportDiagnostic(diagnostic);
        }

        public static void Report(this SymbolAnalysisContext context, Diagnostic diagnostic)
        {
            var declaration = context.Symbol.DeclaringSyntaxReferences.Length > 0 ? context.Symbol.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) : null;
            if (declaration != null && IsInGeneratedCodeElsewhere(diagnostic.Location, declaration))
            {
                return;
            }

            context.ReportDiagnostic(diagnostic);
        }

        /// <summary>True when <paramref name="location"/> is outside the member around
        /// <paramref name="analysed"/> and in generated code.</summary>
        internal static bool IsInGeneratedCodeElsewhere(Location location, SyntaxNode analysed)
        {
            if (!location.IsInSource || location.SourceTree is not SyntaxTree tree || tree != analysed.SyntaxTree)
            {
                return false;
            }

            var member = EnclosingMember(analysed);
            if (member != null && member.FullSpan.Contains(location.SourceSpan))
            {
                return false;
            }

            if (tree.HasHiddenRegions() && tree.GetLineVisibility(location.SourceSpan.Start) == LineVisibility.Hidden)
            {
                return true;
            }

            var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            for (; node != null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax declaration && HasGeneratedCodeAttribute(declaration))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member (method, constructor, property, field, ...) the node is in; null in
        /// top-level statements.</summary>
        private static SyntaxNode? EnclosingMember(SyntaxNode node)
        {
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                if (current is MemberDeclarationSyntax and not GlobalStatementSyntax)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>[GeneratedCode(...)] / [System.CodeDom.Compiler.GeneratedCodeAttribute(...)],
        /// by name as Roslyn's own pre-check does.</summary>
        private static bool HasGeneratedCodeAttribute(MemberDeclarationSyntax declaration)
        {
            foreach (var list in declaration.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name switch
                    {
                        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    if (name == "GeneratedCode" || name == "GeneratedCodeAttribute")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
