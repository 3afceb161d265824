using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Hosting
{
    /// <summary>Whether every diagnostic of a rule is switched off for the whole compilation, so
    /// the host need not run it (what Roslyn does for a whole analyzer whose diagnostics are all
    /// suppressed). Conservative: a rule is skipped only when each of its IDs is suppressed by the
    /// compilation's options (<c>NoWarn</c>, a rule set: these win over .editorconfig), or is not
    /// named there and every syntax tree's .editorconfig severity is <c>none</c>. Anything else
    /// (category-wide settings, a tree that leaves it on) runs the rule and leaves the filtering
    /// to Roslyn.</summary>
    internal static class RuleSeverity
    {
        public static bool IsSwitchedOff(DiagnosticAnalyzer rule, Compilation compilation, CancellationToken cancellationToken)
            => rule.SupportedDiagnostics.All(d => IsSwitchedOff(d, compilation, cancellationToken));

        public static bool IsSwitchedOff(DiagnosticDescriptor descriptor, Compilation compilation, CancellationToken cancellationToken)
        {
            if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific))
            {
                return specific == ReportDiagnostic.Suppress;
            }

            var provider = compilation.Options.SyntaxTreeOptionsProvider;
            if (provider is null || !compilation.SyntaxTrees.Any())
            {
                return false;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!provider.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var report) || report != ReportDiagnostic.Suppress)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
