namespace Decay.MLNet
{
    /// <summary>Metadata names of the ML.NET symbols Decay binds to (checked against the ML.NET
    /// API model by a test). Nested types use '+', generics a backtick and arity. Source of truth:
    /// shared/mlnet-api.md §8.</summary>
    internal static class MLNetNames
    {
        // Catalogs: the extension methods' containing types and their receivers.
        public const string StandardTrainersCatalog = "Microsoft.ML.StandardTrainersCatalog";
        public const string BinaryClassificationTrainers = "Microsoft.ML.BinaryClassificationCatalog+BinaryClassificationTrainers";
        public const string MulticlassClassificationTrainers = "Microsoft.ML.MulticlassClassificationCatalog+MulticlassClassificationTrainers";
        public const string RegressionTrainers = "Microsoft.ML.RegressionCatalog+RegressionTrainers";

        // Options types whose fields are regularization sites (the fields' declaring types).
        public const string SdcaOptionsBase = "Microsoft.ML.Trainers.SdcaTrainerBase`3+OptionsBase";
        public const string SdcaBinaryOptionsBase = "Microsoft.ML.Trainers.SdcaBinaryTrainerBase`1+BinaryOptionsBase";
        public const string SdcaMulticlassOptions = "Microsoft.ML.Trainers.SdcaMulticlassTrainerBase`1+MulticlassOptions";
        public const string SdcaRegressionOptions = "Microsoft.ML.Trainers.SdcaRegressionTrainer+Options";
        public const string LbfgsOptionsBase = "Microsoft.ML.Trainers.LbfgsTrainerBase`3+OptionsBase";
        public const string SgdOptionsBase = "Microsoft.ML.Trainers.SgdBinaryTrainerBase`1+OptionsBase";
        public const string AveragedLinearOptions = "Microsoft.ML.Trainers.AveragedLinearOptions";
        public const string LinearSvmOptions = "Microsoft.ML.Trainers.LinearSvmTrainer+Options";
        public const string SymbolicSgdOptions = "Microsoft.ML.Trainers.SymbolicSgdLogisticRegressionBinaryTrainer+Options";
        public const string LightGbmBoosterOptionsBase = "Microsoft.ML.Trainers.LightGbm.BoosterParameterBase+OptionsBase";
        public const string LightGbmOptionsBase = "Microsoft.ML.Trainers.LightGbm.LightGbmTrainerBase`4+OptionsBase";
        public const string TorchSharpOptions = "Microsoft.ML.TorchSharp.TorchSharpBaseTrainer+Options";
        public const string NasBertOptions = "Microsoft.ML.TorchSharp.NasBert.NasBertTrainer+NasBertOptions";

        // StandardTrainersCatalog methods (convenience overloads carry the regularization parameters).
        public const string SdcaLogisticRegression = "SdcaLogisticRegression";
        public const string SdcaNonCalibrated = "SdcaNonCalibrated";
        public const string SdcaMaximumEntropy = "SdcaMaximumEntropy";
        public const string Sdca = "Sdca";
        public const string LbfgsLogisticRegression = "LbfgsLogisticRegression";
        public const string LbfgsMaximumEntropy = "LbfgsMaximumEntropy";
        public const string LbfgsPoissonRegression = "LbfgsPoissonRegression";
        public const string SgdCalibrated = "SgdCalibrated";
        public const string SgdNonCalibrated = "SgdNonCalibrated";
        public const string AveragedPerceptron = "AveragedPerceptron";
        public const string OnlineGradientDescent = "OnlineGradientDescent";

        // Parameter names of the convenience overloads.
        public const string CatalogParameter = "catalog";
        public const string L2Parameter = "l2Regularization";
        public const string L1Parameter = "l1Regularization";
        public const string LearningRateParameter = "learningRate";

        // Field names on the options types.
        public const string L2Field = "L2Regularization";
        public const string L1Field = "L1Regularization";
        public const string LearningRateField = "LearningRate";
        public const string LambdaField = "Lambda";
        public const string L2CategoricalField = "L2CategoricalRegularization";
        public const string WeightDecayField = "WeightDecay";

        /// <summary>ML.NET's field initializers of SgdBinaryTrainerBase`1+OptionsBase, which
        /// metadata does not expose (mlnet-api.md §5, DECAY104 (a)).</summary>
        public const double SgdDefaultLearningRate = 0.01;
        public const float SgdDefaultL2 = 1e-6f;
    }
}
