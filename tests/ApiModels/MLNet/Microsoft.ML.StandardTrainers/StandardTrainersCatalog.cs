using Decay.ApiModels.MLNet;
using Microsoft.ML.Trainers;

namespace Microsoft.ML
{
    public static class StandardTrainersCatalog
    {
        // SGD (Hogwild): the convenience overloads do no validation of l2Regularization.
        public static SgdCalibratedTrainer SgdCalibrated(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            int numberOfIterations = 20,
            double learningRate = 0.01,
            float l2Regularization = 1e-6f)
            => throw ApiModel.SignaturesOnly();

        public static SgdCalibratedTrainer SgdCalibrated(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            SgdCalibratedTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static SgdNonCalibratedTrainer SgdNonCalibrated(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            IClassificationLoss lossFunction = null,
            int numberOfIterations = 20,
            double learningRate = 0.01,
            float l2Regularization = 1e-6f)
            => throw ApiModel.SignaturesOnly();

        public static SgdNonCalibratedTrainer SgdNonCalibrated(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            SgdNonCalibratedTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        // SDCA
        public static SdcaRegressionTrainer Sdca(this RegressionCatalog.RegressionTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            ISupportSdcaRegressionLoss lossFunction = null,
            float? l2Regularization = null,
            float? l1Regularization = null,
            int? maximumNumberOfIterations = null)
            => throw ApiModel.SignaturesOnly();

        public static SdcaRegressionTrainer Sdca(this RegressionCatalog.RegressionTrainers catalog,
            SdcaRegressionTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static SdcaLogisticRegressionBinaryTrainer SdcaLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            float? l2Regularization = null,
            float? l1Regularization = null,
            int? maximumNumberOfIterations = null)
            => throw ApiModel.SignaturesOnly();

        public static SdcaLogisticRegressionBinaryTrainer SdcaLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            SdcaLogisticRegressionBinaryTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static SdcaNonCalibratedBinaryTrainer SdcaNonCalibrated(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            ISupportSdcaClassificationLoss lossFunction = null,
            float? l2Regularization = null,
            float? l1Regularization = null,
            int? maximumNumberOfIterations = null)
            => throw ApiModel.SignaturesOnly();

        public static SdcaNonCalibratedBinaryTrainer SdcaNonCalibrated(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            SdcaNonCalibratedBinaryTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static SdcaMaximumEntropyMulticlassTrainer SdcaMaximumEntropy(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            float? l2Regularization = null,
            float? l1Regularization = null,
            int? maximumNumberOfIterations = null)
            => throw ApiModel.SignaturesOnly();

        public static SdcaMaximumEntropyMulticlassTrainer SdcaMaximumEntropy(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            SdcaMaximumEntropyMulticlassTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static SdcaNonCalibratedMulticlassTrainer SdcaNonCalibrated(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            ISupportSdcaClassificationLoss lossFunction = null,
            float? l2Regularization = null,
            float? l1Regularization = null,
            int? maximumNumberOfIterations = null)
            => throw ApiModel.SignaturesOnly();

        public static SdcaNonCalibratedMulticlassTrainer SdcaNonCalibrated(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            SdcaNonCalibratedMulticlassTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        // Online linear
        public static AveragedPerceptronTrainer AveragedPerceptron(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            IClassificationLoss lossFunction = null,
            float learningRate = 1f,
            bool decreaseLearningRate = false,
            float l2Regularization = 0f,
            int numberOfIterations = 10)
            => throw ApiModel.SignaturesOnly();

        public static AveragedPerceptronTrainer AveragedPerceptron(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            AveragedPerceptronTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static OnlineGradientDescentTrainer OnlineGradientDescent(this RegressionCatalog.RegressionTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            IRegressionLoss lossFunction = null,
            float learningRate = 0.1f,
            bool decreaseLearningRate = true,
            float l2Regularization = 0f,
            int numberOfIterations = 1)
            => throw ApiModel.SignaturesOnly();

        public static OnlineGradientDescentTrainer OnlineGradientDescent(this RegressionCatalog.RegressionTrainers catalog,
            OnlineGradientDescentTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        // L-BFGS: note l1Regularization comes BEFORE l2Regularization.
        public static LbfgsLogisticRegressionBinaryTrainer LbfgsLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            float l1Regularization = 1f,
            float l2Regularization = 1f,
            float optimizationTolerance = 1e-7f,
            int historySize = 20,
            bool enforceNonNegativity = false)
            => throw ApiModel.SignaturesOnly();

        public static LbfgsLogisticRegressionBinaryTrainer LbfgsLogisticRegression(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            LbfgsLogisticRegressionBinaryTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static LbfgsPoissonRegressionTrainer LbfgsPoissonRegression(this RegressionCatalog.RegressionTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            float l1Regularization = 1f,
            float l2Regularization = 1f,
            float optimizationTolerance = 1e-7f,
            int historySize = 20,
            bool enforceNonNegativity = false)
            => throw ApiModel.SignaturesOnly();

        public static LbfgsPoissonRegressionTrainer LbfgsPoissonRegression(this RegressionCatalog.RegressionTrainers catalog,
            LbfgsPoissonRegressionTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static LbfgsMaximumEntropyMulticlassTrainer LbfgsMaximumEntropy(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            float l1Regularization = 1f,
            float l2Regularization = 1f,
            float optimizationTolerance = 1e-7f,
            int historySize = 20,
            bool enforceNonNegativity = false)
            => throw ApiModel.SignaturesOnly();

        public static LbfgsMaximumEntropyMulticlassTrainer LbfgsMaximumEntropy(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            LbfgsMaximumEntropyMulticlassTrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        // LinearSvm: Lambda only on the Options overload.
        public static LinearSvmTrainer LinearSvm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            string labelColumnName = "Label",
            string featureColumnName = "Features",
            string exampleWeightColumnName = null,
            int numberOfIterations = 1)
            => throw ApiModel.SignaturesOnly();

        public static LinearSvmTrainer LinearSvm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
            LinearSvmTrainer.Options options)
            => throw ApiModel.SignaturesOnly();
    }
}
