using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    internal enum ParamGroupForm
    {
        /// <summary>The optimizer call's own parameters (<c>model.parameters()</c>): one group that
        /// sets no option, so it inherits every option from the call.</summary>
        Implicit,

        /// <summary><c>new X.ParamGroup { Parameters = ps, Options = new() { … } }</c>.</summary>
        Initializer,

        /// <summary><c>new X.ParamGroup(ps, new X.Options { … })</c> (also
        /// <c>new ParamGroup&lt;X.Options&gt;(ps, options)</c>): sets only what the Options object sets.</summary>
        OptionsObject,

        /// <summary><c>new X.ParamGroup(ps, lr: …, weight_decay: …)</c>: sets EVERY option the
        /// constructor has a parameter for, those the user did not write to the constructor's own
        /// defaults.</summary>
        Positional,
    }

    /// <summary>An option one parameter group sets itself.</summary>
    internal readonly struct GroupOption
    {
        public GroupOption(string name, IOperation? value, IParameterSymbol? parameter, SyntaxNode syntax)
        {
            Name = name;
            Value = value;
            Parameter = parameter;
            Syntax = syntax;
            if (value != null)
            {
                HasConstant = value.TryGetConstantDouble(out var constant) || HyperparameterValue.TryBool(value, out constant);
                Constant = constant;
            }
            else
            {
                // The positional constructor's declared default, read from metadata.
                var pinned = new HyperparameterValue(parameter, null);
                HasConstant = pinned.HasConstant;
                Constant = pinned.Constant;
            }
        }

        /// <summary>The option's name as the optimizer call spells its parameter: <c>lr</c> for
        /// the learning rate, <c>weight_decay</c>, <c>momentum</c>, …</summary>
        public string Name { get; }

        /// <summary>The value the user wrote; null when a positional constructor's default applies.</summary>
        public IOperation? Value { get; }

        /// <summary>The positional constructor's parameter, for options set by that constructor.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>Where the option is written (the argument or the initializer assignment), or
        /// the group's creation for a positional constructor's default.</summary>
        public SyntaxNode Syntax { get; }

        /// <summary>Written by the user, as opposed to pinned by a positional constructor's default.</summary>
        public bool IsWritten => Value != null;

        public bool HasConstant { get; }

        /// <summary>The constant (booleans are 1 and 0).</summary>
        public double Constant { get; }
    }

    /// <summary>One parameter group of an optimizer: its parameter source and the options it sets
    /// itself.</summary>
    internal sealed class ParamGroupInfo
    {
        private readonly Dictionary<string, GroupOption> options;

        public ParamGroupInfo(ParamGroupForm form, IObjectCreationOperation? creation, IOperation? parameters,
            bool optionsKnown, Dictionary<string, GroupOption> options)
        {
            Form = form;
            Creation = creation;
            Parameters = parameters;
            OptionsKnown = optionsKnown;
            this.options = options;
        }

        public ParamGroupForm Form { get; }

        /// <summary>The group's <c>new X.ParamGroup(…)</c>; null for the implicit group.</summary>
        public IObjectCreationOperation? Creation { get; }

        /// <summary>The parameter source (<c>model.parameters()</c>, a filtered sequence, …); null
        /// when the group does not say.</summary>
        public IOperation? Parameters { get; }

        /// <summary>False when the group's options come from somewhere the analyzer cannot see
        /// (an Options object built elsewhere): then it may set anything.</summary>
        public bool OptionsKnown { get; }

        public IEnumerable<GroupOption> Options => options.Values;

        public bool Sets(string name) => options.ContainsKey(ParamGroups.NormalizeOptionName(name));

        public bool TryGetOption(string name, out GroupOption option) => options.TryGetValue(ParamGroups.NormalizeOptionName(name), out option);
    }

    /// <summary>The value an option has for one group: the group's own, or inherited from the
    /// optimizer call (explicit or the call's declared default).</summary>
    internal readonly struct EffectiveOption
    {
        private EffectiveOption(bool exists, bool isKnown, bool hasConstant, double constant, bool isWritten, bool fromGroup, SyntaxNode? syntax)
        {
            Exists = exists;
            IsKnown = isKnown;
            HasConstant = hasConstant;
            Constant = constant;
            IsWritten = isWritten;
            FromGroup = fromGroup;
            Syntax = syntax;
        }

        public static EffectiveOption Unknown => new EffectiveOption(true, false, false, 0, false, false, null);

        public static EffectiveOption OfGroup(GroupOption option)
            => new EffectiveOption(true, true, option.HasConstant, option.Constant, option.IsWritten, true, option.Syntax);

        public static EffectiveOption OfCall(HyperparameterValue value)
            => new EffectiveOption(value.Exists, true, value.HasConstant, value.Constant, value.IsExplicit, false,
                value.IsExplicit ? value.Argument?.Syntax : null);

        /// <summary>The optimizer has this option at all.</summary>
        public bool Exists { get; }

        /// <summary>False when the group's options cannot be seen.</summary>
        public bool IsKnown { get; }

        public bool HasConstant { get; }

        /// <summary>The constant (booleans are 1 and 0).</summary>
        public double Constant { get; }

        /// <summary>Written by the user, in the group or in the optimizer call.</summary>
        public bool IsWritten { get; }

        /// <summary>Set by the group itself rather than inherited from the call.</summary>
        public bool FromGroup { get; }

        /// <summary>Where the value is written; null for a default the user did not write.</summary>
        public SyntaxNode? Syntax { get; }

        public bool IsConstantZero => Exists && IsKnown && HasConstant && Constant == 0;

        public bool IsNonZeroConstant => Exists && IsKnown && HasConstant && Constant != 0;

        /// <summary>Not known to be zero: a non-zero constant, or a non-constant value the user wrote.</summary>
        public bool MayBeNonZero => Exists && IsKnown && !IsConstantZero && (HasConstant || IsWritten);

        /// <summary>A short display for messages: the source text of the value the user wrote,
        /// or the constant.</summary>
        public string Display()
        {
            var text = Syntax switch
            {
                ArgumentSyntax argument => argument.Expression.ToString(),
                AssignmentExpressionSyntax assignment => assignment.Right.ToString(),
                _ => null,
            };

            if (text != null)
            {
                return text.Length > 40 ? text.Substring(0, 37) + "..." : text;
            }

            return HasConstant ? Constant.ToString("R", CultureInfo.InvariantCulture) : "?";
        }
    }

    /// <summary>The parameter groups of one optimizer construction, as far as the analyzer can see
    /// them: the call's groups argument (an array or collection built inline, or a local of the
    /// same method initialized with one), plus groups passed to <c>optimizer.add_param_group(…)</c>
    /// on the local holding the optimizer in the same method. An optimizer over plain parameters
    /// has one implicit group. <see cref="IsComplete"/> is false when some group cannot be seen;
    /// rules that need every group then stay silent.</summary>
    internal sealed class ParamGroups
    {
        private const int MaxLocalDepth = 4;

        private ParamGroups(OptimizerCall call, ImmutableArray<ParamGroupInfo> groups, bool isComplete)
        {
            Call = call;
            Groups = groups;
            IsComplete = isComplete;
        }

        public OptimizerCall Call { get; }

        public ImmutableArray<ParamGroupInfo> Groups { get; }

        /// <summary>Every group of the optimizer is in <see cref="Groups"/>.</summary>
        public bool IsComplete { get; }

        /// <summary>The option names of groups are those of the optimizer call's parameters:
        /// <c>LearningRate</c> and the SGD factory's <c>learningRate</c> are <c>lr</c>.</summary>
        public static string NormalizeOptionName(string name)
            => name == "LearningRate" || name == TorchSharpNames.LearningRate ? TorchSharpNames.Lr : name;

        /// <summary>The value of option <paramref name="name"/> for <paramref name="group"/>: its
        /// own, or, when it does not set it, the optimizer call's.</summary>
        public EffectiveOption Effective(ParamGroupInfo group, string name)
        {
            name = NormalizeOptionName(name);
            if (group.TryGetOption(name, out var option))
            {
                return EffectiveOption.OfGroup(option);
            }

            if (!group.OptionsKnown)
            {
                return EffectiveOption.Unknown;
            }

            return EffectiveOption.OfCall(name == TorchSharpNames.Lr ? Call.LearningRate : Call.Get(name));
        }

        /// <summary>The groups of <paramref name="call"/>, built once per call and shared by every
        /// rule that is handed the same <see cref="OptimizerCall"/>.</summary>
        public static ParamGroups Create(OptimizerCall call, TorchSharpContext torch)
            => call.ParamGroups ??= Build(call, torch);

        private static ParamGroups Build(OptimizerCall call, TorchSharpContext torch)
        {
            var builder = new Builder(torch, call.Operation);
            var argument = call.ParametersArgument;
            if (argument is null || !argument.IsExplicit())
            {
                builder.Complete = false;
            }
            else if (call.SourceKind == ParameterSourceKind.Groups)
            {
                builder.AddCollection(argument.Value, 0);
            }
            else
            {
                builder.Groups.Add(new ParamGroupInfo(ParamGroupForm.Implicit, null, argument.Value, true, new Dictionary<string, GroupOption>()));
            }

            builder.AddParamGroupCalls(call.Operation);
            return new ParamGroups(call, builder.Groups.ToImmutableArray(), builder.Complete);
        }

        private sealed class Builder
        {
            private readonly TorchSharpContext torch;
            private readonly IOperation call;
            private MethodBody? lazyBody;

            public Builder(TorchSharpContext torch, IOperation call)
            {
                this.torch = torch;
                this.call = call;
            }

            /// <summary>The locals of the call's method: walked only when a local must be followed
            /// (most optimizer calls name their groups inline or hold no groups at all).</summary>
            private MethodBody body => lazyBody ??= MethodBody.Of(call);

            public List<ParamGroupInfo> Groups { get; } = new List<ParamGroupInfo>();

            public bool Complete { get; set; } = true;

            /// <summary>Groups of an array or collection: <c>new[] { … }</c>,
            /// <c>new List&lt;X.ParamGroup&gt; { … }</c>, or a local initialized with one.</summary>
            public void AddCollection(IOperation value, int depth)
            {
                value = value.WalkDownConversion();
                switch (value)
                {
                    case IArrayCreationOperation array when array.Initializer != null:
                        foreach (var element in array.Initializer.ElementValues)
                        {
                            AddGroup(element, depth);
                        }

                        return;

                    case IObjectCreationOperation list when list.Initializer != null && IsCollectionConstruction(list):
                        foreach (var initializer in list.Initializer.Initializers)
                        {
                            if (initializer is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 1)
                            {
                                AddGroup(add.Arguments[0].Value, depth);
                            }
                            else
                            {
                                Complete = false;
                            }
                        }

                        return;

                    case IObjectCreationOperation emptyList when emptyList.Initializer is null && IsCollectionConstruction(emptyList):
                        return;

                    case ILocalReferenceOperation reference when depth < MaxLocalDepth:
                        var initial = body.SingleValue(reference.Local);
                        if (initial is null)
                        {
                            Complete = false;
                            return;
                        }

                        AddCollection(initial, depth + 1);
                        foreach (var read in body.Reads(reference.Local))
                        {
                            if (ReferenceEquals(read, reference))
                            {
                                continue;
                            }

                            // groups.Add(new X.ParamGroup(…)) adds a group; any other use (passed
                            // elsewhere, indexed, iterated) may change the groups.
                            if (read.WalkUpConversion() is IInvocationOperation add && ReferenceEquals(add.Instance?.WalkDownConversion(), read)
                                && add.TargetMethod.Name == "Add" && add.Arguments.Length == 1)
                            {
                                AddGroup(add.Arguments[0].Value, depth);
                            }
                            else
                            {
                                Complete = false;
                            }
                        }

                        return;

                    default:
                        Complete = false;
                        return;
                }
            }

            private static bool IsCollectionConstruction(IObjectCreationOperation creation)
                => creation.Arguments.Length == 0
                   || (creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32);

            /// <summary><c>optimizer.add_param_group(…)</c> on the local the optimizer is stored in.</summary>
            public void AddParamGroupCalls(IOperation optimizer)
            {
                var local = MethodBody.StoredIn(optimizer);
                if (local is null || !MayCallAddParamGroup(optimizer))
                {
                    return;
                }

                var single = body.SingleValue(local) is IOperation value && ReferenceEquals(value.WalkDownConversion(), optimizer);
                foreach (var read in body.Reads(local))
                {
                    if (read.WalkUpConversion() is IInvocationOperation invocation
                        && invocation.TargetMethod.Name == TorchSharpNames.AddParamGroup
                        && invocation.Instance != null && ReferenceEquals(invocation.Instance.WalkDownConversion(), read)
                        && invocation.Arguments.Length == 1)
                    {
                        if (single)
                        {
                            AddGroup(invocation.Arguments[0].Value, 0);
                        }
                        else
                        {
                            // The local holds more than one optimizer: which one gets the group is
                            // not known.
                            Complete = false;
                        }
                    }
                }
            }

            /// <summary>Whether the method holding <paramref name="optimizer"/> may call
            /// <c>add_param_group</c> at all: when its source never names it, no read of the local
            /// can be such a call, and the method's locals need not be walked.</summary>
            private static bool MayCallAddParamGroup(IOperation optimizer)
            {
                var root = optimizer;
                while (root.Parent != null)
                {
                    root = root.Parent;
                }

                return SourceMentions.MayMention(root.Syntax, TorchSharpNames.AddParamGroup, CancellationToken.None);
            }

            private void AddGroup(IOperation value, int depth)
            {
                value = value.WalkDownConversion();
                switch (value)
                {
                    case IObjectCreationOperation creation:
                        var group = ParseCreation(creation);
                        if (group is null)
                        {
                            Complete = false;
                        }
                        else
                        {
                            Groups.Add(group);
                        }

                        return;

                    case ILocalReferenceOperation reference when depth < MaxLocalDepth:
                        var initial = body.SingleValue(reference.Local);
                        if (initial is null || body.Reads(reference.Local).Count != 1)
                        {
                            // Built elsewhere, or changed after construction (g.Options = …).
                            Complete = false;
                            return;
                        }

                        AddGroup(initial, depth + 1);
                        return;

                    default:
                        Complete = false;
                        return;
                }
            }

            public ParamGroupInfo? ParseCreation(IObjectCreationOperation creation)
            {
                var constructor = creation.Constructor;
                if (constructor is null || !IsParamGroupType(constructor.ContainingType))
                {
                    return null;
                }

                var options = new Dictionary<string, GroupOption>(StringComparer.Ordinal);
                var optionsKnown = true;
                IOperation? parameters = null;
                ParamGroupForm form;
                var ctorParameters = constructor.Parameters;
                if (ctorParameters.Length == 0)
                {
                    form = ParamGroupForm.Initializer;
                }
                else if (ctorParameters.Length == 2 && IsOptionsType(ctorParameters[1].Type))
                {
                    form = ParamGroupForm.OptionsObject;
                    parameters = ExplicitValue(creation.Arguments.GetArgument(ctorParameters[0].Name));
                    var optionsArgument = creation.Arguments.GetArgument(ctorParameters[1].Name);
                    if (optionsArgument != null && optionsArgument.IsExplicit())
                    {
                        optionsKnown = ParseOptions(optionsArgument.Value, options);
                    }
                }
                else
                {
                    form = ParamGroupForm.Positional;
                    parameters = ExplicitValue(creation.Arguments.GetArgument(ctorParameters[0].Name));
                    for (var i = 1; i < ctorParameters.Length; i++)
                    {
                        var parameter = ctorParameters[i];
                        var argument = creation.Arguments.GetArgument(parameter.Name);
                        var name = NormalizeOptionName(parameter.Name);
                        if (argument != null && argument.IsExplicit() && IsInvalid(argument.Value))
                        {
                            optionsKnown = false;
                            continue;
                        }

                        options[name] = argument != null && argument.IsExplicit()
                            ? new GroupOption(name, argument.Value, parameter, argument.Syntax)
                            : new GroupOption(name, null, parameter, creation.Syntax);
                    }
                }

                if (creation.Initializer != null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (initializer is not ISimpleAssignmentOperation assignment || IsInvalid(assignment.Value))
                        {
                            optionsKnown = false;
                            continue;
                        }

                        var member = MemberName(assignment.Target);
                        switch (member)
                        {
                            case "Parameters":
                                parameters = assignment.Value;
                                break;
                            case "Options":
                                options.Clear();
                                optionsKnown = ParseOptions(assignment.Value, options);
                                if (form == ParamGroupForm.Positional)
                                {
                                    form = ParamGroupForm.OptionsObject;
                                }

                                break;
                            case "LearningRate":
                                options[TorchSharpNames.Lr] = new GroupOption(TorchSharpNames.Lr, assignment.Value, null, assignment.Syntax);
                                break;
                            case "Momentum":
                                options[TorchSharpNames.Momentum] = new GroupOption(TorchSharpNames.Momentum, assignment.Value, null, assignment.Syntax);
                                break;
                            case "Betas":
                                options["beta1"] = new GroupOption("beta1", assignment.Value, null, assignment.Syntax);
                                options["beta2"] = new GroupOption("beta2", assignment.Value, null, assignment.Syntax);
                                break;
                            case "InitialLearningRate":
                                break;
                            default:
                                optionsKnown = false;
                                break;
                        }
                    }
                }

                return new ParamGroupInfo(form, creation, parameters, optionsKnown, options);
            }

            /// <summary>Half-typed code (<c>weight_decay = </c>): the value cannot be judged.</summary>
            private static bool IsInvalid(IOperation value)
                => value.WalkDownConversion(includeExplicit: true) is IInvalidOperation;

            private static IOperation? ExplicitValue(IArgumentOperation? argument)
                => argument != null && argument.IsExplicit() ? argument.Value : null;

            /// <summary>The options an X.Options object sets: <c>new X.Options { weight_decay = 0 }</c>,
            /// target-typed <c>new() { … }</c>, null, or a local initialized with one and used
            /// nowhere else. False when they cannot be seen.</summary>
            private bool ParseOptions(IOperation value, Dictionary<string, GroupOption> options)
            {
                value = value.WalkDownConversion();
                switch (value)
                {
                    case IObjectCreationOperation creation when IsOptionsType(creation.Type) && creation.Arguments.Length == 0:
                        if (creation.Initializer is null)
                        {
                            return true;
                        }

                        var known = true;
                        foreach (var initializer in creation.Initializer.Initializers)
                        {
                            if (initializer is ISimpleAssignmentOperation assignment && MemberName(assignment.Target) is string member
                                && !IsInvalid(assignment.Value))
                            {
                                if (member == "InitialLearningRate")
                                {
                                    continue;
                                }

                                var name = NormalizeOptionName(member);
                                if (assignment.Value.WalkDownConversion(includeExplicit: true) is ILiteralOperation literal
                                    && literal.ConstantValue.HasValue && literal.ConstantValue.Value is null)
                                {
                                    // weight_decay = null: left for the optimizer to fill in.
                                    options.Remove(name);
                                    continue;
                                }

                                options[name] = new GroupOption(name, assignment.Value, null, assignment.Syntax);
                            }
                            else
                            {
                                known = false;
                            }
                        }

                        return known;

                    case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value is null:
                    case IDefaultValueOperation _:
                        return true;

                    case ILocalReferenceOperation reference:
                        var initial = body.SingleValue(reference.Local);
                        if (initial is null || body.Reads(reference.Local).Count != 1)
                        {
                            return false;
                        }

                        return ParseOptions(initial, options);

                    default:
                        return false;
                }
            }

            private static string? MemberName(IOperation target)
                => target switch
                {
                    IFieldReferenceOperation field => field.Field.Name,
                    IPropertyReferenceOperation property => property.Property.Name,
                    _ => null,
                };

            private bool IsParamGroupType(INamedTypeSymbol? type)
            {
                if (type is null)
                {
                    return false;
                }

                if (torch.GetOptimizerByParamGroup(type) != null)
                {
                    return true;
                }

                return torch.ParamGroupOfT != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, torch.ParamGroupOfT);
            }

            private bool IsOptionsType(ITypeSymbol? type)
                => type != null && torch.OptimizerOptions != null && TorchSharpContext.InheritsFromOrEquals(type, torch.OptimizerOptions);
        }
    }
}
