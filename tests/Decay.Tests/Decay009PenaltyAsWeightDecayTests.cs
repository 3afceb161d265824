using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay009PenaltyAsWeightDecayAnalyzer,
    Decay.CodeFixes.Decay009PenaltyAsWeightDecayCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay009PenaltyAsWeightDecayTests
    {
        private const string ToWeightDecay = Decay009PenaltyAsWeightDecayCodeFixProvider.ToWeightDecayEquivalenceKey;
        private const string ToLoss = Decay009PenaltyAsWeightDecayCodeFixProvider.ToLossEquivalenceKey;

        /// <summary>A training method with an SGD optimizer and the given penalty term added to the loss.</summary>
        private static string Training(string optimizerArguments, string penalty, string members = "", string parameters = "")
            => $$"""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                {{members}}    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, torch.Tensor y{{parameters}})
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), {{optimizerArguments}});
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum();
                        }

                        var loss = torch.nn.functional.mse_loss(model.call(x), y){{penalty}};
                        loss.backward();
                        optimizer.step();
                    }
                }
                """;

        /// <summary>The same method after the penalty moved into the optimizer.</summary>
        private static string Moved(string optimizerArguments, string members = "", string parameters = "")
            => $$"""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                {{members}}    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, torch.Tensor y{{parameters}})
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), {{optimizerArguments}});

                        var loss = torch.nn.functional.mse_loss(model.call(x), y);
                        loss.backward();
                        optimizer.step();
                    }
                }
                """;

        // ------------------------------------------------------------------ penalty → weight_decay

        [Fact]
        public Task Constant_coefficient_doubles_into_weight_decay()
            => Verify.VerifyCodeFixAsync(
                Training("0.1", " + {|#0:1e-4 * l2|}"),
                new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(8, 37).WithMessage(
                        "'1e-4 * l2' in the loss has the same gradient as weight_decay: 0.0002 on the optimizer"),
                },
                Moved("0.1, {|DECAY009:weight_decay: 0.0002|}"),
                ToWeightDecay);

        [Fact]
        public Task Half_lambda_form_becomes_lambda()
            => Verify.VerifyCodeFixAsync(
                Training("0.1", " + [|lambda / 2 * l2|]", parameters: ", double lambda"),
                Moved("0.1, {|DECAY009:weight_decay: lambda|}", parameters: ", double lambda"),
                ToWeightDecay);

        [Fact]
        public Task Half_times_lambda_form_becomes_lambda()
            => Verify.VerifyCodeFixAsync(
                Training("0.1", " + [|0.5 * lambda * l2|]", parameters: ", double lambda"),
                Moved("0.1, {|DECAY009:weight_decay: lambda|}", parameters: ", double lambda"),
                ToWeightDecay);

        [Fact]
        public Task Variable_coefficient_becomes_two_times_lambda()
            => Verify.VerifyCodeFixAsync(
                Training("0.1", " + [|lambda * l2|]", parameters: ", double lambda"),
                Moved("0.1, {|DECAY009:weight_decay: 2 * lambda|}", parameters: ", double lambda"),
                ToWeightDecay);

        [Fact]
        public Task Named_constant_becomes_two_times_the_constant()
            => Verify.VerifyCodeFixAsync(
                Training("0.1", " + [|l2 * Lambda|]", members: "    private const float Lambda = 1e-4f;\n\n"),
                Moved("0.1, {|DECAY009:weight_decay: 2 * Lambda|}", members: "    private const float Lambda = 1e-4f;\n\n"),
                ToWeightDecay);

        [Fact]
        public Task Explicit_zero_weight_decay_is_replaced()
            => Verify.VerifyCodeFixAsync(
                Training("0.1, 0.9, 0, 0", " + [|0.5f * 1e-3f * l2|]"),
                Moved("0.1, 0.9, 0, {|DECAY009:0.001|}"),
                ToWeightDecay);

        [Fact]
        public Task Cross_member_penalty_moves_into_the_constructor_optimizer()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private const double Lambda = 5e-4;
                    private readonly nn.Module<Tensor, Tensor> model;
                    private readonly optim.Optimizer optimizer;

                    public Trainer(nn.Module<Tensor, Tensor> model)
                    {
                        this.model = model;
                        optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);
                    }

                    public void Step(Tensor x, Tensor y)
                    {
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = nn.functional.mse_loss(model.call(x), y) + [|Lambda / 2 * l2|];
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private const double Lambda = 5e-4;
                    private readonly nn.Module<Tensor, Tensor> model;
                    private readonly optim.Optimizer optimizer;

                    public Trainer(nn.Module<Tensor, Tensor> model)
                    {
                        this.model = model;
                        optimizer = optim.RMSProp(model.parameters(), lr: 1e-3, weight_decay: Lambda);
                    }

                    public void Step(Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, ToWeightDecay);

        [Fact]
        public Task Fix_all_moves_every_penalty()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + [|1e-4 * l2|]).backward();
                    }

                    void B(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adagrad(model.parameters());
                        var total = loss + [|0.01 * torch.nn.utils.parameters_to_vector(model.parameters()).square().sum()|];
                        total.backward();
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 0.0002);
                        loss.backward();
                    }

                    void B(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adagrad(model.parameters(), weight_decay: 0.02);
                        var total = loss;
                        total.backward();
                    }
                }
                """, ToWeightDecay);

        // ------------------------------------------------------------------ weight_decay → penalty

        [Fact]
        public Task Constant_weight_decay_halves_into_a_penalty()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, torch.Tensor y)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9, {|#0:weight_decay: 1e-4|});
                        var loss = {|#1:torch.nn.functional.mse_loss(model.call(x), y)|};
                        loss.backward();
                        optimizer.step();
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                        "'5E-05 * Σθ²' in the loss has the same gradient as weight_decay: 1e-4 on the optimizer"),
                },
                """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, torch.Tensor y)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9);
                        var loss = torch.nn.functional.mse_loss(model.call(x), y) + {|DECAY009:5E-05 * torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|};
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, ToLoss);

        [Fact]
        public Task Penalty_is_written_fully_qualified_where_neither_torch_nor_nn_is_in_scope()
            => Verify.VerifyCodeFixAsync("""
                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model, TorchSharp.torch.Tensor x)
                    {
                        var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1, {|#0:weight_decay: 1e-4|});
                        var loss = {|#1:model.call(x).sum()|};
                        loss.backward();
                        optimizer.step();
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                        "'5E-05 * Σθ²' in the loss has the same gradient as weight_decay: 1e-4 on the optimizer"),
                },
                """
                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model, TorchSharp.torch.Tensor x)
                    {
                        var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
                        var loss = model.call(x).sum() + {|DECAY009:5E-05 * global::TorchSharp.torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|};
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, ToLoss);

        [Fact]
        public Task Named_weight_decay_becomes_half_times_the_name()
            => Verify.VerifyCodeFixAsync("""
                using static TorchSharp.torch;

                class Trainer
                {
                    const double WeightDecay = 5e-4;

                    void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, [|weight_decay: WeightDecay|]);
                        for (var i = 0; i < 10; i++)
                        {
                            optimizer.zero_grad();
                            var loss = nn.functional.mse_loss(model.call(x), y);
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """, """
                using static TorchSharp.torch;

                class Trainer
                {
                    const double WeightDecay = 5e-4;

                    void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
                        for (var i = 0; i < 10; i++)
                        {
                            optimizer.zero_grad();
                            var loss = nn.functional.mse_loss(model.call(x), y) + [|0.5 * WeightDecay * nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|];
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """, ToLoss);

        [Fact]
        public Task Two_lambda_weight_decay_becomes_lambda_times_the_sum_of_squares()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, double lambda)
                    {
                        var optimizer = new TorchSharp.Modules.SGD(model.parameters(), 0.1, [|weight_decay: 2 * lambda|]);
                        var loss = model.call(x).sum();
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, double lambda)
                    {
                        var optimizer = new TorchSharp.Modules.SGD(model.parameters(), 0.1);
                        var loss = model.call(x).sum() + [|lambda * torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|];
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, ToLoss);

        [Fact]
        public Task Fix_all_moves_every_weight_decay_into_its_loss()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, [|weight_decay: 2e-4|]);
                        var loss = model.call(x).sum();
                        loss.backward();
                        optimizer.step();
                    }

                    void B(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, double wd)
                    {
                        var optimizer = torch.optim.Adamax(model.parameters(), [|weight_decay: wd|]);
                        var loss = model.call(x).mean();
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1);
                        var loss = model.call(x).sum() + [|0.0001 * torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|];
                        loss.backward();
                        optimizer.step();
                    }

                    void B(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x, double wd)
                    {
                        var optimizer = torch.optim.Adamax(model.parameters());
                        var loss = model.call(x).mean() + [|0.5 * wd * torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum()|];
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, ToLoss);

        // ------------------------------------------------------------------ not offered

        [Fact]
        public Task AdamW_is_never_offered_in_either_direction()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters());
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var total = loss + 1e-4 * l2;
                        total.backward();
                        optimizer.step();
                    }

                    void B(torch.nn.Module model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 0.01);
                        var loss = x.sum();
                        loss.backward();
                        optimizer.step();
                    }
                }
                """);

        [Fact]
        public Task Not_offered_when_the_target_side_already_has_decay()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = x.sum() + 1e-4 * l2;
                        loss.backward();
                        optimizer.step();
                    }
                }
                """);

        [Fact]
        public Task Not_offered_unless_the_penalty_covers_exactly_the_optimizer_parameters()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Net : nn.Module<Tensor, Tensor>
                {
                    public readonly Linear encoder = nn.Linear(8, 4);
                    public Net() : base("net") => RegisterComponents();
                    public override Tensor forward(Tensor x) => encoder.call(x);
                }

                class Trainer
                {
                    void SubModule(Net net, Tensor loss)
                    {
                        var optimizer = optim.SGD(net.parameters(), 0.1);
                        var l2 = net.encoder.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2).backward();
                    }

                    void NameFiltered(Net net, Tensor loss)
                    {
                        var optimizer = optim.SGD(net.parameters(), 0.1);
                        var l2 = net.named_parameters().Where(np => !np.name.Contains("bias")).Select(np => np.parameter.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2).backward();
                    }

                    void FilteredOptimizer(Net net, Tensor loss)
                    {
                        var optimizer = optim.SGD(net.parameters().Where(p => p.requires_grad), 0.1);
                        var l2 = net.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2).backward();
                    }

                    void NotSquares(Net net, Tensor loss)
                    {
                        var optimizer = optim.SGD(net.parameters(), 0.1);
                        var l1 = net.parameters().Select(p => p.abs().sum()).Aggregate((a, b) => a + b);
                        var norm = net.parameters().Select(p => p.norm()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l1 + 1e-4 * norm).backward();
                    }
                }
                """);

        [Fact]
        public Task Not_offered_when_the_coefficient_is_not_available_at_the_optimizer()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(2, 2);
                    private readonly optim.Optimizer optimizer;

                    public Trainer() => optimizer = optim.SGD(model.parameters(), 0.1);

                    public void Step(Tensor x, double lambda)
                    {
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = model.call(x).sum() + lambda * l2;
                        loss.backward();
                        optimizer.step();
                    }

                    void LaterCoefficient(nn.Module<Tensor, Tensor> m, Tensor x)
                    {
                        var sgd = optim.SGD(m.parameters(), 0.1);
                        var lambda = 1e-4;
                        var l2 = m.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = m.call(x).sum() + lambda * l2;
                        loss.backward();
                        sgd.step();
                    }
                }
                """);

        [Fact]
        public Task Not_offered_when_a_local_at_the_optimizer_hides_the_coefficient_field()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly double lambda = 1e-4;
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(2, 2);
                    private readonly optim.Optimizer optimizer;

                    public Trainer()
                    {
                        var lambda = 0.5;
                        optimizer = optim.SGD(model.parameters(), lambda);
                    }

                    public void Step(Tensor x)
                    {
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = model.call(x).sum() + lambda * l2;
                        loss.backward();
                        optimizer.step();
                    }
                }
                """);

        [Fact]
        public Task Coefficient_field_is_moved_by_its_simple_name_where_nothing_hides_it()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly double lambda = 1e-4;
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(2, 2);
                    private readonly optim.Optimizer optimizer;

                    public Trainer()
                    {
                        var lr = 0.5;
                        optimizer = optim.SGD(model.parameters(), lr);
                    }

                    public void Step(Tensor x)
                    {
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = model.call(x).sum() + [|lambda * l2|];
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, """
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly double lambda = 1e-4;
                    private readonly nn.Module<Tensor, Tensor> model = nn.Linear(2, 2);
                    private readonly optim.Optimizer optimizer;

                    public Trainer()
                    {
                        var lr = 0.5;
                        optimizer = optim.SGD(model.parameters(), lr, weight_decay: 2 * lambda);
                    }

                    public void Step(Tensor x)
                    {
                        var loss = model.call(x).sum();
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, ToWeightDecay);

        [Fact]
        public Task Reverse_direction_needs_one_backward_on_a_loss_declared_after_the_optimizer()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void TwoLosses(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var a = model.call(x).sum();
                        a.backward();
                        var b = model.call(x).mean();
                        b.backward();
                        optimizer.step();
                    }

                    void NoStep(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var loss = model.call(x).sum();
                        loss.backward();
                    }

                    torch.optim.Optimizer field = null!;

                    void StoredInAField(torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor x)
                    {
                        field = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var loss = model.call(x).sum();
                        loss.backward();
                        field.step();
                    }
                }
                """);
    }
}
