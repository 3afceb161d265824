using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Testing;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay010NormIntIsDimensionAnalyzer,
    Decay.CodeFixes.Decay010NormIntIsDimensionCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay010NormIntIsDimensionTests
    {
        private const string UseNorm = Decay010NormIntIsDimensionCodeFixProvider.UseNormEquivalenceKey;
        private const string KeepDimension = Decay010NormIntIsDimensionCodeFixProvider.KeepDimensionEquivalenceKey;

        private const string TensorNorm2 = """
            using TorchSharp;

            class Metrics
            {
                torch.Tensor Norm(torch.Tensor weights) => [|weights.norm(2)|];
            }
            """;

        [Fact]
        public Task Tensor_norm_2_is_reported_and_becomes_the_2_norm()
            => Verify.VerifyCodeFixAsync(TensorNorm2, """
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor Norm(torch.Tensor weights) => weights.norm(2f);
                }
                """, UseNorm);

        [Fact]
        public Task Tensor_norm_2_kept_as_a_dimension_by_name()
            => Verify.VerifyCodeFixAsync(TensorNorm2, """
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor Norm(torch.Tensor weights) => weights.norm(dim: 2);
                }
                """, KeepDimension);

        [Fact]
        public Task Message_names_the_call_and_the_dimension()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor Norm(torch.Tensor weights) => {|#0:weights.norm(2)|};
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "'weights.norm(2)' binds to the overload whose int argument is a dimension: it reduces along dimension 2, not the 2-norm"));

        [Fact]
        public Task Torch_norm_with_int_2_is_reported_and_fixed_both_ways()
        {
            const string source = """
                using static TorchSharp.torch;

                class Metrics
                {
                    Tensor Norm(Tensor w) => [|norm(w, 2)|] /* ported from torch.norm(w, 2) */;
                }
                """;
            return Task.WhenAll(
                Verify.VerifyCodeFixAsync(source, """
                    using static TorchSharp.torch;

                    class Metrics
                    {
                        Tensor Norm(Tensor w) => norm(w, 2f) /* ported from torch.norm(w, 2) */;
                    }
                    """, UseNorm),
                Verify.VerifyCodeFixAsync(source, """
                    using static TorchSharp.torch;

                    class Metrics
                    {
                        Tensor Norm(Tensor w) => norm(w, dimension: 2) /* ported from torch.norm(w, 2) */;
                    }
                    """, KeepDimension));
        }

        [Fact]
        public Task Norm_1_becomes_the_1_norm()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l1 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l1 += [|p.norm(1)|];
                        (loss + 1e-5 * l1).backward();
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, torch.Tensor loss)
                    {
                        var l1 = torch.tensor(0f);
                        foreach (var p in model.parameters()) l1 += p.norm(1f);
                        (loss + 1e-5 * l1).backward();
                    }
                }
                """, UseNorm);

        [Fact]
        public Task Applies_outside_penalties_too()
            => Verify.VerifyAnalyzerAsync("""
                using System;
                using TorchSharp;

                class Trainer
                {
                    void Log(torch.nn.Module model)
                    {
                        foreach (var p in model.parameters())
                        {
                            Console.WriteLine([|p.norm(2)|].item<float>());
                        }
                    }
                }
                """);

        [Fact]
        public Task Fix_all_in_document()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor A(torch.Tensor w) => [|w.norm(2)|];
                    torch.Tensor B(torch.Tensor w) => [|torch.norm(w, 2)|];
                    torch.Tensor C(torch.Tensor w) => [|w.norm(1)|] + [|w.norm(2)|];
                }
                """, """
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor A(torch.Tensor w) => w.norm(2f);
                    torch.Tensor B(torch.Tensor w) => torch.norm(w, 2f);
                    torch.Tensor C(torch.Tensor w) => w.norm(1f) + w.norm(2f);
                }
                """, UseNorm);

        // ------------------------------------------------------------------ must not report

        [Fact]
        public Task The_float_exponent_and_named_arguments_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor A(torch.Tensor w) => w.norm(2f) + w.norm() + w.norm(p: 2) + torch.norm(w, 2f) + torch.norm(w);
                    torch.Tensor B(torch.Tensor w) => w.norm(dim: 2) + torch.norm(w, dimension: 1);
                }
                """);

        [Fact]
        public Task Another_argument_shows_a_dimension_was_meant()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor A(torch.Tensor w) => w.norm(1, keepdim: true) + w.norm(1, true) + w.norm(2, false, 1f) + torch.norm(w, 1, true);
                }
                """);

        [Fact]
        public Task Other_literals_and_non_literal_dimensions_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Metrics
                {
                    const int Dim = 2;
                    torch.Tensor A(torch.Tensor w, int d) => w.norm(0) + w.norm(3) + w.norm(-1) + w.norm(d) + w.norm(Dim);
                }
                """);

        [Fact]
        public Task Linalg_norm_with_int_ord_is_the_norm_order_and_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Metrics
                {
                    torch.Tensor A(torch.Tensor w) => torch.linalg.norm(w, 2) + torch.linalg.vector_norm(w, 2);
                }
                """);
    }
}
