using System.Collections.Generic;

namespace Decay.Testing
{
    /// <summary>The documents of a test (markup allowed) and the diagnostics expected in them
    /// beyond those the markup gives.</summary>
    public sealed class SolutionState
    {
        public List<(string FileName, string Markup)> Sources { get; } = new List<(string, string)>();

        public List<DiagnosticResult> ExpectedDiagnostics { get; } = new List<DiagnosticResult>();

        /// <summary>The contents of an .editorconfig at the project root, or null.</summary>
        public string? AnalyzerConfig { get; set; }

        public void AddSource(string markup) => Sources.Add(($"Test{Sources.Count}.cs", markup));
    }
}
