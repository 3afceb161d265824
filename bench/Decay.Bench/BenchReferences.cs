using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Decay.Testing;
using Microsoft.CodeAnalysis;

namespace Decay.Bench
{
    /// <summary>What the corpora compile against: the .NET 8 reference assemblies and the API
    /// models, exactly as the tests do (Decay.Testing's TestReferences).</summary>
    internal static class BenchReferences
    {
        /// <summary>The assemblies of the ML.NET API model (tests/ApiModels/MLNet). When the bench
        /// references those projects they are copied beside it and the corpus gains ML.NET
        /// trainer code; until then it has none.</summary>
        public static readonly ImmutableArray<string> MLNetAssemblies = ImmutableArray.Create(
            "Microsoft.ML.Data", "Microsoft.ML.StandardTrainers", "Microsoft.ML.Mkl.Components", "Microsoft.ML.LightGbm", "Microsoft.ML.TorchSharp");

        public static ImmutableArray<MetadataReference> Plain => TestReferences.Net80;

        public static ImmutableArray<MetadataReference> TorchSharp => TestReferences.Net80.Add(TestReferences.TorchSharp);

        /// <summary>The directory holding every ML.NET model assembly: <paramref name="explicitDirectory"/>
        /// if given, else beside the bench; null when they are not all there.</summary>
        public static string? FindMLNet(string? explicitDirectory)
        {
            var directory = explicitDirectory ?? AppContext.BaseDirectory;
            return MLNetAssemblies.All(name => File.Exists(Path.Combine(directory, name + ".dll"))) ? directory : null;
        }

        public static ImmutableArray<MetadataReference> MLNet(string directory)
            => MLNetAssemblies.Select(name => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(directory, name + ".dll"))).ToImmutableArray();
    }
}
