using System.Threading;
using Decay.Operations;

namespace Decay.Tests
{
    /// <summary>Unit tests of the ModuleContents model: which parameters a module holds, for
    /// TorchSharp layers by their flags, Sequential, module classes in source by fields and
    /// constructor assignments, and the cases that must stay unknown.</summary>
    public class ModuleContentsModelTests
    {
        private static ModuleContents OfMarked(params string[] sources)
        {
            var compiled = ModelTestSource.Compile(sources);
            var provider = new ModuleContentsProvider(compiled.Torch);
            return provider.OfExpression(compiled.Marked(), CancellationToken.None);
        }

        private static ModuleContents OfLayer(string factoryCall)
            => OfMarked($$"""
                using TorchSharp;
                using static TorchSharp.torch;
                class T { void M(bool flag) { var m = /*here*/{{factoryCall}}; } }
                """);

        [Theory]
        [InlineData("nn.Linear(10, 5)")]
        [InlineData("nn.Linear(10, 5, hasBias: true)")]
        [InlineData("nn.Conv2d(3, 8, 3)")]
        [InlineData("nn.Conv1d(3, 8, 3, bias: true)")]
        [InlineData("nn.LayerNorm(16)")]
        [InlineData("nn.LayerNorm(16, bias: false)")]
        [InlineData("nn.BatchNorm1d(16)")]
        [InlineData("nn.BatchNorm2d(16)")]
        [InlineData("nn.InstanceNorm2d(16, affine: true)")]
        [InlineData("nn.GroupNorm(4, 16)")]
        [InlineData("nn.Bilinear(4, 4, 2)")]
        [InlineData("nn.Linear(nn.Parameter(torch.zeros(2, 2)), nn.Parameter(torch.zeros(2)))")]
        public void Layers_with_biases_or_norm_gains(string factoryCall)
            => Assert.Equal(ModuleContents.BiasesOrNorms, OfLayer(factoryCall));

        [Theory]
        [InlineData("nn.Linear(10, 5, hasBias: false)")]
        [InlineData("nn.Linear(10, 5, false)")]
        [InlineData("nn.Conv2d(3, 8, 3, bias: false)")]
        [InlineData("nn.LayerNorm(16, elementwise_affine: false)")]
        [InlineData("nn.BatchNorm1d(16, affine: false)")]
        [InlineData("nn.InstanceNorm1d(16)")]
        [InlineData("nn.GroupNorm(4, 16, affine: false)")]
        [InlineData("nn.ReLU()")]
        [InlineData("nn.Dropout()")]
        [InlineData("nn.Linear(nn.Parameter(torch.zeros(2, 2)))")]
        public void Layers_with_nothing_to_exclude(string factoryCall)
            => Assert.Equal(ModuleContents.None, OfLayer(factoryCall));

        [Fact]
        public void Embeddings_are_not_counted_as_biases()
            => Assert.Equal(ModuleContents.EmbeddingOnly, OfLayer("nn.Embedding(1000, 64)"));

        [Theory]
        [InlineData("nn.Linear(10, 5, hasBias: flag)")]
        [InlineData("nn.BatchNorm1d(16, affine: flag)")]
        public void Non_constant_flags_are_unknown(string factoryCall)
            => Assert.Equal(Presence.Unknown, OfLayer(factoryCall).BiasOrNorm);

        [Fact]
        public void Sequential_is_the_union_of_its_layers()
        {
            Assert.Equal(Presence.Yes, OfLayer("nn.Sequential(nn.Linear(4, 8, hasBias: false), nn.ReLU(), nn.LayerNorm(8))").BiasOrNorm);
            Assert.Equal(ModuleContents.None, OfLayer("nn.Sequential(nn.Linear(4, 8, hasBias: false), nn.ReLU(), nn.Linear(8, 2, hasBias: false))"));
            Assert.Equal(Presence.Yes, OfLayer("nn.Sequential((\"fc\", nn.Linear(4, 8)), (\"act\", nn.ReLU()))").BiasOrNorm);
            Assert.Equal(Presence.Yes, OfLayer("nn.Sequential(nn.Embedding(10, 4), nn.Linear(4, 2)).to(torch.CPU)").BiasOrNorm);
        }

