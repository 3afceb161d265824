using Decay.ApiModels.MLNet;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Trainers
{
    public sealed class SymbolicSgdLogisticRegressionBinaryTrainer : TrainerEstimatorBase<TransformerStub, ModelStub>
    {
        internal SymbolicSgdLogisticRegressionBinaryTrainer() { }

        public sealed class Options : TrainerInputBaseWithLabel
        {
            public int? NumberOfThreads;

            public int NumberOfIterations = 50;

            public float Tolerance = 1e-4f;

            public float? LearningRate;

            /// <summary>Per-instance decay (1−αλ); not validated: a negative value is accepted.</summary>
            public float L2Regularization = 0;

            public int? UpdateFrequency;

            public long MemorySize = 1024;

            public bool Shuffle = true;

            public float PositiveInstanceWeight = 1;
        }
    }
}

namespace Microsoft.ML
{
    public static class MklComponentsCatalog
    {
        public static SymbolicSgdLogisticRegressionBinaryTrainer SymbolicSgdLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            int numberOfIterations = 50)
            => throw ApiModel.SignaturesOnly();

        public static SymbolicSgdLogisticRegressionBinaryTrainer SymbolicSgdLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            SymbolicSgdLogisticRegressionBinaryTrainer.Options options)
            => throw ApiModel.SignaturesOnly();
    }
}
