using System.Threading.Tasks;
using Verify = Decay.Testing.MLNetAnalyzerVerifier<Decay.Rules.Decay104RegularizationRejectedOrRewrittenAnalyzer>;

namespace Decay.Tests
{
    public class Decay104RegularizationRejectedOrRewrittenTests
    {
        private const string Throws = "ML.NET throws when the trainer is created";

        [Fact]
        public Task Negative_and_NaN_SDCA_and_LBFGS_values_throw_in_every_form()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression({|#0:l2Regularization: -1f|});
                        var b = new SdcaRegressionTrainer.Options { {|#1:L1Regularization = -0.5f|} };
                        var c = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression({|#2:l1Regularization: float.NaN|});
                        var opts = new LbfgsPoissonRegressionTrainer.Options();
                        {|#3:opts.L2Regularization = -2|};
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage($"SdcaLogisticRegression's l2Regularization = -1 must be non-negative: {Throws}"),
                Verify.Diagnostic().WithLocation(1).WithMessage($"SdcaRegressionTrainer.Options.L1Regularization = -0.5 must be non-negative: {Throws}"),
                Verify.Diagnostic().WithLocation(2).WithMessage($"LbfgsLogisticRegression's l1Regularization = NaN must be non-negative: {Throws}"),
                Verify.Diagnostic().WithLocation(3).WithMessage($"LbfgsPoissonRegressionTrainer.Options.L2Regularization = -2 must be non-negative: {Throws}"));

        [Fact]
        public Task SGD_options_with_learning_rate_times_L2_at_least_1_are_rewritten()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    object A() => new SgdCalibratedTrainer.Options { LearningRate = 1, {|#0:L2Regularization = 2|} };
                    object ExactlyOne() => new SgdNonCalibratedTrainer.Options { {|#1:L2Regularization = 2|}, LearningRate = 0.5 };
                    object DefaultRate() => new SgdCalibratedTrainer.Options { {|#2:L2Regularization = 100|} };
                    object DefaultL2() => new SgdCalibratedTrainer.Options { {|#3:LearningRate = 2e6|} };
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage("SgdCalibratedTrainer.Options: LearningRate × L2Regularization = 1 × 2 = 2 ≥ 1: ML.NET silently replaces LearningRate by 0.5/λ = 0.25 when the trainer is created"),
                Verify.Diagnostic().WithLocation(1).WithMessage("SgdNonCalibratedTrainer.Options: LearningRate × L2Regularization = 0.5 × 2 = 1 ≥ 1: ML.NET silently replaces LearningRate by 0.5/λ = 0.25 when the trainer is created"),
                Verify.Diagnostic().WithLocation(2).WithMessage("SgdCalibratedTrainer.Options: LearningRate × L2Regularization = 0.01 × 100 = 1 ≥ 1: ML.NET silently replaces LearningRate by 0.5/λ = 0.005 when the trainer is created"),
                Verify.Diagnostic().WithLocation(3).WithMessage("SgdCalibratedTrainer.Options: LearningRate × L2Regularization = 2000000 × 1e-6 = 2 ≥ 1: ML.NET silently replaces LearningRate by 0.5/λ = 5e5 when the trainer is created"));

        [Fact]
        public Task SGD_convenience_overloads_validate_nothing()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var a = mlContext.BinaryClassification.Trainers.SgdCalibrated(learningRate: 1, {|#0:l2Regularization: 1f|});
                        var b = mlContext.BinaryClassification.Trainers.SgdNonCalibrated({|#1:l2Regularization: -0.1f|});
                        var c = mlContext.BinaryClassification.Trainers.SgdCalibrated({|#2:l2Regularization: 200f|});
                        var d = mlContext.BinaryClassification.Trainers.SgdCalibrated({|#3:l2Regularization: float.NaN|});
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage("SgdCalibrated: learningRate × l2Regularization = 1 × 1 = 1 ≥ 1, and this overload validates nothing: the first update scales the weights by 1 − η·λ = 0 (at exactly 1 the weights collapse to 0 and the model typically becomes NaN)"),
                Verify.Diagnostic().WithLocation(1).WithMessage("SgdNonCalibrated's l2Regularization = -0.1 is not validated: negative L2 is anti-regularization, the weights grow every step"),
                Verify.Diagnostic().WithLocation(2).WithMessage("SgdCalibrated: learningRate × l2Regularization = 0.01 × 200 = 2 ≥ 1, and this overload validates nothing: the first update scales the weights by 1 − η·λ = -1 (at exactly 1 the weights collapse to 0 and the model typically becomes NaN)"),
                Verify.Diagnostic().WithLocation(3).WithMessage("SgdCalibrated's l2Regularization = NaN is not validated: the model's weights become NaN"));

        [Fact]
        public Task Online_trainers_LinearSvm_and_Symbolic_SGD()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var ap = mlContext.BinaryClassification.Trainers.AveragedPerceptron({|#0:l2Regularization: 0.5f|});
                        var ogd = new OnlineGradientDescentTrainer.Options { {|#1:L2Regularization = -1|} };
                        var svm = new LinearSvmTrainer.Options { {|#2:Lambda = 0|} };
                        var sym = new SymbolicSgdLogisticRegressionBinaryTrainer.Options { {|#3:L2Regularization = -0.1f|} };
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage($"AveragedPerceptron's l2Regularization = 0.5 must be in [0, 0.5) (every update multiplies the weights by 1 − 2λ): {Throws}"),
                Verify.Diagnostic().WithLocation(1).WithMessage($"OnlineGradientDescentTrainer.Options.L2Regularization = -1 must be in [0, 0.5) (every update multiplies the weights by 1 − 2λ): {Throws}"),
                Verify.Diagnostic().WithLocation(2).WithMessage($"LinearSvmTrainer.Options.Lambda = 0 must be positive: {Throws}"),
                Verify.Diagnostic().WithLocation(3).WithMessage("SymbolicSgdLogisticRegressionBinaryTrainer.Options.L2Regularization = -0.1 is not validated: negative L2 is anti-regularization, the weights grow every step"));

        [Fact]
        public Task LightGBM_booster_and_categorical_regularization()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers.LightGbm;

                class Training
                {
                    object Options() => new LightGbmBinaryTrainer.Options
                    {
                        {|#0:L2CategoricalRegularization = -1|},
                        Booster = new GradientBooster.Options { {|#1:L2Regularization = -1|}, L1Regularization = 0.5 },
                    };

                    void Configure(LightGbmBinaryTrainer.Options options)
                    {
                        options.Booster = new DartBooster.Options { {|#2:L1Regularization = double.NaN|} };
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage($"LightGbmBinaryTrainer.Options.L2CategoricalRegularization = -1 must be non-negative: {Throws}"),
                Verify.Diagnostic().WithLocation(1).WithMessage($"GradientBooster.Options.L2Regularization = -1 must be non-negative: {Throws}"),
                Verify.Diagnostic().WithLocation(2).WithMessage($"DartBooster.Options.L1Regularization = NaN must be non-negative: {Throws}"));

        [Fact]
        public Task Values_in_range_non_constant_values_and_unknown_partners_are_not_reported()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;
                using Microsoft.ML.Trainers.LightGbm;

                class Training
                {
                    void Train(MLContext mlContext, float l2, double rate, SgdCalibratedTrainer.Options configured)
                    {
                        var sdca = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 0f, l1Regularization: 0f);
                        var lbfgs = new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1 };
                        var sgd = new SgdCalibratedTrainer.Options { LearningRate = 0.1, L2Regularization = 1e-4f };
                        var sgdJustBelow = mlContext.BinaryClassification.Trainers.SgdCalibrated(learningRate: 0.5, l2Regularization: 1.99f);
                        var sgdVariable = mlContext.BinaryClassification.Trainers.SgdNonCalibrated(learningRate: rate, l2Regularization: 5f);
                        var sgdVariableL2 = new SgdNonCalibratedTrainer.Options { LearningRate = 10, L2Regularization = l2 };
                        // Statements: the partner value may be set anywhere; only the range is checked.
                        configured.L2Regularization = 200;
                        configured.LearningRate = 1e7;
                        var ap = mlContext.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: 0.49f);
                        var ogd = mlContext.Regression.Trainers.OnlineGradientDescent(l2Regularization: 0f);
                        var svm = new LinearSvmTrainer.Options { Lambda = 1e-3f };
                        var sym = new SymbolicSgdLogisticRegressionBinaryTrainer.Options { L2Regularization = 0, LearningRate = -1 };
                        var booster = new GossBooster.Options { L1Regularization = 0, L2Regularization = 0 };
                        var lgbm = new LightGbmBinaryTrainer.Options { L2CategoricalRegularization = 0, CategoricalSmoothing = 1, LearningRate = 0.1 };
                        var unrelated = new AveragedPerceptronTrainer.Options { LearningRate = 5, NumberOfIterations = 1 };
                    }
                }
                """);

        [Fact]
        public Task Incomplete_code_does_not_throw()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML;
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        void Train(MLContext mlContext)
                        {
                            var a = mlContext.BinaryClassification.Trainers.SgdCalibrated(learningRate: , l2Regularization: 5f);
                            var b = new SgdCalibratedTrainer.Options { LearningRate = "fast", [|L2Regularization = -3|] };
                            var c = mlContext.BinaryClassification.Trainers.SgdCalibrated(learningRate: 1, l2Regularization: 1f, extra: 3);
                            var d = new LinearSvmTrainer.Options { Lambda = };
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }
    }
}
