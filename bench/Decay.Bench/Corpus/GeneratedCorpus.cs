using System.Collections.Generic;
using System.Collections.Immutable;

namespace Decay.Bench.Corpus
{
    internal sealed class SourceFile
    {
        public SourceFile(string path, CodeWriter code)
        {
            Path = path;
            Text = code.ToString();
            Lines = code.Lines;
        }

        public string Path { get; }
        public string Text { get; }
        public int Lines { get; }
    }

    /// <summary>A generator writes the corpus as a stream of independent units (a few files each);
    /// unit n is the same whatever the corpus size, so smaller corpora are prefixes of larger ones.</summary>
    internal interface IUnitGenerator
    {
        /// <summary>Short name used in the table ("torch", "no-torch").</summary>
        string Name { get; }

        bool UsesTorchSharp { get; }

        bool UsesMLNet { get; }

        IEnumerable<SourceFile> Unit(int index);
    }

    internal sealed class GeneratedCorpus
    {
        private GeneratedCorpus(IUnitGenerator generator, int targetLines, ImmutableArray<SourceFile> files, int lines)
        {
            Generator = generator;
            TargetLines = targetLines;
            Files = files;
            Lines = lines;
        }

        public IUnitGenerator Generator { get; }
        public string Name => Generator.Name;
        public int TargetLines { get; }
        public ImmutableArray<SourceFile> Files { get; }
        public int Lines { get; }

        /// <summary>Units until the corpus has at least <paramref name="targetLines"/> lines.</summary>
        public static GeneratedCorpus Create(IUnitGenerator generator, int targetLines)
        {
            var files = ImmutableArray.CreateBuilder<SourceFile>();
            var lines = 0;
            for (var unit = 0; lines < targetLines; unit++)
            {
                foreach (var file in generator.Unit(unit))
                {
                    files.Add(file);
                    lines += file.Lines;
                }
            }

            return new GeneratedCorpus(generator, targetLines, files.ToImmutable(), lines);
        }
    }
}
