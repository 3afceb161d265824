using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.MLNet
{
    /// <summary>Base of every ML.NET rule: concurrent, skips generated code, and registers nothing
    /// for a compilation that does not reference ML.NET (TorchSharp is not needed).</summary>
    public abstract class MLNetAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var mlnet = MLNetContext.Get(start.Compilation);
                if (mlnet is null)
                {
                    return;
                }

                OnCompilationStart(start, mlnet);
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, MLNetContext mlnet);

        /// <summary>Calls <paramref name="analyze"/> for every option site: the explicit
        /// regularization arguments of convenience catalog calls (invocations) and the assignments
        /// to options fields (object-initializer members and statements).</summary>
        internal static void RegisterOptionSiteActions(CompilationStartAnalysisContext context, MLNetContext mlnet,
            Action<OperationAnalysisContext, OptionSite> analyze, bool invocations = true)
        {
            if (invocations && mlnet.StandardTrainersCatalog != null)
            {
                context.RegisterOperationAction(
                    ctx =>
                    {
                        foreach (var site in OptionSite.FromInvocation((IInvocationOperation)ctx.Operation, mlnet))
                        {
                            analyze(ctx, site);
                        }
                    },
                    OperationKind.Invocation);
            }

            context.RegisterOperationAction(
                ctx =>
                {
                    var site = OptionSite.FromAssignment((ISimpleAssignmentOperation)ctx.Operation, mlnet);
                    if (site != null)
                    {
                        analyze(ctx, site);
                    }
                },
                OperationKind.SimpleAssignment);
        }
    }
}
