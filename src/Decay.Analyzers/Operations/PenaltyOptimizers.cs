using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Decay.Operations
{
    /// <summary>Pairs a penalty with the optimizers that optimize (some of) the same parameters:
    /// the optimizer constructions of the same body, and, when the penalty's module is a member of
    /// the type (field, property, <c>this</c>, primary-constructor parameter), the optimizers the type
    /// stores in its fields and properties (looked up once per type through <see cref="PenaltyCache"/>).</summary>
    internal static class PenaltyOptimizers
    {
        public static ImmutableArray<OptimizerSite> Find(Penalty penalty, MethodPenalties analysis, PenaltyCache cache, SemanticModel? model)
        {
            if (penalty.Module is null)
            {
                return ImmutableArray<OptimizerSite>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<OptimizerSite>();
            foreach (var site in analysis.Optimizers)
            {
                if (site.Module != null && site.Module.Overlaps(penalty.Module))
                {
                    result.Add(site);
                }
            }

            if (model != null && penalty.Module.IsTypeLevel(analysis.Method) && analysis.Method?.ContainingType is INamedTypeSymbol type)
            {
                foreach (var site in cache.GetTypeOptimizers(type, model))
                {
                    if (site.Module != null && site.Module.Overlaps(penalty.Module)
                        && !result.Exists(s => s.Call.Operation.Syntax == site.Call.Operation.Syntax))
                    {
                        result.Add(site);
                    }
                }
            }

            return result.ToImmutable();
        }

        private static bool Exists(this ImmutableArray<OptimizerSite>.Builder builder, System.Func<OptimizerSite, bool> predicate)
        {
            foreach (var item in builder)
            {
                if (predicate(item))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
