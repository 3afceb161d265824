using System.Collections.Immutable;
using Decay.Hosting;
using Decay.MLNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY104: a regularization constant that ML.NET rejects when the trainer is
    /// created (negative or NaN L1/L2 on SDCA, L-BFGS, SGD options and LightGBM; AveragedPerceptron
    /// and OnlineGradientDescent L2 outside [0, 0.5); LinearSvm Lambda ≤ 0), rewrites silently (SGD
    /// options with LearningRate × L2 ≥ 1), or accepts although it makes training diverge (negative
    /// or NaN L2 on the SGD convenience overloads and on Symbolic SGD; η·λ ≥ 1 on the SGD
    /// convenience overloads, which validate nothing). The message says what happens at run time.</summary>
    public sealed class Decay104RegularizationRejectedOrRewrittenAnalyzer : MLNetAnalyzer
    {
        private const string Throws = "ML.NET throws when the trainer is created";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY104_RegularizationRejectedOrRewritten);

        internal override void OnCompilationStart(RuleRegistration context, MLNetContext mlnet)
            => RegisterOptionSiteActions(context, mlnet, Analyze);

        private static void Analyze(OperationAnalysisContext context, OptionSite site)
        {
            var message = Explain(site);
            if (message != null)
            {
                context.Report(Diagnostic.Create(Descriptors.DECAY104_RegularizationRejectedOrRewritten, site.Location, message));
            }
        }

        /// <summary>What ML.NET does with this value at run time, or null when the value is fine
        /// (or not a constant).</summary>
        internal static string? Explain(OptionSite site)
        {
            var value = site.Value;
            if (!value.IsNumber)
            {
                return null;
            }

            var v = value.Number;
            switch (site.Trainer, site.Option)
            {
                case (MLNetTrainer.Sdca, MLNetOption.L2):
                case (MLNetTrainer.Sdca, MLNetOption.L1):
                case (MLNetTrainer.Lbfgs, MLNetOption.L2):
                case (MLNetTrainer.Lbfgs, MLNetOption.L1):
                case (MLNetTrainer.LightGbmBooster, MLNetOption.L2):
                case (MLNetTrainer.LightGbmBooster, MLNetOption.L1):
                case (MLNetTrainer.LightGbm, MLNetOption.L2Categorical):
                    return v >= 0 ? null : $"{What(site)} must be non-negative: {Throws}";

                case (MLNetTrainer.AveragedLinear, MLNetOption.L2):
                    return v >= 0 && v < 0.5 ? null
                        : $"{What(site)} must be in [0, 0.5) (every update multiplies the weights by 1 − 2λ): {Throws}";

                case (MLNetTrainer.LinearSvm, MLNetOption.Lambda):
                    return v > 0 ? null : $"{What(site)} must be positive: {Throws}";

                case (MLNetTrainer.SymbolicSgd, MLNetOption.L2):
                    return NotValidated(site, v);

                case (MLNetTrainer.Sgd, MLNetOption.L2):
                    if (site.Form == OptionSiteForm.Argument)
                    {
                        return NotValidated(site, v) ?? SgdStep(site, lambda: value, eta: site.GetSibling(MLNetOption.LearningRate), lambdaWritten: true);
                    }

                    return v >= 0 ? SgdStep(site, lambda: value, eta: site.GetSibling(MLNetOption.LearningRate), lambdaWritten: true)
                        : $"{What(site)} must be non-negative: {Throws}";

                case (MLNetTrainer.Sgd, MLNetOption.LearningRate):
                    {
                        // Reported at λ when λ is written; here only when λ is left at its default.
                        var lambda = site.GetSibling(MLNetOption.L2);
                        return lambda.IsKnown && !lambda.IsWritten ? SgdStep(site, lambda.Value, eta: default, lambdaWritten: false) : null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>The option as written, for messages (built only when there is one to report).</summary>
        private static string What(OptionSite site)
            => site.Form == OptionSiteForm.Argument
                ? $"{site.TrainerName}'s {site.OptionName} = {site.Value.Text}"
                : $"{site.TrainerName}.{site.OptionName} = {site.Value.Text}";

        /// <summary>A negative or NaN L2 that nothing validates.</summary>
        private static string? NotValidated(OptionSite site, double v)
        {
            if (double.IsNaN(v))
            {
                return $"{What(site)} is not validated: the model's weights become NaN";
            }

            return v < 0 ? $"{What(site)} is not validated: negative L2 is anti-regularization, the weights grow every step" : null;
        }

        /// <summary>SGD's η·λ ≥ 1: the Options path rewrites η to 0.5/λ, the convenience overloads
        /// validate nothing (the first update scales the weights by 1 − η·λ ≤ 0).</summary>
        private static string? SgdStep(OptionSite site, OptionValue lambda, SiblingValue eta, bool lambdaWritten)
        {
            OptionValue learningRate;
            if (lambdaWritten)
            {
                if (!eta.IsKnown)
                {
                    return null;
                }

                // An omitted call argument carries its default; an options field not written in the
                // initializer keeps ML.NET's field initializer (not visible in metadata).
                learningRate = eta.IsWritten || site.Form == OptionSiteForm.Argument ? eta.Value : OptionValue.FromNumber(MLNetNames.SgdDefaultLearningRate);
            }
            else
            {
                learningRate = site.Value;
                if (site.Form != OptionSiteForm.Argument)
                {
                    lambda = OptionValue.FromNumber(MLNetNames.SgdDefaultL2);
                }
            }

            if (!learningRate.IsNumber || !lambda.IsNumber)
            {
                return null;
            }

            var product = learningRate.Number * lambda.Number;
            if (!(product >= 1))
            {
                return null;
            }

            var names = site.Form == OptionSiteForm.Argument ? "learningRate × l2Regularization" : "LearningRate × L2Regularization";
            var equation = $"{site.TrainerName}: {names} = {learningRate.Text} × {lambda.Text} = {MLNetFormat.Number(product)} ≥ 1";
            return site.Form == OptionSiteForm.Argument
                ? $"{equation}, and this overload validates nothing: the first update scales the weights by 1 − η·λ = {MLNetFormat.Number(1 - product)} (at exactly 1 the weights collapse to 0 and the model typically becomes NaN)"
                : $"{equation}: ML.NET silently replaces LearningRate by 0.5/λ = {MLNetFormat.Number(0.5 / lambda.Number)} when the trainer is created";
        }
    }
}
