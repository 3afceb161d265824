using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay005DetachedPenaltyAnalyzer,
    Decay.CodeFixes.Decay005RemoveDetachCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay005DetachedPenaltyTests
    {
        private const string Key = Decay005RemoveDetachCodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Accumulation_into_a_float_via_item_is_reported_without_a_fix()
        {
            const string source = """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        float l2 = 0f;
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum().{|#0:item<float>()|};
                        }

                        var total = loss + 1e-4f * l2;
                        total.backward();
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source,
                new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithMessage(
                        "The penalty is detached from autograd by 'item<float>()': it changes the loss value but not the gradient"),
                },
                source, Key);
        }

        [Fact]
        public Task ToSingle_and_ToDouble_are_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var a = model.parameters().Sum(p => p.pow(2).sum().[|ToSingle()|]);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        double b = l2.[|ToDouble()|];
                        (loss + 1e-4 * a + 1e-4 * b).backward();
                    }
                }
                """);

        [Fact]
        public Task A_cast_to_float_is_reported_at_the_cast()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                        var total = loss + 1e-4 * {|#0:(float)l2|};
                        total.backward();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "The penalty is detached from autograd by '(float)': it changes the loss value but not the gradient"));

        [Fact]
        public Task Detach_in_the_term_is_removed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum().[|detach()|]; // keep this comment
                        }

                        (loss + 1e-4 * l2).backward();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum(); // keep this comment
                        }

                        (loss + 1e-4 * l2).backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Detach_of_the_parameter_itself_is_removed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.[|detach()|].pow(2).sum();
                        }

                        (loss + 1e-4 * l2).backward();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum();
                        }

                        (loss + 1e-4 * l2).backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Detach_on_the_way_to_the_loss_is_removed()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model, Tensor x)
                    {
                        var l2 = model.parameters().Select(p => p.square().sum()).Aggregate((a, b) => a + b);
                        var loss = x.mean() + 0.5 * 1e-4 * l2.[|detach()|];
                        loss.backward();
                    }
                }
                """, """
                using System.Linq;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model, Tensor x)
                    {
                        var l2 = model.parameters().Select(p => p.square().sum()).Aggregate((a, b) => a + b);
                        var loss = x.mean() + 0.5 * 1e-4 * l2;
                        loss.backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Detach_together_with_item_gets_no_fix()
        {
            const string source = """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        float l2 = 0f;
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum().[|detach()|].[|item<float>()|];
                        (loss + l2).backward();
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        [Fact]
        public Task Penalty_computed_inside_using_no_grad_is_reported_at_the_scope()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        var l1 = torch.tensor(0f);
                        using ({|#0:torch.no_grad()|})
                        {
                            foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                            foreach (var p in model.parameters()) l1 += p.abs().sum();
                        }

                        (loss + 1e-4 * l2 + 1e-5 * l1).backward();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "The penalty is detached from autograd by 'torch.no_grad()': it changes the loss value but not the gradient"));

        [Fact]
        public Task Penalty_after_a_using_no_grad_declaration_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using static TorchSharp.torch;

                class Trainer
                {
                    Tensor Penalty(nn.Module model)
                    {
                        using var _ = [|no_grad()|];
                        return model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    }

                    void Train(nn.Module model, Tensor loss)
                    {
                        (loss + 1e-4 * Penalty(model)).backward();
                    }
                }
                """);

        [Fact]
        public Task Helper_returning_a_number_is_reported_in_the_helper()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);

                    private float L2()
                    {
                        float sum = 0;
                        foreach (var p in model.parameters()) sum += p.pow(2).sum().[|item<float>()|];
                        return sum;
                    }

                    void Train(Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y) + 1e-4f * L2();
                        loss.backward();
                    }
                }
                """);

        // ------------------------------------------------------------------ must not report

        [Fact]
        public Task Detached_weight_norm_for_logging_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var norm = torch.tensor(0f);
                        foreach (var p in model.parameters()) norm += p.detach().pow(2).sum();
                        var l1 = model.parameters().Select(p => p.detach().abs().sum()).Aggregate((x, y) => x + y);
                        Console.WriteLine($"weight norm {norm.sqrt().item<float>()}, l1 {l1.item<float>()}");
                        loss.backward();
                    }
                }
                """);

        [Fact]
        public Task Detach_of_the_parameter_in_a_linq_norm_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = model.parameters().Select(p => p.flatten().[|detach()|].pow(2).sum()).Aggregate((x, y) => x + y);
                        (loss + 1e-4 * l2).backward();
                    }
                }
                """);

        [Fact]
        public Task Attached_penalties_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var a = torch.tensor(0f);
                        foreach (var p in model.parameters()) a += p.pow(2).sum();
                        var b = model.parameters().Select(p => p.abs().sum()).Aggregate((x, y) => x + y);
                        (loss + 1e-4 * a + 1e-5 * b).backward();
                    }
                }
                """);

        [Fact]
        public Task Logging_the_penalty_as_a_number_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var total = loss + 1e-4 * l2;
                        total.backward();
                        Console.WriteLine($"loss {total.item<float>()}, l2 {l2.item<float>()} / {l2.detach().ToSingle()}");
                        float logged = (float)l2;
                        Console.WriteLine(logged);
                    }
                }
                """);

        [Fact]
        public Task A_no_grad_manual_update_loop_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss, double lr)
                    {
                        loss.backward();
                        using (torch.no_grad())
                        {
                            foreach (var p in model.parameters())
                            {
                                p.sub_(lr * p.grad!);
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task A_detached_norm_printed_for_monitoring_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        loss.backward();
                        float norm = 0;
                        using (torch.no_grad())
                        {
                            foreach (var p in model.parameters()) norm += p.norm().item<float>();
                        }

                        Console.WriteLine(norm);
                    }
                }
                """);

        [Fact]
        public Task Enable_grad_inside_no_grad_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        using (torch.no_grad())
                        {
                            using (torch.enable_grad())
                            {
                                var l2 = torch.tensor(0f);
                                foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                                (loss + 1e-4 * l2).backward();
                            }
                        }
                    }
                }
                """);

        [Fact]
        public Task Fix_all_removes_every_lone_detach()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.nn.Module other, torch.Tensor loss)
                    {
                        var a = model.parameters().Select(p => p.pow(2).sum().[|detach()|]).Aggregate((x, y) => x + y);
                        var b = torch.tensor(0f);
                        foreach (var p in other.parameters()) b += p.pow(2).sum();
                        (loss + 1e-4 * a + 1e-4 * b.[|detach()|]).backward();
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.nn.Module other, torch.Tensor loss)
                    {
                        var a = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        var b = torch.tensor(0f);
                        foreach (var p in other.parameters()) b += p.pow(2).sum();
                        (loss + 1e-4 * a + 1e-4 * b).backward();
                    }
                }
                """, Key);
    }
}
