using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Rules;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay012FrozenParametersStillDecayedAnalyzer,
    Decay.CodeFixes.Decay012ClearGradientWhenFreezingCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay012FrozenParametersStillDecayedTests
    {
        private const string Key = Decay012ClearGradientWhenFreezingCodeFixProvider.EquivalenceKey;

        /// <summary>A model with a backbone and a head, appended to the test sources.</summary>
        private const string Net = """

            class Net : nn.Module<Tensor, Tensor>
            {
                public readonly Sequential backbone;
                public readonly Linear head;

                public Net() : base("Net")
                {
                    backbone = nn.Sequential(nn.Linear(8, 8), nn.ReLU());
                    head = nn.Linear(8, 2);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => head.call(backbone.call(x));
            }
            """;

        [Fact]
        public Task Freeze_between_the_stages_of_a_two_stage_schedule_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = {|#1:optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01)|};
                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            optimizer.zero_grad();
                            var loss = nn.functional.cross_entropy(model.call(x), y);
                            loss.backward();
                            optimizer.step();
                        }

                        foreach (var p in model.backbone.parameters())
                        {
                            {|#0:p.requires_grad = false;|}
                        }

                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            optimizer.zero_grad();
                            var loss = nn.functional.cross_entropy(model.call(x), y);
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                    "These parameters are frozen after they had gradients: optimizer.zero_grad() zeroes gradients without clearing them and AdamW skips only null gradients, so weight_decay (0.01) keeps shrinking the frozen weights"));

        [Fact]
        public Task Freeze_inside_the_training_loop_with_requires_grad_underscore_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = {|#1:optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4)|};
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 5)
                            {
                                foreach (var p in model.backbone.parameters())
                                    {|#0:p.requires_grad_(false);|}
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Adam", "1e-4"));

        [Fact]
        public Task Helper_of_the_same_type_called_from_the_training_loop_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly Net model;
                    private readonly optim.Optimizer optimizer;

                    public Trainer(Net model)
                    {
                        this.model = model;
                        optimizer = {|#1:optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.05)|};
                    }

                    private void FreezeBackbone()
                    {
                        foreach (var p in model.backbone.parameters())
                        {
                            {|#0:p.requires_grad = false;|}
                        }
                    }

                    public void Fit(Tensor x, Tensor y, int epochs)
                    {
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            if (epoch == epochs / 2)
                            {
                                FreezeBackbone();
                            }

                            optimizer.zero_grad();
                            var loss = nn.functional.cross_entropy(model.call(x), y);
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("AdamW", "0.05"));

        [Fact]
        public Task Staged_type_that_freezes_and_unfreezes_outside_its_constructor_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                public class StagedTrainer
                {
                    private readonly Net model = new Net();
                    private readonly AdamW optimizer;

                    public StagedTrainer(double weightDecay)
                    {
                        optimizer = {|#1:optim.AdamW(model.parameters(), weight_decay: weightDecay)|};
                    }

                    public void FreezeBackbone()
                    {
                        foreach (var p in model.backbone.parameters()) {|#0:p.requires_grad = false;|}
                    }

                    public void UnfreezeBackbone()
                    {
                        foreach (var p in model.backbone.parameters()) p.requires_grad = true;
                    }

                    public float Step(Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        var loss = nn.functional.mse_loss(model.call(x), y);
                        loss.backward();
                        optimizer.step();
                        return loss.ToSingle();
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("AdamW", "weightDecay"));

        [Fact]
        public Task Name_filtered_freeze_after_stage_one_under_SGD_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Stage(Net model, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                    }

                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var sgd = {|#1:optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4)|};
                        for (var i = 0; i < 100; i++)
                        {
                            sgd.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            sgd.step();
                        }

                        foreach (var (name, p) in model.named_parameters())
                        {
                            if (!name.StartsWith("head"))
                            {
                                {|#0:p.requires_grad = false;|}
                            }
                        }

                        for (var i = 0; i < 100; i++)
                        {
                            sgd.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            sgd.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("SGD", "5e-4"));

        [Fact]
        public Task Module_zero_grad_that_keeps_gradients_does_not_help()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y, int epochs)
                    {
                        var optimizer = {|#1:new AdamW(model.parameters(), weight_decay: 0.1)|};
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            if (epoch == 3)
                            {
                                foreach (var np in model.backbone.named_parameters())
                                {
                                    {|#0:np.parameter.requires_grad = false;|}
                                }
                            }

                            model.zero_grad(set_to_none: false);
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("AdamW", "0.1"));

        [Fact]
        public Task Top_level_statements_are_analyzed_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                var model = new Net();
                var optimizer = {|#1:optim.AdamW(model.parameters(), weight_decay: 0.01)|};
                var x = randn(4, 8);
                var y = randn(4, 2);
                for (var i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    nn.functional.mse_loss(model.call(x), y).backward();
                    optimizer.step();
                }

                {|#0:model.head.weight.requires_grad = false;|} // keep training the bias only
                for (var i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    nn.functional.mse_loss(model.call(x), y).backward();
                    optimizer.step();
                }
                """ + Net, new[] { Verify.Diagnostic().WithLocation(0).WithLocation(1) }, """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                var model = new Net();
                var optimizer = optim.AdamW(model.parameters(), weight_decay: 0.01);
                var x = randn(4, 8);
                var y = randn(4, 2);
                for (var i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    nn.functional.mse_loss(model.call(x), y).backward();
                    optimizer.step();
                }

                model.head.weight.requires_grad = false; // keep training the bias only
                model.head.weight.grad = null;
                for (var i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    nn.functional.mse_loss(model.call(x), y).backward();
                    optimizer.step();
                }
                """ + Net, Key);

        [Fact]
        public Task Local_function_called_from_the_training_loop_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = {|#1:optim.RMSProp(model.parameters(), weight_decay: 1e-4)|};
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10) Freeze();
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }

                        void Freeze()
                        {
                            foreach (var p in model.backbone.parameters()) {|#0:p.requires_grad = false;|}
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RMSProp", "1e-4"));

        [Fact]
        public Task Module_that_trains_itself_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class SelfTraining : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear encoder = nn.Linear(8, 8);
                    private readonly Linear decoder = nn.Linear(8, 8);

                    public SelfTraining() : base("SelfTraining") { RegisterComponents(); }

                    public override Tensor forward(Tensor x) => decoder.call(encoder.call(x));

                    public void Fit(Tensor x, int steps)
                    {
                        var optimizer = {|#1:optim.AdamW(parameters(), weight_decay: 0.01)|};
                        for (var i = 0; i < steps; i++)
                        {
                            if (i == steps / 2)
                            {
                                foreach (var p in encoder.parameters()) {|#0:p.requires_grad = false;|}
                            }

                            optimizer.zero_grad();
                            nn.functional.mse_loss(call(x), x).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("AdamW", "0.01"));

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Backbone_frozen_before_training_starts_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        foreach (var p in model.backbone.parameters())
                        {
                            p.requires_grad = false;
                        }

                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Progressive_unfreezing_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-4, weight_decay: 0.01);
                        foreach (var p in model.parameters()) p.requires_grad = false;
                        foreach (var p in model.head.parameters()) p.requires_grad = true;

                        var children = new[] { model.backbone };
                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            if (epoch == 3)
                            {
                                foreach (var child in model.children())
                                {
                                    foreach (var p in child.parameters()) p.requires_grad_();
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Staged_trainer_that_freezes_in_its_constructor_and_unfreezes_later_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                public class StagedTrainer
                {
                    private readonly Net model = new Net();
                    private readonly AdamW optimizer;

                    public StagedTrainer()
                    {
                        foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                        optimizer = optim.AdamW(model.parameters(), weight_decay: 0.01);
                    }

                    public void UnfreezeBackbone()
                    {
                        foreach (var p in model.backbone.parameters()) p.requires_grad = true;
                    }

                    public void Step(Tensor x, Tensor y)
                    {
                        optimizer.zero_grad();
                        nn.functional.mse_loss(model.call(x), y).backward();
                        optimizer.step();
                    }
                }
                """ + Net);

        [Fact]
        public Task Helper_called_before_the_training_loop_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    private readonly Net model = new Net();

                    private void FreezeBackbone()
                    {
                        foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                    }

                    public void Fit(Tensor x, Tensor y)
                    {
                        FreezeBackbone();
                        var optimizer = optim.AdamW(model.parameters(), weight_decay: 0.01);
                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Temporary_freeze_undone_before_the_step_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();

                            // Probe the head alone, with the backbone frozen for the measurement.
                            foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                            var probe = model.call(x).sum();
                            foreach (var p in model.backbone.parameters()) p.requires_grad = true;
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Alternating_freezes_in_the_two_branches_of_an_if_are_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = {|#2:optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01)|};
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch % 2 == 0)
                            {
                                foreach (var p in model.backbone.parameters()) {|#0:p.requires_grad = false;|}
                                foreach (var p in model.head.parameters()) p.requires_grad = true;
                            }
                            else
                            {
                                foreach (var p in model.head.parameters()) {|#1:p.requires_grad = false;|}
                                foreach (var p in model.backbone.parameters()) p.requires_grad = true;
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(2),
                Verify.Diagnostic().WithLocation(1).WithLocation(2));

        [Fact]
        public Task Gradient_cleared_next_to_the_freeze_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    p.requires_grad = false;
                                    p.grad = null;
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Training_loop_that_calls_model_zero_grad_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                            }

                            model.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Zero_decay_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var adamW = optim.AdamW(model.parameters(), lr: 1e-3);
                        var adam = optim.Adam(model.parameters(), weight_decay: 0);
                        var sgd = optim.SGD(model.parameters(), 0.1, 0.9);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                            }

                            nn.functional.cross_entropy(model.call(x), y).backward();
                            adamW.step();
                            adam.step();
                            sgd.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Freezing_after_training_ends_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    Tensor Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }

                        // Export for inference.
                        foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                        model.eval();
                        return model.call(x);
                    }
                }
                """ + Net);

        [Fact]
        public Task Optimizer_that_does_not_cover_the_frozen_module_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.head.parameters(), lr: 1e-3, weight_decay: 0.01);
                        var filtered = optim.AdamW(model.parameters().Where(p => p.requires_grad).ToList(), weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                            filtered.step();
                        }
                    }
                }
                """.Replace("using TorchSharp;", "using System.Linq;\nusing TorchSharp;") + Net);

        [Fact]
        public Task Alternating_gan_schedule_whose_optimizers_each_own_the_frozen_module_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Gan
                {
                    void Train(Net generator, Net discriminator, Tensor noise, Tensor real)
                    {
                        var optG = optim.Adam(generator.parameters(), lr: 2e-4, weight_decay: 1e-5);
                        var optD = optim.Adam(discriminator.parameters(), lr: 2e-4, weight_decay: 1e-5);
                        for (var i = 0; i < 1000; i++)
                        {
                            foreach (var p in discriminator.parameters()) p.requires_grad = true;
                            optD.zero_grad();
                            var lossD = nn.functional.mse_loss(discriminator.call(real), real) + nn.functional.mse_loss(discriminator.call(generator.call(noise).detach()), real);
                            lossD.backward();
                            optD.step();

                            foreach (var p in discriminator.parameters()) p.requires_grad = false;
                            optG.zero_grad();
                            var lossG = nn.functional.mse_loss(discriminator.call(generator.call(noise)), real);
                            lossG.backward();
                            optG.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Non_constant_requires_grad_value_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    static void SetRequiresGrad(nn.Module module, bool requiresGrad)
                    {
                        foreach (var p in module.parameters()) p.requires_grad = requiresGrad;
                    }

                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            SetRequiresGrad(model.backbone, epoch < 10);
                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net);

        [Fact]
        public Task Half_typed_code_does_not_crash()
        {
            var test = new CSharpAnalyzerVerifier<Decay012FrozenParametersStillDecayedAnalyzer>.Test
            {
                TestCode = """
                    using TorchSharp;
                    using static TorchSharp.torch;

                    class Trainer
                    {
                        void Train(nn.Module model, Tensor x)
                        {
                            var optimizer = optim.AdamW(model.parameters(), weight_decay: );
                            for (var i = 0; i < 10; i++)
                            {
                                x.backward();
                                optimizer.step();
                                foreach (var p in model.) p.requires_grad = false;
                                foreach (var p in unknown.parameters()) p.requires_grad = false;
                                p.requires_grad_(
                            }
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
            var test = new CSharpAnalyzerVerifier<Decay012FrozenParametersStillDecayedAnalyzer>.Test
            {
                TestCode = """
                    class Tensor { public bool requires_grad { get; set; } public Tensor? grad { get; set; } public void backward() { } }
                    class Optimizer { public void step() { } }

                    class Trainer
                    {
                        void Train(Tensor[] parameters, Tensor loss, Optimizer optimizer)
                        {
                            for (var i = 0; i < 10; i++)
                            {
                                loss.backward();
                                foreach (var p in parameters) p.requires_grad = false;
                                optimizer.step();
                            }
                        }
                    }
                    """,
            };
            test.References.Clear();
            test.References.AddRange(Decay.Testing.TestReferences.Net80);
            return test.RunAsync();
        }

        // ------------------------------------------------------------ fix

        [Fact]
        public Task Fix_inserts_the_clear_after_the_freeze_keeping_indentation_and_comments()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    // stage two: head only
                                    [|p.requires_grad = false;|] // frozen
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    // stage two: head only
                                    p.requires_grad = false; // frozen
                                    p.grad = null;
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, Key);

        [Fact]
        public Task Fix_turns_an_embedded_statement_into_a_block()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                    [|p.requires_grad_(false);|]
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    p.requires_grad_(false);
                                    p.grad = null;
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, Key);

        [Fact]
        public Task Fix_turns_a_ForEach_lambda_into_a_block_lambda()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                model.backbone.parameters().ToList().ForEach(p => [|p.requires_grad = false|]);
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                model.backbone.parameters().ToList().ForEach(p => { p.requires_grad = false; p.grad = null; });
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, Key);

        [Fact]
        public Task Fix_all_clears_every_freeze_in_the_document()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 30; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters()) { [|p.requires_grad = false;|] }
                            }

                            if (epoch == 20)
                            {
                                [|model.head.bias!.requires_grad = false;|]
                                foreach (var (name, p) in model.head.named_parameters())
                                {
                                    if (name == "weight") [|p.requires_grad = false;|]
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 30; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters()) { p.requires_grad = false; p.grad = null; }
                            }

                            if (epoch == 20)
                            {
                                model.head.bias!.requires_grad = false;
                                model.head.bias!.grad = null;
                                foreach (var (name, p) in model.head.named_parameters())
                                {
                                    if (name == "weight")
                                    {
                                        p.requires_grad = false;
                                        p.grad = null;
                                    }
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, Key);

        [Fact]
        public Task Freeze_used_as_a_value_is_reported_without_a_fix()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    var frozen = [|p.requires_grad_(false)|];
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01);
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    var frozen = p.requires_grad_(false);
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net, Key);

        // ------------------------------------------------------------ the requires_grad pre-filter

        [Fact]
        public Task A_freeze_spelled_with_a_unicode_escape_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(Net model, Tensor x, Tensor y)
                    {
                        var optimizer = {|#1:optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01)|};
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                foreach (var p in model.backbone.parameters())
                                {
                                    {|#0:p.requires\u005Fgrad = false;|}
                                }
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("AdamW", "0.01"));

        [Fact]
        public Task A_freeze_in_one_part_of_a_partial_class_is_seen_with_the_training_in_another()
        {
            var test = new CSharpAnalyzerVerifier<Decay012FrozenParametersStillDecayedAnalyzer>.Test();
            test.TestState.Sources.Add(("Trainer.cs", """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                partial class Trainer
                {
                    private readonly Net model = new Net();
                    private readonly optim.Optimizer optimizer;

                    public Trainer() => optimizer = {|#1:optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.05)|};

                    public void Train(Tensor x, Tensor y)
                    {
                        for (var epoch = 0; epoch < 20; epoch++)
                        {
                            if (epoch == 10)
                            {
                                FreezeBackbone();
                            }

                            optimizer.zero_grad();
                            nn.functional.cross_entropy(model.call(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """ + Net));
            test.TestState.Sources.Add(("Trainer.Freezing.cs", """
                partial class Trainer
                {
                    private void FreezeBackbone()
                    {
                        foreach (var p in model.backbone.parameters())
                        {
                            {|#0:p.requires_grad = false;|}
                        }
                    }
                }
                """));
            test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<Decay012FrozenParametersStillDecayedAnalyzer>.Diagnostic()
                .WithLocation(0).WithLocation(1).WithArguments("AdamW", "0.05"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_freeze_in_top_level_statements_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                var model = new Net();
                var x = torch.randn(4, 8);
                var y = torch.randn(4, 2);
                var optimizer = {|#1:optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.01)|};
                for (var epoch = 0; epoch < 20; epoch++)
                {
                    if (epoch == 10)
                    {
                        foreach (var p in model.backbone.parameters())
                        {
                            {|#0:p.requires_grad = false;|}
                        }
                    }

                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.call(x), y).backward();
                    optimizer.step();
                }
                """ + Net,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("AdamW", "0.01"));
    }
}
