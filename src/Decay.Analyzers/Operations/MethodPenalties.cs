using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>Everything the penalty model knows about one method body (or local function, or the
    /// top-level statements): its penalties, its <c>.backward()</c> calls and its optimizer
    /// constructions. Immutable; computed once per body by <see cref="PenaltyCache"/>.</summary>
    internal sealed class MethodPenalties
    {
        public static readonly MethodPenalties Empty = new MethodPenalties(
            null, null, ImmutableArray<Penalty>.Empty, ImmutableArray<IInvocationOperation>.Empty, ImmutableArray<OptimizerSite>.Empty);

        internal MethodPenalties(IOperation? root, ISymbol? method, ImmutableArray<Penalty> penalties,
            ImmutableArray<IInvocationOperation> backwardCalls, ImmutableArray<OptimizerSite> optimizers)
        {
            Root = root;
            Method = method;
            Penalties = penalties;
            BackwardCalls = backwardCalls;
            Optimizers = optimizers;
        }

        /// <summary>The root operation of the body (a method body, a local function, the top-level statements).</summary>
        public IOperation? Root { get; }

        /// <summary>The method (or local function) the body belongs to.</summary>
        public ISymbol? Method { get; }

        /// <summary>Every penalty-shaped scalar in the body, whatever its fate, in source order.</summary>
        public ImmutableArray<Penalty> Penalties { get; }

        /// <summary>Every <c>t.backward()</c> call in the body, in source order.</summary>
        public ImmutableArray<IInvocationOperation> BackwardCalls { get; }

        /// <summary>Every optimizer construction in the body.</summary>
        public ImmutableArray<OptimizerSite> Optimizers { get; }

        /// <summary>True when a penalty before <paramref name="penalty"/> in <see cref="Penalties"/>
        /// matches <paramref name="predicate"/>: lets a rule report a location that several penalties
        /// share (a helper's norm called twice, one no_grad scope around two loops) only once.</summary>
        public bool HasEarlier(Penalty penalty, System.Func<Penalty, bool> predicate)
        {
            foreach (var other in Penalties)
            {
                if (ReferenceEquals(other, penalty))
                {
                    return false;
                }

                if (predicate(other))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The penalties whose <see cref="Penalty.Trigger"/> is <paramref name="operation"/>.</summary>
        public IEnumerable<Penalty> TriggeredBy(IOperation operation)
        {
            foreach (var penalty in Penalties)
            {
                if (ReferenceEquals(penalty.Trigger, operation))
                {
                    yield return penalty;
                }
            }
        }
    }
}
