using System.Linq;
using System.Threading;
using Decay.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.Tests
{
    /// <summary>Unit tests of the syntax-first pre-filter: a method or type may name a member
    /// exactly when its own text spells it (or could hide it behind a Unicode escape).</summary>
    public class SourceMentionsTests
    {
        private const string Source = """
            using TorchSharp;
            using static TorchSharp.torch;

            class Trainer
            {
                void Freeze(nn.Module model)
                {
                    foreach (var p in model.parameters()) p.requires_grad = false;
                }

                void Train(nn.Module model)
                {
                    var optimizer = optim.AdamW(model.parameters());
                }

                void Escaped(nn.Module model)
                {
                    foreach (var p in model.parameters()) p.requires\u005Fgrad = false;
                }

                void Verbatim(nn.Module model)
                {
                    foreach (var p in model.parameters()) p.@requires_grad = false;
                }
            }

            class Other
            {
                void M(nn.Module model) => model.train();
            }
            """;

        private static bool MethodMayMention(ModelTestSource compiled, string method, string name)
        {
            var declaration = compiled.Trees[0].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
            return SourceMentions.MayMention(declaration, name, CancellationToken.None);
        }

        [Fact]
        public void A_method_mentions_only_what_its_own_text_spells()
        {
            var compiled = ModelTestSource.Compile(Source);
            Assert.True(MethodMayMention(compiled, "Freeze", "requires_grad"));
            Assert.False(MethodMayMention(compiled, "Train", "requires_grad"));
            Assert.False(MethodMayMention(compiled, "Freeze", "add_param_group"));
            Assert.True(MethodMayMention(compiled, "Verbatim", "requires_grad"));
        }

        [Fact]
        public void A_unicode_escape_may_hide_any_name()
        {
            var compiled = ModelTestSource.Compile(Source);
            Assert.True(MethodMayMention(compiled, "Escaped", "requires_grad"));
            Assert.True(MethodMayMention(compiled, "Escaped", "add_param_group"));
        }

        [Fact]
        public void A_type_mentions_what_any_of_its_parts_spells()
        {
            var compiled = ModelTestSource.Compile(Source, """
                using TorchSharp;

                partial class Staged
                {
                    void Train(torch.nn.Module model) { }
                }
                """, """
                using TorchSharp;

                partial class Staged
                {
                    void Freeze(torch.nn.Module model) { foreach (var p in model.parameters()) p.requires_grad_(false); }
                }
                """);
            Assert.True(SourceMentions.MayMention(compiled.Compilation.GetTypeByMetadataName("Staged")!, "requires_grad", CancellationToken.None));
            Assert.True(SourceMentions.MayMention(compiled.Compilation.GetTypeByMetadataName("Trainer")!, "requires_grad", CancellationToken.None));
            Assert.False(SourceMentions.MayMention(compiled.Compilation.GetTypeByMetadataName("Other")!, "requires_grad", CancellationToken.None));
        }

        [Fact]
        public void A_type_without_source_may_mention_anything()
        {
            var compiled = ModelTestSource.Compile(Source);
            var external = compiled.Torch.Optim!;
            Assert.True(SourceMentions.MayMention(external, "requires_grad", CancellationToken.None));
        }
    }
}
