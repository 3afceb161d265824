namespace Decay.MLNet
{
    /// <summary>The trainer families whose regularization options Decay reads.</summary>
    internal enum MLNetTrainer
    {
        Sdca,
        Lbfgs,
        Sgd,

        /// <summary>AveragedPerceptron and OnlineGradientDescent (AveragedLinearOptions).</summary>
        AveragedLinear,
        LinearSvm,
        SymbolicSgd,

        /// <summary>BoosterParameterBase+OptionsBase (GradientBooster, DartBooster, GossBooster).</summary>
        LightGbmBooster,

        /// <summary>LightGbmTrainerBase`4+OptionsBase (the trainer's own options).</summary>
        LightGbm,

        /// <summary>Microsoft.ML.TorchSharp's TorchSharpBaseTrainer+Options.</summary>
        TorchSharp,
    }

    /// <summary>What an SDCA site trains; Unknown when the static type does not say (an options
    /// object typed as the generic base, or a catalog receiver that does not resolve).</summary>
    internal enum SdcaTask
    {
        Unknown,
        Classification,
        Regression,
    }

    /// <summary>The option a site sets.</summary>
    internal enum MLNetOption
    {
        L2,
        L1,
        LearningRate,
        Lambda,
        L2Categorical,
        WeightDecay,
    }

    /// <summary>How the value is written.</summary>
    internal enum OptionSiteForm
    {
        /// <summary>An argument of a convenience catalog call (<c>l2Regularization: 1f</c>).</summary>
        Argument,

        /// <summary>A member of an object initializer (<c>new X.Options { L2Regularization = 1 }</c>).</summary>
        Initializer,

        /// <summary>Any other assignment, normally a statement (<c>opts.L2Regularization = 1;</c>).</summary>
        Assignment,
    }
}
