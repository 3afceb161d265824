using Microsoft.CodeAnalysis;

namespace Decay
{
    /// <summary>The one registry of Decay's diagnostic descriptors. Each is built by
    /// <see cref="Create"/>, which sets the category, the default severity and the help link
    /// (the rule's page under docs/rules). Severity policy: Warning where a report is almost
    /// never wrong, Info for advice, Hidden for refactorings.</summary>
    public static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/decay-analyzers/decay/blob/main/docs/rules/";

        public static class Categories
        {
            public const string Regularization = "Regularization";
            public const string MLNet = "ML.NET";
        }

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, string category,
            DiagnosticSeverity severity, string description, params string[] customTags)
            => new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true,
                description: description, helpLinkUri: HelpLink(id), customTags: customTags);

        public static readonly DiagnosticDescriptor DECAY001_AdamWithWeightDecay = Create(
            DiagnosticIds.AdamWithWeightDecay,
            "Adam with weight_decay: AdamW was likely meant",
            "Adam's weight_decay ({0}) is L2 regularization added to the gradient, which Adam's adaptive step rescales; use AdamW for decoupled weight decay",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "TorchSharp's Adam adds weight_decay·θ to the gradient before the adaptive moments, so parameters with large gradients are barely regularized. AdamW shrinks the weights in the update itself (decoupled weight decay).");

        public static readonly DiagnosticDescriptor DECAY002_NonSquaredNormPenalty = Create(
            DiagnosticIds.NonSquaredNormPenalty,
            "Non-squared norm used as an L2 penalty",
            "'{0}' is the L2 norm, not its square: its gradient is θ/‖θ‖, so this penalty is not L2 regularization",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "An L2 penalty is the sum of squares of the parameters. The norm itself has gradient θ/‖θ‖, a push of constant size whatever the weights' magnitude.");

        public static readonly DiagnosticDescriptor DECAY003_L2AppliedTwice = Create(
            DiagnosticIds.L2AppliedTwice,
            "L2 regularization applied twice",
            "'{0}' is regularized twice: by the optimizer's weight_decay ({1}) and by an L2 penalty added to the loss",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "Every TorchSharp optimizer except AdamW adds weight_decay·θ to the gradient, which is exactly an L2 penalty. Adding a penalty to the loss as well doubles the regularization.");

        public static readonly DiagnosticDescriptor DECAY004_DecayOnBiasAndNorm = Create(
            DiagnosticIds.DecayOnBiasAndNorm,
            "Weight decay reaches bias and normalization parameters",
            "weight_decay ({0}) is applied to every parameter of '{1}', including its biases and normalization weights",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "Decaying biases and LayerNorm/BatchNorm gains pulls them toward zero for no benefit. Put parameters with fewer than 2 dimensions in a group with weight_decay = 0.");

        public static readonly DiagnosticDescriptor DECAY005_DetachedPenalty = Create(
            DiagnosticIds.DetachedPenalty,
            "Penalty detached from autograd regularizes nothing",
            "The penalty is detached from autograd by '{0}': it changes the loss value but not the gradient",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "A penalty converted to a number, detached, or computed under no_grad() has no gradient, so adding it to the loss regularizes nothing.");

        public static readonly DiagnosticDescriptor DECAY006_CoupledDecayInOtherOptimizer = Create(
            DiagnosticIds.CoupledDecayInOtherOptimizer,
            "Coupled weight decay in an adaptive optimizer or SGD with momentum",
            "{0}'s weight_decay ({1}) is L2 added to the gradient (coupled), not decoupled weight decay",
            Categories.Regularization, DiagnosticSeverity.Info,
            "In TorchSharp only AdamW decouples weight decay. Everywhere else weight_decay is added to the gradient, where adaptive scaling or momentum changes its effect.");

        public static readonly DiagnosticDescriptor DECAY007_AdamWWithoutWeightDecay = Create(
            DiagnosticIds.AdamWWithoutWeightDecay,
            "AdamW without weight_decay applies no decay",
            "AdamW's weight_decay defaults to {0} in TorchSharp (PyTorch's default is 0.01): {1}",
            Categories.Regularization, DiagnosticSeverity.Info,
            "Code ported from PyTorch relies on AdamW's default weight_decay of 0.01; TorchSharp's default is 0.");

        public static readonly DiagnosticDescriptor DECAY008_ParamGroupPinsDefaults = Create(
            DiagnosticIds.ParamGroupPinsDefaults,
            "ParamGroup constructor pins hyperparameters to its own defaults",
            "This {0}.ParamGroup constructor pins {1} to its own defaults, so the optimizer call's values are ignored for this group",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "The positional ParamGroup constructor writes every option explicitly, so the group does not inherit lr and the other options from the optimizer call.");

        public static readonly DiagnosticDescriptor DECAY009_PenaltyAsWeightDecay = Create(
            DiagnosticIds.PenaltyAsWeightDecay,
            "Manual L2 penalty can be the optimizer's weight_decay",
            "'{0}' in the loss has the same gradient as weight_decay: {1} on the optimizer",
            Categories.Regularization, DiagnosticSeverity.Hidden,
            "λ·Σθ² in the loss has gradient 2λθ, which is what weight_decay: 2λ adds in every TorchSharp optimizer except AdamW.");

        public static readonly DiagnosticDescriptor DECAY010_NormIntIsDimension = Create(
            DiagnosticIds.NormIntIsDimension,
            "norm(2) reduces along dimension 2, not the 2-norm",
            "'{0}' binds to the overload whose int argument is a dimension: it reduces along dimension {1}, not the {1}-norm",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "In TorchSharp the norm's exponent is a float parameter; an int literal binds to the dimension overload. Write 2f for the 2-norm.");

        public static readonly DiagnosticDescriptor DECAY011_RegularizerNeverReachesGradient = Create(
            DiagnosticIds.RegularizerNeverReachesGradient,
            "Regularization computed but never reaches the gradient",
            "Regularizer '{0}' is computed but never reaches the gradient: {1}",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "A regularizer only acts through the gradient of the tensor that .backward() is called on.");

        public static readonly DiagnosticDescriptor DECAY012_FrozenParametersStillDecayed = Create(
            DiagnosticIds.FrozenParametersStillDecayed,
            "Frozen parameters are still decayed",
            "These parameters are frozen after they had gradients: optimizer.zero_grad() zeroes gradients without clearing them and {0} skips only null gradients, so weight_decay ({1}) keeps shrinking the frozen weights",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "TorchSharp optimizers skip a parameter only when its gradient is null. A frozen parameter whose gradient was zeroed, not cleared, is still decayed every step.");

        public static readonly DiagnosticDescriptor DECAY013_MaximizeFlipsDecay = Create(
            DiagnosticIds.MaximizeFlipsDecay,
            "maximize with weight decay makes SGD weights grow",
            "TorchSharp's SGD negates the update after adding weight_decay ({0}), so with maximize the decay becomes growth; negate the loss instead",
            Categories.Regularization, DiagnosticSeverity.Warning,
            "TorchSharp's SGD applies maximize to the gradient after the decay term was added to it, unlike PyTorch.");

        public static readonly DiagnosticDescriptor DECAY101_SdcaL2AtOtherScale = Create(
            DiagnosticIds.SdcaL2AtOtherScale,
            "SDCA L2 regularization at another trainer's scale",
            "SDCA's L2Regularization multiplies an averaged loss and also regularizes the bias: {0} confines the whole model to ‖(w,b)‖ ≤ {1} (log-loss), squashing predictions toward the prior; values ≥ {2} are L-BFGS/LightGBM scales (L-BFGS divides its λ by the row count) and SDCA's automatic value is ≈2.7e-5",
            Categories.MLNet, DiagnosticSeverity.Warning,
            "SDCA's objective is mean loss + λ/2‖(w,b)‖², bias included, so λ ≥ 1 bounds the model to a tiny ball; L-BFGS's λ multiplies a summed loss (λ/n per example). Threshold: decay.DECAY101.max_l2 in .editorconfig (default 1).");

        public static readonly DiagnosticDescriptor DECAY102_SdcaL1IsThreshold = Create(
            DiagnosticIds.SdcaL1IsThreshold,
            "SDCA L1Regularization is a soft threshold (L1/L2), not an L1 weight",
            "SDCA's L1Regularization is a soft threshold t = L1/L2, not an L1 weight: {0}",
            Categories.MLNet, DiagnosticSeverity.Info,
            "SDCA's L1 term is λ·t·‖w‖₁, where t is the L1Regularization value and λ the L2 value.");

        public static readonly DiagnosticDescriptor DECAY103_SdcaL2BelowFloor = Create(
            DiagnosticIds.SdcaL2BelowFloor,
            "SDCA L2 below 1e-9 is silently raised to 1e-9",
            "SDCA needs a positive L2: {0} is replaced by 1e-9 with only a log warning, which makes the dual ill-conditioned (training usually runs to the iteration cap); omit it so SDCA chooses one (≈2.7e-5), or use L-BFGS with l1Regularization: 0, l2Regularization: 0 (or OLS) for an unregularized linear model",
            Categories.MLNet, DiagnosticSeverity.Warning,
            "SDCA cannot train unregularized; use L-BFGS with zero L1 and L2 or OLS for an unregularized linear model.");

        public static readonly DiagnosticDescriptor DECAY104_RegularizationRejectedOrRewritten = Create(
            DiagnosticIds.RegularizationRejectedOrRewritten,
            "Regularization constant that ML.NET rejects or silently rewrites",
            "{0}",
            Categories.MLNet, DiagnosticSeverity.Warning,
            "ML.NET validates some regularization options at trainer construction and silently rewrites or accepts others.");

        public static readonly DiagnosticDescriptor DECAY107_TorchSharpWeightDecayIsAdamL2 = Create(
            DiagnosticIds.TorchSharpWeightDecayIsAdamL2,
            "Microsoft.ML.TorchSharp WeightDecay is Adam's coupled L2 on every parameter",
            "ML.NET passes WeightDecay ({0}) to torch.optim.Adam: coupled L2, not AdamW, on all trainable tensors including biases and LayerNorm; AdamW-tuned values such as 0.01 act far more weakly here",
            Categories.MLNet, DiagnosticSeverity.Info,
            "AdamW-tuned values such as 0.01 act far more weakly as Adam's coupled L2.");
    }
}
