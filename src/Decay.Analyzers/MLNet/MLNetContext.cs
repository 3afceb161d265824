using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Decay.MLNet
{
    /// <summary>ML.NET's symbols, resolved once per compilation and shared by every ML.NET rule.
    /// <see cref="Get"/> returns null when the compilation references no ML.NET assembly that a
    /// rule binds to (neither Microsoft.ML's StandardTrainers, Mkl or LightGBM trainers nor
    /// Microsoft.ML.TorchSharp), and the ML.NET analyzers then register nothing. Each symbol is
    /// nullable on its own: a project that references Microsoft.ML but not LightGBM still gets the
    /// SDCA rules.</summary>
    internal sealed class MLNetContext
    {
        private static readonly ConditionalWeakTable<Compilation, Box> Cache = new ConditionalWeakTable<Compilation, Box>();

        private sealed class Box
        {
            public Box(MLNetContext? value) => Value = value;
            public MLNetContext? Value { get; }
        }

        public static MLNetContext? Get(Compilation compilation)
            => Cache.GetValue(compilation, c => new Box(Create(c))).Value;

        private static MLNetContext? Create(Compilation compilation)
        {
            // Every ML.NET type Decay binds to ships in an assembly named Microsoft.ML.*: without one
            // among the references (or being one), the 17 lookups below would each search every
            // reference in vain, a millisecond per compilation of a project that uses no ML.NET.
            if (!MayDefineMLNet(compilation))
            {
                return null;
            }

            var context = new MLNetContext(compilation);
            return context.optionsTrainers.Count == 0 && context.StandardTrainersCatalog is null ? null : context;
        }

        private static bool MayDefineMLNet(Compilation compilation)
        {
            if (IsMLNetAssemblyName(compilation.AssemblyName))
            {
                return true;
            }

            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (IsMLNetAssemblyName(identity.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMLNetAssemblyName(string? name)
            => name != null && name.StartsWith("Microsoft.ML", StringComparison.Ordinal);

        /// <summary>Declaring type of a regularization field → the trainer family it configures.</summary>
        private readonly Dictionary<INamedTypeSymbol, MLNetTrainer> optionsTrainers =
            new Dictionary<INamedTypeSymbol, MLNetTrainer>(SymbolEqualityComparer.Default);

        private MLNetContext(Compilation compilation)
        {
            StandardTrainersCatalog = compilation.GetTypeByMetadataName(MLNetNames.StandardTrainersCatalog);
            BinaryClassificationTrainers = compilation.GetTypeByMetadataName(MLNetNames.BinaryClassificationTrainers);
            MulticlassClassificationTrainers = compilation.GetTypeByMetadataName(MLNetNames.MulticlassClassificationTrainers);
            RegressionTrainers = compilation.GetTypeByMetadataName(MLNetNames.RegressionTrainers);
            SdcaBinaryOptionsBase = compilation.GetTypeByMetadataName(MLNetNames.SdcaBinaryOptionsBase);
            SdcaMulticlassOptions = compilation.GetTypeByMetadataName(MLNetNames.SdcaMulticlassOptions);
            SdcaRegressionOptions = compilation.GetTypeByMetadataName(MLNetNames.SdcaRegressionOptions);
            NasBertOptions = compilation.GetTypeByMetadataName(MLNetNames.NasBertOptions);

            Add(compilation, MLNetNames.SdcaOptionsBase, MLNetTrainer.Sdca);
            Add(compilation, MLNetNames.LbfgsOptionsBase, MLNetTrainer.Lbfgs);
            Add(compilation, MLNetNames.SgdOptionsBase, MLNetTrainer.Sgd);
            Add(compilation, MLNetNames.AveragedLinearOptions, MLNetTrainer.AveragedLinear);
            Add(compilation, MLNetNames.LinearSvmOptions, MLNetTrainer.LinearSvm);
            Add(compilation, MLNetNames.SymbolicSgdOptions, MLNetTrainer.SymbolicSgd);
            Add(compilation, MLNetNames.LightGbmBoosterOptionsBase, MLNetTrainer.LightGbmBooster);
            Add(compilation, MLNetNames.LightGbmOptionsBase, MLNetTrainer.LightGbm);
            Add(compilation, MLNetNames.TorchSharpOptions, MLNetTrainer.TorchSharp);
        }

        private void Add(Compilation compilation, string metadataName, MLNetTrainer trainer)
        {
            var type = compilation.GetTypeByMetadataName(metadataName);
            if (type != null)
            {
                optionsTrainers[type] = trainer;
            }
        }

        public INamedTypeSymbol? StandardTrainersCatalog { get; }
        public INamedTypeSymbol? BinaryClassificationTrainers { get; }
        public INamedTypeSymbol? MulticlassClassificationTrainers { get; }
        public INamedTypeSymbol? RegressionTrainers { get; }
        public INamedTypeSymbol? SdcaBinaryOptionsBase { get; }
        public INamedTypeSymbol? SdcaMulticlassOptions { get; }
        public INamedTypeSymbol? SdcaRegressionOptions { get; }
        public INamedTypeSymbol? NasBertOptions { get; }

        /// <summary>True when the options type of <paramref name="trainer"/> resolves (for SDCA,
        /// L-BFGS, SGD and the online trainers the catalog alone also counts).</summary>
        public bool Has(MLNetTrainer trainer)
            => optionsTrainers.ContainsValue(trainer)
               || (StandardTrainersCatalog != null && trainer <= MLNetTrainer.AveragedLinear);

        /// <summary>True when Microsoft.ML.TorchSharp's NAS-BERT options resolve (DECAY107 has work to do).</summary>
        public bool HasNasBertTrainers => NasBertOptions != null && optionsTrainers.ContainsValue(MLNetTrainer.TorchSharp);

        /// <summary>The trainer family whose options type declares <paramref name="field"/>
        /// (compared on the original definition: SdcaTrainerBase`3+OptionsBase, not a construction
        /// of it), or null for any other field.</summary>
        public MLNetTrainer? GetTrainerOfField(IFieldSymbol field)
        {
            var declaring = field.OriginalDefinition.ContainingType;
            return declaring != null && optionsTrainers.TryGetValue(declaring.OriginalDefinition, out var trainer) ? trainer : (MLNetTrainer?)null;
        }

        public bool IsStandardTrainersCatalog(INamedTypeSymbol? type)
            => StandardTrainersCatalog != null && SymbolEqualityComparer.Default.Equals(type, StandardTrainersCatalog);

        /// <summary>Classification vs regression SDCA from the catalog receiver's static type.</summary>
        public SdcaTask GetTaskOfCatalog(ITypeSymbol? receiver)
        {
            if (receiver is null)
            {
                return SdcaTask.Unknown;
            }

            if (SymbolEqualityComparer.Default.Equals(receiver, BinaryClassificationTrainers)
                || SymbolEqualityComparer.Default.Equals(receiver, MulticlassClassificationTrainers))
            {
                return SdcaTask.Classification;
            }

            return SymbolEqualityComparer.Default.Equals(receiver, RegressionTrainers) ? SdcaTask.Regression : SdcaTask.Unknown;
        }

        /// <summary>Classification vs regression SDCA from the options object's static type: a
        /// receiver typed only as SdcaTrainerBase`3+OptionsBase (or a type parameter) is Unknown.</summary>
        public SdcaTask GetTaskOfOptions(ITypeSymbol? receiver)
        {
            if (InheritsFromOrEquals(receiver, SdcaBinaryOptionsBase) || InheritsFromOrEquals(receiver, SdcaMulticlassOptions))
            {
                return SdcaTask.Classification;
            }

            return InheritsFromOrEquals(receiver, SdcaRegressionOptions) ? SdcaTask.Regression : SdcaTask.Unknown;
        }

        public bool IsNasBertOptions(ITypeSymbol? type) => InheritsFromOrEquals(type, NasBertOptions);

        public static bool InheritsFromOrEquals(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
