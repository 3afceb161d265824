using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Rules;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay011RegularizerNeverReachesGradientAnalyzer,
    Decay.CodeFixes.Decay011BackwardOnTotalCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay011RegularizerNeverReachesGradientTests
    {
        private const string Key = Decay011BackwardOnTotalCodeFixProvider.EquivalenceKey;

        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            """;

        // ------------------------------------------------------------ never read

        [Fact]
        public Task Regularizer_that_is_never_read_is_reported_at_its_declaration()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var output = model.call(x);
                        var {|#0:l2 = torch.tensor(0f)|};
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum();
                        }

                        var loss = nn.functional.cross_entropy(output, y);
                        {|#1:loss.backward()|};
                        optimizer.step();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithMessage("Regularizer 'l2' is computed but never reaches the gradient: it is never used"));

        [Fact]
        public Task Classic_l1_regularization_loss_collected_but_never_added_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var {|#0:regularizationLoss = torch.tensor(0.0)|};
                        foreach (var param in model.parameters())
                            regularizationLoss += torch.sum(torch.abs(param));

                        var loss = nn.functional.mse_loss(model.call(x), y);
                        optimizer.zero_grad();
                        {|#1:loss.backward()|};
                        optimizer.step();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("regularizationLoss", "it is never used"));

        [Fact]
        public Task Scaled_linq_penalty_that_is_never_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    const double Lambda = 1e-4;

                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var {|#0:penalty = Lambda * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b)|};
                        {|#1:loss.backward()|};
                        optimizer.step();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("penalty", "it is never used"));

        [Fact]
        public Task Name_filtered_weight_penalty_that_is_never_read_is_reported()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var {|#0:weightDecay = torch.tensor(0f)|};
                        foreach (var (name, p) in model.named_parameters())
                        {
                            if (!name.Contains("bias")) weightDecay += p.square().sum();
                        }

                        {|#1:loss.backward()|};
                        optimizer.step();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("weightDecay", "it is never used"));

        // ------------------------------------------------------------ total never backpropagated

        [Fact]
        public Task Total_that_is_never_backpropagated_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    float Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.cross_entropy(model.call(x), y);
                        var {|#0:l2 = torch.tensor(0f)|};
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var total = loss + 1e-4 * l2;
                        {|#1:loss.backward()|}; // the regularizer never reaches the gradient
                        optimizer.step();
                        return total.ToSingle();
                    }
                }
                """, new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1)
                        .WithMessage("Regularizer 'l2' is computed but never reaches the gradient: it is added to 'total', but backward() is called on 'loss'"),
                }, Usings + """
                class Trainer
                {
                    float Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.cross_entropy(model.call(x), y);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var total = loss + 1e-4 * l2;
                        total.backward(); // the regularizer never reaches the gradient
                        optimizer.step();
                        return total.ToSingle();
                    }
                }
                """, Key);

        [Fact]
        public Task Named_regularizer_without_coefficient_in_a_lost_total_is_fixed()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var [|reg = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|];
                        var objective = loss + reg;
                        Console.WriteLine($"objective {objective.ToSingle()}");
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var reg = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                        var objective = loss + reg;
                        Console.WriteLine($"objective {objective.ToSingle()}");
                        objective.backward();
                        optimizer.step();
                    }
                }
                """, Key);

        [Fact]
        public Task Helper_regularizer_in_a_lost_total_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    private static Tensor L2(nn.Module module)
                    {
                        var sum = torch.tensor(0f);
                        foreach (var p in module.parameters()) sum += p.pow(2).sum();
                        return sum;
                    }

                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var [|reg = 5e-4 * L2(model)|];
                        var total = loss + reg;
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, Usings + """
                class Trainer
                {
                    private static Tensor L2(nn.Module module)
                    {
                        var sum = torch.tensor(0f);
                        foreach (var p in module.parameters()) sum += p.pow(2).sum();
                        return sum;
                    }

                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var reg = 5e-4 * L2(model);
                        var total = loss + reg;
                        total.backward();
                        optimizer.step();
                    }
                }
                """, Key);

        [Fact]
        public Task Top_level_statements_are_analyzed_and_fixed()
            => Verify.VerifyCodeFixAsync(Usings + """
                var model = nn.Linear(4, 2);
                var optimizer = optim.SGD(model.parameters(), 0.1);
                for (var i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.call(randn(8, 4)), randn(8, 2));
                    var [|l1 = torch.tensor(0f)|];
                    foreach (var p in model.parameters()) l1 += p.abs().sum();
                    var total = loss + 0.001f * l1;
                    loss.backward();
                    optimizer.step();
                }
                """, Usings + """
                var model = nn.Linear(4, 2);
                var optimizer = optim.SGD(model.parameters(), 0.1);
                for (var i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.call(randn(8, 4)), randn(8, 2));
                    var l1 = torch.tensor(0f);
                    foreach (var p in model.parameters()) l1 += p.abs().sum();
                    var total = loss + 0.001f * l1;
                    total.backward();
                    optimizer.step();
                }
                """, Key);

        [Fact]
        public Task Fix_all_fixes_every_lost_total_in_the_document()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    void First(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var [|l2 = torch.tensor(0f)|];
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var total = loss + 1e-4 * l2;
                        loss.backward();
                    }

                    void Second(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var [|reg = 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b)|];
                        var objective = loss + reg;
                        loss.backward();
                    }
                }
                """, Usings + """
                class Trainer
                {
                    void First(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var total = loss + 1e-4 * l2;
                        total.backward();
                    }

                    void Second(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var reg = 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var objective = loss + reg;
                        objective.backward();
                    }
                }
                """, Key);

        [Fact]
        public Task Objective_printed_but_not_backpropagated_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var {|#0:l2 = torch.tensor(0f)|};
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        Console.WriteLine($"objective {(loss + 1e-4 * l2).ToSingle()}");
                        {|#1:loss.backward()|};
                        optimizer.step();
                    }
                }
                """, new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
                        "l2", "it is added to a total that is never backpropagated; backward() is called on 'loss'"),
                }, Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        Console.WriteLine($"objective {(loss + 1e-4 * l2).ToSingle()}");
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, Key);

        // ------------------------------------------------------------ added after backward

        [Fact]
        public Task Regularizer_added_after_backward_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    float Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.cross_entropy(model.call(x), y);
                        var {|#0:l2 = torch.tensor(0f)|};
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        {|#1:loss.backward()|};
                        loss = loss + 1e-4 * l2;
                        optimizer.step();
                        return loss.ToSingle();
                    }
                }
                """, new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1)
                        .WithMessage("Regularizer 'l2' is computed but never reaches the gradient: it is added to 'loss' after loss.backward() ran"),
                }, Usings + """
                class Trainer
                {
                    float Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.cross_entropy(model.call(x), y);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        loss.backward();
                        loss = loss + 1e-4 * l2;
                        optimizer.step();
                        return loss.ToSingle();
                    }
                }
                """, Key);

        [Fact]
        public Task Never_read_regularizer_has_no_fix()
            => Verify.VerifyCodeFixAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var [|l2 = 0.5 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b)|];
                        loss.backward();
                    }
                }
                """, Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var l2 = 0.5 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        loss.backward();
                    }
                }
                """, Key);

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Regularizer_that_reaches_backward_is_silent()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var total = loss + 1e-4 * l2;
                        total.backward();

                        var loss2 = nn.functional.mse_loss(model.call(x), y);
                        loss2 += 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        loss2.backward();
                        optimizer.step();
                    }
                }
                """);

        [Fact]
        public Task Regularizer_printed_logged_returned_stored_or_passed_is_silent()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    private Tensor? lastPenalty;

                    static void Log(string name, Tensor value) => Console.WriteLine($"{name}: {value.ToSingle()}");

                    void Logged(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var l2 = 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        Console.WriteLine($"l2 = {l2.item<float>()}");
                        loss.backward();
                    }

                    void Passed(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var reg = 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        Log("reg", reg);
                        loss.backward();
                    }

                    void Stored(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var penalty = 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        lastPenalty = penalty;
                        loss.backward();
                    }

                    Tensor Returned(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        return loss + 1e-4 * l2;
                    }
                }
                """);

        [Fact]
        public Task Plain_weight_norm_without_coefficient_is_silent()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var sumOfSquares = torch.tensor(0f);
                        foreach (var p in model.parameters()) sumOfSquares += p.pow(2).sum();
                        var weightNorm = torch.nn.utils.parameters_to_vector(model.parameters()).norm();
                        var meanSquare = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b) / 1000;
                        loss.backward();
                    }
                }
                """);

        [Fact]
        public Task Validation_loop_that_computes_and_prints_the_full_objective_is_silent()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Validate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        using (torch.no_grad())
                        {
                            var loss = nn.functional.mse_loss(model.call(x), y);
                            var l2 = torch.tensor(0f);
                            foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                            var objective = loss + 1e-4 * l2;
                            Console.WriteLine($"validation objective {objective.ToSingle():F4}");
                        }
                    }

                    void TrainThenValidate(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y, Tensor xv, Tensor yv)
                    {
                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            optimizer.zero_grad();
                            var loss = nn.functional.mse_loss(model.call(x), y) + 1e-4 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                            loss.backward();
                            optimizer.step();

                            var valLoss = nn.functional.mse_loss(model.call(xv), yv);
                            var valL2 = torch.tensor(0f);
                            foreach (var p in model.parameters()) valL2 += p.pow(2).sum();
                            var valObjective = valLoss + 1e-4 * valL2;
                            Console.WriteLine($"epoch {epoch}: {valObjective.ToSingle():F4}");
                        }
                    }
                }
                """);

        [Fact]
        public Task Dimension_filtered_sums_are_not_regularizers_by_definition()
            => Verify.VerifyAnalyzerAsync(Usings + """
                class Trainer
                {
                    void Step(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        var matrices = 1e-4 * model.parameters().Where(p => p.dim() > 1).Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        loss.backward();
                    }
                }
                """);

        [Fact]
        public Task Half_typed_code_does_not_crash()
        {
            var test = new CSharpAnalyzerVerifier<Decay011RegularizerNeverReachesGradientAnalyzer>.Test
            {
                TestCode = Usings + """
                    class Trainer
                    {
                        void Step(nn.Module model, Tensor loss)
                        {
                            var l2 = torch.tensor(0f);
                            foreach (var p in model.parameters()) l2 += p.pow(;
                            var total = loss + 1e-4 * ;
                            loss.backward(
                            var reg = 1e-4 * Missing(model);
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Without_TorchSharp_nothing_is_reported()
        {
            var test = new CSharpAnalyzerVerifier<Decay011RegularizerNeverReachesGradientAnalyzer>.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Linq;

                    class Tensor { public void backward() { } public static Tensor operator +(Tensor a, Tensor b) => a; public static Tensor operator *(double a, Tensor b) => b; }
                    class Module { public IEnumerable<Tensor> parameters() => new Tensor[0]; }

                    class Trainer
                    {
                        void Step(Module model, Tensor loss)
                        {
                            var l2 = 1e-4 * model.parameters().Aggregate((a, b) => a + b);
                            loss.backward();
                        }
                    }
                    """,
            };
            test.References.Clear();
            test.References.AddRange(TestReferences.Net80);
            return test.RunAsync();
        }
    }
}
