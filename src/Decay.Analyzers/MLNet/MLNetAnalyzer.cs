using System;
using Decay.Hosting;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.MLNet
{
    /// <summary>Base of every ML.NET rule: registers nothing for a compilation that does not
    /// reference ML.NET (TorchSharp is not needed).</summary>
    public abstract class MLNetAnalyzer : DecayRule
    {
        internal sealed override void Register(RuleRegistration registration)
        {
            if (registration.MLNet is MLNetContext mlnet)
            {
                OnCompilationStart(registration, mlnet);
            }
        }

        internal abstract void OnCompilationStart(RuleRegistration context, MLNetContext mlnet);

        /// <summary>Calls <paramref name="analyze"/> for every option site: the explicit
        /// regularization arguments of convenience catalog calls (invocations) and the assignments
        /// to options fields (object-initializer members and statements). The host builds each
        /// site once for every ML.NET rule.</summary>
        internal static void RegisterOptionSiteActions(RuleRegistration context, MLNetContext mlnet,
            Action<OperationAnalysisContext, OptionSite> analyze, bool invocations = true)
            => context.RegisterOptionSiteAction(analyze, invocations);
    }
}
