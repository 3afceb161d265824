using System;
using System.Collections.Immutable;
using Decay.Hosting;
using Decay.MLNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY101: a classification-SDCA L2 (convenience argument, options initializer
    /// member or assignment) whose constant is at least <c>decay.DECAY101.max_l2</c> (default 1).
    /// SDCA's λ multiplies an averaged loss and regularizes the bias too, so values at L-BFGS or
    /// LightGBM scale confine the whole model to a tiny ball. Regression SDCA is silent: its bound
    /// depends on the label scale.</summary>
    public sealed class Decay101SdcaL2AtOtherScaleAnalyzer : MLNetAnalyzer
    {
        /// <summary>The .editorconfig option: <c>decay.DECAY101.max_l2 = 0.1</c>.</summary>
        public const string MaxL2OptionName = "max_l2";

        public const double DefaultMaxL2 = 1;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY101_SdcaL2AtOtherScale);

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
            if (!site.IsClassificationSdca || site.Option != MLNetOption.L2 || !site.Value.IsNumber || !(site.Value.Number > 0))
            {
                return;
            }

            var threshold = RuleOptions.GetPositiveDouble(context.Options, context.Operation.Syntax.SyntaxTree,
                DiagnosticIds.SdcaL2AtOtherScale, MaxL2OptionName, DefaultMaxL2);
            var lambda = site.Value.Number;
            if (lambda < threshold)
            {
                return;
            }

            context.Report(Diagnostic.Create(
                Descriptors.DECAY101_SdcaL2AtOtherScale,
                site.Location,
                site.Value.Text,
                MLNetFormat.Number(LogLossBound(lambda)),
                MLNetFormat.Number(threshold)));
        }

        /// <summary>At the optimum, λ/2·‖(w,b)‖² ≤ objective(w*) ≤ objective(0) = log 2 (the mean
        /// log-loss of the zero model), so ‖(w,b)‖ ≤ √(2·ln 2 / λ).</summary>
        internal static double LogLossBound(double lambda) => Math.Sqrt(2 * Math.Log(2) / lambda);
    }
}
