using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Decay.TorchSharp
{
    /// <summary>TorchSharp's symbols, resolved once per compilation and shared by every Decay
    /// analyzer. <see cref="Get"/> returns null when the compilation does not reference
    /// TorchSharp (TorchSharp.torch does not resolve), and analyzers then register nothing.</summary>
    internal sealed class TorchSharpContext
    {
        private static readonly ConditionalWeakTable<Compilation, Box> Cache = new ConditionalWeakTable<Compilation, Box>();

        private sealed class Box
        {
            public Box(TorchSharpContext? value) => Value = value;
            public TorchSharpContext? Value { get; }
        }

        public static TorchSharpContext? Get(Compilation compilation)
            => Cache.GetValue(compilation, c => new Box(Create(c))).Value;

        private static TorchSharpContext? Create(Compilation compilation)
        {
            var torch = compilation.GetTypeByMetadataName(TorchSharpNames.Torch);
            if (torch is null)
            {
                return null;
            }

            return new TorchSharpContext(compilation, torch);
        }

        private readonly Dictionary<INamedTypeSymbol, OptimizerInfo> optimizersByType =
            new Dictionary<INamedTypeSymbol, OptimizerInfo>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, OptimizerInfo> optimizersByParamGroup =
            new Dictionary<INamedTypeSymbol, OptimizerInfo>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, OptimizerInfo> optimizersByOptions =
            new Dictionary<INamedTypeSymbol, OptimizerInfo>(SymbolEqualityComparer.Default);
        private readonly Dictionary<OptimizerKind, OptimizerInfo> optimizersByKind = new Dictionary<OptimizerKind, OptimizerInfo>();

        private TorchSharpContext(Compilation compilation, INamedTypeSymbol torch)
        {
            Compilation = compilation;
            Torch = torch;
            Optim = compilation.GetTypeByMetadataName(TorchSharpNames.Optim);
            Optimizer = compilation.GetTypeByMetadataName(TorchSharpNames.Optimizer);
            Nn = compilation.GetTypeByMetadataName(TorchSharpNames.Nn);
            Module = compilation.GetTypeByMetadataName(TorchSharpNames.Module);
            ModuleOfT = compilation.GetTypeByMetadataName(TorchSharpNames.ModuleOfT);
            Functional = compilation.GetTypeByMetadataName(TorchSharpNames.Functional);
            NnUtils = compilation.GetTypeByMetadataName(TorchSharpNames.NnUtils);
            Linalg = compilation.GetTypeByMetadataName(TorchSharpNames.Linalg);
            Tensor = compilation.GetTypeByMetadataName(TorchSharpNames.Tensor);
            Parameter = compilation.GetTypeByMetadataName(TorchSharpNames.Parameter);
            TensorExtensionMethods = compilation.GetTypeByMetadataName(TorchSharpNames.TensorExtensionMethods);
            OptimizerOptions = compilation.GetTypeByMetadataName(TorchSharpNames.OptimizerOptions);
            ParamGroup = compilation.GetTypeByMetadataName(TorchSharpNames.ParamGroup);
            ParamGroupOfT = compilation.GetTypeByMetadataName(TorchSharpNames.ParamGroupOfT);
            Sequential = compilation.GetTypeByMetadataName(TorchSharpNames.Sequential);
            ParameterLessModule = compilation.GetTypeByMetadataName(TorchSharpNames.ParameterLessModule);
            Embedding = compilation.GetTypeByMetadataName(TorchSharpNames.Embedding);
            ModuleExtensionMethods = compilation.GetTypeByMetadataName(TorchSharpNames.ModuleExtensionMethods);

            foreach (var name in TorchSharpNames.OptimizerClassNames)
            {
                var type = compilation.GetTypeByMetadataName(TorchSharpNames.ModulesNamespace + "." + name);
                if (type is null || !System.Enum.TryParse(name, out OptimizerKind kind))
                {
                    continue;
                }

                var info = new OptimizerInfo(kind, type, FindNested(type, "ParamGroup"), FindNested(type, "Options"));
                optimizersByType[type] = info;
                optimizersByKind[kind] = info;
                if (info.ParamGroup != null)
                {
                    optimizersByParamGroup[info.ParamGroup] = info;
                }

                if (info.Options != null)
                {
                    optimizersByOptions[info.Options] = info;
                }
            }

            Optimizers = optimizersByKind.Values.ToImmutableArray();
        }

        private static INamedTypeSymbol? FindNested(INamedTypeSymbol type, string name)
        {
            foreach (var member in type.GetTypeMembers(name))
            {
                if (member.Arity == 0)
                {
                    return member;
                }
            }

            return null;
        }

        public Compilation Compilation { get; }
        public INamedTypeSymbol Torch { get; }
        public INamedTypeSymbol? Optim { get; }
        public INamedTypeSymbol? Optimizer { get; }
        public INamedTypeSymbol? Nn { get; }
        public INamedTypeSymbol? Module { get; }
        public INamedTypeSymbol? ModuleOfT { get; }
        public INamedTypeSymbol? Functional { get; }
        public INamedTypeSymbol? NnUtils { get; }
        public INamedTypeSymbol? Linalg { get; }
        public INamedTypeSymbol? Tensor { get; }
        public INamedTypeSymbol? Parameter { get; }
        public INamedTypeSymbol? TensorExtensionMethods { get; }
        public INamedTypeSymbol? OptimizerOptions { get; }
        public INamedTypeSymbol? ParamGroup { get; }
        public INamedTypeSymbol? ParamGroupOfT { get; }
        public ImmutableArray<OptimizerInfo> Optimizers { get; }
        public INamedTypeSymbol? Sequential { get; }
        public INamedTypeSymbol? ParameterLessModule { get; }
        public INamedTypeSymbol? Embedding { get; }
        public INamedTypeSymbol? ModuleExtensionMethods { get; }

        public OptimizerInfo? GetOptimizer(OptimizerKind kind)
            => optimizersByKind.TryGetValue(kind, out var info) ? info : null;

        /// <summary>The optimizer whose class is <paramref name="type"/> (TorchSharp.Modules.X).</summary>
        public OptimizerInfo? GetOptimizerByType(ITypeSymbol? type)
            => type is INamedTypeSymbol named && optimizersByType.TryGetValue(named.OriginalDefinition, out var info) ? info : null;

        /// <summary>The optimizer whose nested ParamGroup type is <paramref name="type"/> (X.ParamGroup).</summary>
        public OptimizerInfo? GetOptimizerByParamGroup(ITypeSymbol? type)
            => type is INamedTypeSymbol named && optimizersByParamGroup.TryGetValue(named.OriginalDefinition, out var info) ? info : null;

        /// <summary>The optimizer whose nested Options type is <paramref name="type"/> (X.Options).</summary>
        public OptimizerInfo? GetOptimizerByOptions(ITypeSymbol? type)
            => type is INamedTypeSymbol named && optimizersByOptions.TryGetValue(named.OriginalDefinition, out var info) ? info : null;

        /// <summary>True for the static factory class torch.optim.</summary>
        public bool IsOptimFactoryClass(ITypeSymbol? type)
            => Optim != null && type != null
               && (ReferenceEquals(type, Optim)
                   // Asked for every invocation: the name rejects almost all before comparing symbols.
                   || (type.Name == Optim.Name && SymbolEqualityComparer.Default.Equals(type, Optim)));

        public bool IsTensor(ITypeSymbol? type) => Tensor != null && InheritsFromOrEquals(type, Tensor);

        public bool IsModule(ITypeSymbol? type) => Module != null && InheritsFromOrEquals(type, Module);

        public static bool InheritsFromOrEquals(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
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
