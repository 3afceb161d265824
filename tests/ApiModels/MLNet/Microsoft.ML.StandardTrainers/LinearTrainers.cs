using Microsoft.ML.Data;

namespace Microsoft.ML.Trainers
{
    // L-BFGS
    public abstract class LbfgsTrainerBase<TOptions, TTransformer, TModel> : TrainerEstimatorBase<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
        where TOptions : LbfgsTrainerBase<TOptions, TTransformer, TModel>.OptionsBase, new()
    {
        private protected LbfgsTrainerBase() { }

        public abstract class OptionsBase : TrainerInputBaseWithWeight
        {
            /// <summary>Per-dataset L2: (Σℓ + λ/2‖w‖²)/n.</summary>
            public float L2Regularization = 1;

            /// <summary>A real L1 weight (OWL-QN), per dataset.</summary>
            public float L1Regularization = 1;

            public float OptimizationTolerance = 1e-7f;

            public int HistorySize = 20;

            public int MaximumNumberOfIterations = int.MaxValue;

            public bool EnforceNonNegativity = false;
        }
    }

    public sealed class LbfgsLogisticRegressionBinaryTrainer :
        LbfgsTrainerBase<LbfgsLogisticRegressionBinaryTrainer.Options, TransformerStub, ModelStub>
    {
        internal LbfgsLogisticRegressionBinaryTrainer() { }

        public sealed class Options : OptionsBase
        {
        }
    }

    public sealed class LbfgsMaximumEntropyMulticlassTrainer :
        LbfgsTrainerBase<LbfgsMaximumEntropyMulticlassTrainer.Options, TransformerStub, ModelStub>
    {
        internal LbfgsMaximumEntropyMulticlassTrainer() { }

        public sealed class Options : OptionsBase
        {
        }
    }

    public sealed class LbfgsPoissonRegressionTrainer :
        LbfgsTrainerBase<LbfgsPoissonRegressionTrainer.Options, TransformerStub, ModelStub>
    {
        internal LbfgsPoissonRegressionTrainer() { }

        public sealed class Options : OptionsBase
        {
        }
    }

    // SGD (Hogwild)
    public abstract class SgdBinaryTrainerBase<TModel> : LinearTrainerBase<TransformerStub, TModel>
        where TModel : class
    {
        private protected SgdBinaryTrainerBase() { }

        public class OptionsBase : TrainerInputBaseWithWeight
        {
            public float L2Regularization = 1e-6f;

            public int? NumberOfThreads;

            public double ConvergenceTolerance = 1e-4;

            public int NumberOfIterations = 20;

            public double LearningRate = 0.01;

            public bool Shuffle = true;

            public float PositiveInstanceWeight = 1;

            public int? CheckFrequency;
        }
    }

    public sealed class SgdCalibratedTrainer : SgdBinaryTrainerBase<ModelStub>
    {
        internal SgdCalibratedTrainer() { }

        public sealed class Options : OptionsBase
        {
        }
    }

    public sealed class SgdNonCalibratedTrainer : SgdBinaryTrainerBase<ModelStub>
    {
        internal SgdNonCalibratedTrainer() { }

        public sealed class Options : OptionsBase
        {
            public IClassificationLoss LossFunction = new LogLoss();
        }
    }

    // Online linear
    public abstract class OnlineLinearOptions : TrainerInputBaseWithLabel
    {
        public int NumberOfIterations = 1;

        public float InitialWeightsDiameter = 0;

        public bool Shuffle = true;
    }

    public abstract class AveragedLinearOptions : OnlineLinearOptions
    {
        public float LearningRate = 1;

        public bool DecreaseLearningRate = false;

        public long? ResetWeightsAfterXExamples = null;

        public bool LazyUpdate = true;

        /// <summary>Per-update shrink w ← (1−2λ)w; valid range [0, 0.5).</summary>
        public float L2Regularization = 0;

        public float RecencyGain = 0;

        public bool RecencyGainMultiplicative = false;

        public bool Averaged = true;
    }

    public abstract class OnlineLinearTrainer<TTransformer, TModel> : TrainerEstimatorBase<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
    {
        private protected OnlineLinearTrainer() { }
    }

    public abstract class AveragedLinearTrainer<TTransformer, TModel> : OnlineLinearTrainer<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
    {
        private protected AveragedLinearTrainer() { }
    }

    public sealed class AveragedPerceptronTrainer : AveragedLinearTrainer<TransformerStub, ModelStub>
    {
        internal AveragedPerceptronTrainer() { }

        public sealed class Options : AveragedLinearOptions
        {
            public Options()
            {
                NumberOfIterations = 10;
            }

            public IClassificationLoss LossFunction { get; set; }
        }
    }

    public sealed class OnlineGradientDescentTrainer : AveragedLinearTrainer<TransformerStub, ModelStub>
    {
        internal OnlineGradientDescentTrainer() { }

        public sealed class Options : AveragedLinearOptions
        {
            public IRegressionLoss LossFunction { get; set; }

            public Options()
            {
                LearningRate = 0.1f;
                DecreaseLearningRate = true;
            }
        }
    }

    public sealed class LinearSvmTrainer : OnlineLinearTrainer<TransformerStub, ModelStub>
    {
        internal LinearSvmTrainer() { }

        public sealed class Options : OnlineLinearOptions
        {
            /// <summary>Pegasos λ; must be &gt; 0.</summary>
            public float Lambda = 0.001f;

            public int BatchSize = 1;

            public bool PerformProjection = false;

            public bool NoBias = false;

            public string ExampleWeightColumnName = null;
        }
    }
}
