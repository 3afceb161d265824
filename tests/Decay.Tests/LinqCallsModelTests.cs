using Decay.Operations;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Tests
{
    /// <summary>Unit tests of LinqCalls: the Enumerable test and the lambda unwrapping shared by
    /// ParameterSourceSelection and the penalty analysis.</summary>
    public class LinqCallsModelTests
    {
        private static IInvocationOperation Of(string expression)
        {
            var compiled = ModelTestSource.Compile($$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    static bool IsBig(Parameter p) => p.dim() > 1;

                    void M(torch.nn.Module model, List<Parameter> ps, Func<Parameter, bool> filter)
                    {
                        var selected = /*here*/{{expression}};
                    }
                }
                """);
            return Assert.IsAssignableFrom<IInvocationOperation>(compiled.Marked());
        }

        [Theory]
        [InlineData("model.parameters().Where(p => p.requires_grad)")]
        [InlineData("ps.ToList()")]
        [InlineData("Enumerable.Concat(ps, model.parameters())")]
        public void Enumerable_methods(string expression)
            => Assert.True(LinqCalls.IsEnumerableMethod(Of(expression)));

        [Theory]
        [InlineData("model.parameters()")]
        [InlineData("ps.Contains(ps[0])")]
        [InlineData("ps.ConvertAll(p => p)")]
        public void Other_methods(string expression)
            => Assert.False(LinqCalls.IsEnumerableMethod(Of(expression)));

        [Theory]
        [InlineData("ps.Where(p => p.requires_grad)")]
        [InlineData("ps.Where((Parameter p) => { return p.requires_grad; })")]
        [InlineData("ps.Where(delegate (Parameter p) { return p.requires_grad; })")]
        public void Lambdas_are_unwrapped(string expression)
        {
            var lambda = LinqCalls.AsLambda(Of(expression).Arguments[1].Value);
            Assert.NotNull(lambda);
            Assert.Equal("p", Assert.Single(lambda!.Symbol.Parameters).Name);
        }

        [Theory]
        [InlineData("ps.Where(IsBig)")]
        [InlineData("ps.Where(filter)")]
        public void Method_groups_and_delegate_values_are_not_lambdas(string expression)
            => Assert.Null(LinqCalls.AsLambda(Of(expression).Arguments[1].Value));
    }
}
