using Decay.Operations;

namespace Decay.Tests
{
    /// <summary>Unit tests of ParameterSourceSelection: all parameters of a module, a selection by name
    /// or dimension, or unknown.</summary>
    public class ParameterSourceSelectionModelTests
    {
        private static ParameterSourceSelection Of(string expression)
        {
            var compiled = ModelTestSource.Compile($$"""
                using System.Collections.Generic;
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module model, torch.nn.Module head, HashSet<Parameter> frozen)
                    {
                        var ps = model.parameters().ToList();
                        var selected = /*here*/{{expression}};
                    }
                }
                """);
            return ParameterSourceSelection.Of(compiled.Marked(), compiled.Torch);
        }

        [Theory]
        [InlineData("model.parameters()")]
        [InlineData("model.named_parameters()")]
        [InlineData("model.parameters(recurse: true)")]
        public void The_parameters_call_itself(string expression)
        {
            var selection = Of(expression);
            Assert.Equal(SelectionKind.AllOf, selection.Kind);
            Assert.Equal("model", Assert.Single(selection.Modules).Syntax.ToString());
            Assert.NotNull(selection.ParametersCall);
        }

        [Theory]
        [InlineData("model.parameters().Where(p => p.requires_grad)")]
        [InlineData("model.named_parameters().Where(np => np.parameter.requires_grad).Select(np => np.parameter)")]
        [InlineData("model.parameters().ToArray()")]
        [InlineData("ps")]
        public void Everything_of_the_module_through_transparent_steps(string expression)
        {
            var selection = Of(expression);
            Assert.Equal(SelectionKind.AllOf, selection.Kind);
            Assert.Single(selection.Modules);
            Assert.Null(selection.ParametersCall);
        }

        [Fact]
        public void Concat_selects_both_modules()
            => Assert.Equal(2, Of("model.parameters().Concat(head.parameters())").Modules.Length);

        [Theory]
        [InlineData("model.parameters().Where(p => p.dim() >= 2)")]
        [InlineData("model.parameters().Where(p => p.shape.Length > 1)")]
        [InlineData("model.named_parameters().Where(np => !np.name.Contains(\"bias\")).Select(np => np.parameter)")]
        [InlineData("model.named_parameters().Where(np => !np.Item1.EndsWith(\"norm.weight\"))")]
        public void Filters_on_names_or_dimensions_exclude(string expression)
        {
            var selection = Of(expression);
            Assert.Equal(SelectionKind.Excluding, selection.Kind);
            Assert.Equal("model", Assert.Single(selection.Modules).Syntax.ToString());
            Assert.Null(selection.ParametersCall);
        }

        [Fact]
        public void Concat_of_a_filtered_part_and_a_whole_module_selects_the_whole_module_only()
        {
            var selection = Of("model.parameters().Where(p => p.dim() >= 2).Concat(head.parameters())");
            Assert.Equal(SelectionKind.AllOf, selection.Kind);
            Assert.Equal("head", Assert.Single(selection.Modules).Syntax.ToString());
        }

        [Theory]
        [InlineData("model.parameters().Where(p => !frozen.Contains(p))")]
        [InlineData("model.parameters(recurse: false)")]
        [InlineData("model.parameters().Take(3)")]
        [InlineData("new List<Parameter>()")]
        public void Anything_else_is_unknown(string expression)
            => Assert.Equal(SelectionKind.Unknown, Of(expression).Kind);
    }
}
