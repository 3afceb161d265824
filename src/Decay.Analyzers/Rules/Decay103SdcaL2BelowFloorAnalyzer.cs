using System.Collections.Immutable;
using Decay.Hosting;
using Decay.MLNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY103: an SDCA L2 (any of the five trainers, regression included) whose
    /// constant v satisfies 0 ≤ v and (float)v &lt; 1e-9. SDCA raises it to 1e-9 with only a log
    /// warning; it cannot train unregularized.</summary>
    public sealed class Decay103SdcaL2BelowFloorAnalyzer : MLNetAnalyzer
    {
        /// <summary>SDCA's floor for L2 (SdcaBinary.cs: values below it are set to it).</summary>
        internal const float Floor = 1e-9f;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY103_SdcaL2BelowFloor);

        internal override void OnCompilationStart(RuleRegistration context, MLNetContext mlnet)
        {
            if (!mlnet.Has(MLNetTrainer.Sdca))
            {
                return;
            }

            RegisterOptionSiteActions(context, mlnet, Analyze);
        }

        private static void Analyze(OperationAnalysisContext context, OptionSite site)
        {
            // The option is a float: compare as ML.NET does, after the conversion to float.
            if (site.Trainer != MLNetTrainer.Sdca || site.Option != MLNetOption.L2 || !site.Value.IsNumber
                || !(site.Value.Number >= 0) || !((float)site.Value.Number < Floor))
            {
                return;
            }

            context.Report(Diagnostic.Create(Descriptors.DECAY103_SdcaL2BelowFloor, site.Location, site.Value.Text));
        }
    }
}
