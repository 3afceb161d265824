using System.Collections.Generic;
using Decay.ApiModels.MLNet;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    // Real home: Microsoft.ML.DataView (IDataView) and Microsoft.ML.Core (ITransformer, IEstimator`1).
    public interface IDataView { }

    public interface ITransformer { }

    public interface IEstimator<out TTransformer>
        where TTransformer : ITransformer
    {
        TTransformer Fit(IDataView input);
    }

    public sealed class MLContext
    {
        public MLContext(int? seed = null) => throw ApiModel.SignaturesOnly();

        public BinaryClassificationCatalog BinaryClassification => throw ApiModel.SignaturesOnly();

        public MulticlassClassificationCatalog MulticlassClassification => throw ApiModel.SignaturesOnly();

        public RegressionCatalog Regression => throw ApiModel.SignaturesOnly();

        public DataOperationsCatalog Data => throw ApiModel.SignaturesOnly();
    }

    public sealed class DataOperationsCatalog
    {
        internal DataOperationsCatalog() { }

        public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, SchemaDefinition schemaDefinition = null)
            where TRow : class
            => throw ApiModel.SignaturesOnly();
    }

    public abstract class TrainCatalogBase
    {
        private protected TrainCatalogBase() { }

        public abstract class CatalogInstantiatorBase
        {
            private protected CatalogInstantiatorBase() { }
        }
    }

    public sealed class BinaryClassificationCatalog : TrainCatalogBase
    {
        internal BinaryClassificationCatalog() { }

        public BinaryClassificationTrainers Trainers => throw ApiModel.SignaturesOnly();

        public sealed class BinaryClassificationTrainers : CatalogInstantiatorBase
        {
            internal BinaryClassificationTrainers() { }
        }
    }

    public sealed class MulticlassClassificationCatalog : TrainCatalogBase
    {
        internal MulticlassClassificationCatalog() { }

        public MulticlassClassificationTrainers Trainers => throw ApiModel.SignaturesOnly();

        public sealed class MulticlassClassificationTrainers : CatalogInstantiatorBase
        {
            internal MulticlassClassificationTrainers() { }
        }
    }

    public sealed class RegressionCatalog : TrainCatalogBase
    {
        internal RegressionCatalog() { }

        public RegressionTrainers Trainers => throw ApiModel.SignaturesOnly();

        public sealed class RegressionTrainers : CatalogInstantiatorBase
        {
            internal RegressionTrainers() { }
        }
    }
}

namespace Microsoft.ML.Data
{
    /// <summary>Stand-in for the *PredictionTransformer&lt;T&gt; types (no rule inspects them).</summary>
    public sealed class TransformerStub : ITransformer
    {
        internal TransformerStub() { }
    }

    public sealed class SchemaDefinition
    {
        private SchemaDefinition() { }
    }

    [System.AttributeUsage(System.AttributeTargets.Field | System.AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class VectorTypeAttribute : System.Attribute
    {
        public VectorTypeAttribute() { }

        public VectorTypeAttribute(int size) { }

        public VectorTypeAttribute(params int[] dimensions) { }
    }
}
