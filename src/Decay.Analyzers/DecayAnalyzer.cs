using System.Collections.Immutable;
using System.Linq;
using Decay.Hosting;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay
{
    /// <summary>The analyzer the compiler loads: every Decay rule behind one registration (see
    /// <see cref="DecayRule"/> and <see cref="RuleRegistration"/>). The rules live one per file in
    /// Rules/; this is only the list of them.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DecayAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every rule, in ID order.</summary>
        internal static ImmutableArray<DecayRule> CreateRules() => ImmutableArray.Create<DecayRule>(
            new Decay001AdamWithWeightDecayAnalyzer(),
            new Decay002NonSquaredNormPenaltyAnalyzer(),
            new Decay003L2AppliedTwiceAnalyzer(),
            new Decay004DecayOnBiasAndNormAnalyzer(),
            new Decay005DetachedPenaltyAnalyzer(),
            new Decay006CoupledDecayInOtherOptimizerAnalyzer(),
            new Decay007AdamWWithoutWeightDecayAnalyzer(),
            new Decay008ParamGroupPinsDefaultsAnalyzer(),
            new Decay009PenaltyAsWeightDecayAnalyzer(),
            new Decay010NormIntIsDimensionAnalyzer(),
            new Decay011RegularizerNeverReachesGradientAnalyzer(),
            new Decay012FrozenParametersStillDecayedAnalyzer(),
            new Decay013MaximizeFlipsDecayAnalyzer(),
            new Decay101SdcaL2AtOtherScaleAnalyzer(),
            new Decay102SdcaL1IsThresholdAnalyzer(),
            new Decay103SdcaL2BelowFloorAnalyzer(),
            new Decay104RegularizationRejectedOrRewrittenAnalyzer(),
            new Decay107TorchSharpWeightDecayIsAdamL2Analyzer());

        private readonly ImmutableArray<DecayRule> rules;

        public DecayAnalyzer()
        {
            rules = CreateRules();
            SupportedDiagnostics = rules.SelectMany(r => r.SupportedDiagnostics).Distinct().ToImmutableArray();
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

#pragma warning disable RS1025, RS1026 // RuleHost.Initialize configures generated code analysis and enables concurrent execution.
        public override void Initialize(AnalysisContext context) => RuleHost.Initialize(context, rules);
#pragma warning restore RS1025, RS1026
    }
}
