using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Bench
{
    /// <summary>Profiling (<c>--floor</c>): an analyzer that registers an empty operation action on
    /// the operation kinds Decay's host looks at (invocations, object creations, simple
    /// assignments) and does nothing else. Its time is what Roslyn charges any analyzer for a
    /// callback per such operation: the floor under Decay's own time. Not a [DiagnosticAnalyzer]:
    /// only the bench adds it, never reflection.</summary>
#pragma warning disable RS1001 // A bench-only analyzer: added by hand, not found by reflection.
    internal sealed class FloorAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Never reported: no release tracking.
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "FLOOR001", "Floor", "Floor", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
                start.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment));
        }
    }
}
