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
