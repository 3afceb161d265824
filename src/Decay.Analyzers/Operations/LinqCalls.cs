using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>Recognition of LINQ calls over parameter enumerations, shared by the parameter
    /// models (<see cref="ParameterSourceSelection"/>, the penalty analysis).</summary>
    internal static class LinqCalls
    {
        /// <summary>A method of <c>System.Linq.Enumerable</c> (<c>ToList</c>, <c>Where</c>,
        /// <c>Select</c>, <c>Concat</c>, <c>Sum</c>, …).</summary>
        public static bool IsEnumerableMethod(IInvocationOperation invocation)
            => invocation.TargetMethod.ContainingType is
            {
                Name: "Enumerable",
                ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
            };

        /// <summary>The lambda an argument value is (directly or through a delegate creation);
        /// null for a method group, a delegate variable or anything else.</summary>
        public static IAnonymousFunctionOperation? AsLambda(IOperation operation)
            => operation.WalkDownConversion() switch
            {
                IDelegateCreationOperation creation => creation.Target.WalkDownConversion() as IAnonymousFunctionOperation,
                IAnonymousFunctionOperation lambda => lambda,
                _ => null,
            };
    }
}
