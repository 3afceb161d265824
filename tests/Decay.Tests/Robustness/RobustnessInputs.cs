using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.Tests.Robustness
{
    /// <summary>One file the robustness suite analyzes and mutates, with the files it compiles
    /// beside (the other files of a sample project; none for test sources and doc snippets).</summary>
    public sealed class RobustnessInput
    {
        public RobustnessInput(string name, string text, ImmutableArray<(string Name, string Text)> context)
        {
            Name = name;
            Text = text;
            Context = context;
        }

        /// <summary>Where it came from: a repository path, with the line of the literal or snippet.</summary>
        public string Name { get; }

        public string Text { get; }

        public ImmutableArray<(string Name, string Text)> Context { get; }

        public override string ToString() => Name;
    }

    /// <summary>Collects the suite's inputs from the repository, so that every rule merged in is
    /// covered without editing the suite: the C# sources in the tests' string literals (markup
    /// stripped; those that mention TorchSharp or Microsoft.ML), every .cs file under samples/,
    /// and every C# snippet of docs/rules (statements wrapped in a method, members in a class).</summary>
    public static class RobustnessInputs
    {
        /// <summary>The usings a doc snippet gets; unresolved ones (no ML.NET model yet) are just
        /// compile errors, which the suite tolerates in its inputs.</summary>
        internal const string SnippetUsings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using Microsoft.ML;
            using Microsoft.ML.Data;
            using Microsoft.ML.Trainers;
            using Microsoft.ML.Trainers.LightGbm;
            using Microsoft.ML.TorchSharp.NasBert;
            using Microsoft.ML.TorchSharp.Roberta;
            using Microsoft.ML.TorchSharp.AutoFormerV2;

            """;

        private static readonly string[] LibraryMarkers = { "TorchSharp", "Microsoft.ML" };

        public static ImmutableArray<RobustnessInput> Collect(string repoRoot)
        {
            var inputs = new List<RobustnessInput>();
            inputs.AddRange(FromTests(repoRoot));
            inputs.AddRange(FromSamples(repoRoot));
            inputs.AddRange(FromDocs(repoRoot));

            // The expected and the fixed source of a test are often equal; analyze each text once.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return inputs.Where(i => seen.Add(i.Text)).ToImmutableArray();
        }

        private static IEnumerable<string> SourceFiles(string directory, string pattern)
            => Directory.Exists(directory)
                ? Directory.GetFiles(directory, pattern, SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(f))
                    .OrderBy(f => f, StringComparer.Ordinal)
                : Enumerable.Empty<string>();

        private static bool IsBuildOutput(string path)
        {
            var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return parts.Contains("bin") || parts.Contains("obj");
        }

        private static string Relative(string repoRoot, string path) => Path.GetRelativePath(repoRoot, path).Replace('\\', '/');

        // ------------------------------------------------------------------ tests

        /// <summary>C# sources written as raw or verbatim string literals in tests/Decay.Tests
        /// (the suite's own engine excluded; its regression tests included).</summary>
        internal static IEnumerable<RobustnessInput> FromTests(string repoRoot)
        {
            var testsDirectory = Path.Combine(repoRoot, "tests", "Decay.Tests");
            var engineDirectory = Path.Combine(testsDirectory, "Robustness") + Path.DirectorySeparatorChar;
            foreach (var file in SourceFiles(testsDirectory, "*.cs"))
            {
                if (file.StartsWith(engineDirectory, StringComparison.Ordinal))
                {
                    continue;
                }

                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    var isSourceLiteral = token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                        || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                        || (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith("@", StringComparison.Ordinal));
                    if (!isSourceLiteral)
                    {
                        continue;
                    }

                    var text = StripMarkup(token.ValueText);
                    if (IsLibrarySource(text))
                    {
                        var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        yield return new RobustnessInput($"{Relative(repoRoot, file)}:{line}", text, ImmutableArray<(string, string)>.Empty);
                    }
                }
            }
        }

        internal static string StripMarkup(string text)
        {
            try
            {
                return MarkupParser.Parse(text).Source;
            }
            catch (FormatException)
            {
                return text;
            }
        }

        /// <summary>A C# file that uses TorchSharp or ML.NET, as opposed to an expected message
        /// that merely names them.</summary>
        private static bool IsLibrarySource(string text)
        {
            if (!LibraryMarkers.Any(m => text.Contains(m, StringComparison.Ordinal)))
            {
                return false;
            }

            var root = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
            return root.Usings.Count > 0
                || root.Members.Any(m => m is BaseNamespaceDeclarationSyntax || m is BaseTypeDeclarationSyntax)
                || (root.Members.OfType<GlobalStatementSyntax>().Any() && text.Contains(';', StringComparison.Ordinal));
        }

        // ------------------------------------------------------------------ samples

        /// <summary>Every .cs file under samples/, compiled with the other files of its project.</summary>
        internal static IEnumerable<RobustnessInput> FromSamples(string repoRoot)
        {
            var samples = Path.Combine(repoRoot, "samples");
            foreach (var project in SourceFiles(samples, "*.csproj"))
            {
                var directory = Path.GetDirectoryName(project)!;
                var files = SourceFiles(directory, "*.cs").Select(f => (Name: Relative(repoRoot, f), Text: File.ReadAllText(f))).ToList();
                foreach (var file in files)
                {
                    yield return new RobustnessInput(file.Name, file.Text, files.Where(f => f.Name != file.Name).ToImmutableArray());
                }
            }
        }

        // ------------------------------------------------------------------ docs

        private static readonly Regex Fence = new Regex(@"^```(csharp|cs|c#)\s*$(?<body>.*?)^```\s*$",
            RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <summary>Every ```csharp snippet of docs/rules/*.md, made into a file.</summary>
        internal static IEnumerable<RobustnessInput> FromDocs(string repoRoot)
        {
            var docs = Path.Combine(repoRoot, "docs", "rules");
            if (!Directory.Exists(docs))
            {
                yield break;
            }

            foreach (var file in Directory.GetFiles(docs, "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                var markdown = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
                foreach (Match match in Fence.Matches(markdown))
                {
                    var body = match.Groups["body"].Value.Trim('\n');
                    var line = markdown.Take(match.Index).Count(c => c == '\n') + 1;
                    yield return new RobustnessInput($"{Relative(repoRoot, file)}:{line}", SnippetToFile(body), ImmutableArray<(string, string)>.Empty);
                }
            }
        }

        /// <summary>Type declarations stay as they are; members go in a class; statements go in a
        /// method with the parameters the docs' snippets use (<c>model</c>, <c>mlContext</c>);
        /// statements followed by types stay a top-level program. The snippet's own usings move
        /// to the top, after the usual ones.</summary>
        internal static string SnippetToFile(string snippet)
        {
            var root = CSharpSyntaxTree.ParseText(snippet).GetCompilationUnitRoot();
            var usings = root.Usings.Count > 0 ? root.Usings.ToFullString() : string.Empty;
            var bodyStart = root.Usings.Count > 0 ? root.Usings.Last().FullSpan.End : 0;
            var body = snippet.Substring(Math.Min(bodyStart, snippet.Length));
            var header = SnippetUsings + usings;
            if (!header.EndsWith('\n'))
            {
                header += "\n";
            }

            var members = root.Members;
            var statements = members.OfType<GlobalStatementSyntax>().ToList();
            var types = members.Where(m => m is BaseNamespaceDeclarationSyntax || m is BaseTypeDeclarationSyntax || m is DelegateDeclarationSyntax).ToList();
            var classMembers = members.Count - statements.Count - types.Count;
            var onlyLocalFunctions = statements.Count > 0 && statements.All(s => s.Statement is LocalFunctionStatementSyntax);

            var builder = new StringBuilder(header);
            if (statements.Count == 0 && classMembers == 0)
            {
                builder.Append(body);
            }
            else if (classMembers > 0 || onlyLocalFunctions)
            {
                builder.Append("class Snippet\n{\n").Append(body).Append("\n}\n");
            }
            else if (types.Count == 0)
            {
                builder.Append("class Snippet\n{\n    void Run(nn.Module<Tensor, Tensor> model, MLContext mlContext)\n    {\n")
                    .Append(body).Append("\n    }\n}\n");
            }
            else
            {
                builder.Append(body);
            }

            return builder.ToString();
        }
    }
}
