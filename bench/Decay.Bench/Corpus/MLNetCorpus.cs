using System.Globalization;

namespace Decay.Bench.Corpus
{
    /// <summary>ML.NET trainer code for the DECAY1xx rules: SDCA with L2 at L-BFGS scale, L1 as a
    /// soft threshold, zero L2; L-BFGS, SGD (learning rate × λ), averaged perceptron, LinearSvm,
    /// LightGBM boosters and Microsoft.ML.TorchSharp's WeightDecay; convenience overloads and
    /// Options objects, constants and settings. Written from mlnet-api.md's real API; included
    /// only when the ML.NET API model assemblies are beside the bench (BenchReferences.FindMLNet).</summary>
    internal sealed class MLNetCorpus
    {
        public SourceFile Write(Rng rng, string ns, int index)
        {
            var w = new CodeWriter();
            w.FileHeader(new[] { "System", "Microsoft.ML", "Microsoft.ML.Trainers", "Microsoft.ML.Trainers.LightGbm", "Microsoft.ML.TorchSharp", "Microsoft.ML.TorchSharp.NasBert" }, ns);
            var name = rng.Pick("Churn", "Fraud", "Sentiment", "Pricing", "Demand") + "Pipeline" + index.ToString(CultureInfo.InvariantCulture);
            w.Line("/// <summary>Trainer choices for one tabular task.</summary>");
            w.Open($"public sealed class {name}");
            w.Line("private readonly MLContext mlContext;");
            w.Line("private readonly float l2;");
            w.Line();
            w.Open($"public {name}(int seed = {rng.Between(0, 99)}, float l2 = {rng.Pick("1e-4f", "0.01f", "1f")})");
            w.Line("mlContext = new MLContext(seed: seed);");
            w.Line("this.l2 = l2;");
            w.Close();
            w.Line();

            // SDCA, convenience overload: L2 at L-BFGS scale (DECAY101), L1 as threshold (DECAY102), 0 (DECAY103).
            w.Open("public ITransformer TrainSdca(IDataView data)");
            w.Line(rng.Pick(
                "var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 1f);",
                "var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 0.01f, l1Regularization: 0.1f);",
                "var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 0f);",
                "var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: l2);",
                "var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression();"));
            w.Line("return trainer.Fit(data);");
            w.Close();
            w.Line();

            // SDCA through Options objects.
            w.Open("public ITransformer TrainSdcaMulticlass(IDataView data, int iterations)");
            w.Line("var options = new SdcaMaximumEntropyMulticlassTrainer.Options");
            w.Line("{");
            w.Line(rng.Pick("    L2Regularization = 2.5f,", "    L2Regularization = 1e-3f,", "    L2Regularization = 0,", "    L1Regularization = 0.5f,"));
            w.Line("    MaximumNumberOfIterations = iterations,");
            w.Line("    Shuffle = false,");
            w.Line("};");
            w.Line("return mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(options).Fit(data);");
            w.Close();
            w.Line();

            w.Open("public ITransformer TrainRegression(IDataView data)");
            w.Line(rng.Pick(
                "var trainer = mlContext.Regression.Trainers.Sdca(l2Regularization: 5f);",
                "var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: \"Price\", l2Regularization: 1e-12f);",
                "var trainer = mlContext.Regression.Trainers.OnlineGradientDescent(l2Regularization: 0.1f);",
                "var trainer = mlContext.Regression.Trainers.LbfgsPoissonRegression(l1Regularization: 0f, l2Regularization: 0.5f);"));
            w.Line("return trainer.Fit(data);");
            w.Close();
            w.Line();

            // L-BFGS, SGD, perceptron: real L1/L2 weights, η·λ, per-update shrink.
            w.Open("public ITransformer TrainLinear(IDataView data, string kind)");
            w.Line("return kind switch");
            w.Line("{");
            w.Line($"    \"lbfgs\" => mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization: {rng.Pick("0f", "0.1f", "1f")}, l2Regularization: {rng.Pick("1f", "0.1f", "0f")}).Fit(data),");
            w.Line($"    \"sgd\" => mlContext.BinaryClassification.Trainers.SgdCalibrated(learningRate: {rng.Pick("0.5", "0.01", "0.1")}, l2Regularization: {rng.Pick("2f", "1e-6f", "-1e-4f")}).Fit(data),");
            w.Line($"    \"perceptron\" => mlContext.BinaryClassification.Trainers.AveragedPerceptron(l2Regularization: {rng.Pick("0.1f", "0.6f", "0f")}).Fit(data),");
            w.Line("    _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),");
            w.Line("};");
            w.Close();
            w.Line();

            w.Open("public ITransformer TrainSvm(IDataView data)");
            w.Line($"var options = new LinearSvmTrainer.Options {{ Lambda = {rng.Pick("0.001f", "0f", "0.01f")}, NumberOfIterations = 10 }};");
            w.Line("return mlContext.BinaryClassification.Trainers.LinearSvm(options).Fit(data);");
            w.Close();
            w.Line();

            w.Open("public ITransformer TrainLightGbm(IDataView data)");
            w.Line("var options = new LightGbmBinaryTrainer.Options");
            w.Line("{");
            w.Line("    NumberOfIterations = 200,");
            w.Line($"    Booster = new GradientBooster.Options {{ L2Regularization = {rng.Pick("0.5", "0.01", "-1")}, L1Regularization = {rng.Pick("0.1", "0")} }},");
            w.Line("};");
            w.Line("return mlContext.BinaryClassification.Trainers.LightGbm(options).Fit(data);");
            w.Close();
            w.Line();

            // Microsoft.ML.TorchSharp: WeightDecay goes to torch.optim.Adam (DECAY107).
            w.Open("public object CreateTextClassifier(int epochs)");
            w.Line("var options = new TextClassificationTrainer.TextClassificationOptions");
            w.Line("{");
            w.Line("    MaxEpoch = epochs,");
            w.Line($"    WeightDecay = {rng.Pick("0.01", "0", "1e-4")},");
            w.Line("};");
            w.Line("return mlContext.MulticlassClassification.Trainers.TextClassification(options);");
            w.Close();
            w.Close();
            return new SourceFile($"Tabular{index}/{name}.cs", w);
        }
    }
}
