using Decay.ApiModels.MLNet;

namespace Microsoft.ML.Trainers
{
    /// <summary>Stand-in for the *ModelParameters types (no rule inspects them).</summary>
    public sealed class ModelStub
    {
        internal ModelStub() { }
    }

    public abstract class TrainerInputBase
    {
        private protected TrainerInputBase() { }

        public string FeatureColumnName = "Features";
    }

    public abstract class TrainerInputBaseWithLabel : TrainerInputBase
    {
        private protected TrainerInputBaseWithLabel() { }

        public string LabelColumnName = "Label";
    }

    public abstract class TrainerInputBaseWithWeight : TrainerInputBaseWithLabel
    {
        private protected TrainerInputBaseWithWeight() { }

        public string ExampleWeightColumnName = null;
    }

    public abstract class TrainerInputBaseWithGroupId : TrainerInputBaseWithWeight
    {
        private protected TrainerInputBaseWithGroupId() { }

        public string RowGroupColumnName = null;
    }

    public interface IScalarLoss { }

    public interface IClassificationLoss : IScalarLoss { }

    public interface IRegressionLoss : IScalarLoss { }

    public interface ISupportSdcaLoss : IScalarLoss { }

    public interface ISupportSdcaClassificationLoss : ISupportSdcaLoss, IClassificationLoss { }

    public interface ISupportSdcaRegressionLoss : ISupportSdcaLoss, IRegressionLoss { }

    public sealed class LogLoss : ISupportSdcaClassificationLoss
    {
        public LogLoss() { }
    }

    public sealed class HingeLoss : ISupportSdcaClassificationLoss
    {
        public HingeLoss(float margin = 1) { }
    }

    public sealed class SquaredLoss : ISupportSdcaRegressionLoss
    {
        public SquaredLoss() { }
    }

    public abstract class TrainerEstimatorBase<TTransformer, TModel> : IEstimator<TTransformer>
        where TTransformer : ITransformer
        where TModel : class
    {
        private protected TrainerEstimatorBase() { }

        public TTransformer Fit(IDataView trainData) => throw ApiModel.SignaturesOnly();
    }
}
