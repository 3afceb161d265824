using System.Collections.Generic;
using Decay.MLNet;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Hosting
{
    /// <summary>The one <see cref="AnalysisContext"/> setup for a set of rules: concurrent, no
    /// actions on generated code, and nothing registered for a compilation that references
    /// neither TorchSharp nor ML.NET.
    ///
    /// Generated code: the flags are <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>
    /// without <see cref="GeneratedCodeAnalysisFlags.Analyze"/>: Roslyn runs no action of ours on
    /// generated files or on members marked [GeneratedCode], and does not re-check each reported
    /// diagnostic (that check walks every token of a file on the first diagnostic reported in it;
    /// it was a fifth of Decay's time in the benchmark). Diagnostics a rule reports outside the
    /// member it analyses go through <see cref="Reporting"/>, which drops those that fall in a
    /// [GeneratedCode] member or a hidden region, as Roslyn's check would.</summary>
    internal static class RuleHost
    {
        public static void Initialize(AnalysisContext context, IReadOnlyList<DecayRule> rules)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var torch = TorchSharpContext.Get(start.Compilation);
                var mlnet = MLNetContext.Get(start.Compilation);
                if (torch is null && mlnet is null)
                {
                    return;
                }

                var registration = new RuleRegistration(start, torch, mlnet);
                foreach (var rule in rules)
                {
                    if (!RuleSeverity.IsSwitchedOff(rule, start.Compilation, start.CancellationToken))
                    {
                        rule.Register(registration);
                    }
                }

                registration.Complete();
            });
        }
    }
}
