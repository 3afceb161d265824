using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Decay.Tests.EndToEnd
{
    /// <summary>A Decay diagnostic as a build reports it: the file (relative to the project
    /// folder, '/'-separated), 1-based line and column, severity word and ID.</summary>
    public sealed record ReportedDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        /// <summary>What two builds of the same code must agree on.</summary>
        public (string File, int Line, int Column, string Id) Key => (File, Line, Column, Id);

        public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
    }

    /// <summary>Reads Decay's diagnostics from what a build prints (MSBuild's canonical
    /// <c>file(line,col): warning ID: message [project]</c> lines) and from the SARIF log the
    /// compiler writes with <c>-p:ErrorLog=...</c>.</summary>
    public static class ReportedDiagnostics
    {
        private static readonly Regex CanonicalLine = new Regex(
            @"^\s*(?<file>\S.*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<sev>warning|error|info) (?<id>DECAY\d{3}): (?<msg>.*?)(?: \[(?<proj>[^\[\]]+)\])?\s*$",
            RegexOptions.CultureInvariant);

        /// <summary>The distinct Decay diagnostics in build output (MSBuild prints each warning
        /// twice: as it happens and in the summary).</summary>
        public static IReadOnlyList<ReportedDiagnostic> FromBuildOutput(IEnumerable<string> lines, string projectDirectory)
            => lines.Select(l => CanonicalLine.Match(l))
                .Where(m => m.Success)
                .Select(m => new ReportedDiagnostic(
                    Relative(m.Groups["file"].Value, projectDirectory),
                    int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    m.Groups["sev"].Value,
                    m.Groups["id"].Value,
                    m.Groups["msg"].Value))
                .Distinct()
                .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

        /// <summary>The path of <paramref name="file"/> relative to <paramref name="directory"/>,
        /// with '/' separators; relative paths are taken as they are.</summary>
        public static string Relative(string file, string directory)
            => (Path.IsPathRooted(file) ? Path.GetRelativePath(directory, file) : file).Replace('\\', '/');

        /// <summary>Reads a SARIF log: its version, the Decay results and every rule the tool
        /// described (ID → helpUri, null when absent).</summary>
        public static SarifLog ReadSarif(string path, string projectDirectory)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
            var schema = root.TryGetProperty("$schema", out var s) ? s.GetString() : null;
            var results = new List<ReportedDiagnostic>();
            var rules = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var run in root.GetProperty("runs").EnumerateArray())
            {
                if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var ruleArray))
                {
                    foreach (var rule in ruleArray.EnumerateArray())
                    {
                        rules[rule.GetProperty("id").GetString()!] = rule.TryGetProperty("helpUri", out var helpUri) ? helpUri.GetString() : null;
                    }
                }

                if (!run.TryGetProperty("results", out var resultArray))
                {
                    continue;
                }

                foreach (var result in resultArray.EnumerateArray())
                {
                    var id = result.GetProperty("ruleId").GetString()!;
                    if (!id.StartsWith("DECAY", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    var file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                    var region = location.GetProperty("region");
                    results.Add(new ReportedDiagnostic(
                        Relative(file, projectDirectory),
                        region.GetProperty("startLine").GetInt32(),
                        region.GetProperty("startColumn").GetInt32(),
                        result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                        id,
                        result.GetProperty("message").GetProperty("text").GetString()!));
                }
            }

            return new SarifLog(version, schema, results, rules);
        }
    }

    public sealed record SarifLog(string? Version, string? Schema, IReadOnlyList<ReportedDiagnostic> Results, IReadOnlyDictionary<string, string?> Rules);
}
