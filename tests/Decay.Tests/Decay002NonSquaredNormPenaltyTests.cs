using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Rules;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay002NonSquaredNormPenaltyAnalyzer,
    Decay.CodeFixes.Decay002SquareNormCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay002NonSquaredNormPenaltyTests
    {
        private const string Key = Decay002SquareNormCodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Foreach_norm_accumulated_into_torch_tensor_is_reported_and_squared()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += [|p.norm()|]; // per-parameter term
                        }

                        var total = loss + 1e-4 * l2;
                        total.backward();
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
                            l2 += p.pow(2).sum(); // per-parameter term
                        }

                        var total = loss + 1e-4 * l2;
                        total.backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Message_names_the_norm_call()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 = l2 + {|#0:torch.norm(p)|};
                        (loss + 0.01 * l2).backward();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "'torch.norm(p)' is the L2 norm, not its square: its gradient is θ/‖θ‖, so this penalty is not L2 regularization"));

        [Fact]
        public Task Static_torch_norm_and_linalg_norms_are_squared()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model, Tensor loss)
                    {
                        var a = model.parameters().Select(p => [|norm(p)|]).Aggregate((x, y) => x + y);
                        var b = model.parameters().Select(p => [|linalg.vector_norm(p)|]).Aggregate((x, y) => x + y);
                        var c = model.parameters().Select(p => [|linalg.norm(p)|]).Aggregate((x, y) => x + y);
                        var total = loss + 1e-4 * (a + b + c);
                        total.backward();
                    }
                }
                """, """
                using System.Linq;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model, Tensor loss)
                    {
                        var a = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        var b = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        var c = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        var total = loss + 1e-4 * (a + b + c);
                        total.backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Norm_over_all_parameters_at_once_is_squared()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var total = loss + 0.01 * [|torch.nn.utils.parameters_to_vector(model.parameters()).norm()|];
                        total.backward();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var total = loss + 0.01 * torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                        total.backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Penalty_in_a_helper_method_is_reported_at_the_helper_norm()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);

                    private Tensor L2() => model.parameters().Select(p => [|p.norm()|]).Aggregate((a, b) => a + b);

                    void Train(Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y) + 1e-4 * L2();
                        loss.backward();
                        var again = nn.functional.mse_loss(model.call(y), x) + 1e-4 * L2();
                        again.backward();
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);

                    private Tensor L2() => model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);

                    void Train(Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y) + 1e-4 * L2();
                        loss.backward();
                        var again = nn.functional.mse_loss(model.call(y), x) + 1e-4 * L2();
                        again.backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Name_filtered_named_parameters_are_reported()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var np in model.named_parameters())
                        {
                            if (np.name.Contains("weight"))
                            {
                                l2 += [|np.parameter.norm(2f)|];
                            }
                        }

                        loss += 5e-4f * l2;
                        loss.backward();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var np in model.named_parameters())
                        {
                            if (np.name.Contains("weight"))
                            {
                                l2 += np.parameter.pow(2).sum();
                            }
                        }

                        loss += 5e-4f * l2;
                        loss.backward();
                    }
                }
                """, Key);

        [Fact]
        public async Task Norm_2_is_also_DECAY010_and_squaring_settles_both()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using TorchSharp;

                    class Trainer
                    {
                        void Train(torch.nn.Module model, torch.Tensor loss)
                        {
                            var l2 = torch.tensor(0f);
                            foreach (var p in model.parameters()) l2 += {|DECAY002:{|DECAY010:p.norm(2)|}|};
                            (loss + 1e-4 * l2).backward();
                        }
                    }
                    """,
                FixedCode = """
                    using TorchSharp;

                    class Trainer
                    {
                        void Train(torch.nn.Module model, torch.Tensor loss)
                        {
                            var l2 = torch.tensor(0f);
                            foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                            (loss + 1e-4 * l2).backward();
                        }
                    }
                    """,
                CodeActionEquivalenceKey = Key,
            };
            test.AdditionalAnalyzers.Add(new Decay010NormIntIsDimensionAnalyzer());
            await test.RunAsync();
        }

        [Fact]
        public Task Top_level_statements_are_analysed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var l2 = tensor(0f);
                foreach (var p in model.parameters()) l2 += [|p.norm()|];
                var loss = model.call(randn(8, 4)).sum() + 1e-4 * l2;
                loss.backward();
                """, """
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var l2 = tensor(0f);
                foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                var loss = model.call(randn(8, 4)).sum() + 1e-4 * l2;
                loss.backward();
                """, Key);

        // ------------------------------------------------------------------ must not report

        [Fact]
        public Task Squared_norms_are_L2_and_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.norm().pow(2);
                            l2 += p.norm(2f).square();
                            var n = torch.linalg.vector_norm(p);
                            l2 += n * n;
                        }

                        var v = torch.nn.utils.parameters_to_vector(model.parameters()).norm().pow(2);
                        (loss + 1e-4 * l2 + 1e-4 * v).backward();
                    }
                }
                """);

        [Fact]
        public Task L1_norms_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l1 = torch.tensor(0f);
                        var l1b = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l1 += p.norm(1f);
                            l1b += p.abs().sum();
                        }

                        (loss + 1e-5 * l1 + 1e-5 * l1b).backward();
                    }
                }
                """);

        [Fact]
        public Task Norms_for_clipping_logging_and_metrics_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        loss.backward();
                        var clipped = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                        var weightNorm = torch.tensor(0f);
                        foreach (var p in model.parameters()) weightNorm += p.norm();
                        Console.WriteLine($"|w| = {weightNorm.item<float>()}, clipped {clipped}");
                        var total = torch.nn.utils.parameters_to_vector(model.parameters()).norm();
                        Log(total);
                        var gradNorm = model.parameters().Select(p => p.grad!.norm()).Aggregate((a, b) => a + b);
                        Console.WriteLine(gradNorm.ToSingle());
                    }

                    static void Log(torch.Tensor value) { }
                }
                """);

        [Fact]
        public Task Norms_of_activations_added_to_the_loss_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var output = model.call(x);
                        var loss = nn.functional.mse_loss(output, y) + 0.01 * output.norm();
                        loss.backward();
                    }
                }
                """);

        [Fact]
        public Task Norms_along_an_explicit_dimension_are_structured_penalties_and_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var groupLasso = torch.tensor(0f);
                        foreach (var p in model.parameters()) groupLasso += p.norm(dim: 1).sum();
                        (loss + 1e-4 * groupLasso).backward();
                    }
                }
                """);

        [Fact]
        public Task A_norm_penalty_that_never_reaches_the_loss_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.norm();
                        loss.backward();
                    }
                }
                """);

        [Fact]
        public Task Fix_all_squares_every_norm_in_the_document()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.nn.Module other, torch.Tensor loss)
                    {
                        var a = torch.tensor(0f);
                        foreach (var p in model.parameters()) a += [|p.norm()|];
                        var b = other.parameters().Select(p => [|p.norm()|]).Aggregate((x, y) => x + y);
                        (loss + 1e-4 * a + 1e-4 * b + 1e-4 * [|torch.norm(torch.nn.utils.parameters_to_vector(other.parameters()))|]).backward();
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.nn.Module other, torch.Tensor loss)
                    {
                        var a = torch.tensor(0f);
                        foreach (var p in model.parameters()) a += p.pow(2).sum();
                        var b = other.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        (loss + 1e-4 * a + 1e-4 * b + 1e-4 * torch.nn.utils.parameters_to_vector(other.parameters()).pow(2).sum()).backward();
                    }
                }
                """, Key);
    }
}
