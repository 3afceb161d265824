using System.Collections.Immutable;
using Decay.Hosting;
using Decay.MLNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY102: an SDCA L1 (classification or regression) that is not the constant 0
    /// or null. SDCA's L1Regularization is a soft threshold t = L1/L2: the L1 term of the
    /// objective is λ·t·‖w‖₁. The message computes the effective L1 weight t·λ when the call or
    /// initializer shows λ. Negative and NaN constants are DECAY104's.</summary>
    public sealed class Decay102SdcaL1IsThresholdAnalyzer : MLNetAnalyzer
    {
        /// <summary>SDCA's automatic L2 for classification on typical data (mlnet-api.md §1).</summary>
        internal const double TypicalAutomaticL2 = 2.7e-5;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY102_SdcaL1IsThreshold);

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
            if (site.Trainer != MLNetTrainer.Sdca || site.Option != MLNetOption.L1)
            {
                return;
            }

            var t = site.Value;
            if (t.IsNull || t.IsZero || (t.IsNumber && (double.IsNaN(t.Number) || t.Number < 0)))
            {
                return;
            }

            context.Report(Diagnostic.Create(Descriptors.DECAY102_SdcaL1IsThreshold, site.Location, Explain(site)));
        }

        /// <summary>The effective L1 weight t·λ, as far as the call or initializer shows λ.</summary>
        internal static string Explain(OptionSite site)
        {
            const string Shrink = "; SDCA shrinks every weight (and the bias) by t and zeroes it when within t of 0";
            var t = site.Value;
            var tText = t.IsNumber ? t.Text : "t";
            var l2 = site.GetSibling(MLNetOption.L2);
            if (l2.IsKnown && l2.Value.IsNumber && l2.Value.Number > 0)
            {
                var lambda = l2.Value;
                return t.IsNumber
                    ? $"with L2 = {lambda.Text} the effective L1 weight is t × λ = {tText} × {lambda.Text} = {MLNetFormat.Number(t.Number * lambda.Number)}{Shrink}"
                    : $"with L2 = {lambda.Text} the effective L1 weight is t × {lambda.Text}{Shrink}";
            }

            var automatic = l2.IsKnown && (l2.Value.IsNull || (!l2.IsWritten && !l2.Value.IsConstant));
            if (automatic && site.SdcaTask == SdcaTask.Classification)
            {
                return t.IsNumber
                    ? $"if L2 is left to SDCA (≈2.7e-5 on typical data) the effective L1 weight is only ≈ {tText} × 2.7e-5 = {MLNetFormat.Number(t.Number * TypicalAutomaticL2)}{Shrink}"
                    : $"if L2 is left to SDCA (≈2.7e-5 on typical data) the effective L1 weight is only ≈ t × 2.7e-5{Shrink}";
            }

            if (automatic && site.SdcaTask == SdcaTask.Regression)
            {
                return $"if L2 is left to SDCA (1e-4 to 1e-2, by row count) the effective L1 weight is {tText} × that{Shrink}";
            }

            return $"the effective L1 weight is t × L2 = {tText} × L2Regularization{Shrink}";
        }
    }
}
