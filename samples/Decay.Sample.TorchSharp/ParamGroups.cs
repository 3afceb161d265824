using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Decay.Sample
{
    /// <summary>Parameter-group traps. Building the sample shows DECAY004 on the first optimizer
    /// (weight decay on the classifier's biases and LayerNorm gains) and DECAY008 on the second's
    /// no-decay group (the positional ParamGroup constructor pins lr to 0.001 and beta2 to 0.999,
    /// whatever the optimizer call says).</summary>
    public static class ParamGroups
    {
        public static optim.Optimizer DecayEverything(Classifier model)
            => optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.05);

        public static optim.Optimizer PinnedNoDecayGroup(Classifier model)
            => optim.AdamW(new AdamW.ParamGroup[]
            {
                new(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.05 }),
                new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), weight_decay: 0),
            }, lr: 3e-4, beta2: 0.95);
    }
}
