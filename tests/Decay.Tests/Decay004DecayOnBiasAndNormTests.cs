using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Rules;
using Decay.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay004DecayOnBiasAndNormAnalyzer,
    Decay.CodeFixes.Decay004ExcludeBiasAndNormCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay004DecayOnBiasAndNormTests
    {
        private const string Key = Decay004ExcludeBiasAndNormCodeFixProvider.EquivalenceKey;

        /// <summary>A model in its own file: Linear → LayerNorm → Linear, registered.</summary>
        private const string Model = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            public sealed class Net : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc1;
                private readonly LayerNorm norm;
                private readonly Linear fc2;

                public Net() : base(nameof(Net))
                {
                    fc1 = nn.Linear(16, 32);
                    norm = nn.LayerNorm(32);
                    fc2 = nn.Linear(32, 4);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => fc2.call(norm.call(fc1.call(x)));
            }
            """;

        private static Task VerifyFixAsync(string source, string fixedSource)
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Key };
            test.TestState.AddSource(source);
            test.TestState.AddSource(Model);
            test.FixedState.AddSource(fixedSource);
            test.FixedState.AddSource(Model);
            return test.RunAsync();
        }

        private static Task VerifyWithModelAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerVerifier<Decay004DecayOnBiasAndNormAnalyzer>.Test();
            test.TestState.AddSource(source);
            test.TestState.AddSource(Model);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public Task Adam_factory_over_a_model_with_biases_and_norms_is_split_into_two_groups()
            => VerifyFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train()
                    {
                        var model = new Net();
                        var optimizer = torch.optim.[|Adam|](model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train()
                    {
                        var model = new Net();
                        var optimizer = torch.optim.Adam(new TorchSharp.Modules.Adam.ParamGroup[]
                        {
                            new TorchSharp.Modules.Adam.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new TorchSharp.Modules.Adam.Options { weight_decay = 1e-4 }),
                            new TorchSharp.Modules.Adam.ParamGroup(model.parameters().Where(p => p.dim() < 2), new TorchSharp.Modules.Adam.Options { weight_decay = 0 }),
                        }, lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task Message_names_the_decay_and_the_module()
            => VerifyWithModelAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(Net net)
                    {
                        var optimizer = torch.optim.{|#0:AdamW|}(net.parameters(), weight_decay: 0.05);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "weight_decay (0.05) is applied to every parameter of 'net', including its biases and normalization weights"));

        [Fact]
        public Task AdamW_keeps_every_argument_the_user_wrote()
            => VerifyFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model, double wd)
                    {
                        var optimizer = torch.optim.[|AdamW|](model.parameters(), lr: 3e-4, beta1: 0.9, beta2: 0.95, eps: 1e-6, weight_decay: wd, amsgrad: true);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model, double wd)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new AdamW.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = wd }),
                            new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 }),
                        }, lr: 3e-4, beta1: 0.9, beta2: 0.95, eps: 1e-6, weight_decay: wd, amsgrad: true);
                    }
                }
                """);

        [Fact]
        public Task SGD_factory_keeps_its_required_positional_learningRate()
            => VerifyFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train()
                    {
                        var model = new Net();
                        var optimizer = optim.[|SGD|](model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4, nesterov: true);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train()
                    {
                        var model = new Net();
                        var optimizer = optim.SGD(new SGD.ParamGroup[]
                        {
                            new SGD.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new SGD.Options { weight_decay = 5e-4 }),
                            new SGD.ParamGroup(model.parameters().Where(p => p.dim() < 2), new SGD.Options { weight_decay = 0 }),
                        }, 0.1, momentum: 0.9, weight_decay: 5e-4, nesterov: true);
                    }
                }
                """);

        [Fact]
        public Task SGD_factory_with_learningRate_by_name_and_arguments_on_their_own_lines()
            => VerifyFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.[|SGD|](
                            model.parameters(),
                            learningRate: 0.05,
                            weight_decay: 1e-4);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.SGD(
                            new SGD.ParamGroup[]
                            {
                                new SGD.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new SGD.Options { weight_decay = 1e-4 }),
                                new SGD.ParamGroup(model.parameters().Where(p => p.dim() < 2), new SGD.Options { weight_decay = 0 }),
                            },
                            learningRate: 0.05,
                            weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task new_AdamW_constructor_form_is_fixed()
            => VerifyFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    AdamW Build(Net model) => new [|AdamW|](model.parameters(), lr: 1e-3, weight_decay: 0.01);
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    AdamW Build(Net model) => new AdamW(new AdamW.ParamGroup[]
                    {
                        new AdamW.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.01 }),
                        new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 }),
                    }, lr: 1e-3, weight_decay: 0.01);
                }
                """);

        [Fact]
        public Task new_SGD_constructor_with_lr_is_fixed()
            => VerifyFixAsync("""
                using System.Linq;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = new [|SGD|](model.parameters(), lr: 0.1, momentum: 0.9, weight_decay: 1e-4);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = new SGD(new SGD.ParamGroup[]
                        {
                            new SGD.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new SGD.Options { weight_decay = 1e-4 }),
                            new SGD.ParamGroup(model.parameters().Where(p => p.dim() < 2), new SGD.Options { weight_decay = 0 }),
                        }, lr: 0.1, momentum: 0.9, weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task RMSProp_named_parameters_become_parameters()
            => VerifyFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.[|RMSProp|](model.named_parameters(), lr: 0.01, weight_decay: 1e-5, momentum: 0.9);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.RMSProp(new RMSProp.ParamGroup[]
                        {
                            new RMSProp.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new RMSProp.Options { weight_decay = 1e-5 }),
                            new RMSProp.ParamGroup(model.parameters().Where(p => p.dim() < 2), new RMSProp.Options { weight_decay = 0 }),
                        }, lr: 0.01, weight_decay: 1e-5, momentum: 0.9);
                    }
                }
                """);

        [Fact]
        public Task NAdam_first_argument_by_name_is_renamed_for_the_groups_overload()
            => VerifyFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.[|NAdam|](named_parameters: model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.NAdam(parameters: new NAdam.ParamGroup[]
                        {
                            new NAdam.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new NAdam.Options { weight_decay = 1e-4 }),
                            new NAdam.ParamGroup(model.parameters().Where(p => p.dim() < 2), new NAdam.Options { weight_decay = 0 }),
                        }, weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task Positional_decay_in_a_file_without_usings()
            => VerifyFixAsync("""
                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = TorchSharp.torch.optim.[|Adam|](model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 1e-4);
                    }
                }
                """, """
                using System.Linq;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = TorchSharp.torch.optim.Adam(new TorchSharp.Modules.Adam.ParamGroup[]
                        {
                            new TorchSharp.Modules.Adam.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new TorchSharp.Modules.Adam.Options { weight_decay = 1e-4 }),
                            new TorchSharp.Modules.Adam.ParamGroup(model.parameters().Where(p => p.dim() < 2), new TorchSharp.Modules.Adam.Options { weight_decay = 0 }),
                        }, 1e-3, 0.9, 0.999, 1e-8, 1e-4);
                    }
                }
                """);

        [Fact]
        public Task A_lambda_name_in_use_is_avoided()
            => VerifyFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net p)
                    {
                        var optimizer = torch.optim.[|AdamW|](p.parameters(), weight_decay: 0.1);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net p)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new AdamW.ParamGroup(p.parameters().Where(param => param.dim() >= 2), new AdamW.Options { weight_decay = 0.1 }),
                            new AdamW.ParamGroup(p.parameters().Where(param => param.dim() < 2), new AdamW.Options { weight_decay = 0 }),
                        }, weight_decay: 0.1);
                    }
                }
                """);

        [Fact]
        public Task Fix_all_rewrites_every_optimizer_and_adds_one_using()
            => VerifyFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net encoder, Net decoder)
                    {
                        var a = torch.optim.[|AdamW|](encoder.parameters(), weight_decay: 0.1);
                        var b = torch.optim.[|AdamW|](decoder.parameters(), weight_decay: 0.01);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net encoder, Net decoder)
                    {
                        var a = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new AdamW.ParamGroup(encoder.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.1 }),
                            new AdamW.ParamGroup(encoder.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 }),
                        }, weight_decay: 0.1);
                        var b = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new AdamW.ParamGroup(decoder.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.01 }),
                            new AdamW.ParamGroup(decoder.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 }),
                        }, weight_decay: 0.01);
                    }
                }
                """);

        [Fact]
        public Task Top_level_statements_with_a_Sequential_model()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));
                var optimizer = optim.[|AdamW|](model.parameters(), lr: 1e-3, weight_decay: 0.01);
                optimizer.step();
                """, """
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));
                var optimizer = optim.AdamW(new TorchSharp.Modules.AdamW.ParamGroup[]
                {
                    new TorchSharp.Modules.AdamW.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new TorchSharp.Modules.AdamW.Options { weight_decay = 0.01 }),
                    new TorchSharp.Modules.AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), new TorchSharp.Modules.AdamW.Options { weight_decay = 0 }),
                }, lr: 1e-3, weight_decay: 0.01);
                optimizer.step();
                """, Key);

        [Fact]
        public Task Module_fields_declared_as_Module_but_assigned_norm_layers_are_known()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                class ResBlock : nn.Module<Tensor, Tensor>
                {
                    private readonly nn.Module<Tensor, Tensor> conv1;
                    private readonly nn.Module<Tensor, Tensor> bn1;

                    public ResBlock(long channels) : base(nameof(ResBlock))
                    {
                        conv1 = nn.Conv1d(channels, channels, 3, bias: false);
                        bn1 = nn.BatchNorm1d(channels);
                        RegisterComponents();
                    }

                    public override Tensor forward(Tensor x) => bn1.call(conv1.call(x));
                }

                class Trainer
                {
                    readonly ResBlock block = new ResBlock(64);

                    void Train() => optim.[|SGD|](block.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4).step();
                }
                """);

        [Fact]
        public Task A_model_built_inside_its_own_class_is_this()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear fc = nn.Linear(4, 2);
                    public Net() : base("Net") => RegisterComponents();
                    public override Tensor forward(Tensor x) => fc.call(x);
                    public optim.Optimizer MakeOptimizer() => optim.{|#0:AdamW|}(parameters(), weight_decay: 0.1);
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("0.1", "this"));

        [Fact]
        public Task Non_constant_decay_is_reported()
            => VerifyWithModelAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(Net model, double wd) => torch.optim.[|AdamW|](model.parameters(), weight_decay: wd).step();
                }
                """);

        [Fact]
        public Task A_requires_grad_filter_does_not_exclude_biases()
            => VerifyWithModelAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(Net model) => torch.optim.[|AdamW|](model.parameters().Where(p => p.requires_grad), weight_decay: 0.1).step();
                }
                """);

        [Fact]
        public Task Groups_none_of_which_sets_weight_decay_are_reported_without_a_fix()
        {
            // A YOLO-recipe port: groups split by lr, every one inherits the decay.
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = Key,
            };
            const string source = """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net backbone, Net head)
                    {
                        var optimizer = torch.optim.[|SGD|](new SGD.ParamGroup[]
                        {
                            new() { Parameters = backbone.parameters(), Options = new() { LearningRate = 0.001 } },
                            new() { Parameters = head.parameters() },
                        }, 0.01, momentum: 0.9, weight_decay: 5e-4);
                    }
                }
                """;
            test.TestState.AddSource(source);
            test.TestState.AddSource(Model);
            test.FixedState.AddSource(source);
            test.FixedState.AddSource(Model);
            return test.RunAsync();
        }

        [Fact]
        public Task add_param_group_groups_without_weight_decay_inherit_the_decay()
            => VerifyWithModelAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module backbone, Net head)
                    {
                        var optimizer = optim.[|AdamW|](backbone.parameters(), lr: 1e-4, weight_decay: 0.05);
                        optimizer.add_param_group(new AdamW.ParamGroup(head.parameters(), new AdamW.Options { LearningRate = 1e-3 }));
                    }
                }
                """);

        [Fact]
        public Task A_YOLO_style_split_where_no_group_sets_weight_decay_excludes_nothing()
            => VerifyWithModelAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var norms = model.named_parameters().Where(np => np.name.Contains("norm")).Select(np => np.parameter);
                        var weights = model.named_parameters().Where(np => np.name.EndsWith(".weight") && !np.name.Contains("norm")).Select(np => np.parameter);
                        var biases = model.named_parameters().Where(np => np.name.EndsWith(".bias")).Select(np => np.parameter);
                        var optimizer = torch.optim.[|SGD|](norms, 0.01, momentum: 0.937, nesterov: true, weight_decay: 5e-4);
                        optimizer.add_param_group(new SGD.ParamGroup { Parameters = weights });
                        optimizer.add_param_group(new SGD.ParamGroup { Parameters = biases });
                    }
                }
                """);

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Groups_that_set_their_own_weight_decay_are_silent()
            => VerifyWithModelAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var decay = model.named_parameters().Where(np => !np.name.EndsWith("bias")).Select(np => np.parameter);
                        var noDecay = model.named_parameters().Where(np => np.name.EndsWith("bias")).Select(np => np.parameter);
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new(decay, new AdamW.Options { weight_decay = 0.1 }),
                            new(noDecay, new AdamW.Options { weight_decay = 0.0 }),
                        }, lr: 6e-4);
                        var other = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new() { Parameters = model.parameters(), Options = new() { weight_decay = 0 } },
                        }, weight_decay: 0.1);
                    }
                }
                """);

        [Fact]
        public Task Progressive_per_group_decay_is_silent()
            => VerifyWithModelAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net[] stages)
                    {
                        var optimizer = torch.optim.SGD(new SGD.ParamGroup[]
                        {
                            new(stages[0].parameters(), new SGD.Options { weight_decay = 1e-5 }),
                            new(stages[1].parameters(), new SGD.Options { weight_decay = 1e-4 }),
                            new SGD.ParamGroup { Parameters = stages[2].parameters(), Options = new SGD.Options { weight_decay = 1e-3 } },
                        }, 0.1, weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task add_param_group_with_its_own_decay_is_silent()
            => VerifyWithModelAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters().Where(p => p.dim() >= 2), weight_decay: 0.05);
                        optimizer.add_param_group(new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 }));
                    }
                }
                """);

        [Theory]
        [InlineData("model.parameters().Where(p => p.dim() >= 2)")]
        [InlineData("model.parameters().Where(p => p.shape.Length > 1)")]
        [InlineData("model.named_parameters().Where(np => !np.name.Contains(\"bias\") && !np.name.Contains(\"norm\")).Select(np => np.parameter)")]
        public Task Parameters_filtered_on_names_or_dimensions_are_silent(string parameters)
            => VerifyWithModelAsync($$"""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(Net model) => torch.optim.AdamW({{parameters}}, weight_decay: 0.1).step();
                }
                """);

        [Theory]
        [InlineData("weight_decay: 0")]
        [InlineData("weight_decay: 0.0")]
        [InlineData("lr: 0.01")]
        [InlineData("0.01, 0.9, 0.999, 1e-8")]
        public Task Zero_or_absent_decay_is_silent(string arguments)
            => VerifyWithModelAsync($$"""
                using TorchSharp;

                class Trainer
                {
                    void Train(Net model) => torch.optim.Adam(model.parameters(), {{arguments}}).step();
                }
                """);

        [Theory]
        [InlineData("nn.Linear(4, 8, hasBias: false), nn.ReLU(), nn.Linear(8, 2, hasBias: false)")]
        [InlineData("nn.Conv2d(3, 8, 3, bias: false), nn.BatchNorm2d(8, affine: false)")]
        [InlineData("nn.Linear(4, 8, false), nn.LayerNorm(8, elementwise_affine: false)")]
        [InlineData("nn.Embedding(1000, 64), nn.Linear(64, 8, hasBias: false)")]
        [InlineData("nn.Embedding(1000, 64)")]
        [InlineData("nn.InstanceNorm1d(8), nn.Dropout()")]
        public Task Models_with_nothing_to_exclude_are_silent(string layers)
            => Verify.VerifyAnalyzerAsync($$"""
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train()
                    {
                        var model = nn.Sequential({{layers}});
                        var optimizer = optim.AdamW(model.parameters(), weight_decay: 0.1);
                    }
                }
                """);

        [Fact]
        public Task A_module_of_unknown_type_or_contents_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Unregistered : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear fc = nn.Linear(4, 2);
                    public Unregistered() : base("U") { }
                    public override Tensor forward(Tensor x) => fc.call(x);
                }

                class Trainer
                {
                    void Train(nn.Module<Tensor, Tensor> model, Linear layer, nn.Module any, bool bias)
                    {
                        optim.AdamW(model.parameters(), weight_decay: 0.1).step();
                        optim.AdamW(layer.parameters(), weight_decay: 0.1).step();
                        optim.AdamW(any.parameters(), weight_decay: 0.1).step();
                        optim.AdamW(new Unregistered().parameters(), weight_decay: 0.1).step();
                        optim.AdamW(nn.Linear(4, 2, hasBias: bias).parameters(), weight_decay: 0.1).step();
                    }
                }
                """);

        [Fact]
        public Task Groups_the_analyzer_cannot_see_are_silent()
            => VerifyWithModelAsync("""
                using System.Collections.Generic;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    List<AdamW.ParamGroup> Groups(Net model) => new() { new AdamW.ParamGroup { Parameters = model.parameters() } };

                    void Train(Net model, ParamGroup extra)
                    {
                        var a = torch.optim.AdamW(Groups(model), weight_decay: 0.1);
                        var b = torch.optim.AdamW(model.parameters(), weight_decay: 0.1 /* b gets a group from elsewhere */);
                        b.add_param_group(extra);
                    }
                }
                """);

        [Fact]
        public Task Half_typed_code_does_not_crash()
        {
            var test = new CSharpAnalyzerVerifier<Decay004DecayOnBiasAndNormAnalyzer>.Test { AllowCompilerErrors = true };
            test.TestState.AddSource("""
                using TorchSharp;

                class Trainer
                {
                    void Train(Net model)
                    {
                        var a = torch.optim.AdamW(model.parameters(, weight_decay: 0.1);
                        var b = torch.optim.AdamW(weight_decay: 0.1);
                        var c = torch.optim.SGD(model.parameters(), weight_decay: 0.1);
                        var d = torch.optim.AdamW(model.parameters(), weight_decay: );
                    }
                }
                """);
            test.TestState.AddSource(Model);
            return test.RunAsync();
        }
    }
}
