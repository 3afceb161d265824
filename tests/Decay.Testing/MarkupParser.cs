using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Testing
{
    /// <summary>One span marked in test source: <c>[|…|]</c> (the analyzer's only diagnostic),
    /// <c>{|DECAY001:…|}</c> (a diagnostic with that ID) or <c>{|#0:…|}</c> (a location referenced
    /// by <see cref="DiagnosticResult.WithLocation(int)"/>).</summary>
    public sealed class MarkupSpan
    {
        public MarkupSpan(string? id, int? key, TextSpan span)
        {
            Id = id;
            Key = key;
            Span = span;
        }

        /// <summary>The diagnostic ID, or null for <c>[|…|]</c> and <c>{|#n:…|}</c>.</summary>
        public string? Id { get; }

        /// <summary>n of <c>{|#n:…|}</c>.</summary>
        public int? Key { get; }

        public TextSpan Span { get; }

        public bool IsPlain => Id is null && Key is null;
    }

    /// <summary>Parses Microsoft.CodeAnalysis.Testing-style markup. Markers may nest. A literal
    /// <c>[|</c> cannot be written in test source (none of our tests need one).</summary>
    public static class MarkupParser
    {
        public static (string Source, IReadOnlyList<MarkupSpan> Spans) Parse(string markup)
        {
            var output = new StringBuilder(markup.Length);
            var spans = new List<MarkupSpan>();
            var open = new Stack<(string? Id, int? Key, int Start, bool Brace)>();
            var i = 0;
            while (i < markup.Length)
            {
                if (Starts(markup, i, "[|"))
                {
                    open.Push((null, null, output.Length, false));
                    i += 2;
                }
                else if (Starts(markup, i, "|]"))
                {
                    if (open.Count == 0 || open.Peek().Brace)
                    {
                        throw new FormatException($"Unbalanced '|]' at offset {i} of the test markup.");
                    }

                    var start = open.Pop();
                    spans.Add(new MarkupSpan(null, null, TextSpan.FromBounds(start.Start, output.Length)));
                    i += 2;
                }
                else if (Starts(markup, i, "{|"))
                {
                    var colon = markup.IndexOf(':', i + 2);
                    if (colon < 0)
                    {
                        throw new FormatException($"'{{|' without ':' at offset {i} of the test markup.");
                    }

                    var label = markup.Substring(i + 2, colon - i - 2);
                    if (label.StartsWith("#", StringComparison.Ordinal))
                    {
                        open.Push((null, int.Parse(label.Substring(1), System.Globalization.CultureInfo.InvariantCulture), output.Length, true));
                    }
                    else
                    {
                        open.Push((label, null, output.Length, true));
                    }

                    i = colon + 1;
                }
                else if (Starts(markup, i, "|}"))
                {
                    if (open.Count == 0 || !open.Peek().Brace)
                    {
                        throw new FormatException($"Unbalanced '|}}' at offset {i} of the test markup.");
                    }

                    var start = open.Pop();
                    spans.Add(new MarkupSpan(start.Id, start.Key, TextSpan.FromBounds(start.Start, output.Length)));
                    i += 2;
                }
                else
                {
                    output.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException("Unclosed markup span in the test source.");
            }

            spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return (output.ToString(), spans);
        }

        private static bool Starts(string text, int index, string token)
            => index + token.Length <= text.Length && string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
    }
}
