// netstandard2.0 lacks the nullable-flow attributes; the real TorchSharp uses [DisallowNull] on
// Embedding.weight. Roslyn recognises these by full name, so an internal copy is enough.
namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
    internal sealed class DisallowNullAttribute : Attribute
    {
    }
}
