using System;
using TorchSharp;
using Decay.Sample;
using static TorchSharp.torch;

// A training loop with the classic mistake: Adam given weight_decay (coupled L2) where AdamW
// (decoupled weight decay) was meant. Decay reports DECAY001 on the optimizer.
var model = new Classifier(inputs: 16, hidden: 32, classes: 4);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4);

var inputs = randn(64, 16);
var targets = randint(4, new long[] { 64 });

for (var epoch = 0; epoch < 10; epoch++)
{
    optimizer.zero_grad();
    var loss = nn.functional.cross_entropy(model.call(inputs), targets);
    loss.backward();
    optimizer.step();
    Console.WriteLine($"epoch {epoch}: loss {loss.ToSingle():F4}");
}
