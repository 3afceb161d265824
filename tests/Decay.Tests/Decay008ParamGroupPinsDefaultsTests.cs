using System.Threading.Tasks;
using Decay.Rules;
using Decay.Testing;
using Decay.CodeFixes;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay008ParamGroupPinsDefaultsAnalyzer,
    Decay.CodeFixes.Decay008UseOptionsObjectCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay008ParamGroupPinsDefaultsTests
    {
        private const string Key = Decay008UseOptionsObjectCodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Message_names_the_pinned_hyperparameter_and_its_default()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(new[] { {|#0:new AdamW.ParamGroup(model.parameters(), weight_decay: 0)|} }, lr: 3e-4);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "This AdamW.ParamGroup constructor pins lr = 0.001 to its own defaults, so the optimizer call's values are ignored for this group"));

        [Fact]
        public Task The_no_decay_group_of_a_split_is_fixed_to_an_Options_object()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.1 }),
                            [|new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), weight_decay: 0)|],
                        }, lr: 6e-4, beta2: 0.95);
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.1 }),
                            new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 }),
                        }, lr: 6e-4, beta2: 0.95);
                    }
                }
                """, Key);

        [Fact]
        public Task NAdam_groups_pin_lr_to_1_while_the_factory_default_is_0_002()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.NAdam(new[] { {|#0:new NAdam.ParamGroup(model.parameters(), weight_decay: 0.01)|} });
                    }
                }
                """, new[] { Verify.Diagnostic().WithLocation(0).WithArguments("NAdam", "lr = 1") }, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.NAdam(new[] { new NAdam.ParamGroup(model.parameters(), new NAdam.Options { weight_decay = 0.01 }) });
                    }
                }
                """, Key);

        [Fact]
        public Task Target_typed_SGD_group_pins_momentum_and_decay()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.SGD(new SGD.ParamGroup[]
                        {
                            {|#0:new(backbone.parameters(), lr: 0.001)|},
                            new() { Parameters = head.parameters() },
                        }, 0.01, momentum: 0.9, weight_decay: 1e-4);
                    }
                }
                """, new[] { Verify.Diagnostic().WithLocation(0).WithArguments("SGD", "momentum = 0, weight_decay = 0") }, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.SGD(new SGD.ParamGroup[]
                        {
                            new(backbone.parameters(), new SGD.Options { LearningRate = 0.001 }),
                            new() { Parameters = head.parameters() },
                        }, 0.01, momentum: 0.9, weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Positional_arguments_become_Options_members_by_name()
            => Verify.VerifyCodeFixAsync("""
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model)
                    {
                        var optimizer = optim.Adam(new[] { [|new TorchSharp.Modules.Adam.ParamGroup(model.parameters(), 0.01, 0.8)|] }, weight_decay: 1e-4);
                    }
                }
                """, """
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model)
                    {
                        var optimizer = optim.Adam(new[] { new TorchSharp.Modules.Adam.ParamGroup(model.parameters(), new TorchSharp.Modules.Adam.Options { LearningRate = 0.01, beta1 = 0.8 }) }, weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task A_group_with_no_options_written_gets_an_empty_Options_object()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, double lr)
                    {
                        var head = [|new RMSProp.ParamGroup(model.parameters())|];
                        var optimizer = new RMSProp(new[] { head }, lr: lr);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, double lr)
                    {
                        var head = new RMSProp.ParamGroup(model.parameters(), new RMSProp.Options());
                        var optimizer = new RMSProp(new[] { head }, lr: lr);
                    }
                }
                """, Key);

        [Fact]
        public Task A_group_added_with_add_param_group_and_Fix_All()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b, torch.nn.Module c)
                    {
                        var optimizer = torch.optim.Adagrad(new[] { [|new Adagrad.ParamGroup(a.parameters(), weight_decay: 1e-4)|] }, lr: 0.1);
                        optimizer.add_param_group([|new Adagrad.ParamGroup(parameters: b.parameters(), lr_decay: 0.01)|]);
                        optimizer.add_param_group(new Adagrad.ParamGroup(c.parameters(), new Adagrad.Options { eps = 1e-8 }));
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b, torch.nn.Module c)
                    {
                        var optimizer = torch.optim.Adagrad(new[] { new Adagrad.ParamGroup(a.parameters(), new Adagrad.Options { weight_decay = 1e-4 }) }, lr: 0.1);
                        optimizer.add_param_group(new Adagrad.ParamGroup(b.parameters(), new Adagrad.Options { lr_decay = 0.01 }));
                        optimizer.add_param_group(new Adagrad.ParamGroup(c.parameters(), new Adagrad.Options { eps = 1e-8 }));
                    }
                }
                """, Key);

        [Fact]
        public Task Boolean_options_are_shown_as_booleans()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.Adam(new[] { {|#0:new Adam.ParamGroup(model.parameters(), lr: 1e-4)|} }, amsgrad: true);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("Adam", "amsgrad = false"));

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Options_object_and_initializer_groups_inherit_and_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new(a.parameters(), new AdamW.Options { weight_decay = 0 }),
                            new() { Parameters = b.parameters(), Options = new() { LearningRate = 1e-4 } },
                        }, lr: 3e-4, weight_decay: 0.1);
                    }
                }
                """);

        [Fact]
        public Task Positional_groups_whose_pins_match_the_call_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b)
                    {
                        // Every option the call sets is written in the group, or equal to its default.
                        var x = torch.optim.AdamW(new[] { new AdamW.ParamGroup(a.parameters(), lr: 3e-4, weight_decay: 0) }, lr: 3e-4);
                        var y = torch.optim.Adam(new[] { new Adam.ParamGroup(b.parameters(), weight_decay: 0) });
                        var z = torch.optim.SGD(new[] { new SGD.ParamGroup(b.parameters(), 0.1, 0.9) }, 0.1, momentum: 0.9);
                    }
                }
                """);

        [Fact]
        public Task A_group_not_passed_to_a_visible_optimizer_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Groups
                {
                    AdamW.ParamGroup Head(torch.nn.Module model) => new AdamW.ParamGroup(model.parameters(), weight_decay: 0);
                }
                """);
    }
}
