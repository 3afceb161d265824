using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Rules
{
    /// <summary>DECAY012: parameters frozen (<c>requires_grad = false</c>) after a backward pass,
    /// under an optimizer with non-zero weight decay that keeps stepping. TorchSharp's
    /// <c>optimizer.zero_grad()</c> zeroes gradients in place and never nulls them, and optimizers
    /// skip only parameters whose gradient is null, so the frozen weights keep being decayed.
    /// Per type (symbol start/end): operation actions collect the facts of every member, the
    /// symbol-end action reasons over one method plus one level of same-type helper calls.</summary>
    public sealed class Decay012FrozenParametersStillDecayedAnalyzer : TorchSharpAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY012_FrozenParametersStillDecayed);

        internal override void OnCompilationStart(RuleRegistration context, TorchSharpContext torch)
        {
            if (torch.Tensor is null || torch.Module is null || torch.Optimizer is null)
            {
                return;
            }

            context.RegisterSymbolStartAction(start =>
            {
                // Nothing is reported without a freeze, and a freeze is a write of requires_grad
                // in this type's own source: a type that never names it registers nothing, so its
                // operations cost no callback at all.
                var type = (INamedTypeSymbol)start.Symbol;
                if (!SourceMentions.MayMention(type, "requires_grad", start.CancellationToken))
                {
                    return;
                }

                var facts = new TypeFacts(type, torch);
                start.RegisterOperationAction(facts.Collect,
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment,
                    OperationKind.VariableDeclarator);
                start.RegisterSymbolEndAction(facts.Report);
            }, SymbolKind.NamedType);
        }

        /// <summary>Where an operation runs: the method (or local function) that owns it, its
        /// position, the loops around it inside that method, and the branches (of an <c>if</c>, a
        /// conditional expression or a switch) it sits in.</summary>
        private sealed class Site
        {
            public Site(ISymbol key, SyntaxTree tree, int position, ImmutableArray<SyntaxNode> loops, ImmutableArray<SyntaxNode> branches)
            {
                Key = key;
                Tree = tree;
                Position = position;
                Loops = loops;
                Branches = branches;
            }

            public ISymbol Key { get; }
            public SyntaxTree Tree { get; }
            public int Position { get; }
            public ImmutableArray<SyntaxNode> Loops { get; }
            public ImmutableArray<SyntaxNode> Branches { get; }

            /// <summary>This runs whenever <paramref name="other"/> runs, as far as branches go: every
            /// branch this sits in also holds the other (not the else of the other's if).</summary>
            public bool RunsWith(Site other) => Branches.All(b => other.Branches.Contains(b));

            public bool SameMethod(Site other) => SymbolEqualityComparer.Default.Equals(Key, other.Key) && Tree == other.Tree;

            /// <summary>Runs before <paramref name="point"/>: earlier in the method, or in a loop
            /// that also contains it (a later iteration).</summary>
            public bool RunsBefore(Site point) => SameMethod(point) && (Position < point.Position || ShareLoop(point));

            public bool RunsAfter(Site point) => SameMethod(point) && (Position > point.Position || ShareLoop(point));

            public bool ShareLoop(Site other) => Loops.Any(l => other.Loops.Contains(l));

            public static Site Of(IOperation operation, ISymbol containingSymbol)
            {
                var loops = ImmutableArray.CreateBuilder<SyntaxNode>();
                var branches = ImmutableArray.CreateBuilder<SyntaxNode>();
                var key = containingSymbol;
                var child = operation;
                for (var current = operation.Parent; current != null; child = current, current = current.Parent)
                {
                    if (current is ILocalFunctionOperation localFunction)
                    {
                        key = localFunction.Symbol;
                        break;
                    }

                    if (current is ILoopOperation loop)
                    {
                        loops.Add(loop.Syntax);
                    }
                    else if (current is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition))
                    {
                        branches.Add(child.Syntax);
                    }
                    else if (current is ISwitchCaseOperation)
                    {
                        branches.Add(current.Syntax);
                    }
                }

                return new Site(key, operation.Syntax.SyntaxTree, operation.Syntax.SpanStart, loops.ToImmutable(), branches.ToImmutable());
            }
        }

        private sealed class OptimizerFact
        {
            public OptimizerFact(OptimizerSite site, ISymbol storage, ParameterSet covered)
            {
                Site = site;
                Storage = storage;
                Covered = covered;
            }

            public OptimizerSite Site { get; }

            public OptimizerCall Call => Site.Call;

            /// <summary>The local, field or property the optimizer is kept in.</summary>
            public ISymbol Storage { get; }

            public ParameterSet Covered { get; }
        }

        private sealed class FreezeFact
        {
            public FreezeFact(IOperation operation, ParameterSet? frozen, ModuleReference? receiver, Site site)
            {
                Operation = operation;
                Frozen = frozen;
                Receiver = receiver;
                Site = site;
            }

            public IOperation Operation { get; }
            public ParameterSet? Frozen { get; }
            public ModuleReference? Receiver { get; }
            public Site Site { get; }
        }

        /// <summary>The facts of one type, collected by operation actions (concurrently, hence the
        /// lock) and reasoned over once at the type's end.</summary>
        private sealed class TypeFacts
        {
            private readonly object gate = new object();
            private readonly INamedTypeSymbol type;
            private readonly TorchSharpContext torch;
            private readonly List<OptimizerFact> optimizers = new List<OptimizerFact>();
            private readonly List<Site> backwards = new List<Site>();
            private readonly List<(ModuleReference? Receiver, Site Site)> steps = new List<(ModuleReference?, Site)>();
            private readonly List<ParameterSet?> clearingZeroGrads = new List<ParameterSet?>();
            private readonly List<FreezeFact> freezes = new List<FreezeFact>();
            private readonly List<(ParameterSet? Set, Site Site)> unfreezes = new List<(ParameterSet?, Site)>();
            private readonly List<(ParameterSet? Set, ModuleReference? Receiver, Site Site)> gradClears = new List<(ParameterSet?, ModuleReference?, Site)>();
            private readonly List<(ISymbol Callee, Site Site)> calls = new List<(ISymbol, Site)>();
            private readonly Dictionary<ISymbol, ModuleReference> aliases = new Dictionary<ISymbol, ModuleReference>(SymbolEqualityComparer.Default);

            public TypeFacts(INamedTypeSymbol type, TorchSharpContext torch)
            {
                this.type = type;
                this.torch = torch;
            }

            public void Collect(OperationAnalysisContext context)
            {
                // Members of nested types belong to the nested type's own analysis.
                if (!SymbolEqualityComparer.Default.Equals(context.ContainingSymbol.ContainingType, type))
                {
                    return;
                }

                var operation = context.Operation;
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        CollectInvocation(invocation, context.ContainingSymbol);
                        break;
                    case IObjectCreationOperation:
                        CollectOptimizer(operation);
                        break;
                    case ISimpleAssignmentOperation assignment:
                        CollectAssignment(assignment, context.ContainingSymbol);
                        break;
                    case IVariableDeclaratorOperation declarator:
                        // var model = this.model; (an alias used by later paths)
                        if (declarator.GetVariableInitializer()?.Value is IOperation value && ModuleReference.TryCreate(value) is ModuleReference aliased)
                        {
                            AddAlias(declarator.Symbol, aliased);
                        }

                        break;
                }
            }

            private void CollectInvocation(IInvocationOperation invocation, ISymbol containingSymbol)
            {
                if (CollectOptimizer(invocation))
                {
                    return;
                }

                if (TrainingCalls.IsBackward(invocation, torch))
                {
                    Add(backwards, Site.Of(invocation, containingSymbol));
                }
                else if (TrainingCalls.IsOptimizerStep(invocation, torch))
                {
                    Add(steps, (ModuleReference.TryCreate(invocation.Instance), Site.Of(invocation, containingSymbol)));
                }
                else if (TrainingCalls.IsModuleZeroGrad(invocation, torch, out var setsToNone))
                {
                    if (setsToNone)
                    {
                        Add(clearingZeroGrads, ParameterSources.FromModule(invocation.Instance, torch));
                    }
                }
                else if (TrainingCalls.IsRequiresGradWrite(invocation, torch, out var receiver, out var value))
                {
                    CollectRequiresGrad(invocation, receiver!, value, containingSymbol);
                }
                else if (IsSameTypeCall(invocation))
                {
                    Add(calls, ((ISymbol)invocation.TargetMethod.OriginalDefinition, Site.Of(invocation, containingSymbol)));
                }
            }

            private bool IsSameTypeCall(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (method.MethodKind == MethodKind.LocalFunction)
                {
                    return true;
                }

                return SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type)
                    && (invocation.Instance is null || invocation.Instance is IInstanceReferenceOperation);
            }

            private bool CollectOptimizer(IOperation operation)
            {
                var site = OptimizerSite.TryCreate(operation, torch);
                if (site is null)
                {
                    return false;
                }

                // Every parameter of a module (a filtered enumeration, e.g. Where(p => p.requires_grad),
                // may leave frozen ones out), kept somewhere step() can be called on, with decay.
                if (site.Call.WeightDecay.MayBeNonZero && site.CoversAllParameters && site.Module != null && site.Storage != null)
                {
                    Add(optimizers, new OptimizerFact(site, site.Storage, new ParameterSet(site.Module, isSubset: false)));
                }

                return true;
            }

            private void CollectAssignment(ISimpleAssignmentOperation assignment, ISymbol containingSymbol)
            {
                if (TrainingCalls.IsRequiresGradWrite(assignment, torch, out var receiver, out var value))
                {
                    CollectRequiresGrad(assignment, receiver!, value, containingSymbol);
                    return;
                }

                if (TrainingCalls.IsGradCleared(assignment, torch, out var cleared))
                {
                    Add(gradClears, (FrozenSet(assignment, cleared!), ModuleReference.TryCreate(cleared), Site.Of(assignment, containingSymbol)));
                    return;
                }

                // this.model = model; (the constructor's parameter is the field from now on)
                var assigned = assignment.Value.WalkDownConversion(includeExplicit: true);
                if ((assigned is ILocalReferenceOperation || assigned is IParameterReferenceOperation)
                    && ModuleReference.TryCreate(assignment.Target) is ModuleReference target && !(target.Root is ILocalSymbol || target.Root is IParameterSymbol)
                    && ModuleReference.TryCreate(assigned) is ModuleReference source)
                {
                    AddAlias(source.Root, target);
                }
            }

            private void CollectRequiresGrad(IOperation write, IOperation receiver, bool? value, ISymbol containingSymbol)
            {
                if (value == true)
                {
                    Add(unfreezes, (FrozenSet(write, receiver), Site.Of(write, containingSymbol)));
                }
                else if (value == false)
                {
                    Add(freezes, new FreezeFact(write, FrozenSet(write, receiver), ModuleReference.TryCreate(receiver), Site.Of(write, containingSymbol)));
                }
            }

            /// <summary>The parameters a write to <paramref name="receiver"/> reaches; a subset
            /// when the loop (or ForEach lambda) body that does it branches.</summary>
            private ParameterSet? FrozenSet(IOperation write, IOperation receiver)
            {
                var set = ParameterSources.FromTensor(receiver, torch);
                if (set is null || set.Value.IsSubset)
                {
                    return set;
                }

                for (var current = write.Parent; current != null; current = current.Parent)
                {
                    if (current is IForEachLoopOperation || current is IAnonymousFunctionOperation)
                    {
                        var body = current is IForEachLoopOperation loop ? loop.Body : ((IAnonymousFunctionOperation)current).Body;
                        return body.DescendantsAndSelf().Any(o => o is IConditionalOperation || o is ISwitchOperation || o is IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break })
                            ? set.Value.AsSubset()
                            : set;
                    }
                }

                return set;
            }

            private void AddAlias(ISymbol symbol, ModuleReference path)
            {
                if (symbol is not (ILocalSymbol or IParameterSymbol) || SymbolEqualityComparer.Default.Equals(path.Root, symbol))
                {
                    return;
                }

                lock (gate)
                {
                    if (!aliases.ContainsKey(symbol))
                    {
                        aliases[symbol] = path;
                    }
                }
            }

            private void Add<T>(List<T> list, T item)
            {
                lock (gate)
                {
                    list.Add(item);
                }
            }

            // ------------------------------------------------------------ reasoning

            /// <summary>The reference with a local or parameter root replaced by the field (or path)
            /// it is known to stand for (<c>this.model = model;</c>, <c>var m = this.model;</c>).</summary>
            private ModuleReference? Normalize(ModuleReference? reference)
            {
                for (var i = 0; reference != null && i < 2 && aliases.TryGetValue(reference.Root, out var alias); i++)
                {
                    reference = reference.Rebase(alias);
                }

                return reference;
            }

            private ParameterSet? Normalize(ParameterSet? set)
                => set is null ? null : set.Value.WithModule(Normalize(set.Value.Module)!);

            private static bool Overlaps(ParameterSet? a, ParameterSet b) => a is null || ParameterSources.Overlaps(a.Value.Module, b.Module);

            public void Report(SymbolAnalysisContext context)
            {
                List<FreezeFact> frozenSites;
                lock (gate)
                {
                    if (freezes.Count == 0 || optimizers.Count == 0 || backwards.Count == 0)
                    {
                        return;
                    }

                    frozenSites = freezes.ToList();
                }

                foreach (var freeze in frozenSites)
                {
                    var frozen = Normalize(freeze.Frozen);
                    if (frozen is null || GradientsCleared(freeze, frozen.Value))
                    {
                        continue;
                    }

                    foreach (var optimizer in optimizers.OrderBy(o => o.Call.Operation.Syntax.SpanStart))
                    {
                        var coverage = ParameterSet.Compare(frozen.Value, Normalize(optimizer.Covered)!.Value);
                        if (coverage is Coverage.None or Coverage.Unknown)
                        {
                            continue;
                        }

                        // Every parameter of this optimizer frozen, and unfrozen again elsewhere:
                        // the alternating pattern of GANs, whose optimizer steps only while its
                        // module is trainable.
                        if (coverage == Coverage.All && unfreezes.Any(u => Overlaps(Normalize(u.Set), frozen.Value)))
                        {
                            continue;
                        }

                        if (RunsAfterBackward(freeze, frozen.Value, optimizer, coverage))
                        {
                            context.Report(Diagnostic.Create(
                                Descriptors.DECAY012_FrozenParametersStillDecayed,
                                FreezeLocation(freeze.Operation),
                                new[] { optimizer.Call.Operation.Syntax.GetLocation() },
                                optimizer.Call.Optimizer.Name,
                                OptimizerCall.Display(optimizer.Call.WeightDecay)));
                            break;
                        }
                    }
                }
            }

            /// <summary><c>p.grad = null</c> on the same receiver, on every parameter of a module
            /// that holds these, or on parameters we cannot place (silence rather than guess); or
            /// <c>model.zero_grad()</c> (set_to_none: true) on a module that holds them.</summary>
            private bool GradientsCleared(FreezeFact freeze, ParameterSet frozen)
            {
                var receiver = Normalize(freeze.Receiver);
                foreach (var (set, clearedReceiver, _) in gradClears)
                {
                    var normalized = Normalize(clearedReceiver);
                    var cleared = Normalize(set);
                    if (cleared is null
                        || !cleared.Value.IsSubset && ParameterSources.Compare(cleared.Value.Module, frozen.Module) is ModuleOverlap.Same or ModuleOverlap.Contains
                        || receiver != null && normalized != null && receiver.IsSame(normalized))
                    {
                        return true;
                    }
                }

                return clearingZeroGrads.Any(z => Overlaps(Normalize(z), frozen));
            }

            private bool RunsAfterBackward(FreezeFact freeze, ParameterSet frozen, OptimizerFact optimizer, Coverage coverage)
            {
                var storage = optimizer.Storage;
                var stepSites = steps.Where(s => Normalize(s.Receiver) is ModuleReference r && r.Path.IsEmpty
                        && (SymbolEqualityComparer.Default.Equals(r.Root, storage) || aliases.TryGetValue(storage, out var stored) && stored.Path.IsEmpty && SymbolEqualityComparer.Default.Equals(r.Root, stored.Root)))
                    .Select(s => s.Site).ToList();
                if (stepSites.Count == 0)
                {
                    return false;
                }

                var key = freeze.Site.Key;
                var isConstructorLike = key is not IMethodSymbol method || method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor;

                // The freeze itself, and (one level) where its method is called from in this type.
                var points = new List<Site> { freeze.Site };
                if (!isConstructorLike)
                {
                    points.AddRange(calls.Where(c => SymbolEqualityComparer.Default.Equals(c.Callee, key)).Select(c => c.Site));
                }

                foreach (var point in points)
                {
                    if (Events(backwards, point).Any(b => b.RunsBefore(point))
                        && Events(stepSites, point).Any(s => s.RunsAfter(point) && !UnfrozenBetween(point, s, frozen)))
                    {
                        return true;
                    }
                }

                // A staged or alternating schedule whose freeze is called from outside the type:
                // the type trains with this optimizer and unfreezes parameters too.
                return coverage == Coverage.Part
                    && !isConstructorLike
                    && key is IMethodSymbol { MethodKind: MethodKind.Ordinary }
                    && points.Count == 1
                    && !backwards.Any(b => SymbolEqualityComparer.Default.Equals(b.Key, key))
                    && unfreezes.Any(u => Normalize(u.Set) is ParameterSet set && ParameterSources.Overlaps(set.Module, Normalize(optimizer.Covered)!.Value.Module));
            }

            /// <summary>A freeze undone before the step runs: an unfreeze of these parameters that
            /// runs whenever the freeze does, after it and before the step (or, for a step in a
            /// later iteration of a loop around both, anywhere in that loop after the freeze or
            /// before the step). A temporary freeze (parameters frozen to compute something else,
            /// then unfrozen) leaves nothing frozen when the optimizer steps.</summary>
            private bool UnfrozenBetween(Site freeze, Site step, ParameterSet frozen)
            {
                var unfreezeSites = unfreezes.Where(u => Overlaps(Normalize(u.Set), frozen)).Select(u => u.Site).ToList();
                foreach (var unfreeze in Events(unfreezeSites, freeze))
                {
                    if (!unfreeze.RunsWith(freeze))
                    {
                        continue;
                    }

                    if (step.Position > freeze.Position
                        ? unfreeze.Position > freeze.Position && unfreeze.Position < step.Position
                        : step.Loops.Any(l => freeze.Loops.Contains(l) && unfreeze.Loops.Contains(l))
                          && (unfreeze.Position > freeze.Position || unfreeze.Position < step.Position))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The events of <paramref name="point"/>'s method: its own, and (one level)
            /// calls it makes to methods of this type that contain such an event, placed at the call.</summary>
            private IEnumerable<Site> Events(List<Site> events, Site point)
            {
                foreach (var e in events)
                {
                    if (e.SameMethod(point))
                    {
                        yield return e;
                    }
                }

                foreach (var (callee, site) in calls)
                {
                    if (site.SameMethod(point) && events.Any(e => SymbolEqualityComparer.Default.Equals(e.Key, callee)))
                    {
                        yield return site;
                    }
                }
            }

            private static Location FreezeLocation(IOperation write)
                => write.Parent is IExpressionStatementOperation statement ? statement.Syntax.GetLocation() : write.Syntax.GetLocation();
        }
    }
}
