using Microsoft.ML.Data;

namespace Microsoft.ML.Trainers
{
    public abstract class StochasticTrainerBase<TTransformer, TModel> : TrainerEstimatorBase<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
    {
        private protected StochasticTrainerBase() { }
    }

    public abstract class LinearTrainerBase<TTransformer, TModel> : TrainerEstimatorBase<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
    {
        private protected LinearTrainerBase() { }
    }

    public abstract class SdcaTrainerBase<TOptions, TTransformer, TModel> : StochasticTrainerBase<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
        where TOptions : SdcaTrainerBase<TOptions, TTransformer, TModel>.OptionsBase, new()
    {
        private protected SdcaTrainerBase() { }

        public abstract class OptionsBase : TrainerInputBaseWithWeight
        {
            /// <summary>L2 (per-example, λ/2‖w‖², bias included); null = chosen at Fit; 0 ≤ λ &lt; 1e-9 is raised to 1e-9.</summary>
            public float? L2Regularization;

            /// <summary>L1 soft threshold t = L1/L2 (not an L1 weight); null = chosen at Fit.</summary>
            public float? L1Regularization;

            public int? NumberOfThreads;

            public float ConvergenceTolerance = 0.1f;

            public int? MaximumNumberOfIterations;

            public bool Shuffle = true;

            public int? ConvergenceCheckFrequency;

            public float BiasLearningRate = 0;

            private protected OptionsBase() { }
        }
    }

    public abstract class SdcaBinaryTrainerBase<TModelParameters> :
        SdcaTrainerBase<SdcaBinaryTrainerBase<TModelParameters>.BinaryOptionsBase, TransformerStub, TModelParameters>
        where TModelParameters : class
    {
        private protected SdcaBinaryTrainerBase() { }

        public class BinaryOptionsBase : OptionsBase
        {
            public float PositiveInstanceWeight = 1;
        }
    }

    public sealed class SdcaLogisticRegressionBinaryTrainer : SdcaBinaryTrainerBase<ModelStub>
    {
        internal SdcaLogisticRegressionBinaryTrainer() { }

        public sealed class Options : BinaryOptionsBase
        {
        }
    }

    public sealed class SdcaNonCalibratedBinaryTrainer : SdcaBinaryTrainerBase<ModelStub>
    {
        internal SdcaNonCalibratedBinaryTrainer() { }

        public sealed class Options : BinaryOptionsBase
        {
            public ISupportSdcaClassificationLoss LossFunction { get; set; }
        }
    }

    public abstract class SdcaMulticlassTrainerBase<TModel> :
        SdcaTrainerBase<SdcaMulticlassTrainerBase<TModel>.MulticlassOptions, TransformerStub, TModel>
        where TModel : class
    {
        private protected SdcaMulticlassTrainerBase() { }

        public class MulticlassOptions : OptionsBase
        {
        }
    }

    public sealed class SdcaMaximumEntropyMulticlassTrainer : SdcaMulticlassTrainerBase<ModelStub>
    {
        internal SdcaMaximumEntropyMulticlassTrainer() { }

        public sealed class Options : MulticlassOptions
        {
        }
    }

    public sealed class SdcaNonCalibratedMulticlassTrainer : SdcaMulticlassTrainerBase<ModelStub>
    {
        internal SdcaNonCalibratedMulticlassTrainer() { }

        public sealed class Options : MulticlassOptions
        {
            public ISupportSdcaClassificationLoss Loss { get; set; }
        }
    }

    public sealed class SdcaRegressionTrainer : SdcaTrainerBase<SdcaRegressionTrainer.Options, TransformerStub, ModelStub>
    {
        internal SdcaRegressionTrainer() { }

        public sealed class Options : OptionsBase
        {
            public ISupportSdcaRegressionLoss LossFunction { get; set; }

            public Options()
            {
                ConvergenceTolerance = 0.01f;
                BiasLearningRate = 1;
            }
        }
    }
}
