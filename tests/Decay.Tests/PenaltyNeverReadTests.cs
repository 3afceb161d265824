using System.Linq;
using Decay.Operations;

namespace Decay.Tests
{
    /// <summary>The penalty model's "never read" fate (extended for DECAY011): scaling, detaching
    /// and moving a penalty pass its value on, so a penalty whose scaled value nobody reads is
    /// never read; where the value ends (an add, an argument, a return) is a use.</summary>
    public class PenaltyNeverReadTests
    {
        [Fact]
        public void Scaled_penalties_that_nobody_reads_are_never_read()
        {
            var analysed = PenaltyModelTests.Analyze("""
                void Train(nn.Module model, Tensor x)
                {
                    var loss = x.sum();
                    var scaled = 0.5 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    var divided = model.parameters().Select(p => p.abs().sum()).Aggregate((a, b) => a + b).div(4);
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                    var reg = 1e-4 * l2;
                    var detached = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b).detach().cpu();
                    loss.backward();
                }
                """);
            Assert.Equal(4, analysed.Penalties.Count);
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyFate.NeverRead, p.Fate));
            Assert.Equal(new[] { "scaled", "divided", "l2", "detached" }, analysed.Penalties.Select(p => p.ValueLocals[0].Name));
            Assert.Equal(new[] { "l2", "reg" }, analysed.Penalties[2].ValueLocals.Select(l => l.Name));
        }

        [Fact]
        public void Where_a_scaled_penalty_ends_is_still_a_use()
        {
            var analysed = PenaltyModelTests.Analyze("""
                Tensor Train(nn.Module model, Tensor x)
                {
                    var loss = x.sum();
                    var printed = 0.5 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    Console.WriteLine(printed.ToSingle());
                    var compared = 0.5 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    var big = (compared > 1).any();
                    var returned = 0.5 * model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    return returned;
                }
                """);
            Assert.Equal(
                new[] { PenaltyFate.Escapes, PenaltyFate.Unknown, PenaltyFate.Returned },
                analysed.Penalties.Select(p => p.Fate));
        }
    }
}