        private const string ModuleUsings = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            """;

        [Fact]
        public void A_module_class_with_registered_layer_fields()
            => Assert.Equal(ModuleContents.BiasesOrNorms, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear fc1;
                    private readonly LayerNorm norm;
                    public Net() : base("Net") { fc1 = nn.Linear(4, 8); norm = nn.LayerNorm(8); RegisterComponents(); }
                    public override Tensor forward(Tensor x) => norm.call(fc1.call(x));
                }
                class T { void M() { var model = new Net(); var m = /*here*/model; } }
                """));

        [Fact]
        public void Fields_declared_as_Module_are_known_by_what_the_constructor_assigns()
            => Assert.Equal(Presence.Yes, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly nn.Module<Tensor, Tensor> conv;
                    private readonly nn.Module<Tensor, Tensor> bn1;
                    public Net() : base("Net")
                    {
                        conv = nn.Conv1d(3, 8, 3, bias: false);
                        bn1 = nn.BatchNorm1d(8);
                        RegisterComponents();
                    }
                    public override Tensor forward(Tensor x) => bn1.call(conv.call(x));
                }
                class T { void M(Net net) { var m = /*here*/net; } }
                """).BiasOrNorm);

        [Fact]
        public void A_class_in_another_file_and_nested_one_level()
            => Assert.Equal(Presence.Yes, OfMarked(
                ModuleUsings + """
                class Block : nn.Module<Tensor, Tensor>
                {
                    public nn.Module<Tensor, Tensor> layers = nn.Sequential(nn.Linear(4, 4), nn.ReLU());
                    public Block() : base("Block") => RegisterComponents();
                    public override Tensor forward(Tensor x) => layers.call(x);
                }
                """,
                ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Block block = new Block();
                    private readonly Linear head;
                    public Net() : base("Net") { head = nn.Linear(4, 2, hasBias: false); RegisterComponents(); }
                    public override Tensor forward(Tensor x) => head.call(block.call(x));
                }
                class T { Net model = new Net(); void M() { var m = /*here*/model; } }
                """).BiasOrNorm);

        [Fact]
        public void Auto_properties_count_like_fields()
            => Assert.Equal(Presence.Yes, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    public Linear Fc { get; }
                    public Net() : base("Net") { Fc = nn.Linear(4, 2); RegisterComponents(); }
                    public override Tensor forward(Tensor x) => Fc.call(x);
                }
                class T { void M() { var m = /*here*/new Net(); } }
                """).BiasOrNorm);

        [Fact]
        public void A_bias_free_model_with_an_embedding_has_nothing_to_exclude()
            => Assert.Equal(ModuleContents.EmbeddingOnly, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Embedding embed = nn.Embedding(100, 8);
                    private readonly Linear proj = nn.Linear(8, 8, hasBias: false);
                    private readonly int size = 8;
                    public Net() : base("Net") => RegisterComponents();
                    public override Tensor forward(Tensor x) => proj.call(embed.call(x));
                }
                class T { void M() { var m = /*here*/new Net(); } }
                """));

        [Fact]
        public void Without_RegisterComponents_the_fields_are_not_parameters()
            => Assert.Equal(ModuleContents.Unknown, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear fc = nn.Linear(4, 2);
                    public Net() : base("Net") { }
                    public override Tensor forward(Tensor x) => fc.call(x);
                }
                class T { void M() { var m = /*here*/new Net(); } }
                """));

        [Fact]
        public void register_module_counts_without_RegisterComponents()
            => Assert.Equal(Presence.Yes, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    public Net() : base("Net") { register_module("fc", nn.Linear(4, 2)); }
                    public override Tensor forward(Tensor x) => x;
                }
                class T { void M() { var m = /*here*/new Net(); } }
                """).BiasOrNorm);

        [Fact]
        public void A_conditional_or_late_assignment_is_not_certain()
        {
            Assert.Equal(Presence.Unknown, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly nn.Module<Tensor, Tensor>? norm;
                    public Net(bool useNorm) : base("Net") { if (useNorm) norm = nn.LayerNorm(8); RegisterComponents(); }
                    public override Tensor forward(Tensor x) => x;
                }
                class T { void M() { var m = /*here*/new Net(true); } }
                """).BiasOrNorm);

            Assert.Equal(Presence.Unknown, OfMarked(ModuleUsings + """
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear fc;
                    public Net() : base("Net") { RegisterComponents(); fc = nn.Linear(4, 2); }
                    public override Tensor forward(Tensor x) => fc.call(x);
                }
                class T { void M() { var m = /*here*/new Net(); } }
                """).BiasOrNorm);
        }

        [Fact]
        public void Module_parameters_of_abstract_or_layer_types_are_unknown()
        {
            Assert.Equal(ModuleContents.Unknown, OfMarked(ModuleUsings + """
                class T { void M(nn.Module<Tensor, Tensor> model) { var m = /*here*/model; } }
                """));
            Assert.Equal(ModuleContents.Unknown, OfMarked(ModuleUsings + """
                class T { void M(Linear layer) { var m = /*here*/layer; } }
                """));
            Assert.Equal(ModuleContents.Unknown, OfMarked(ModuleUsings + """
                class T { void M(nn.Module model) { var m = /*here*/model; } }
                """));
        }

        /// <summary>Four module classes nested one in the next: from a local, the innermost
        /// layer is past the depth budget.</summary>
        private const string DeepChain = ModuleUsings + """
            class A : nn.Module<Tensor, Tensor>
            {
                private readonly B b = new B();
                public A() : base("A") => RegisterComponents();
                public override Tensor forward(Tensor x) => b.call(x);
            }
            class B : nn.Module<Tensor, Tensor>
            {
                private readonly C c = new C();
                public B() : base("B") => RegisterComponents();
                public override Tensor forward(Tensor x) => c.call(x);
            }
            class C : nn.Module<Tensor, Tensor>
            {
                private readonly D d = new D();
                public C() : base("C") => RegisterComponents();
                public override Tensor forward(Tensor x) => d.call(x);
            }
            class D : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc = nn.Linear(4, 4);
                public D() : base("D") => RegisterComponents();
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            class T { void M() { var model = new A(); var m = /*here*/model; } }
            """;

        [Fact]
        public void Nested_answers_are_reused_and_the_same_every_time()
        {
            var compiled = ModelTestSource.Compile(DeepChain);
            var provider = new ModuleContentsProvider(compiled.Torch);
            var marked = compiled.Marked();
            Assert.Equal(Presence.Unknown, provider.OfExpression(marked, CancellationToken.None).BiasOrNorm);
            Assert.Equal(Presence.Unknown, provider.OfExpression(marked, CancellationToken.None).BiasOrNorm);
        }

        [Fact]
        public void A_nested_answer_is_not_reused_once_a_type_inside_it_is_known_with_the_whole_budget()
        {
            // Once D's own contents are cached (asked about at the top level), the nested
            // question uses them instead of running out of depth, as recomputing it would.
            var compiled = ModelTestSource.Compile(DeepChain);
            var provider = new ModuleContentsProvider(compiled.Torch);
            var marked = compiled.Marked();
            Assert.Equal(Presence.Unknown, provider.OfExpression(marked, CancellationToken.None).BiasOrNorm);
            Assert.Equal(Presence.Yes, provider.OfType(compiled.Compilation.GetTypeByMetadataName("D"), CancellationToken.None).BiasOrNorm);
            Assert.Equal(Presence.Yes, provider.OfExpression(marked, CancellationToken.None).BiasOrNorm);
        }

        [Fact]
        public void A_layer_in_a_local_is_known_by_its_factory_call()
            => Assert.Equal(ModuleContents.None, OfMarked(ModuleUsings + """
                class T { void M() { var layer = nn.Linear(4, 2, hasBias: false); var m = /*here*/layer.cuda(); } }
                """));
    }
}
