using System.Collections.Immutable;
using Decay.Hosting;
using Decay.MLNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY107: a non-zero constant written to <c>WeightDecay</c> on the options of a
    /// Microsoft.ML.TorchSharp NAS-BERT trainer (text classification, sentence similarity, NER)
    /// or of RoBERTa question answering: ML.NET passes it to <c>torch.optim.Adam</c>, coupled L2
    /// on every trainable tensor. Silent for the object-detection trainer (its own WeightDecay
    /// field, plain SGD), for a receiver typed only as the base options class, and for the
    /// implicit defaults.</summary>
    public sealed class Decay107TorchSharpWeightDecayIsAdamL2Analyzer : MLNetAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY107_TorchSharpWeightDecayIsAdamL2);

        internal override void OnCompilationStart(RuleRegistration context, MLNetContext mlnet)
        {
            if (!mlnet.HasNasBertTrainers)
            {
                return;
            }

            RegisterOptionSiteActions(context, mlnet, (ctx, site) => Analyze(ctx, site, mlnet), invocations: false);
        }

        private static void Analyze(OperationAnalysisContext context, OptionSite site, MLNetContext mlnet)
        {
            if (site.Trainer != MLNetTrainer.TorchSharp || site.Option != MLNetOption.WeightDecay
                || !site.Value.IsNumber || site.Value.IsZero || site.Value.IsNaN
                || !mlnet.IsNasBertOptions(site.ReceiverType))
            {
                return;
            }

            context.Report(Diagnostic.Create(Descriptors.DECAY107_TorchSharpWeightDecayIsAdamL2, site.Location, site.Value.Text));
        }
    }
}
