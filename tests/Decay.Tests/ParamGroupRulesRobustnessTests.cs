using System.Threading.Tasks;
using Decay.Rules;
using Decay.Testing;

namespace Decay.Tests
{
    /// <summary>The rules built on the ParamGroups model (DECAY004, 006, 007, 008, 013) never throw on
    /// half-typed code: missing arguments, error types, unknown members in Options initializers,
    /// groups that do not bind.</summary>
    public class ParamGroupRulesRobustnessTests
    {
        [Theory]
        [InlineData("SGD")]
        [InlineData("AdamW")]
        [InlineData("NAdam")]
        [InlineData("RMSProp")]
        public Task Half_typed_code_does_not_crash(string optimizer)
        {
            var test = new CSharpAnalyzerVerifier<Decay004DecayOnBiasAndNormAnalyzer>.Test { AllowCompilerErrors = true };
            test.AdditionalAnalyzers.Add(new Decay006CoupledDecayInOtherOptimizerAnalyzer());
            test.AdditionalAnalyzers.Add(new Decay007AdamWWithoutWeightDecayAnalyzer());
            test.AdditionalAnalyzers.Add(new Decay008ParamGroupPinsDefaultsAnalyzer());
            test.AdditionalAnalyzers.Add(new Decay013MaximizeFlipsDecayAnalyzer());
            test.TestState.AddSource("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model, Unknown thing)
                    {
                        var a = torch.optim.OPT(new OPT.ParamGroup[] { new(model.parameters(), ), new() { Options = new() { weight_decay = } } }, weight_decay: 0.1);
                        var b = torch.optim.OPT(thing, weight_decay: 1e-4, maximize: true);
                        var c = new OPT(model.parameters(, weight_decay: 1e-4);
                        c.add_param_group(new OPT.ParamGroup(thing, lr: ));
                        var d = torch.optim.OPT(new[] { new OPT.ParamGroup(model.parameters(), new OPT.Options { Missing = 1 }) });
                        var e = torch.optim.OPT(new OPT.ParamGroup[] { thing, null, default }, momentum: );
                    }
                }
                """.Replace("OPT", optimizer));
            return test.RunAsync();
        }
    }
}
