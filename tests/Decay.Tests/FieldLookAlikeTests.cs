using System.Threading.Tasks;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Verify = Decay.Testing.CSharpAnalyzerVerifier<Decay.DecayAnalyzer>;

namespace Decay.Tests
{
    /// <summary>Shapes met when Decay (all rules, through the host) was run over public TorchSharp
    /// training code: the look-alikes it must stay silent on, and the real finding it must keep.
    /// The code here is written for the tests; it reproduces the shape, not anyone's source.</summary>
    public class FieldLookAlikeTests
    {
        /// <summary>A "model size" for a training log: the square root of Σθ² over detached
        /// parameters, reduced to a double by <c>item</c>, computed in a helper that a logging local
        /// function calls while an optimizer with weight decay trains the model. Not a penalty: no
        /// DECAY002 (the root is of a double, not a tensor norm), DECAY003 (nothing is added to the
        /// loss), DECAY005, DECAY009's penalty side or DECAY011 (no coefficient, never meant for the
        /// gradient). The optimizer keeps its own findings: DECAY001 (Adam with decay) and
        /// DECAY009's reverse offer (hidden) at its <c>weight_decay</c> argument, pointing at the loss.</summary>
        [Fact]
        public Task A_logged_parameter_size_is_not_a_penalty()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Run
                {
                    static double Size(nn.Module<Tensor, Tensor> model) =>
                        Math.Sqrt((double)model.parameters().Sum(p => p.detach().pow(2).sum().item<float>()));

                    static void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, double wd, int steps)
                    {
                        var lossFn = nn.CrossEntropyLoss();
                        using var opt = optim.{|#0:Adam|}(model.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.98, {|#1:weight_decay: wd|});

                        void Log(int step)
                        {
                            double size = Size(model);
                            Console.WriteLine($"{step} {size:F3}");
                        }

                        for (int step = 0; step < steps; step++)
                        {
                            opt.zero_grad();
                            Tensor loss = {|#2:lossFn.call(model.call(x), y)|};
                            loss.backward();
                            opt.step();
                            if (step % 100 == 0) Log(step);
                        }
                    }
                }
                """,
                Verify.Diagnostic("DECAY001").WithLocation(0),
                Verify.Diagnostic("DECAY009").WithLocation(1).WithLocation(2).WithSeverity(DiagnosticSeverity.Hidden));

        /// <summary>The finding that was real: groups made with the ParamGroup constructor (here
        /// target-typed) pin every option to the constructor's defaults, so the call's
        /// <c>centered: true</c> and its lr reach neither group; the second group sets lr itself
        /// and still loses <c>centered</c>. Both are reported, each naming what it pins.</summary>
        [Fact]
        public Task Target_typed_groups_pin_an_option_other_than_lr()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Run
                {
                    static void Train(nn.Module<Tensor, Tensor> first, nn.Module<Tensor, Tensor> second)
                    {
                        double rate = 4e-5;
                        var opt = optim.RMSProp(
                            new RMSProp.ParamGroup[]
                            {
                                {|#0:new(first.parameters())|},
                                {|#1:new(second.parameters(), lr: rate * 10)|},
                            },
                            rate, centered: true);
                    }
                }
                """,
                Verify.Diagnostic("DECAY008").WithLocation(0).WithMessage(
                    "This RMSProp.ParamGroup constructor pins lr = 0.001, centered = false to its own defaults, so the optimizer call's values are ignored for this group"),
                Verify.Diagnostic("DECAY008").WithLocation(1).WithMessage(
                    "This RMSProp.ParamGroup constructor pins centered = false to its own defaults, so the optimizer call's values are ignored for this group"));
    }
}
