using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    internal enum Presence
    {
        No,
        Yes,
        Unknown,
    }

    /// <summary>What kinds of parameters a module holds, as far as DECAY004 cares: biases and
    /// normalization gains/biases (what one excludes from weight decay), and embeddings (not
    /// counted: projects disagree on decaying them). Each is Yes only when certain.</summary>
    internal readonly struct ModuleContents : IEquatable<ModuleContents>
    {
        public ModuleContents(Presence biasOrNorm, Presence embedding)
        {
            BiasOrNorm = biasOrNorm;
            Embedding = embedding;
        }

        /// <summary>Holds no parameter of interest (bias-free layers, activations, norms without affine).</summary>
        public static ModuleContents None => new ModuleContents(Presence.No, Presence.No);

        public static ModuleContents Unknown => new ModuleContents(Presence.Unknown, Presence.Unknown);

        public static ModuleContents BiasesOrNorms => new ModuleContents(Presence.Yes, Presence.No);

        public static ModuleContents EmbeddingOnly => new ModuleContents(Presence.No, Presence.Yes);

        /// <summary>Biases, or gains/biases of LayerNorm, BatchNorm*, InstanceNorm* (affine), GroupNorm.</summary>
        public Presence BiasOrNorm { get; }

        public Presence Embedding { get; }

        /// <summary>Both parts are present (fields of one module, layers of a Sequential).</summary>
        public ModuleContents Union(ModuleContents other)
            => new ModuleContents(Union(BiasOrNorm, other.BiasOrNorm), Union(Embedding, other.Embedding));

        /// <summary>One of the two is present (two constructors assign different layers to a field).</summary>
        public ModuleContents Either(ModuleContents other)
            => new ModuleContents(Either(BiasOrNorm, other.BiasOrNorm), Either(Embedding, other.Embedding));

        /// <summary>Present only maybe (a conditional assignment): Yes becomes Unknown.</summary>
        public ModuleContents Maybe()
            => new ModuleContents(BiasOrNorm == Presence.Yes ? Presence.Unknown : BiasOrNorm, Embedding == Presence.Yes ? Presence.Unknown : Embedding);

        private static Presence Union(Presence a, Presence b)
            => a == Presence.Yes || b == Presence.Yes ? Presence.Yes
                : a == Presence.No && b == Presence.No ? Presence.No : Presence.Unknown;

        private static Presence Either(Presence a, Presence b) => a == b ? a : Presence.Unknown;

        public bool Equals(ModuleContents other) => BiasOrNorm == other.BiasOrNorm && Embedding == other.Embedding;

        public override bool Equals(object? obj) => obj is ModuleContents other && Equals(other);

        public override int GetHashCode() => ((int)BiasOrNorm * 3) + (int)Embedding;

        public override string ToString() => $"BiasOrNorm={BiasOrNorm}, Embedding={Embedding}";
    }

    /// <summary>Finds out which parameters a module holds: TorchSharp layers from their factory
    /// call and its flags (<c>hasBias</c>, <c>bias</c>, <c>affine</c>, <c>elementwise_affine</c>,
    /// defaults read from the bound parameter), <c>Sequential(…)</c> from its arguments, module
    /// classes in source from their fields and from what their constructors assign to them (when
    /// the class registers them: <c>RegisterComponents()</c>, <c>register_module</c>,
    /// <c>register_parameter</c>), nested classes to a bounded depth. External types of unknown
    /// contents, and module-typed parameters of abstract types, are Unknown. Results per type are
    /// cached; create one provider per compilation.</summary>
    internal sealed class ModuleContentsProvider
    {
        private const int MaxDepth = 4;

        private readonly TorchSharpContext torch;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ModuleContents> byType =
            new ConcurrentDictionary<INamedTypeSymbol, ModuleContents>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> facts =
            new ConcurrentDictionary<INamedTypeSymbol, TypeFacts>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<TypeAtDepth, NestedResult> nested = new ConcurrentDictionary<TypeAtDepth, NestedResult>();

        public ModuleContentsProvider(TorchSharpContext torch)
        {
            this.torch = torch;
        }

        /// <summary>The contents of the module <paramref name="module"/> evaluates to.</summary>
        public ModuleContents OfExpression(IOperation module, CancellationToken cancellationToken)
            => OfExpression(module, 0, misses: null, cancellationToken);

        /// <summary>The contents every instance of <paramref name="type"/> has.</summary>
        public ModuleContents OfType(ITypeSymbol? type, CancellationToken cancellationToken)
            => OfType(type, 0, misses: null, cancellationToken);

        private ModuleContents OfExpression(IOperation module, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return ModuleContents.Unknown;
            }

            module = module.WalkDownConversion(includeExplicit: true);
            switch (module)
            {
                case IInvocationOperation invocation when torch.Nn != null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, torch.Nn):
                    return OfLayerFactory(invocation, depth, misses, cancellationToken);

                case IInvocationOperation invocation when torch.ModuleExtensionMethods != null
                                                          && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, torch.ModuleExtensionMethods)
                                                          && invocation.Arguments.Length > 0:
                    // model.to(device), model.cuda(): the same module.
                    return OfExpression(invocation.Arguments[0].Value, depth, misses, cancellationToken);

                case ILocalReferenceOperation reference:
                    var value = MethodBody.Of(reference).SingleValue(reference.Local);
                    return value != null ? OfExpression(value, depth + 1, misses, cancellationToken) : OfType(reference.Local.Type, depth, misses, cancellationToken);

                case IParameterReferenceOperation parameter:
                    return OfType(parameter.Parameter.Type, depth, misses, cancellationToken);

                case IFieldReferenceOperation field:
                    return OfMember(field.Field, field.Field.Type, depth, misses, cancellationToken);

                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return OfMember(property.Property, property.Property.Type, depth, misses, cancellationToken);

                case IInstanceReferenceOperation instance:
                    return OfType(instance.Type, depth, misses, cancellationToken);

                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return OfExpression(conditional.WhenTrue, depth + 1, misses, cancellationToken)
                        .Either(OfExpression(conditional.WhenFalse, depth + 1, misses, cancellationToken));

                case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value is null:
                case IDefaultValueOperation _:
                    return ModuleContents.None;

                default:
                    return OfType(module.Type, depth, misses, cancellationToken);
            }
        }

        private ModuleContents OfType(ITypeSymbol? type, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            if (type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Error || depth > MaxDepth)
            {
                return ModuleContents.Unknown;
            }

            if (IsTorchSharpType(named))
            {
                if (torch.ParameterLessModule != null && TorchSharpContext.InheritsFromOrEquals(named, torch.ParameterLessModule))
                {
                    return ModuleContents.None;
                }

                if (torch.Embedding != null && SymbolEqualityComparer.Default.Equals(named, torch.Embedding))
                {
                    return ModuleContents.EmbeddingOnly;
                }

                // A Linear, a LayerNorm, a Module<Tensor,Tensor>: its flags are not known from the type.
                return ModuleContents.Unknown;
            }

            if (!torch.IsModule(named) || named.DeclaringSyntaxReferences.Length == 0)
            {
                return ModuleContents.Unknown;
            }

            if (byType.TryGetValue(named, out var cached))
            {
                return cached;
            }

            // Only results computed with the whole depth budget are cached, so a type's contents do
            // not depend on where it was first asked about (nesting only makes them more Unknown).
            if (depth == 0)
            {
                var result = AnalyzeModuleClass(named, depth, misses: null, cancellationToken);
                byType.TryAdd(named, result);
                return result;
            }

            // A nested question (a module held in a local, a field's value, a Sequential's layer):
            // its answer depends only on the type, the depth and which types had no full-budget
            // result when it was computed. Reuse it while those still have none; the answer is
            // then the one recomputing would give.
            misses?.Add(named);
            var key = new TypeAtDepth(named, depth);
            if (nested.TryGetValue(key, out var memo) && memo.IsCurrent(byType))
            {
                misses?.AddRange(memo.Misses);
                return memo.Result;
            }

            var ownMisses = new List<INamedTypeSymbol>();
            var contents = AnalyzeModuleClass(named, depth, ownMisses, cancellationToken);
            nested[key] = new NestedResult(contents, ownMisses.ToArray());
            misses?.AddRange(ownMisses);
            return contents;
        }

        /// <summary>A field or property: what the constructors and initializers of its type assign
        /// to it; its declared type when nothing is assigned there.</summary>
        private ModuleContents OfMember(ISymbol member, ITypeSymbol type, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            var containing = member.ContainingType;
            if (containing != null && containing.DeclaringSyntaxReferences.Length > 0)
            {
                var typeFacts = GetFacts(containing, cancellationToken);
                if (typeFacts.Assignments.TryGetValue(member, out var values) && values.Count > 0)
                {
                    return Alternatives(values, depth, misses, cancellationToken);
                }
            }

            return OfType(type, depth, misses, cancellationToken);
        }

        private ModuleContents Alternatives(List<AssignedValue> values, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            ModuleContents? result = null;
            foreach (var value in values)
            {
                var contents = OfExpression(value.Value, depth + 1, misses, cancellationToken);
                if (value.Conditional)
                {
                    contents = contents.Maybe();
                }

                result = result is null ? contents : result.Value.Either(contents);
            }

            return result ?? ModuleContents.Unknown;
        }

        /// <summary>A factory of <c>torch.nn</c>: <c>Linear(…, hasBias: …)</c>, <c>Conv2d(…, bias: …)</c>,
        /// <c>LayerNorm(…, elementwise_affine: …)</c>, <c>BatchNorm1d(…, affine: …)</c>,
        /// <c>Sequential(…)</c>, <c>Embedding(…)</c>, parameter-less layers.</summary>
        private ModuleContents OfLayerFactory(IInvocationOperation invocation, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var returned = method.ReturnType as INamedTypeSymbol;
            if (returned is null)
            {
                return ModuleContents.Unknown;
            }

            if (torch.Sequential != null && SymbolEqualityComparer.Default.Equals(returned, torch.Sequential))
            {
                return OfSequential(invocation, depth, misses, cancellationToken);
            }

            if (torch.ParameterLessModule != null && TorchSharpContext.InheritsFromOrEquals(returned, torch.ParameterLessModule))
            {
                return ModuleContents.None;
            }

            if (torch.Embedding != null && SymbolEqualityComparer.Default.Equals(returned, torch.Embedding))
            {
                return ModuleContents.EmbeddingOnly;
            }

            // A norm without affine has neither gain nor bias, whatever `bias` says.
            var flag = Flag(invocation, "elementwise_affine") ?? Flag(invocation, "affine")
                ?? Flag(invocation, "hasBias") ?? Flag(invocation, "bias");
            return flag switch
            {
                Presence.Yes => ModuleContents.BiasesOrNorms,
                Presence.No => ModuleContents.None,
                _ => ModuleContents.Unknown,
            };
        }

        /// <summary>A layer flag: a bool parameter (the argument, or the declared default), or a
        /// <c>Parameter? bias</c> (present unless null). Null when the factory has no such parameter.</summary>
        private Presence? Flag(IInvocationOperation invocation, string name)
        {
            IParameterSymbol? parameter = null;
            foreach (var p in invocation.TargetMethod.Parameters)
            {
                if (p.Name == name)
                {
                    parameter = p;
                    break;
                }
            }

            if (parameter is null)
            {
                return null;
            }

            var argument = invocation.Arguments.GetArgument(name);
            if (parameter.Type.SpecialType == SpecialType.System_Boolean)
            {
                var value = new HyperparameterValue(parameter, argument);
                return !value.HasConstant ? Presence.Unknown : value.Constant != 0 ? Presence.Yes : Presence.No;
            }

            if (torch.Parameter != null && TorchSharpContext.InheritsFromOrEquals(parameter.Type, torch.Parameter))
            {
                if (argument is null || !argument.IsExplicit())
                {
                    return Presence.No;
                }

                var value = argument.Value.WalkDownConversion(includeExplicit: true);
                return value is ILiteralOperation literal && literal.ConstantValue.HasValue && literal.ConstantValue.Value is null
                    || value is IDefaultValueOperation
                    ? Presence.No
                    : Presence.Yes;
            }

            return null;
        }

        private ModuleContents OfSequential(IInvocationOperation invocation, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            if (invocation.Arguments.Length == 0)
            {
                return ModuleContents.None;
            }

            if (invocation.Arguments.Length != 1)
            {
                return ModuleContents.Unknown;
            }

            var argument = invocation.Arguments[0];
            if (argument.Value.WalkDownConversion() is not IArrayCreationOperation array || array.Initializer is null)
            {
                return ModuleContents.Unknown;
            }

            var result = ModuleContents.None;
            foreach (var element in array.Initializer.ElementValues)
            {
                var layer = element.WalkDownConversion();
                if (layer is ITupleOperation tuple && tuple.Elements.Length == 2)
                {
                    layer = tuple.Elements[1];
                }

                result = result.Union(OfExpression(layer, depth + 1, misses, cancellationToken));
            }

            return result;
        }

        private bool IsTorchSharpType(INamedTypeSymbol type)
            => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, torch.Torch.ContainingAssembly);

        /// <summary>A module class in source: the union of what its registered fields hold and of
        /// what it registers explicitly; base classes in source included.</summary>
        private ModuleContents AnalyzeModuleClass(INamedTypeSymbol type, int depth, List<INamedTypeSymbol>? misses, CancellationToken cancellationToken)
        {
            var registers = false;
            var result = ModuleContents.None;
            var fields = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (var current = type; current != null; current = current.BaseType)
            {
                if (IsTorchSharpType(current))
                {
                    // Module, Module<T, TResult>: nothing of their own. A derived TorchSharp layer
                    // would bring its own parameters.
                    if (torch.Module != null && !IsPlainModuleBase(current))
                    {
                        return ModuleContents.Unknown;
                    }

                    break;
                }

                if (current.DeclaringSyntaxReferences.Length == 0)
                {
                    // A module base class from another assembly: unknown contents.
                    return ModuleContents.Unknown;
                }

                var typeFacts = GetFacts(current, cancellationToken);
                registers |= typeFacts.RegistersComponents;
                foreach (var registered in typeFacts.RegisteredModules)
                {
                    result = result.Union(OfExpression(registered, depth + 1, misses, cancellationToken));
                }

                if (typeFacts.RegistersBiasParameter)
                {
                    result = result.Union(ModuleContents.BiasesOrNorms);
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is IFieldSymbol field && !field.IsStatic && !field.IsConst)
                    {
                        fields.Add(field.AssociatedSymbol is IPropertySymbol property ? property : field);
                    }
                }
            }

            if (!registers)
            {
                // Without RegisterComponents() the fields are not parameters of the module (§9.3);
                // what it registers by hand is all it has, when that is known.
                return result.BiasOrNorm == Presence.Yes ? result : ModuleContents.Unknown;
            }

            foreach (var member in fields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var memberType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
                var kind = ClassifyMemberType(memberType);
                if (kind == MemberTypeKind.Parameter)
                {
                    if (member.Name.IndexOf("bias", StringComparison.OrdinalIgnoreCase) >= 0 && IsAssigned(member, cancellationToken))
                    {
                        result = result.Union(ModuleContents.BiasesOrNorms);
                    }

                    continue;
                }

                if (kind != MemberTypeKind.Module)
                {
                    continue;
                }

                var typeFacts = GetFacts(member.ContainingType, cancellationToken);
                var contents = typeFacts.Assignments.TryGetValue(member, out var values) && values.Count > 0
                    ? Alternatives(values, depth, misses, cancellationToken)
                    : ModuleContents.Unknown;
                result = result.Union(contents);
            }

            return result;
        }

        private bool IsAssigned(ISymbol member, CancellationToken cancellationToken)
            => GetFacts(member.ContainingType, cancellationToken).Assignments.TryGetValue(member, out var values) && values.Count > 0;

        private bool IsPlainModuleBase(INamedTypeSymbol type)
        {
            var definition = type.OriginalDefinition;
            if (torch.Module != null && SymbolEqualityComparer.Default.Equals(definition, torch.Module))
            {
                return true;
            }

            // Module<…> of every arity and HookableModule<…>: declared in torch.nn, no parameters.
            return torch.Nn != null && SymbolEqualityComparer.Default.Equals(definition.ContainingType, torch.Nn)
                && (definition.Name == "Module" || definition.Name == "HookableModule");
        }

        private enum MemberTypeKind
        {
            Other,
            Parameter,
            Module,
        }

        /// <summary>A Parameter, a module (a Module, or an <c>IModule&lt;…&gt;</c>: such fields hold
        /// modules too), or neither: one walk up the base types (no type is both).</summary>
        private MemberTypeKind ClassifyMemberType(ITypeSymbol type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                var definition = current.OriginalDefinition;
                if (torch.Parameter != null && SymbolEqualityComparer.Default.Equals(definition, torch.Parameter))
                {
                    return MemberTypeKind.Parameter;
                }

                if (torch.Module != null && SymbolEqualityComparer.Default.Equals(definition, torch.Module))
                {
                    return MemberTypeKind.Module;
                }
            }

            // IModule<Tensor, Tensor> fields hold modules too.
            return type.TypeKind == TypeKind.Interface && type.Name == "IModule" && IsTorchSharpType((INamedTypeSymbol)type)
                ? MemberTypeKind.Module
                : MemberTypeKind.Other;
        }

        private TypeFacts GetFacts(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (facts.TryGetValue(type, out var cached))
            {
                return cached;
            }

            var result = TypeFacts.Collect(type, torch, cancellationToken);
            return facts.GetOrAdd(type, result);
        }

        private readonly struct TypeAtDepth : IEquatable<TypeAtDepth>
        {
            public TypeAtDepth(INamedTypeSymbol type, int depth)
            {
                Type = type;
                Depth = depth;
            }

            public INamedTypeSymbol Type { get; }

            public int Depth { get; }

            public bool Equals(TypeAtDepth other) => Depth == other.Depth && SymbolEqualityComparer.Default.Equals(Type, other.Type);

            public override bool Equals(object? obj) => obj is TypeAtDepth other && Equals(other);

            public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Type) * 8) + Depth;
        }

        /// <summary>A type's contents below the top level, with the module types whose
        /// full-budget result was not cached while it was computed (a cached one is used instead
        /// of recomputing, so once one appears the answer may differ).</summary>
        private sealed class NestedResult
        {
            public NestedResult(ModuleContents result, INamedTypeSymbol[] misses)
            {
                Result = result;
                Misses = misses;
            }

            public ModuleContents Result { get; }

            public INamedTypeSymbol[] Misses { get; }

            public bool IsCurrent(ConcurrentDictionary<INamedTypeSymbol, ModuleContents> byType)
            {
                foreach (var type in Misses)
                {
                    if (byType.ContainsKey(type))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        private readonly struct AssignedValue
        {
            public AssignedValue(IOperation value, bool conditional)
            {
                Value = value;
                Conditional = conditional;
            }

            public IOperation Value { get; }

            /// <summary>Under an if, a loop, a switch, a try, or in a lambda: may not run.</summary>
            public bool Conditional { get; }
        }

        /// <summary>What a type's constructors and initializers do to its own fields: the values
        /// assigned to each field or auto-property, whether RegisterComponents() is called, and
        /// what is registered by hand. Assignments after the last RegisterComponents() of a
        /// constructor are not registered and are left out.</summary>
        private sealed class TypeFacts
        {
            public Dictionary<ISymbol, List<AssignedValue>> Assignments { get; } = new Dictionary<ISymbol, List<AssignedValue>>(SymbolEqualityComparer.Default);

            public bool RegistersComponents { get; private set; }

            public List<IOperation> RegisteredModules { get; } = new List<IOperation>();

            public bool RegistersBiasParameter { get; private set; }

            public static TypeFacts Collect(INamedTypeSymbol type, TorchSharpContext torch, CancellationToken cancellationToken)
            {
                var result = new TypeFacts();
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                    {
                        continue;
                    }

                    var model = GetSemanticModel(torch.Compilation, declaration.SyntaxTree);
                    foreach (var member in declaration.Members)
                    {
                        switch (member)
                        {
                            case ConstructorDeclarationSyntax constructor when !constructor.Modifiers.Any(SyntaxKind.StaticKeyword):
                                if (model.GetOperation(constructor, cancellationToken) is IOperation body)
                                {
                                    result.ScanConstructor(body, type, torch);
                                }

                                break;

                            case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                                foreach (var variable in field.Declaration.Variables)
                                {
                                    if (variable.Initializer != null
                                        && model.GetOperation(variable.Initializer, cancellationToken) is IFieldInitializerOperation initializer)
                                    {
                                        foreach (var initialized in initializer.InitializedFields)
                                        {
                                            result.Add(initialized, initializer.Value, conditional: false);
                                        }
                                    }
                                }

                                break;

                            case PropertyDeclarationSyntax property when property.Initializer != null:
                                if (model.GetOperation(property.Initializer, cancellationToken) is IPropertyInitializerOperation propertyInitializer)
                                {
                                    foreach (var initialized in propertyInitializer.InitializedProperties)
                                    {
                                        result.Add(initialized, propertyInitializer.Value, conditional: false);
                                    }
                                }

                                break;
                        }
                    }
                }

                return result;
            }

            // One semantic model per declaration tree of a module class, only for module classes an
            // optimizer call reaches, and cached per type with everything derived from it.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            private static SemanticModel GetSemanticModel(Compilation compilation, SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

            private void Add(ISymbol member, IOperation value, bool conditional)
            {
                if (!Assignments.TryGetValue(member, out var list))
                {
                    list = new List<AssignedValue>();
                    Assignments.Add(member, list);
                }

                list.Add(new AssignedValue(value, conditional));
            }

            private void ScanConstructor(IOperation body, INamedTypeSymbol type, TorchSharpContext torch)
            {
                var lastRegistration = -1;
                var pending = new List<(ISymbol Member, IOperation Value, bool Conditional, int Position)>();
                foreach (var operation in body.Descendants())
                {
                    // The kind first: cheaper than testing every operation against the interfaces.
                    var kind = operation.Kind;
                    if (kind != OperationKind.SimpleAssignment && kind != OperationKind.Invocation)
                    {
                        continue;
                    }

                    switch (operation)
                    {
                        case ISimpleAssignmentOperation assignment when OwnMember(assignment.Target, type) is ISymbol member:
                            pending.Add((member, assignment.Value, IsConditional(assignment), assignment.Syntax.SpanStart));
                            break;

                        case IInvocationOperation invocation when IsOwnModuleMethod(invocation, torch):
                            switch (invocation.TargetMethod.Name)
                            {
                                case TorchSharpNames.RegisterComponents:
                                    RegistersComponents = true;
                                    lastRegistration = Math.Max(lastRegistration, invocation.Syntax.SpanStart);
                                    break;
                                case TorchSharpNames.RegisterModule:
                                case TorchSharpNames.AddModule:
                                    if (invocation.Arguments.Length == 2)
                                    {
                                        RegisteredModules.Add(invocation.Arguments[1].Value);
                                    }

                                    break;
                                case TorchSharpNames.RegisterParameter:
                                    if (invocation.Arguments.Length == 2
                                        && invocation.Arguments[0].Value.ConstantValue.Value is string name
                                        && name.IndexOf("bias", StringComparison.OrdinalIgnoreCase) >= 0)
                                    {
                                        RegistersBiasParameter = true;
                                    }

                                    break;
                            }

                            break;
                    }
                }

                foreach (var (member, value, conditional, position) in pending)
                {
                    if (lastRegistration < 0 || position < lastRegistration)
                    {
                        Add(member, value, conditional);
                    }
                }
            }

            private static bool IsOwnModuleMethod(IInvocationOperation invocation, TorchSharpContext torch)
                => (invocation.Instance is null || invocation.Instance.WalkDownConversion() is IInstanceReferenceOperation)
                   && torch.IsModule(invocation.TargetMethod.ContainingType);

            /// <summary>The field or auto-property of <paramref name="type"/> (or a base) that
            /// <paramref name="target"/> names on this instance.</summary>
            private static ISymbol? OwnMember(IOperation target, INamedTypeSymbol type)
            {
                switch (target)
                {
                    case IFieldReferenceOperation field when !field.Field.IsStatic && IsThis(field.Instance):
                        return field.Field.AssociatedSymbol is IPropertySymbol associated ? associated : field.Field;
                    case IPropertyReferenceOperation property when !property.Property.IsStatic && IsThis(property.Instance) && property.Arguments.Length == 0:
                        return property.Property;
                    default:
                        return null;
                }
            }

            private static bool IsThis(IOperation? instance)
                => instance?.WalkDownConversion() is IInstanceReferenceOperation reference
                   && reference.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance;

            private static bool IsConditional(IOperation operation)
            {
                for (var parent = operation.Parent; parent != null; parent = parent.Parent)
                {
                    switch (parent)
                    {
                        case IConstructorBodyOperation _:
                        case IMethodBodyOperation _:
                            return false;
                        case IConditionalOperation _:
                        case ILoopOperation _:
                        case ISwitchOperation _:
                        case ITryOperation _:
                        case IAnonymousFunctionOperation _:
                        case ILocalFunctionOperation _:
                        case ICoalesceOperation _:
                        case IConditionalAccessOperation _:
                            return true;
                    }
                }

                return false;
            }
        }
    }
}
