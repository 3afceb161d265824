using System.Threading.Tasks;
using Decay.Rules;
using Decay.Testing;
using Verify = Decay.Testing.CSharpAnalyzerVerifier<Decay.Rules.Decay006CoupledDecayInOtherOptimizerAnalyzer>;

namespace Decay.Tests
{
    public class Decay006CoupledDecayInOtherOptimizerTests
    {
        [Theory]
        [InlineData("Adamax")]
        [InlineData("NAdam")]
        [InlineData("RAdam")]
        [InlineData("Adagrad")]
        [InlineData("RMSProp")]
        [InlineData("Adadelta")]
        [InlineData("ASGD")]
        public Task Adaptive_optimizers_with_decay_are_reported_at_the_name(string optimizer)
            => Verify.VerifyAnalyzerAsync($$"""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.{|#0:{{optimizer}}|}(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    $"{optimizer}'s weight_decay (1e-4) is L2 added to the gradient (coupled), not decoupled weight decay"));

        [Fact]
        public Task SGD_with_momentum_and_decay_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model)
                    {
                        var a = optim.[|SGD|](model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
                        var b = optim.[|SGD|](model.parameters(), 0.1, 0.9, 0, 5e-4);
                    }
                }
                """);

        [Fact]
        public Task Constructor_forms_are_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, double wd)
                    {
                        var a = new [|RMSProp|](model.parameters(), weight_decay: 1e-4);
                        var b = new [|NAdam|](model.parameters(), 0.002, weight_decay: wd);
                        var c = new TorchSharp.Modules.[|SGD|](model.parameters(), lr: 0.1, momentum: 0.9, weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task A_group_with_its_own_momentum_inherits_the_calls_decay()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.{|#0:SGD|}(new SGD.ParamGroup[]
                        {
                            new(backbone.parameters(), new SGD.Options { LearningRate = 0.001 }),
                            new(head.parameters(), new SGD.Options { momentum = 0.9 }),
                        }, 0.01, weight_decay: 1e-4);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("SGD", "1e-4"));

        [Fact]
        public Task A_group_that_sets_its_own_decay_is_reported_with_that_value()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module encoder, torch.nn.Module decoder)
                    {
                        var optimizer = torch.optim.{|#0:RAdam|}(new RAdam.ParamGroup[]
                        {
                            new() { Parameters = encoder.parameters() },
                            new() { Parameters = decoder.parameters(), Options = new() { weight_decay = 0.02 } },
                        });
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("RAdam", "0.02"));

        [Fact]
        public Task A_group_added_with_add_param_group_counts()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.[|Adagrad|](backbone.parameters());
                        optimizer.add_param_group(new Adagrad.ParamGroup(head.parameters(), lr: 0.01, weight_decay: 1e-3));
                    }
                }
                """);

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Plain_SGD_or_non_constant_momentum_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, double momentum)
                    {
                        var a = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 5e-4);
                        var b = torch.optim.SGD(model.parameters(), 0.1, momentum: 0, weight_decay: 5e-4);
                        var c = torch.optim.SGD(model.parameters(), 0.1, momentum: momentum, weight_decay: 5e-4);
                    }
                }
                """);

        [Fact]
        public Task Zero_or_absent_decay_and_other_optimizers_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.NAdam(model.parameters());
                        var b = torch.optim.RMSProp(model.parameters(), weight_decay: 0);
                        var c = torch.optim.Adam(model.parameters(), weight_decay: 1e-4);
                        var d = torch.optim.AdamW(model.parameters(), weight_decay: 0.01);
                        var e = torch.optim.Rprop(model.parameters());
                        var f = torch.optim.Adamax(model.parameters(), 0.002, 0.9, 0.999, 1e-8);
                    }
                }
                """);

        [Fact]
        public Task Groups_that_all_set_zero_decay_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module a, torch.nn.Module b)
                    {
                        var optimizer = torch.optim.RMSProp(new RMSProp.ParamGroup[]
                        {
                            new(a.parameters(), new RMSProp.Options { weight_decay = 0 }),
                            new(b.parameters(), lr: 0.001),
                        }, weight_decay: 1e-4);
                    }
                }
                """);
    }
}
