using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Tests.Robustness
{
    /// <summary>A variant of an input: its text and how it was made (enough to rebuild it from
    /// the input and the seed).</summary>
    public sealed class Variant
    {
        public Variant(string description, string text)
        {
            Description = description;
            Text = text;
        }

        public string Description { get; }

        public string Text { get; }
    }

    /// <summary>A name in the input bound to a TorchSharp or ML.NET member, with the names of its
    /// containing type's other members (a rename to one of those binds to a real, different API).</summary>
    public readonly struct LibraryName
    {
        public LibraryName(TextSpan span, string name, ImmutableArray<string> siblings)
        {
            Span = span;
            Name = name;
            Siblings = siblings;
        }

        public TextSpan Span { get; }

        public string Name { get; }

        public ImmutableArray<string> Siblings { get; }
    }

    /// <summary>Builds the variants of one input, deterministically from a seed: prefixes cut at
    /// token boundaries and inside tokens (the states of a file being typed), and mutations
    /// (delete, duplicate or swap tokens, delete an argument, replace a literal with an
    /// identifier, rename a TorchSharp/ML.NET method to a near miss).</summary>
    public static class Mutator
    {
        public static readonly string[] MutationKinds =
        {
            "delete-token", "duplicate-token", "swap-tokens", "delete-argument", "literal-to-identifier", "near-miss-rename",
        };

        /// <summary>A per-input seed from the run's seed and the input's text (FNV-1a: stable
        /// across processes, unlike string.GetHashCode).</summary>
        public static int InputSeed(int seed, string text)
        {
            unchecked
            {
                var hash = 2166136261u ^ (uint)seed;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return (int)(hash & 0x7FFFFFFF);
            }
        }

        // ------------------------------------------------------------------ cuts

        /// <summary>Up to <paramref name="count"/> prefixes of the text: every token boundary when
        /// there are no more than that, else a seeded sample of them; when there are fewer, the
        /// rest are cuts inside tokens (a half-typed identifier or number), then inside trivia,
        /// sampled too.</summary>
        public static List<Variant> Cuts(string text, int count, Random random)
        {
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens(descendIntoTrivia: false)
                .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();
            var boundaries = new SortedSet<int>(tokens.Select(t => t.Span.End).Where(p => p > 0 && p < text.Length));
            var inside = new SortedSet<int>(tokens.SelectMany(t => Enumerable.Range(t.Span.Start + 1, Math.Max(0, t.Span.Length - 1))));
            var rest = new SortedSet<int>(Enumerable.Range(1, Math.Max(0, text.Length - 1)).Where(p => !boundaries.Contains(p) && !inside.Contains(p)));

            var chosen = new List<int>();
            foreach (var tier in new[] { boundaries, inside, rest })
            {
                chosen.AddRange(Sample(tier.ToList(), count - chosen.Count, random));
            }

            chosen.Sort();
            return chosen.Select(p => new Variant($"prefix cut at offset {p}", text.Substring(0, p))).ToList();
        }

        private static List<int> Sample(List<int> items, int count, Random random)
        {
            if (items.Count <= count)
            {
                return new List<int>(items);
            }

            // Partial Fisher-Yates: a uniform sample without repetition.
            var copy = new List<int>(items);
            for (var i = 0; i < count; i++)
            {
                var j = random.Next(i, copy.Count);
                (copy[i], copy[j]) = (copy[j], copy[i]);
            }

            return copy.GetRange(0, count);
        }

        // ------------------------------------------------------------------ mutations

        /// <summary><paramref name="count"/> distinct mutations of the text, cycling through the
        /// kinds (a kind that does not apply, e.g. no literal, falls through to the next).</summary>
        public static List<Variant> Mutations(string text, ImmutableArray<LibraryName> libraryNames, int count, Random random)
        {
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();
            var arguments = root.DescendantNodes().OfType<ArgumentListSyntax>().Where(l => l.Arguments.Count > 0).ToList();
            var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
            var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

            var result = new List<Variant>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { text };
            if (tokens.Count == 0)
            {
                return result;
            }

            var attempts = 0;
            var kind = random.Next(MutationKinds.Length);
            while (result.Count < count && attempts < count * 20)
            {
                attempts++;
                kind = (kind + 1) % MutationKinds.Length;
                var variant = MutationKinds[kind] switch
                {
                    "delete-token" => DeleteToken(text, tokens, random),
                    "duplicate-token" => DuplicateToken(text, tokens, random),
                    "swap-tokens" => SwapTokens(text, tokens, random),
                    "delete-argument" => DeleteArgument(text, arguments, random),
                    "literal-to-identifier" => LiteralToIdentifier(text, literals, identifiers, random),
                    _ => NearMissRename(text, libraryNames, random),
                };

                if (variant != null && seen.Add(variant.Text))
                {
                    result.Add(variant);
                }
            }

            return result;
        }

        private static string Replace(string text, TextSpan span, string replacement)
            => text.Substring(0, span.Start) + replacement + text.Substring(span.End);

        private static string Describe(string text, TextSpan span)
        {
            var line = text.Take(span.Start).Count(c => c == '\n') + 1;
            var shown = text.Substring(span.Start, Math.Min(span.Length, 40)).Replace("\n", "\\n", StringComparison.Ordinal);
            return $"'{shown}' at offset {span.Start} (line {line})";
        }

        private static Variant DeleteToken(string text, List<SyntaxToken> tokens, Random random)
        {
            var token = tokens[random.Next(tokens.Count)];
            return new Variant("delete token " + Describe(text, token.Span), Replace(text, token.Span, string.Empty));
        }

        private static Variant DuplicateToken(string text, List<SyntaxToken> tokens, Random random)
        {
            var token = tokens[random.Next(tokens.Count)];
            return new Variant("duplicate token " + Describe(text, token.Span), Replace(text, token.Span, token.Text + " " + token.Text));
        }

        /// <summary>Half the time two neighbours (within 4 tokens), else any two tokens.</summary>
        private static Variant? SwapTokens(string text, List<SyntaxToken> tokens, Random random)
        {
            if (tokens.Count < 2)
            {
                return null;
            }

            var i = random.Next(tokens.Count);
            var j = random.Next(2) == 0
                ? Math.Clamp(i + random.Next(1, 5) * (random.Next(2) == 0 ? -1 : 1), 0, tokens.Count - 1)
                : random.Next(tokens.Count);
            if (i == j || tokens[i].Text == tokens[j].Text)
            {
                return null;
            }

            var (first, second) = i < j ? (tokens[i], tokens[j]) : (tokens[j], tokens[i]);
            var swapped = text.Substring(0, first.Span.Start) + second.Text
                + text.Substring(first.Span.End, second.Span.Start - first.Span.End) + first.Text + text.Substring(second.Span.End);
            return new Variant($"swap tokens {Describe(text, first.Span)} and {Describe(text, second.Span)}", swapped);
        }

        /// <summary>Removes one argument and one adjacent separator, so the rest still parses.</summary>
        private static Variant? DeleteArgument(string text, List<ArgumentListSyntax> lists, Random random)
        {
            if (lists.Count == 0)
            {
                return null;
            }

            var list = lists[random.Next(lists.Count)];
            var index = random.Next(list.Arguments.Count);
            var argument = list.Arguments[index];
            TextSpan span;
            if (list.Arguments.SeparatorCount == 0)
            {
                span = argument.Span;
            }
            else if (index < list.Arguments.SeparatorCount)
            {
                span = TextSpan.FromBounds(argument.Span.Start, list.Arguments.GetSeparator(index).FullSpan.End);
            }
            else
            {
                span = TextSpan.FromBounds(list.Arguments.GetSeparator(index - 1).Span.Start, argument.Span.End);
            }

            return new Variant("delete argument " + Describe(text, argument.Span), Replace(text, span, string.Empty));
        }

        /// <summary>Replaces a literal by an identifier of the file (a typed, non-constant value
        /// or a wrong type) or by an undeclared one (an error type).</summary>
        private static Variant? LiteralToIdentifier(string text, List<LiteralExpressionSyntax> literals, List<string> identifiers, Random random)
        {
            if (literals.Count == 0)
            {
                return null;
            }

            var literal = literals[random.Next(literals.Count)];
            var name = identifiers.Count > 0 && random.Next(2) == 0 ? identifiers[random.Next(identifiers.Count)] : "undeclaredValue";
            return new Variant($"replace literal {Describe(text, literal.Span)} with identifier '{name}'", Replace(text, literal.Span, name));
        }

        /// <summary>Renames a name bound to a TorchSharp/ML.NET member: to a member of the same type
        /// within edit distance 2 when there is one (Adam → AdamW, a real API), else to a typo.</summary>
        private static Variant? NearMissRename(string text, ImmutableArray<LibraryName> names, Random random)
        {
            if (names.IsDefaultOrEmpty)
            {
                return null;
            }

            var target = names[random.Next(names.Length)];
            var near = target.Siblings.Where(s => s != target.Name && EditDistance(s, target.Name) <= 2).ToList();
            string replacement;
            if (near.Count > 0 && random.Next(3) != 0)
            {
                replacement = near[random.Next(near.Count)];
            }
            else
            {
                replacement = Typo(target.Name, random);
            }

            return replacement == target.Name ? null
                : new Variant($"rename {Describe(text, target.Span)} to '{replacement}'", Replace(text, target.Span, replacement));
        }

        private static string Typo(string name, Random random)
        {
            var position = random.Next(name.Length);
            switch (random.Next(4))
            {
                case 0:
                    return name.Length > 1 ? name.Remove(position, 1) : name + "x";
                case 1:
                    return name.Insert(position, "x");
                case 2:
                    var c = name[position];
                    var flipped = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
                    return flipped == c ? name + "_" : name.Substring(0, position) + flipped + name.Substring(position + 1);
                default:
                    return position + 1 < name.Length
                        ? name.Substring(0, position) + name[position + 1] + name[position] + name.Substring(position + 2)
                        : name + "s";
            }
        }

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                previous = current;
            }

            return previous[b.Length];
        }

        /// <summary>The names in <paramref name="tree"/> that bind to members of TorchSharp or
        /// ML.NET: methods, constructed types, properties and fields.</summary>
        public static ImmutableArray<LibraryName> FindLibraryNames(SemanticModel model, SyntaxTree tree)
        {
            var result = ImmutableArray.CreateBuilder<LibraryName>();
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                {
                    symbol = constructor.ContainingType;
                }
                else if (!(symbol is IMethodSymbol || symbol is IPropertySymbol || symbol is IFieldSymbol))
                {
                    // Methods (the API calls), options' properties and fields; not namespaces or type names.
                    continue;
                }

                var assembly = symbol?.ContainingAssembly?.Name;
                if (symbol is null || assembly is null || !(assembly == "TorchSharp" || assembly.StartsWith("Microsoft.ML", StringComparison.Ordinal)))
                {
                    continue;
                }

                var container = symbol.ContainingType;
                var siblings = container is null
                    ? ImmutableArray<string>.Empty
                    : container.GetMembers().Select(m => m.Name).Where(n => SyntaxFacts.IsValidIdentifier(n)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray();
                if (symbol is INamedTypeSymbol type && type.ContainingNamespace != null && container is null)
                {
                    siblings = type.ContainingNamespace.GetTypeMembers().Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray();
                }

                result.Add(new LibraryName(name.Identifier.Span, name.Identifier.ValueText, siblings));
            }

            return result.ToImmutable();
        }

    }
}
