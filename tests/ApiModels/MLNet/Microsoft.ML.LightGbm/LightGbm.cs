using Decay.ApiModels.MLNet;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Microsoft.ML.Trainers.LightGbm
{
    public abstract class BoosterParameterBase
    {
        private protected BoosterParameterBase() { }

        public abstract class OptionsBase
        {
            public double MinimumSplitGain = 0;

            public int MaximumTreeDepth = 0;

            public double MinimumChildWeight = 0.1;

            public int SubsampleFrequency = 0;

            public double SubsampleFraction = 1;

            public double FeatureFraction = 1;

            /// <summary>LightGBM reg_lambda (ML.NET default 0.01; native LightGBM 0).</summary>
            public double L2Regularization = 0.01;

            /// <summary>LightGBM reg_alpha: a real L1 weight.</summary>
            public double L1Regularization = 0;

            private protected OptionsBase() { }
        }
    }

    public sealed class GradientBooster : BoosterParameterBase
    {
        internal GradientBooster() { }

        public sealed class Options : OptionsBase
        {
        }
    }

    public sealed class DartBooster : BoosterParameterBase
    {
        internal DartBooster() { }

        public sealed class Options : OptionsBase
        {
            public double TreeDropFraction = 0.1;

            public int MaximumNumberOfDroppedTreesPerRound = 1;

            public double SkipDropFraction = 0.5;

            public bool XgboostDartMode = false;

            public bool UniformDrop = false;
        }
    }

    public sealed class GossBooster : BoosterParameterBase
    {
        internal GossBooster() { }

        public sealed class Options : OptionsBase
        {
            public double TopRate = 0.2;

            public double OtherRate = 0.1;
        }
    }

    public abstract class LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel> : Microsoft.ML.Trainers.TrainerEstimatorBase<TTransformer, TModel>
        where TTransformer : ITransformer
        where TModel : class
        where TOptions : LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase, new()
    {
        private protected LightGbmTrainerBase() { }

        public class OptionsBase : Microsoft.ML.Trainers.TrainerInputBaseWithGroupId
        {
            public int NumberOfIterations = 100;

            public double? LearningRate;

            public int? NumberOfLeaves;

            public int? MinimumExampleCountPerLeaf;

            /// <summary>cat_smooth.</summary>
            public double CategoricalSmoothing = 10;

            /// <summary>cat_l2.</summary>
            public double L2CategoricalRegularization = 10;

            /// <summary>Null until assigned.</summary>
            public BoosterParameterBase.OptionsBase Booster { get; set; }
        }
    }

    public sealed class LightGbmBinaryTrainer : LightGbmTrainerBase<LightGbmBinaryTrainer.Options, float, TransformerStub, Microsoft.ML.Trainers.ModelStub>
    {
        internal LightGbmBinaryTrainer() { }

        public sealed class Options : OptionsBase
        {
        }
    }
}

namespace Microsoft.ML
{
    public static class LightGbmExtensions
    {
        public static LightGbmBinaryTrainer LightGbm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            int? numberOfLeaves = null,
            int? minimumExampleCountPerLeaf = null,
            double? learningRate = null,
            int numberOfIterations = 100)
            => throw ApiModel.SignaturesOnly();

        public static LightGbmBinaryTrainer LightGbm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            LightGbmBinaryTrainer.Options options)
            => throw ApiModel.SignaturesOnly();
    }
}
