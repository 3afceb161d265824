using System.Threading.Tasks;
using Decay.Testing;
using Verify = Decay.Testing.MLNetAnalyzerVerifier<Decay.Rules.Decay107TorchSharpWeightDecayIsAdamL2Analyzer>;

namespace Decay.Tests
{
    public class Decay107TorchSharpWeightDecayIsAdamL2Tests
    {
        [Fact]
        public Task Text_classification_initializer_is_reported_with_its_value()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.TorchSharp;
                using Microsoft.ML.TorchSharp.NasBert;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var options = new TextClassificationTrainer.TextClassificationOptions
                        {
                            Sentence1ColumnName = "Text",
                            {|#0:WeightDecay = 0.01|},
                        };
                        var trainer = mlContext.MulticlassClassification.Trainers.TextClassification(options);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "ML.NET passes WeightDecay (0.01) to torch.optim.Adam: coupled L2, not AdamW, on all trainable tensors including biases and LayerNorm; AdamW-tuned values such as 0.01 act far more weakly here"));

        [Fact]
        public Task Every_NAS_BERT_and_QA_options_type_in_every_form()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.TorchSharp.NasBert;
                using Microsoft.ML.TorchSharp.Roberta;

                class Training
                {
                    void Configure(NerTrainer.NerOptions ner)
                    {
                        // Explicitly written, even when it equals the trainer's own default (0.01).
                        var similarity = new SentenceSimilarityTrainer.SentenceSimilarityOptions { [|WeightDecay = 0.01|] };
                        QATrainer.Options qa = new() { [|WeightDecay = 5e-2|] };
                        [|ner.WeightDecay = 1e-4|];
                        var nasBert = new NasBertTrainer.NasBertOptions();
                        [|nasBert.WeightDecay = -1|];
                    }
                }
                """);

        [Fact]
        public Task Object_detection_zero_defaults_base_typed_receivers_and_variables_are_not_reported()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.TorchSharp;
                using Microsoft.ML.TorchSharp.AutoFormerV2;
                using Microsoft.ML.TorchSharp.NasBert;
                using Microsoft.ML.TorchSharp.Roberta;

                class Training
                {
                    void Configure(TorchSharpBaseTrainer.Options anyOptions, double decay)
                    {
                        var detection = new ObjectDetectionTrainer.Options { WeightDecay = 0.01 };   // plain SGD
                        var zero = new TextClassificationTrainer.TextClassificationOptions { WeightDecay = 0 };
                        var defaults = new SentenceSimilarityTrainer.SentenceSimilarityOptions();       // implicit 0.01
                        var qa = new QATrainer.Options { MaxEpoch = 3 };                                 // implicit 0.01
                        anyOptions.WeightDecay = 0.1;                                                    // not known to be NAS-BERT
                        var tuned = new NerTrainer.NerOptions { WeightDecay = decay };                   // not a constant
                        var other = new NerTrainer.NerOptions { StartLearningRateRatio = 0.01, ClipNorm = 1 };
                    }
                }
                """);

        [Fact]
        public Task Integer_constant_is_converted_and_reported()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.TorchSharp.NasBert;

                class Training
                {
                    object Options() => new TextClassificationTrainer.TextClassificationOptions { {|#0:WeightDecay = 1|} };
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("1"));

        [Fact]
        public Task Without_Microsoft_ML_TorchSharp_nothing_is_registered_and_nothing_breaks()
        {
            // Microsoft.ML alone: DECAY107 has nothing to bind to; the other ML.NET rules still run.
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML;

                    class Training
                    {
                        void Train(MLContext mlContext) => mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 1f);
                    }
                    """,
            };
            test.References.Clear();
            test.References.AddRange(TestReferences.Net80);
            test.References.AddRange(TestReferences.MLNetCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Incomplete_code_does_not_throw()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML.TorchSharp.NasBert;

                    class Training
                    {
                        void Configure(Unknown unknown)
                        {
                            var a = new TextClassificationTrainer.TextClassificationOptions { WeightDecay = };
                            var b = new TextClassificationTrainer.TextClassificationOptions { WeightDecay = "0.01", Nope = 1 };
                            unknown.WeightDecay = 0.01;
                            var c = new TextClassificationTrainer.TextClassificationOptions { [|WeightDecay = 0.1|], Nope = 2 };
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }
    }
}
