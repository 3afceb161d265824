using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay003L2AppliedTwiceAnalyzer,
    Decay.CodeFixes.Decay003L2AppliedTwiceCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay003L2AppliedTwiceTests
    {
        private const string RemoveWeightDecay = Decay003L2AppliedTwiceCodeFixProvider.RemoveWeightDecayEquivalenceKey;
        private const string RemovePenalty = Decay003L2AppliedTwiceCodeFixProvider.RemovePenaltyEquivalenceKey;

        private const string SameMethod = """
            using TorchSharp;
            using static TorchSharp.torch;

            class Trainer
            {
                void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                {
                    var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, {|#0:weight_decay: 5e-4|});
                    for (var step = 0; step < 100; step++)
                    {
                        optimizer.zero_grad();
                        const double lambda = 5e-4;
                        var l2 = tensor(0f);
                        foreach (var p in model.parameters())
                        {
                            l2 += p.pow(2).sum();
                        }

                        var loss = nn.functional.mse_loss(model.call(x), y) + {|#1:lambda / 2 * l2|};
                        loss.backward();
                        optimizer.step();
                    }
                }
            }
            """;

        [Fact]
        public Task Same_method_is_reported_at_weight_decay_with_the_penalty()
            => Verify.VerifyAnalyzerAsync(SameMethod,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                    "'model' is regularized twice: by the optimizer's weight_decay (5e-4) and by an L2 penalty added to the loss"));

        [Fact]
        public Task Same_method_fix_removes_weight_decay()
            => Verify.VerifyCodeFixAsync(SameMethod,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
                        for (var step = 0; step < 100; step++)
                        {
                            optimizer.zero_grad();
                            const double lambda = 5e-4;
                            var l2 = tensor(0f);
                            foreach (var p in model.parameters())
                            {
                                l2 += p.pow(2).sum();
                            }

                            var loss = nn.functional.mse_loss(model.call(x), y) + lambda / 2 * l2;
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """, RemoveWeightDecay);

        [Fact]
        public Task Same_method_fix_removes_the_penalty_and_what_only_computed_it()
            => Verify.VerifyCodeFixAsync(SameMethod,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
                        for (var step = 0; step < 100; step++)
                        {
                            optimizer.zero_grad();

                            var loss = nn.functional.mse_loss(model.call(x), y);
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """, RemovePenalty);

        private const string CrossMember = """
            using System.Linq;
            using TorchSharp;
            using static TorchSharp.torch;

            class Trainer
            {
                private readonly nn.Module<Tensor, Tensor> model;
                private readonly optim.Optimizer optimizer;

                public Trainer(nn.Module<Tensor, Tensor> model)
                {
                    this.model = model;
                    optimizer = optim.Adam(model.parameters(), lr: 1e-3, {|#0:weight_decay: 1e-4|});
                }

                public void Step(Tensor x, Tensor y)
                {
                    optimizer.zero_grad();
                    var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    var loss = nn.functional.mse_loss(model.call(x), y);
                    loss += {|#1:1e-4 * l2|};
                    loss.backward();
                    optimizer.step();
                }
            }
            """;

        [Fact]
        public Task Optimizer_in_a_field_set_by_the_constructor_and_penalty_in_the_training_method()
            => Verify.VerifyCodeFixAsync(CrossMember,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly nn.Module<Tensor, Tensor> model;
                    private readonly optim.Optimizer optimizer;

                    public Trainer(nn.Module<Tensor, Tensor> model)
                    {
                        this.model = model;
                        optimizer = optim.Adam(model.parameters(), lr: 1e-3);
                    }

                    public void Step(Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        loss += 1e-4 * l2;
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, RemoveWeightDecay);

        [Fact]
        public Task Cross_member_fix_removes_the_penalty_statement()
            => Verify.VerifyCodeFixAsync(CrossMember,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using System.Linq;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly nn.Module<Tensor, Tensor> model;
                    private readonly optim.Optimizer optimizer;

                    public Trainer(nn.Module<Tensor, Tensor> model)
                    {
                        this.model = model;
                        optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                    }

                    public void Step(Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        loss.backward();
                        optimizer.step();
                    }
                }
                """, RemovePenalty);

        [Fact]
        public Task Property_set_by_an_initializer_with_a_primary_constructor_module()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer(nn.Module<Tensor, Tensor> model)
                {
                    private RMSProp Optimizer { get; } = optim.RMSProp(model.parameters(), {|#0:weight_decay: 1e-5|});

                    public void Step(Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(model.call(x), y) + {|#1:1e-5 * L2()|};
                        loss.backward();
                        Optimizer.step();
                    }

                    private Tensor L2()
                    {
                        var sum = tensor(0f);
                        foreach (var p in model.parameters()) sum += p.square().sum();
                        return sum;
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1));

        [Fact]
        public Task Sub_module_penalty_overlaps_the_whole_module_optimizer()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Net : nn.Module<Tensor, Tensor>
                {
                    public readonly Linear encoder = nn.Linear(8, 4);
                    public readonly Linear head = nn.Linear(4, 2);
                    public Net() : base("net") => RegisterComponents();
                    public override Tensor forward(Tensor x) => head.call(encoder.call(x));
                }

                class Trainer
                {
                    void Train(Net net, Tensor x)
                    {
                        var optimizer = optim.SGD(net.parameters(), 0.01, {|#0:weight_decay: 1e-4|});
                        var l2 = torch.nn.utils.parameters_to_vector(net.encoder.parameters()).pow(2).sum();
                        var loss = net.call(x).sum() + {|#1:1e-4 * l2|};
                        loss.backward();
                        optimizer.step();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                    "'net.encoder' is regularized twice: by the optimizer's weight_decay (1e-4) and by an L2 penalty added to the loss"));

        [Fact]
        public Task Top_level_statements_with_a_name_filtered_penalty()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var optimizer = optim.NAdam(model.parameters(), {|#0:weight_decay: 0.01|});
                var l2 = tensor(0f);
                foreach (var (name, p) in model.named_parameters())
                {
                    if (name.Contains("weight")) l2 += p.pow(2).sum();
                }

                var loss = model.call(randn(8, 4)).sum() + {|#1:0.01 * l2|};
                loss.backward();
                optimizer.step();
                """,
                Verify.Diagnostic().WithLocation(0).WithLocation(1));

        [Fact]
        public Task Positional_weight_decay_followed_by_other_arguments_becomes_zero()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = new Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, {|#0:1e-4|}, false);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + {|#1:1e-4 * l2|}).backward();
                    }
                }
                """,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = new Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 0, false);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2).backward();
                    }
                }
                """, RemoveWeightDecay);

        [Fact]
        public Task Removing_the_penalty_from_a_parenthesized_backward_receiver()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = new Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, {|#0:1e-4|}, false);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + {|#1:1e-4 * l2|}).backward();
                    }
                }
                """,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = new Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 1e-4, false);
                        loss.backward();
                    }
                }
                """, RemovePenalty);

        [Fact]
        public Task Penalty_read_elsewhere_stays_computed_when_removed_from_the_loss()
            => Verify.VerifyCodeFixAsync("""
                using System;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, {|#0:weight_decay: 1e-4|});
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var loss = x.sum();
                        loss = loss + {|#1:1e-4 * l2|};
                        loss.backward();
                        Console.WriteLine($"l2 {l2.item<float>()}");
                    }
                }
                """,
                new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) },
                """
                using System;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor x)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var l2 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                        var loss = x.sum();
                        loss.backward();
                        Console.WriteLine($"l2 {l2.item<float>()}");
                    }
                }
                """, RemovePenalty);

        [Fact]
        public Task Fix_all_removes_every_duplicate_weight_decay()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, {|#0:weight_decay: 1e-4|});
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var l2b = model.parameters().Select(p => p.square().sum()).Aggregate((a, b) => a + b);
                        (loss + {|#1:1e-4 * l2|} + {|#2:1e-4 * l2b|}).backward();
                    }

                    void B(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adagrad(model.parameters(), {|#3:weight_decay: 1e-3|});
                        var l2 = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                        (loss + {|#4:1e-3 * l2|}).backward();
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1),
                    Verify.Diagnostic().WithLocation(0).WithLocation(2),
                    Verify.Diagnostic().WithLocation(3).WithLocation(4),
                },
                """
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var l2b = model.parameters().Select(p => p.square().sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2 + 1e-4 * l2b).backward();
                    }

                    void B(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adagrad(model.parameters());
                        var l2 = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                        (loss + 1e-3 * l2).backward();
                    }
                }
                """, RemoveWeightDecay);

        [Fact]
        public Task Fix_all_removes_every_penalty()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, {|#0:weight_decay: 1e-4|});
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var l2b = model.parameters().Select(p => p.square().sum()).Aggregate((a, b) => a + b);
                        (loss + {|#1:1e-4 * l2|} + {|#2:1e-4 * l2b|}).backward();
                    }

                    void B(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adagrad(model.parameters(), {|#3:weight_decay: 1e-3|});
                        var l2 = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                        (loss + {|#4:1e-3 * l2|}).backward();
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithLocation(1),
                    Verify.Diagnostic().WithLocation(0).WithLocation(2),
                    Verify.Diagnostic().WithLocation(3).WithLocation(4),
                },
                """
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void A(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        loss.backward();
                    }

                    void B(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.Adagrad(model.parameters(), weight_decay: 1e-3);
                        loss.backward();
                    }
                }
                """, RemovePenalty);

        // ------------------------------------------------------------------ must not report

        [Fact]
        public Task Different_modules_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    private readonly torch.nn.Module<torch.Tensor, torch.Tensor> model = torch.nn.Linear(2, 2);

                    void Train(torch.nn.Module<torch.Tensor, torch.Tensor> student, torch.nn.Module<torch.Tensor, torch.Tensor> model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(student.parameters(), 0.1, weight_decay: 1e-4);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        var l2field = this.model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2 + 1e-4 * l2field).backward();
                        optimizer.step();
                    }
                }
                """);

        [Fact]
        public Task Sibling_sub_modules_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Net : nn.Module<Tensor, Tensor>
                {
                    public readonly Linear encoder = nn.Linear(8, 4);
                    public readonly Linear head = nn.Linear(4, 2);
                    public Net() : base("net") => RegisterComponents();
                    public override Tensor forward(Tensor x) => head.call(encoder.call(x));
                }

                class Trainer
                {
                    void Train(Net net, Tensor x)
                    {
                        var optimizer = optim.SGD(net.head.parameters(), 0.01, weight_decay: 1e-4);
                        var l2 = torch.nn.utils.parameters_to_vector(net.encoder.parameters()).pow(2).sum();
                        (net.call(x).sum() + 1e-4 * l2).backward();
                    }
                }
                """);

        [Fact]
        public Task AdamW_is_decoupled_and_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 0.05);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                        (loss + 1e-4 * l2).backward();
                    }
                }
                """);

        [Fact]
        public Task No_zero_or_configured_weight_decay_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss, double wd)
                    {
                        var a = torch.optim.SGD(model.parameters(), 0.1);
                        var b = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 0);
                        var c = torch.optim.Adam(model.parameters(), lr: 1e-3, 0.9);
                        var d = torch.optim.Adam(model.parameters(), weight_decay: wd);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        (loss + 1e-4 * l2).backward();
                    }
                }
                """);

        [Fact]
        public Task L1_norm_and_detached_penalties_are_not_a_second_L2()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var l1 = model.parameters().Select(p => p.abs().sum()).Aggregate((x, y) => x + y);
                        var norm = model.parameters().Select(p => p.norm()).Aggregate((x, y) => x + y);
                        float detached = model.parameters().Sum(p => p.pow(2).sum().item<float>());
                        (loss + 1e-5 * l1 + 1e-5 * norm + detached).backward();
                    }
                }
                """);

        [Fact]
        public Task A_penalty_only_logged_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Linq;
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        loss.backward();
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        Console.WriteLine($"l2 = {l2.item<float>()}");
                        optimizer.step();
                    }
                }
                """);

        [Fact]
        public Task Optimizer_over_parameter_groups_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var optimizer = torch.optim.SGD(new[] { new SGD.ParamGroup(model.parameters(), new SGD.Options { weight_decay = 1e-4 }) }, 0.1);
                        var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                        (loss + 1e-4 * l2).backward();
                    }
                }
                """);
    }
}
