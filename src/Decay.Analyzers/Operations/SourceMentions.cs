using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Operations
{
    /// <summary>A syntax-first pre-filter: whether the source text of a node (a method, a type
    /// declaration) can name a member. A call or assignment that binds to a member named
    /// <c>requires_grad</c> or <c>add_param_group</c> must spell that name in the source, as
    /// written or as <c>@name</c>; only a Unicode escape (<c>\u0061dd_param_group</c>) can hide
    /// it, so text with an escape always may. False means certainly not: the analysis that
    /// looks for such operations can be skipped without changing its result. The text of a tree
    /// is searched once per name and the places cached with the tree, so asking about every
    /// method or type of a file costs one scan of the file.</summary>
    internal static class SourceMentions
    {
        private static readonly ConditionalWeakTable<SyntaxTree, TreeMentions> Trees = new ConditionalWeakTable<SyntaxTree, TreeMentions>();

        private static readonly ConditionalWeakTable<SyntaxTree, TreeMentions>.CreateValueCallback Create = tree => new TreeMentions(tree);

        public static bool MayMention(SyntaxNode node, string name, CancellationToken cancellationToken)
            => Trees.GetValue(node.SyntaxTree, Create).MayMention(node.Span, name, cancellationToken);

        /// <summary>Whether any declaration of <paramref name="type"/> (every part of a partial
        /// type, the files of top-level statements) may name <paramref name="name"/>. True when
        /// the type has no declaration in source.</summary>
        public static bool MayMention(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            var references = type.DeclaringSyntaxReferences;
            if (references.IsEmpty)
            {
                return true;
            }

            foreach (var reference in references)
            {
                if (MayMention(reference.GetSyntax(cancellationToken), name, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class TreeMentions
        {
            private const string Escape = "\\u";
            private const string LongEscape = "\\U";

            private readonly SyntaxTree tree;
            private readonly ConcurrentDictionary<string, int[]> places = new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal);
            private string? text;

            public TreeMentions(SyntaxTree tree)
            {
                this.tree = tree;
            }

            public bool MayMention(TextSpan span, string name, CancellationToken cancellationToken)
                => Occurs(name, span, cancellationToken) || Occurs(Escape, span, cancellationToken) || Occurs(LongEscape, span, cancellationToken);

            private bool Occurs(string name, TextSpan span, CancellationToken cancellationToken)
            {
                if (!places.TryGetValue(name, out var starts))
                {
                    // The text is copied out of the tree once (a race copies it twice, harmlessly).
                    var source = Volatile.Read(ref text);
                    if (source is null)
                    {
                        source = tree.GetText(cancellationToken).ToString();
                        Volatile.Write(ref text, source);
                    }

                    starts = places.GetOrAdd(name, Find(source, name));
                }

                // The places are ascending: the first at or after the span's start decides.
                var index = Array.BinarySearch(starts, span.Start);
                if (index < 0)
                {
                    index = ~index;
                }

                return index < starts.Length && starts[index] + name.Length <= span.End;
            }

            private static int[] Find(string text, string name)
            {
                List<int>? found = null;
                for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
                {
                    (found ??= new List<int>()).Add(i);
                }

                return found is null ? Array.Empty<int>() : found.ToArray();
            }
        }
    }
}
