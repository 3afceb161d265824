using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Decay.Bench
{
    /// <summary>A named group of analyzers found by reflection: every concrete
    /// <see cref="DiagnosticAnalyzer"/> that carries [DiagnosticAnalyzer] for C# and has a public
    /// parameterless constructor, which is what the compiler loads from an analyzer assembly. So
    /// every Decay rule merged into Decay.Analyzers is measured without touching the bench.</summary>
    internal sealed class AnalyzerSet
    {
        private AnalyzerSet(string name, string version, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            Name = name;
            Version = version;
            Analyzers = analyzers;
            Set = analyzers.ToImmutableHashSet<DiagnosticAnalyzer>();
        }

        public string Name { get; }
        public string Version { get; }
        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }
        public ImmutableHashSet<DiagnosticAnalyzer> Set { get; }

        public IEnumerable<string> DiagnosticIds
            => Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal);

        public bool Contains(DiagnosticAnalyzer analyzer) => Set.Contains(analyzer);

        /// <summary>No analyzers (the NetAnalyzers side of a <c>--decay-only</c> profile run).</summary>
        public static AnalyzerSet Empty(string name) => new AnalyzerSet(name, "-", ImmutableArray<DiagnosticAnalyzer>.Empty);

        /// <summary>Profiling: instead of the one analyzer the compiler loads (DecayAnalyzer, every
        /// rule behind one registration), each rule that reports one of <paramref name="ids"/> run as
        /// its own analyzer (<c>all</c>: every rule), for a per-rule breakdown. Each rule alone pays
        /// what the host shares (callbacks, the shared models), so the sum exceeds the host's time.</summary>
        public AnalyzerSet Only(IReadOnlyList<string>? ids)
        {
            if (ids is null)
            {
                return this;
            }

            var rules = global::Decay.DecayAnalyzer.CreateRules()
                .Where(r => ids.Contains("all", StringComparer.OrdinalIgnoreCase) || r.SupportedDiagnostics.Any(d => ids.Contains(d.Id, StringComparer.OrdinalIgnoreCase)))
                .Cast<DiagnosticAnalyzer>();
            return new AnalyzerSet(Name, Version, rules.ToImmutableArray());
        }

        /// <summary>This set and <paramref name="extra"/> (profiling: <see cref="FloorAnalyzer"/>).</summary>
        public AnalyzerSet With(DiagnosticAnalyzer extra) => new AnalyzerSet(Name, Version, Analyzers.Add(extra));

        /// <summary>Decay's analyzers, from the Decay.Analyzers assembly the bench references.</summary>
        public static AnalyzerSet Decay()
        {
            var assembly = Assembly.Load(new AssemblyName("Decay.Analyzers"));
            return new AnalyzerSet("Decay", VersionOf(assembly), FromAssemblies(new[] { assembly }));
        }

        /// <summary>Microsoft.CodeAnalysis.NetAnalyzers, from the package's analyzers/dotnet/cs dlls
        /// that the build copies to NetAnalyzers/ beside the bench.</summary>
        public static AnalyzerSet NetAnalyzers()
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "NetAnalyzers");
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.dll") : Array.Empty<string>();
            if (files.Length == 0)
            {
                throw new FileNotFoundException("The NetAnalyzers dlls were not copied beside the bench (PackageReference Microsoft.CodeAnalysis.NetAnalyzers).", directory);
            }

            Array.Sort(files, StringComparer.Ordinal);
            var assemblies = files.Select(Assembly.LoadFrom).ToList();
            var main = assemblies.FirstOrDefault(a => a.GetName().Name == "Microsoft.CodeAnalysis.NetAnalyzers") ?? assemblies[0];
            return new AnalyzerSet("NetAnalyzers", VersionOf(main), FromAssemblies(assemblies));
        }

        private static ImmutableArray<DiagnosticAnalyzer> FromAssemblies(IEnumerable<Assembly> assemblies)
        {
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (var assembly in assemblies)
            {
                foreach (var type in LoadableTypes(assembly).Where(IsCSharpAnalyzer).OrderBy(t => t.FullName, StringComparer.Ordinal))
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
            }

            return analyzers.ToImmutable();
        }

        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t != null).Cast<Type>();
            }
        }

        private static bool IsCSharpAnalyzer(Type type)
            => type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) != null
                && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>(inherit: false).Any(a => a.Languages.Contains(LanguageNames.CSharp));

        private static string VersionOf(Assembly assembly)
        {
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (informational is null)
            {
                return assembly.GetName().Version?.ToString() ?? "?";
            }

            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        /// <summary>True when the analyzer registered any action beyond its compilation-start
        /// callback: it did work on this compilation. (An analyzer whose compilation start finds
        /// nothing to look at, as Decay without TorchSharp, registers nothing else.)</summary>
        public static bool RegisteredWork(AnalyzerTelemetryInfo info)
            => info.CompilationActionsCount + info.CompilationEndActionsCount + info.SyntaxTreeActionsCount
                + info.AdditionalFileActionsCount + info.SemanticModelActionsCount + info.SymbolActionsCount
                + info.SymbolStartActionsCount + info.SymbolEndActionsCount + info.SyntaxNodeActionsCount
                + info.CodeBlockStartActionsCount + info.CodeBlockEndActionsCount + info.CodeBlockActionsCount
                + info.OperationActionsCount + info.OperationBlockStartActionsCount + info.OperationBlockEndActionsCount
                + info.OperationBlockActionsCount > 0;
    }
}
