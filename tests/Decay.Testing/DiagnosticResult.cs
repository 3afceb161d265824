using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Decay.Testing
{
    /// <summary>An expected diagnostic location: a markup key (<c>{|#n:…|}</c>), or a
    /// 1-based line/column span in a file.</summary>
    public readonly struct ExpectedLocation
    {
        public ExpectedLocation(int markupKey)
        {
            MarkupKey = markupKey;
            Path = null;
            StartLine = StartColumn = EndLine = EndColumn = 0;
        }

        public ExpectedLocation(string? path, int startLine, int startColumn, int endLine, int endColumn)
        {
            MarkupKey = null;
            Path = path;
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public int? MarkupKey { get; }
        public string? Path { get; }
        public int StartLine { get; }
        public int StartColumn { get; }

        /// <summary>0 when only the start is checked.</summary>
        public int EndLine { get; }
        public int EndColumn { get; }
    }

    /// <summary>An expected diagnostic, built like Microsoft.CodeAnalysis.Testing's: the first
    /// location is the primary one, the others are the diagnostic's additional locations.</summary>
    public sealed class DiagnosticResult
    {
        private DiagnosticResult(string id, DiagnosticSeverity? severity, ImmutableArray<ExpectedLocation> locations, object?[]? arguments, string? message)
        {
            Id = id;
            Severity = severity;
            Locations = locations;
            Arguments = arguments;
            Message = message;
        }

        public DiagnosticResult(string id, DiagnosticSeverity severity)
            : this(id, severity, ImmutableArray<ExpectedLocation>.Empty, null, null)
        {
        }

        public DiagnosticResult(DiagnosticDescriptor descriptor)
            : this(descriptor.Id, descriptor.DefaultSeverity)
        {
        }

        public string Id { get; }
        public DiagnosticSeverity? Severity { get; }
        public ImmutableArray<ExpectedLocation> Locations { get; }
        public object?[]? Arguments { get; }
        public string? Message { get; }

        public static DiagnosticResult CompilerError(string id) => new DiagnosticResult(id, DiagnosticSeverity.Error);

        public static DiagnosticResult CompilerWarning(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public DiagnosticResult WithLocation(int markupKey)
            => new DiagnosticResult(Id, Severity, Locations.Add(new ExpectedLocation(markupKey)), Arguments, Message);

        public DiagnosticResult WithLocation(int line, int column) => WithLocation(null, line, column);

        public DiagnosticResult WithLocation(string? path, int line, int column)
            => new DiagnosticResult(Id, Severity, Locations.Add(new ExpectedLocation(path, line, column, 0, 0)), Arguments, Message);

        public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn)
            => WithSpan(null, startLine, startColumn, endLine, endColumn);

        public DiagnosticResult WithSpan(string? path, int startLine, int startColumn, int endLine, int endColumn)
            => new DiagnosticResult(Id, Severity, Locations.Add(new ExpectedLocation(path, startLine, startColumn, endLine, endColumn)), Arguments, Message);

        public DiagnosticResult WithArguments(params object?[] arguments)
            => new DiagnosticResult(Id, Severity, Locations, arguments, Message);

        public DiagnosticResult WithMessage(string message)
            => new DiagnosticResult(Id, Severity, Locations, Arguments, message);

        public DiagnosticResult WithSeverity(DiagnosticSeverity severity)
            => new DiagnosticResult(Id, severity, Locations, Arguments, Message);

        public override string ToString()
        {
            var where = string.Join(", ", Locations.Select(l => l.MarkupKey is int key
                ? "#" + key.ToString(CultureInfo.InvariantCulture)
                : $"({l.StartLine},{l.StartColumn}{(l.EndLine > 0 ? $"-{l.EndLine},{l.EndColumn}" : string.Empty)})"));
            return $"{Id} {Severity} [{where}]" + (Message != null ? $" \"{Message}\"" : string.Empty)
                + (Arguments != null ? $" args({string.Join(", ", Arguments)})" : string.Empty);
        }
    }
}
