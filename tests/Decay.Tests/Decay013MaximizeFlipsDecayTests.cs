using System.Threading.Tasks;
using Decay.Rules;
using Decay.Testing;
using Verify = Decay.Testing.CSharpAnalyzerVerifier<Decay.Rules.Decay013MaximizeFlipsDecayAnalyzer>;

namespace Decay.Tests
{
    public class Decay013MaximizeFlipsDecayTests
    {
        [Fact]
        public Task Factory_is_reported_at_the_maximize_argument_and_says_to_negate_the_loss()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4, {|#0:maximize: true|});
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "TorchSharp's SGD negates the update after adding weight_decay (1e-4), so with maximize the decay becomes growth; negate the loss instead"));

        [Fact]
        public Task Constructor_and_positional_forms_are_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = new SGD(model.parameters(), lr: 0.1, weight_decay: 5e-4, [|maximize: true|]);
                        var b = torch.optim.SGD(model.parameters(), 0.1, 0.9, 0, 5e-4, false, [|true|]);
                        var c = new SGD(model.parameters(), weight_decay: 5e-4, [|maximize: true|], lr: 0.1);
                    }
                }
                """);

        [Fact]
        public Task A_positional_SGD_ParamGroup_with_maximize_is_reported_at_its_argument()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.SGD(new[] { new SGD.ParamGroup(model.parameters(), 0.01, weight_decay: 1e-4, {|#0:maximize: true|}) }, 0.01);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("1e-4"));

        [Fact]
        public Task Options_field_with_the_decay_inherited_from_the_call()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.SGD(new SGD.ParamGroup[]
                        {
                            new() { Parameters = model.parameters(), Options = new() { {|#0:maximize = true|} } },
                        }, 0.01, weight_decay: 3e-4);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("3e-4"));

        [Fact]
        public Task The_calls_maximize_inherited_by_several_groups_is_reported_once()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b)
                    {
                        var optimizer = torch.optim.SGD(new SGD.ParamGroup[]
                        {
                            new(a.parameters(), new SGD.Options { weight_decay = 1e-4 }),
                            new(b.parameters(), new SGD.Options { weight_decay = 1e-3 }),
                        }, 0.01, [|maximize: true|]);
                    }
                }
                """);

        [Fact]
        public Task A_group_added_with_add_param_group()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b)
                    {
                        var optimizer = torch.optim.SGD(a.parameters(), 0.01);
                        optimizer.add_param_group(new SGD.ParamGroup(b.parameters(), new SGD.Options { weight_decay = 1e-4, [|maximize = true|] }));
                    }
                }
                """);

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Maximize_without_decay_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.SGD(model.parameters(), 0.1, maximize: true);
                        var b = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 0, maximize: true);
                        var c = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4, maximize: false);
                    }
                }
                """);

        [Fact]
        public Task Non_constant_values_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, bool ascend, double wd)
                    {
                        var a = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4, maximize: ascend);
                        var b = torch.optim.SGD(model.parameters(), 0.1, weight_decay: wd, maximize: true);
                    }
                }
                """);

        [Fact]
        public Task Groups_that_override_maximize_or_decay_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b)
                    {
                        var optimizer = torch.optim.SGD(new SGD.ParamGroup[]
                        {
                            new(a.parameters(), new SGD.Options { weight_decay = 0 }),
                            new(b.parameters(), 0.01, weight_decay: 1e-4), // pins maximize to false
                        }, 0.01, weight_decay: 1e-4, maximize: true);
                    }
                }
                """);

        [Fact]
        public Task Other_optimizers_negate_the_gradient_first_and_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.Adam(model.parameters(), weight_decay: 1e-4, maximize: true);
                        var b = torch.optim.RMSProp(model.parameters(), weight_decay: 1e-4, maximize: true);
                    }
                }
                """);
    }
}
