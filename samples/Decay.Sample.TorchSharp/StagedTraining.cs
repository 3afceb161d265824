using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Decay.Sample
{
    /// <summary>Two-stage fine-tuning with two regularization mistakes Decay catches.</summary>
    public static class StagedTraining
    {
        public static void Run(Tensor inputs, Tensor targets)
        {
            var model = new Classifier(inputs: 16, hidden: 32, classes: 4);
            var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.05);

            // Stage one: train everything.
            for (var epoch = 0; epoch < 10; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(inputs), targets);
                loss.backward();
                optimizer.step();
            }

            // Stage two: freeze the first layer and train the rest. DECAY012: optimizer.zero_grad()
            // only zeroes fc1's gradients, so AdamW keeps multiplying fc1 by (1 - lr * weight_decay).
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (name.StartsWith("fc1.", StringComparison.Ordinal))
                {
                    parameter.requires_grad = false;
                }
            }

            // Stage two also regularizes with an L2 penalty. DECAY011: the objective is logged, but
            // backward() runs on the bare loss, so the penalty never reaches the gradient.
            for (var epoch = 0; epoch < 10; epoch++)
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(inputs), targets);
                var l2 = torch.tensor(0f);
                foreach (var parameter in model.parameters())
                {
                    l2 += parameter.pow(2).sum();
                }

                var objective = loss + 1e-4 * l2;
                loss.backward();
                optimizer.step();
                Console.WriteLine($"stage two, epoch {epoch}: objective {objective.ToSingle():F4}");
            }
        }
    }
}
