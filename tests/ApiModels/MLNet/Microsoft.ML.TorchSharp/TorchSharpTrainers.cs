using System.Collections.Generic;
using Decay.ApiModels.MLNet;
using Microsoft.ML.TorchSharp.AutoFormerV2;
using Microsoft.ML.TorchSharp.NasBert;
using Microsoft.ML.TorchSharp.Roberta;

namespace Microsoft.ML.TorchSharp
{
    public abstract class TorchSharpBaseTrainer
    {
        private protected TorchSharpBaseTrainer() { }

        // Real base: Microsoft.ML.Transforms.TransformInputBase (no rule inspects it).
        public abstract class Options
        {
            public string LabelColumnName = "Label";

            public string ScoreColumnName = "Score";

            public string PredictionColumnName = "PredictedLabel";

            public int BatchSize = 32;

            public double StartLearningRateRatio = .1;

            public double FinalLearningRateRatio = .9;

            /// <summary>Passed to torch.optim.Adam as weight_decay: coupled L2 on every trainable tensor.</summary>
            public double WeightDecay = 0;

            public int MaxEpoch = 100;

            public IDataView ValidationSet = null;
        }
    }

    public static class TorchSharpCatalog
    {
        public static TextClassificationTrainer TextClassification(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            TextClassificationTrainer.TextClassificationOptions options)
            => throw ApiModel.SignaturesOnly();

        public static SentenceSimilarityTrainer SentenceSimilarity(this RegressionCatalog.RegressionTrainers catalog,
            SentenceSimilarityTrainer.SentenceSimilarityOptions options)
            => throw ApiModel.SignaturesOnly();

        public static NerTrainer NamedEntityRecognition(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            NerTrainer.NerOptions options)
            => throw ApiModel.SignaturesOnly();

        public static QATrainer QuestionAnswer(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            QATrainer.Options options)
            => throw ApiModel.SignaturesOnly();

        public static ObjectDetectionTrainer ObjectDetection(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
            ObjectDetectionTrainer.Options options)
            => throw ApiModel.SignaturesOnly();
    }
}

namespace Microsoft.ML.TorchSharp.NasBert
{
    // Real: the trainers are generic (NasBertTrainer<TLabelCol, TTargetsCol>); the options are nested
    // in the non-generic NasBertTrainer class, as here.
    public class NasBertTrainer
    {
        internal NasBertTrainer() { }

        public class NasBertOptions : TorchSharpBaseTrainer.Options
        {
            public string Sentence1ColumnName = "Sentence1";

            public string Sentence2ColumnName = default;

            public IReadOnlyList<double> AdamBetas = new List<double> { .9, .999 };

            public double AdamEps = 1e-8;

            public double ClipNorm = 5.0;

            public double WarmupRatio = .06;

            public List<double> LearningRate = new List<double> { 1e-4 };
        }
    }

    public class TextClassificationTrainer
    {
        internal TextClassificationTrainer() { }

        public class TextClassificationOptions : NasBertTrainer.NasBertOptions
        {
        }
    }

    public class SentenceSimilarityTrainer
    {
        internal SentenceSimilarityTrainer() { }

        public class SentenceSimilarityOptions : NasBertTrainer.NasBertOptions
        {
            public SentenceSimilarityOptions()
            {
                LearningRate = new List<double>() { .0002 };
                WeightDecay = .01;
            }
        }
    }

    public class NerTrainer
    {
        internal NerTrainer() { }

        public class NerOptions : NasBertTrainer.NasBertOptions
        {
            public NerOptions()
            {
                LearningRate = new List<double>() { 2e-4 };
            }
        }
    }
}

namespace Microsoft.ML.TorchSharp.Roberta
{
    public class QATrainer
    {
        internal QATrainer() { }

        public sealed class Options : Microsoft.ML.TorchSharp.NasBert.NasBertTrainer.NasBertOptions
        {
            public Options()
            {
                LearningRate = new List<double>() { .000001 };
                WeightDecay = 0.01;
            }
        }
    }
}

namespace Microsoft.ML.TorchSharp.AutoFormerV2
{
    // Its own options type (not TorchSharpBaseTrainer.Options): plain SGD without momentum.
    public class ObjectDetectionTrainer
    {
        internal ObjectDetectionTrainer() { }

        public sealed class Options
        {
            public string LabelColumnName = "Label";

            public double InitLearningRate = 1.0;

            public double WeightDecay = 0.0;
        }
    }
}
