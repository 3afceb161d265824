using System;
using System.Collections.Generic;
using Decay.Sample.MLNet;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.TorchSharp;
using Microsoft.ML.TorchSharp.NasBert;

// Three ML.NET trainers configured with the regularization values people carry over from other
// trainers. Decay reports each one at build time.
var mlContext = new MLContext(seed: 1);
var data = mlContext.Data.LoadFromEnumerable(Reviews.Sample());

// DECAY101: 1 is L-BFGS's default L2, where it is divided by the row count. SDCA applies it to an
// averaged loss, bias included: the whole model is confined to a ball of radius 1.18.
var binary = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 1f);
var model = binary.Fit(data);

// DECAY103: "no regularization" is not available in SDCA; 0 is raised to 1e-9 and the dual becomes
// ill-conditioned.
var multiclassOptions = new SdcaMaximumEntropyMulticlassTrainer.Options
{
    LabelColumnName = "Topic",
    L2Regularization = 0,
    MaximumNumberOfIterations = 100,
};
var multiclass = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(multiclassOptions);

// DECAY107 (Info, shown in the IDE): 0.01 is an AdamW value; ML.NET feeds WeightDecay to
// torch.optim.Adam as coupled L2 on every parameter, biases and LayerNorm included.
var textOptions = new TextClassificationTrainer.TextClassificationOptions
{
    Sentence1ColumnName = "Text",
    LabelColumnName = "Topic",
    WeightDecay = 0.01,
    MaxEpoch = 3,
};
var text = mlContext.MulticlassClassification.Trainers.TextClassification(textOptions);

Console.WriteLine($"trained {model}; configured {multiclass} and {text}");

namespace Decay.Sample.MLNet
{
    public sealed class Reviews
    {
        public bool Label { get; set; }

        [Microsoft.ML.Data.VectorType(3)]
        public float[] Features { get; set; } = new float[3];

        public static IEnumerable<Reviews> Sample()
        {
            var random = new Random(1);
            for (var i = 0; i < 100; i++)
            {
                var x = new[] { (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() };
                yield return new Reviews { Features = x, Label = x[0] + x[1] > 1 };
            }
        }
    }
}
