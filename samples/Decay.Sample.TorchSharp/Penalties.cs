using TorchSharp;
using static TorchSharp.torch;

namespace Decay.Sample
{
    /// <summary>Hand-written L2 penalties with the mistakes Decay catches in them. Building the
    /// sample shows DECAY002, DECAY005, DECAY010 and DECAY003 here.</summary>
    public static class Penalties
    {
        /// <summary>A norm where the sum of squares was meant (DECAY002), written as PyTorch's
        /// <c>p.norm(2)</c>, which TorchSharp binds to the dimension overload (DECAY010).</summary>
        public static void TrainWithNormPenalty(Classifier model, Tensor inputs, Tensor targets)
        {
            var optimizer = optim.SGD(model.parameters(), 0.01);
            optimizer.zero_grad();
            var l2 = tensor(0f);
            foreach (var p in model.parameters())
            {
                l2 += p.norm(2);
            }

            var loss = nn.functional.cross_entropy(model.call(inputs), targets) + 1e-4 * l2;
            loss.backward();
            optimizer.step();
        }

        /// <summary>A penalty whose terms were detached (copied from weight-norm logging code): it
        /// changes the loss value, not the gradient (DECAY005; the fix removes the detach).</summary>
        public static void TrainWithDetachedPenalty(Classifier model, Tensor inputs, Tensor targets)
        {
            var optimizer = optim.SGD(model.parameters(), 0.01);
            optimizer.zero_grad();
            var l2 = tensor(0f);
            foreach (var p in model.parameters())
            {
                l2 += p.pow(2).sum().detach();
            }

            var loss = nn.functional.cross_entropy(model.call(inputs), targets) + 1e-4 * l2;
            loss.backward();
            optimizer.step();
        }

        /// <summary>SGD's weight_decay is already L2 (it adds wd·θ to the gradient); the penalty in
        /// the loss applies it a second time (DECAY003).</summary>
        public static void TrainWithDoubleL2(Classifier model, Tensor inputs, Tensor targets)
        {
            var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9, weight_decay: 5e-4);
            optimizer.zero_grad();
            var l2 = tensor(0f);
            foreach (var p in model.parameters())
            {
                l2 += p.pow(2).sum();
            }

            var loss = nn.functional.cross_entropy(model.call(inputs), targets) + 5e-4 / 2 * l2;
            loss.backward();
            optimizer.step();
        }
    }
}
