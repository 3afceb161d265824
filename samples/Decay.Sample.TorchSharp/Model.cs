using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Decay.Sample
{
    /// <summary>A small classifier: Linear → LayerNorm → ReLU → Linear.</summary>
    public sealed class Classifier : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc1;
        private readonly LayerNorm norm;
        private readonly Linear fc2;

        public Classifier(long inputs, long hidden, long classes)
            : base(nameof(Classifier))
        {
            fc1 = nn.Linear(inputs, hidden);
            norm = nn.LayerNorm(hidden);
            fc2 = nn.Linear(hidden, classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
            => fc2.call(nn.functional.relu(norm.call(fc1.call(input))));
    }
}
