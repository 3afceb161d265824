using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Decay.Testing
{
    /// <summary>Metadata references for test compilations: .NET 8 reference assemblies and the
    /// API models copied next to the test assembly.</summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> net80 = new Lazy<ImmutableArray<MetadataReference>>(
            () => Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray());

        private static readonly Lazy<MetadataReference> torchSharp = new Lazy<MetadataReference>(
            () => FromTestDirectory("TorchSharp.dll"));

        /// <summary>The .NET 8 reference assemblies (System.Runtime, System.Linq, …, netstandard).</summary>
        public static ImmutableArray<MetadataReference> Net80 => net80.Value;

        /// <summary>The TorchSharp API model (an assembly named TorchSharp).</summary>
        public static MetadataReference TorchSharp => torchSharp.Value;

        /// <summary>What a TorchSharp test compiles against unless it says otherwise.</summary>
        public static IEnumerable<MetadataReference> Default => Net80.Add(TorchSharp);

        private static readonly Lazy<ImmutableArray<MetadataReference>> mlnetCore = new Lazy<ImmutableArray<MetadataReference>>(
            () => ImmutableArray.Create(FromTestDirectory("Microsoft.ML.Data.dll"), FromTestDirectory("Microsoft.ML.StandardTrainers.dll")));

        private static readonly Lazy<ImmutableArray<MetadataReference>> mlnetAll = new Lazy<ImmutableArray<MetadataReference>>(
            () => MLNetCore.AddRange(new[]
            {
                FromTestDirectory("Microsoft.ML.Mkl.Components.dll"),
                FromTestDirectory("Microsoft.ML.LightGbm.dll"),
                FromTestDirectory("Microsoft.ML.TorchSharp.dll"),
            }));

        /// <summary>The ML.NET API model's Microsoft.ML.Data and Microsoft.ML.StandardTrainers: what
        /// a project referencing only the Microsoft.ML package sees of the rules' symbols.</summary>
        public static ImmutableArray<MetadataReference> MLNetCore => mlnetCore.Value;

        /// <summary>The whole ML.NET API model: MLNetCore plus Microsoft.ML.Mkl.Components,
        /// Microsoft.ML.LightGbm and Microsoft.ML.TorchSharp (which is not TorchSharp itself).</summary>
        public static ImmutableArray<MetadataReference> MLNetModel => mlnetAll.Value;

        /// <summary>What an ML.NET test compiles against unless it says otherwise: .NET 8 and the
        /// whole ML.NET model, without the TorchSharp model.</summary>
        public static IEnumerable<MetadataReference> MLNet => Net80.AddRange(MLNetModel);

        public static MetadataReference FromTestDirectory(string fileName)
        {
            var path = Path.Combine(AppContext.BaseDirectory, fileName);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The API model {fileName} was not copied next to the tests.", path);
            }

            return MetadataReference.CreateFromFile(path);
        }
    }
}
