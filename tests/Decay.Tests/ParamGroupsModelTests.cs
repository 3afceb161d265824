using System.Linq;
using Decay.Operations;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Tests
{
    /// <summary>Unit tests of the ParamGroups model: which groups an optimizer has, in each form,
    /// what each sets itself, and the effective value of an option with inheritance from the call.</summary>
    public class ParamGroupsModelTests
    {
        private static ParamGroups GroupsOfSingleCall(string source)
        {
            var compiled = ModelTestSource.Compile(source);
            return ParamGroups.Create(compiled.SingleOptimizerCall(), compiled.Torch);
        }

        [Fact]
        public void Plain_parameters_are_one_implicit_group_that_inherits_everything()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                class T { void M(torch.nn.Module model) { var o = torch.optim.AdamW(model.parameters(), lr: 3e-4, weight_decay: 0.1); } }
                """);

            Assert.True(groups.IsComplete);
            var group = Assert.Single(groups.Groups);
            Assert.Equal(ParamGroupForm.Implicit, group.Form);
            Assert.Empty(group.Options);
            Assert.IsAssignableFrom<IInvocationOperation>(group.Parameters);
            var decay = groups.Effective(group, "weight_decay");
            Assert.False(decay.FromGroup);
            Assert.True(decay.IsWritten);
            Assert.Equal(0.1, decay.Constant);
            Assert.Equal(3e-4, groups.Effective(group, "lr").Constant);
            Assert.Equal(0.9, groups.Effective(group, "beta1").Constant); // the call's declared default
        }

        [Fact]
        public void Initializer_groups_set_only_what_their_Options_set()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a, torch.nn.Module b)
                    {
                        var o = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new() { Parameters = a.parameters(), Options = new() { weight_decay = 0, LearningRate = 0.01 } },
                            new() { Parameters = b.parameters() },
                        }, weight_decay: 0.05);
                    }
                }
                """);

            Assert.True(groups.IsComplete);
            Assert.Equal(2, groups.Groups.Length);
            var (first, second) = (groups.Groups[0], groups.Groups[1]);
            Assert.All(groups.Groups, g => Assert.Equal(ParamGroupForm.Initializer, g.Form));
            Assert.True(first.Sets("weight_decay"));
            Assert.True(first.Sets("LearningRate"));
            Assert.True(first.Sets("lr"));
            Assert.Equal(0, groups.Effective(first, "weight_decay").Constant);
            Assert.True(groups.Effective(first, "weight_decay").FromGroup);
            Assert.Equal(0.01, groups.Effective(first, "lr").Constant);
            Assert.False(second.Sets("weight_decay"));
            Assert.Equal(0.05, groups.Effective(second, "weight_decay").Constant);
            Assert.Equal(1e-3, groups.Effective(second, "lr").Constant);
        }

        [Fact]
        public void Options_object_groups_inherit_what_they_do_not_set()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a)
                    {
                        var o = new AdamW(new[] { new AdamW.ParamGroup(a.parameters(), new AdamW.Options { weight_decay = 0, beta2 = null }) }, lr: 0.002);
                    }
                }
                """);

            var group = Assert.Single(groups.Groups);
            Assert.Equal(ParamGroupForm.OptionsObject, group.Form);
            Assert.Equal(new[] { "weight_decay" }, group.Options.Select(o => o.Name));
            Assert.Equal(0.002, groups.Effective(group, "lr").Constant);
            Assert.False(groups.Effective(group, "beta2").FromGroup); // null means "inherit"
        }

        [Fact]
        public void Positional_groups_set_every_option_from_the_constructors_own_defaults()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a)
                    {
                        var o = torch.optim.NAdam(new NAdam.ParamGroup[] { new(a.parameters(), weight_decay: 0.01) }, lr: 0.002);
                    }
                }
                """);

            var group = Assert.Single(groups.Groups);
            Assert.Equal(ParamGroupForm.Positional, group.Form);
            Assert.True(group.TryGetOption("lr", out var lr));
            Assert.False(lr.IsWritten);
            Assert.Equal(1.0, lr.Constant); // NAdam.ParamGroup's lr default, read from metadata
            Assert.True(group.TryGetOption("weight_decay", out var decay));
            Assert.True(decay.IsWritten);
            Assert.Equal(0.01, decay.Constant);
            Assert.Equal(1.0, groups.Effective(group, "lr").Constant);
            Assert.Equal(new[] { "lr", "beta1", "beta2", "eps", "weight_decay", "momentum_decay" }, group.Options.Select(o => o.Name).ToArray());
        }

        [Fact]
        public void Positional_RMSProp_group_has_no_maximize_parameter_so_it_inherits_it()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a)
                    {
                        var o = torch.optim.RMSProp(new[] { new RMSProp.ParamGroup(a.parameters(), 0.01) }, maximize: true);
                    }
                }
                """);

            var group = Assert.Single(groups.Groups);
            Assert.False(group.Sets("maximize"));
            var maximize = groups.Effective(group, "maximize");
            Assert.False(maximize.FromGroup);
            Assert.Equal(1, maximize.Constant);
            Assert.True(group.TryGetOption("lr", out var lr) && lr.IsWritten && lr.Constant == 0.01);
        }

        [Fact]
        public void A_local_list_with_Add_calls_gives_every_group()
        {
            var groups = GroupsOfSingleCall("""
                using System.Collections.Generic;
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a, torch.nn.Module b)
                    {
                        var groups = new List<SGD.ParamGroup> { new SGD.ParamGroup(a.parameters(), new SGD.Options { momentum = 0.9 }) };
                        groups.Add(new SGD.ParamGroup { Parameters = b.parameters() });
                        var o = torch.optim.SGD(groups, 0.1, weight_decay: 1e-4);
                    }
                }
                """);

            Assert.True(groups.IsComplete);
            Assert.Equal(2, groups.Groups.Length);
            Assert.Equal(0.9, groups.Effective(groups.Groups[0], "momentum").Constant);
            Assert.Equal(0, groups.Effective(groups.Groups[1], "momentum").Constant);
            Assert.Equal(0.1, groups.Effective(groups.Groups[1], "lr").Constant); // learningRate is lr
        }

        [Fact]
        public void Group_locals_are_followed()
        {
            var groups = GroupsOfSingleCall("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module model)
                    {
                        var decay = new AdamW.ParamGroup(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.1 });
                        var noDecay = new AdamW.ParamGroup(model.parameters().Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 });
                        var o = torch.optim.AdamW(new[] { decay, noDecay }, lr: 1e-3);
                    }
                }
                """);

            Assert.True(groups.IsComplete);
            Assert.Equal(new[] { 0.1, 0.0 }, groups.Groups.Select(g => groups.Effective(g, "weight_decay").Constant));
        }

        [Fact]
        public void Groups_passed_elsewhere_or_built_by_a_helper_are_incomplete()
        {
            var helper = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    AdamW.ParamGroup[] Groups() => new AdamW.ParamGroup[0];
                    void M() { var o = torch.optim.AdamW(Groups(), weight_decay: 0.1); }
                }
                """);
            Assert.False(helper.IsComplete);
            Assert.Empty(helper.Groups);

            var escaped = GroupsOfSingleCall("""
                using System.Collections.Generic;
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void Fill(List<AdamW.ParamGroup> groups) { }
                    void M(torch.nn.Module a)
                    {
                        var groups = new List<AdamW.ParamGroup> { new AdamW.ParamGroup { Parameters = a.parameters() } };
                        Fill(groups);
                        var o = torch.optim.AdamW(groups);
                    }
                }
                """);
            Assert.False(escaped.IsComplete);
        }

        [Fact]
        public void Options_built_elsewhere_are_unknown()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    AdamW.Options Make() => new AdamW.Options();
                    void M(torch.nn.Module a)
                    {
                        var o = torch.optim.AdamW(new[] { new AdamW.ParamGroup(a.parameters(), Make()) }, weight_decay: 0.1);
                    }
                }
                """);

            var group = Assert.Single(groups.Groups);
            Assert.False(group.OptionsKnown);
            Assert.False(groups.Effective(group, "weight_decay").IsKnown);
            Assert.False(groups.Effective(group, "weight_decay").MayBeNonZero);
        }

        [Fact]
        public void add_param_group_on_the_same_local_adds_groups()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.AdamW(backbone.parameters(), lr: 1e-4, weight_decay: 0.05);
                        optimizer.add_param_group(new AdamW.ParamGroup(head.parameters(), new AdamW.Options { weight_decay = 0 }));
                        optimizer.step();
                    }
                }
                """);

            Assert.True(groups.IsComplete);
            Assert.Equal(new[] { ParamGroupForm.Implicit, ParamGroupForm.OptionsObject }, groups.Groups.Select(g => g.Form));
            Assert.Equal(new[] { 0.05, 0.0 }, groups.Groups.Select(g => groups.Effective(g, "weight_decay").Constant));
        }

        [Fact]
        public void add_param_group_spelled_with_a_unicode_escape_adds_groups()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.AdamW(backbone.parameters(), lr: 1e-4, weight_decay: 0.05);
                        optimizer.add\u005Fparam_group(new AdamW.ParamGroup(head.parameters(), new AdamW.Options { weight_decay = 0 }));
                    }
                }
                """);

            Assert.True(groups.IsComplete);
            Assert.Equal(new[] { 0.05, 0.0 }, groups.Groups.Select(g => groups.Effective(g, "weight_decay").Constant));
        }

        [Fact]
        public void An_optimizer_local_of_a_method_that_never_calls_add_param_group_has_only_its_own_groups()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                class T
                {
                    void M(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 0.05);
                        optimizer.zero_grad();
                        optimizer.step();
                    }

                    void Elsewhere(TorchSharp.Modules.AdamW optimizer, TorchSharp.Modules.ParamGroup extra) => optimizer.add_param_group(extra);
                }
                """);

            Assert.True(groups.IsComplete);
            Assert.Single(groups.Groups);
        }

        [Fact]
        public void The_groups_of_one_call_are_built_once()
        {
            var compiled = ModelTestSource.Compile("""
                using TorchSharp;
                class T { void M(torch.nn.Module model) { var o = torch.optim.AdamW(model.parameters(), weight_decay: 0.1); } }
                """);
            var call = compiled.SingleOptimizerCall();
            Assert.Same(ParamGroups.Create(call, compiled.Torch), ParamGroups.Create(call, compiled.Torch));
        }

        [Fact]
        public void add_param_group_with_a_group_from_elsewhere_is_incomplete()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module backbone, ParamGroup extra)
                    {
                        var optimizer = torch.optim.AdamW(backbone.parameters(), weight_decay: 0.05);
                        optimizer.add_param_group(extra);
                    }
                }
                """);

            Assert.False(groups.IsComplete);
            Assert.Single(groups.Groups);
        }

        [Fact]
        public void Generic_ParamGroup_of_ASGD_Options_is_a_group()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a)
                    {
                        var o = torch.optim.ASGD(new ParamGroup<ASGD.Options>[] { new(a.parameters(), new ASGD.Options { weight_decay = 0.01 }) });
                    }
                }
                """);

            var group = Assert.Single(groups.Groups);
            Assert.Equal(ParamGroupForm.OptionsObject, group.Form);
            Assert.Equal(0.01, groups.Effective(group, "weight_decay").Constant);
        }

        [Fact]
        public void Non_constant_values_are_known_but_not_constant()
        {
            var groups = GroupsOfSingleCall("""
                using TorchSharp;
                using TorchSharp.Modules;
                class T
                {
                    void M(torch.nn.Module a, bool flag, double wd)
                    {
                        var o = torch.optim.SGD(new[] { new SGD.ParamGroup(a.parameters(), new SGD.Options { maximize = flag }) }, 0.1, weight_decay: wd);
                    }
                }
                """);

            var group = Assert.Single(groups.Groups);
            var maximize = groups.Effective(group, "maximize");
            Assert.True(maximize.IsKnown && maximize.FromGroup && !maximize.HasConstant);
            var decay = groups.Effective(group, "weight_decay");
            Assert.True(decay.IsWritten && !decay.HasConstant && decay.MayBeNonZero);
        }
    }
}
