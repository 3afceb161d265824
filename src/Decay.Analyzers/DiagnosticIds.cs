namespace Decay
{
    /// <summary>Every Decay rule ID, in one place. Files, classes, tests and doc pages of a rule
    /// all start with its ID.</summary>
    public static class DiagnosticIds
    {
        public const string AdamWithWeightDecay = "DECAY001";
        public const string NonSquaredNormPenalty = "DECAY002";
        public const string L2AppliedTwice = "DECAY003";
        public const string DecayOnBiasAndNorm = "DECAY004";
        public const string DetachedPenalty = "DECAY005";
        public const string CoupledDecayInOtherOptimizer = "DECAY006";
        public const string AdamWWithoutWeightDecay = "DECAY007";
        public const string ParamGroupPinsDefaults = "DECAY008";
        public const string PenaltyAsWeightDecay = "DECAY009";
        public const string NormIntIsDimension = "DECAY010";
        public const string RegularizerNeverReachesGradient = "DECAY011";
        public const string FrozenParametersStillDecayed = "DECAY012";
        public const string MaximizeFlipsDecay = "DECAY013";

        public const string SdcaL2AtOtherScale = "DECAY101";
        public const string SdcaL1IsThreshold = "DECAY102";
        public const string SdcaL2BelowFloor = "DECAY103";
        public const string RegularizationRejectedOrRewritten = "DECAY104";
        public const string TorchSharpWeightDecayIsAdamL2 = "DECAY107";
    }
}
