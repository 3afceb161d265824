using Microsoft.CodeAnalysis;

namespace Decay.TorchSharp
{
    /// <summary>One TorchSharp optimizer: its class (TorchSharp.Modules.X) and the nested
    /// X.ParamGroup and X.Options types, where they exist.</summary>
    internal sealed class OptimizerInfo
    {
        public OptimizerInfo(OptimizerKind kind, INamedTypeSymbol type, INamedTypeSymbol? paramGroup, INamedTypeSymbol? options)
        {
            Kind = kind;
            Type = type;
            ParamGroup = paramGroup;
            Options = options;
        }

        public OptimizerKind Kind { get; }
        public string Name => Type.Name;
        public INamedTypeSymbol Type { get; }
        public INamedTypeSymbol? ParamGroup { get; }
        public INamedTypeSymbol? Options { get; }

        /// <summary>Only AdamW decouples weight decay in TorchSharp; every other optimizer that has
        /// weight_decay adds weight_decay·θ to the gradient.</summary>
        public bool HasDecoupledDecay => Kind == OptimizerKind.AdamW;
    }
}
