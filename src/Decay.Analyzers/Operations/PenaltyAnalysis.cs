using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Operations
{
    /// <summary>Builds the <see cref="MethodPenalties"/> of one body in a single walk: it collects the
    /// <c>parameters()</c> calls, local references, <c>.backward()</c> calls, optimizer constructions
    /// and same-type calls, then recognises each penalty from its parameter source and traces its
    /// value to the loss. Helper methods are followed one level through <see cref="PenaltyCache"/>.</summary>
    internal sealed class PenaltyAnalysis
    {
        private const int MaxLocalHops = 4;

        private readonly TorchSharpContext torch;
        private readonly IOperation root;
        private readonly ISymbol? method;
        private readonly PenaltyCache? helpers;

        private readonly List<IInvocationOperation> sources = new List<IInvocationOperation>();
        private readonly List<IInvocationOperation> backwardCalls = new List<IInvocationOperation>();
        private readonly List<IInvocationOperation> sameTypeCalls = new List<IInvocationOperation>();
        private readonly List<OptimizerSite> optimizers = new List<OptimizerSite>();
        private readonly Dictionary<ISymbol, List<IOperation>> references =
            new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IVariableDeclaratorOperation> declarators =
            new Dictionary<ILocalSymbol, IVariableDeclaratorOperation>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, ILocalFunctionOperation> localFunctions =
            new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);

        private PenaltyAnalysis(TorchSharpContext torch, IOperation root, ISymbol? method, PenaltyCache? helpers)
        {
            this.torch = torch;
            this.root = root;
            this.method = method;
            this.helpers = helpers;
        }

        /// <summary>Analyses the body under <paramref name="root"/>. With <paramref name="helpers"/>
        /// null, calls to helper methods are not followed (the analysis of a helper itself).</summary>
        public static MethodPenalties Analyze(TorchSharpContext torch, IOperation root, ISymbol? method, PenaltyCache? helpers)
        {
            var analysis = new PenaltyAnalysis(torch, root, method, helpers);
            analysis.Collect();
            var penalties = new List<Penalty>();
            foreach (var source in analysis.sources)
            {
                analysis.Recognize(source, penalties);
            }

            foreach (var call in analysis.sameTypeCalls)
            {
                var penalty = analysis.RecognizeHelperCall(call);
                if (penalty != null)
                {
                    penalties.Add(penalty);
                }
            }

            penalties.Sort((a, b) => a.Trigger.Syntax.SpanStart.CompareTo(b.Trigger.Syntax.SpanStart));
            return new MethodPenalties(root, method, penalties.ToImmutableArray(), analysis.backwardCalls.ToImmutableArray(),
                analysis.optimizers.ToImmutableArray());
        }

        // ------------------------------------------------------------------ the walk

        private void Collect()
        {
            var stack = new Stack<(IOperation Operation, bool InLocalFunction)>();
            foreach (var child in root is ILocalFunctionOperation function ? function.ChildOperations : (IEnumerable<IOperation>)new[] { root })
            {
                stack.Push((child, false));
            }

            while (stack.Count > 0)
            {
                var (operation, inLocalFunction) = stack.Pop();
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        AddReference(local.Local, local);
                        break;
                    case IParameterReferenceOperation parameter:
                        AddReference(parameter.Parameter, parameter);
                        break;
                    case IVariableDeclaratorOperation declarator:
                        declarators[declarator.Symbol] = declarator;
                        break;
                    case ILocalFunctionOperation localFunction:
                        localFunctions[localFunction.Symbol] = localFunction;
                        inLocalFunction = true;
                        break;
                    case IInvocationOperation invocation when !inLocalFunction:
                        CollectInvocation(invocation);
                        break;
                    case IObjectCreationOperation creation when !inLocalFunction:
                        var site = OptimizerSite.TryCreate(creation, torch);
                        if (site != null)
                        {
                            optimizers.Add(site);
                        }

                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push((child, inLocalFunction));
                }
            }

            foreach (var list in references.Values)
            {
                list.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            }

            backwardCalls.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            sources.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            sameTypeCalls.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        }

        private void AddReference(ISymbol variable, IOperation reference)
        {
            if (!references.TryGetValue(variable, out var list))
            {
                references[variable] = list = new List<IOperation>();
            }

            list.Add(reference);
        }

        private void CollectInvocation(IInvocationOperation invocation)
        {
            if (torch.IsParameterSource(invocation, out _))
            {
                sources.Add(invocation);
                return;
            }

            if (torch.IsTensorMethod(invocation, "backward"))
            {
                backwardCalls.Add(invocation);
                return;
            }

            var site = OptimizerSite.TryCreate(invocation, torch);
            if (site != null)
            {
                optimizers.Add(site);
                return;
            }

            var target = invocation.TargetMethod;
            var containingType = (method as IMethodSymbol)?.ContainingType;
            if (helpers != null && containingType != null
                && (target.MethodKind == MethodKind.Ordinary || target.MethodKind == MethodKind.LocalFunction)
                && !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method)
                && (target.MethodKind == MethodKind.LocalFunction
                    || SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, containingType.OriginalDefinition)))
            {
                sameTypeCalls.Add(invocation);
            }
        }

        // ------------------------------------------------------------------ recognition

        private void Recognize(IInvocationOperation source, List<Penalty> penalties)
        {
            var steps = new List<IInvocationOperation>();
            var consumer = FindConsumer(torch, source, steps);
            if (consumer is null)
            {
                return;
            }

            torch.IsParameterSource(source, out var named);
            var selection = ParameterSelection.All;
            var recurse = source.Arguments.GetArgument("recurse");
            if (recurse != null && recurse.IsExplicit() && !(recurse.Value.TryGetConstantBool(out var r) && r))
            {
                selection = ParameterSelection.Filtered;
            }

            IAnonymousFunctionOperation? selector = null;
            foreach (var step in steps)
            {
                var lambda = GetLambda(step, 1)!;
                if (step.TargetMethod.Name == "Where")
                {
                    selection = Combine(selection, ReferencesTupleName(lambda) ? ParameterSelection.NameFiltered : ParameterSelection.Filtered);
                }
                else
                {
                    selector = lambda;
                }
            }

            var module = ModuleReference.TryCreate(source.Instance);
            switch (consumer)
            {
                case IForEachLoopOperation loop:
                    penalties.AddRange(RecognizeLoop(source, loop, named, module, selection));
                    break;
                case IInvocationOperation vector when torch.IsNnUtilsFunction(vector, "parameters_to_vector"):
                    {
                        var penalty = RecognizeVector(source, vector, module, selection);
                        if (penalty != null)
                        {
                            penalties.Add(penalty);
                        }

                        break;
                    }

                case IInvocationOperation reduction:
                    {
                        var penalty = RecognizeLinq(source, reduction, selector, named, module, selection);
                        if (penalty != null)
                        {
                            penalties.Add(penalty);
                        }

                        break;
                    }
            }
        }

        /// <summary>Where the parameters of <paramref name="source"/> are consumed, through
        /// <c>Where(lambda)</c> and one <c>Select(lambda)</c> (added to <paramref name="steps"/>, in
        /// order): the foreach loop over them, the <c>parameters_to_vector</c> call, or the LINQ
        /// <c>Aggregate</c>/<c>Sum</c>; null when it is anything else (an optimizer's or
        /// <c>clip_grad_norm_</c>'s argument, a stored sequence…), which is never a penalty.</summary>
        private static IOperation? FindConsumer(TorchSharpContext torch, IInvocationOperation source, List<IInvocationOperation>? steps)
        {
            IOperation current = source;
            var selected = false;
            for (var guard = 0; guard < 8; guard++)
            {
                var parent = current.WalkUpConversion();
                if (parent is IForEachLoopOperation loop && !selected
                    && ReferenceEquals(loop.Collection.WalkDownConversion(), current))
                {
                    return loop;
                }

                if (parent is not IArgumentOperation { Parent: IInvocationOperation consumer } argument)
                {
                    return null;
                }

                if (torch.IsNnUtilsFunction(consumer, "parameters_to_vector") && !selected)
                {
                    return consumer;
                }

                if (!consumer.TargetMethod.IsExtensionMethod || !LinqCalls.IsEnumerableMethod(consumer) || argument.Parameter?.Ordinal != 0)
                {
                    return null;
                }

                switch (consumer.TargetMethod.Name)
                {
                    case "Where":
                    case "Select" when !selected:
                        if (GetLambda(consumer, 1) is null)
                        {
                            return null;
                        }

                        selected |= consumer.TargetMethod.Name == "Select";
                        steps?.Add(consumer);
                        current = consumer;
                        continue;
                    case "Aggregate":
                    case "Sum":
                        return consumer;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static ParameterSelection Combine(ParameterSelection a, ParameterSelection b)
            => a == ParameterSelection.All ? b : b == ParameterSelection.All ? a
               : a == ParameterSelection.Filtered || b == ParameterSelection.Filtered ? ParameterSelection.Filtered : ParameterSelection.NameFiltered;

        private static IAnonymousFunctionOperation? GetLambda(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return LinqCalls.AsLambda(argument.Value);
                }
            }

            return null;
        }

        /// <summary>The single returned expression of a lambda.</summary>
        private static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda)
        {
            IOperation? result = null;
            foreach (var node in lambda.Body.Descendants())
            {
                if (node is IReturnOperation { ReturnedValue: not null } ret && !IsInsideNestedFunction(ret, lambda))
                {
                    if (result != null)
                    {
                        return null;
                    }

                    result = ret.ReturnedValue;
                }
            }

            return result;
        }

        private static bool IsInsideNestedFunction(IOperation operation, IOperation function)
        {
            for (var parent = operation.Parent; parent != null && !ReferenceEquals(parent, function); parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The tuple element index (0-based) of a field of a tuple, or -1.</summary>
        private static int TupleElementIndex(IFieldSymbol field)
        {
            if (!field.ContainingType.IsTupleType)
            {
                return -1;
            }

            var elements = field.ContainingType.TupleElements;
            for (var i = 0; i < elements.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(elements[i], field)
                    || SymbolEqualityComparer.Default.Equals(elements[i], field.CorrespondingTupleField)
                    || SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, field.CorrespondingTupleField ?? field))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsTupleElementOf(IOperation operation, Func<IOperation, bool> isTuple, int index)
            => operation is IFieldReferenceOperation field && field.Instance != null && isTuple(field.Instance.WalkDownConversion())
               && TupleElementIndex(field.Field) == index;

        private static bool ReferencesTupleName(IAnonymousFunctionOperation predicate)
        {
            if (predicate.Symbol.Parameters.Length == 0)
            {
                return false;
            }

            var parameter = predicate.Symbol.Parameters[0];
            return predicate.Body.Descendants().Any(node => IsTupleElementOf(node,
                instance => instance is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter), 0));
        }

        // ------------------------------------------------------------------ foreach loops

        private IEnumerable<Penalty> RecognizeLoop(IInvocationOperation source, IForEachLoopOperation loop, bool named, ModuleReference? module, ParameterSelection selection)
        {
            ILocalSymbol? parameterLocal = null;
            ILocalSymbol? tupleLocal = null;
            ILocalSymbol? nameLocal = null;
            switch (loop.LoopControlVariable)
            {
                case IVariableDeclaratorOperation declarator when named:
                    tupleLocal = declarator.Symbol;
                    break;
                case IVariableDeclaratorOperation declarator:
                    parameterLocal = declarator.Symbol;
                    break;
                case IDeclarationExpressionOperation { Expression: ITupleOperation tuple } when named && tuple.Elements.Length == 2:
                    nameLocal = TupleLocal(tuple.Elements[0]);
                    parameterLocal = TupleLocal(tuple.Elements[1]);
                    break;
                case ITupleOperation tuple when named && tuple.Elements.Length == 2:
                    nameLocal = TupleLocal(tuple.Elements[0]);
                    parameterLocal = TupleLocal(tuple.Elements[1]);
                    break;
            }

            if (parameterLocal is null && tupleLocal is null)
            {
                yield break;
            }

            bool IsLocal(IOperation operation, ILocalSymbol? local)
                => local != null && operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

            bool IsParameter(IOperation operation)
                => IsLocal(operation, parameterLocal) || IsTupleElementOf(operation, o => IsLocal(o, tupleLocal), 1);

            bool IsName(IOperation operation)
                => IsLocal(operation, nameLocal) || IsTupleElementOf(operation, o => IsLocal(o, tupleLocal), 0);

            var loopSpan = loop.Syntax.Span;
            IOperation? ResolveLoopLocal(ILocalSymbol local)
                => declarators.TryGetValue(local, out var declarator) && loopSpan.Contains(declarator.Syntax.Span)
                   ? declarator.GetVariableInitializer()?.Value
                   : null;

            var classifier = new PenaltyTermClassifier(torch, IsParameter, ResolveLoopLocal);

            // Accumulations into locals declared outside the loop, grouped by local, in source order.
            var groups = new List<(ILocalSymbol Local, List<(IOperation Accumulation, IOperation Term)> Items)>();
            foreach (var node in loop.Body.Descendants())
            {
                if (IsInsideNestedFunction(node, loop))
                {
                    continue;
                }

                if (!TryGetAccumulation(node, out var target, out var term) || !classifier.ContainsParameter(term)
                    || (declarators.TryGetValue(target, out var targetDeclarator) && loopSpan.Contains(targetDeclarator.Syntax.Span)))
                {
                    continue;
                }

                var group = groups.FirstOrDefault(g => SymbolEqualityComparer.Default.Equals(g.Local, target));
                if (group.Items is null)
                {
                    group = (target, new List<(IOperation, IOperation)>());
                    groups.Add(group);
                }

                group.Items.Add((node, term));
            }

            foreach (var (accumulator, items) in groups)
            {
                var terms = ImmutableArray.CreateBuilder<PenaltyTerm>();
                var factors = ImmutableArray.CreateBuilder<CoefficientFactor>();
                var steps = new List<DetachingStep>();
                var groupSelection = selection;
                var valid = true;
                foreach (var (accumulation, term) in items)
                {
                    var result = classifier.Classify(term);
                    if (result is null)
                    {
                        valid = false;
                        break;
                    }

                    terms.Add(result.Term);
                    if (items.Count == 1)
                    {
                        factors.AddRange(result.Factors);
                    }

                    steps.AddRange(result.Steps);
                    var guardKind = LoopGuard(accumulation, loop.Body, IsName);
                    groupSelection = Combine(groupSelection, guardKind);
                    AddNoGrad(steps, accumulation, isInTerm: true);
                }

                if (!valid)
                {
                    continue;
                }

                var scaling = FindScaling(accumulator, loop, factors);
                var starts = new List<IOperation>();
                foreach (var reference in ReferencesOf(accumulator))
                {
                    if (reference.Syntax.SpanStart >= loopSpan.End && !IsWrite(reference)
                        && !scaling.Any(s => s.Syntax.Span.Contains(reference.Syntax.Span)))
                    {
                        starts.Add(reference);
                    }
                }

                declarators.TryGetValue(accumulator, out var accumulatorDeclarator);
                var flow = new Flow(this, steps);
                foreach (var start in starts)
                {
                    flow.Climb(start);
                }

                flow.Complete();

                var computation = (IOperation?)accumulatorDeclarator ?? loop;
                var valueLocals = ImmutableArray.Create(accumulator).AddRange(flow.ValueLocals.Where(l => !SymbolEqualityComparer.Default.Equals(l, accumulator)));
                var coefficient = new PenaltyCoefficient(factors.ToImmutable()).Concat(flow.Factors.ToImmutableArray());
                var accumulations = items.Select(i => i.Accumulation).ToList();
                var loopTerms = terms.ToImmutable();
                Func<ImmutableArray<IOperation>> removable = () => ComputeRemovable(flow, accumulator, loop, accumulations, scaling, coefficient, loopTerms);
                yield return new Penalty(PenaltyForm.Loop, source, source, module, groupSelection, terms.ToImmutable(), coefficient,
                    computation, computation, accumulator, loop, valueLocals, Sorted(steps), flow.Adds.ToImmutableArray(),
                    flow.Escapes.ToImmutableArray(), flow.Fate(flow.AnyUse), null, removable);
            }
        }

        /// <summary>An add into a local: <c>l2 += term</c>, <c>l2 = l2 + term</c>, <c>l2 = term + l2</c>.</summary>
        private static bool TryGetAccumulation(IOperation node, out ILocalSymbol target, out IOperation term)
        {
            switch (node)
            {
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound
                    when compound.Target.WalkDownConversion() is ILocalReferenceOperation local:
                    target = local.Local;
                    term = compound.Value;
                    return true;
                case ISimpleAssignmentOperation assignment
                    when assignment.Target.WalkDownConversion() is ILocalReferenceOperation local
                         && assignment.Value.WalkDownConversion() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                    target = local.Local;
                    if (IsReferenceTo(add.LeftOperand, target))
                    {
                        term = add.RightOperand;
                        return true;
                    }

                    if (IsReferenceTo(add.RightOperand, target))
                    {
                        term = add.LeftOperand;
                        return true;
                    }

                    break;
            }

            target = null!;
            term = null!;
            return false;
        }

        /// <summary>A cheap necessary condition for <paramref name="source"/> to be a penalty's
        /// trigger: its parameters reach a LINQ reduction or <c>parameters_to_vector</c>, or a foreach
        /// loop whose body adds into a local.</summary>
        internal static bool MayBePenaltySource(TorchSharpContext torch, IInvocationOperation source)
        {
            var consumer = FindConsumer(torch, source, steps: null);
            if (consumer is not IForEachLoopOperation loop)
            {
                return consumer != null;
            }

            foreach (var node in loop.Body.Descendants())
            {
                if (TryGetAccumulation(node, out _, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private static ILocalSymbol? TupleLocal(IOperation element)
            => element switch
            {
                ILocalReferenceOperation local => local.Local,
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => local.Local,
                _ => null,
            };

        /// <summary>How the accumulation is guarded inside the loop body: an enclosing <c>if</c> or a
        /// preceding <c>if (…) continue;</c>.</summary>
        private static ParameterSelection LoopGuard(IOperation accumulation, IOperation body, Func<IOperation, bool> isName)
        {
            var conditions = new List<IOperation>();
            IOperation child = accumulation;
            for (var parent = accumulation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && !ReferenceEquals(conditional.Condition, child))
                {
                    conditions.Add(conditional.Condition);
                }

                if (parent is IBlockOperation block)
                {
                    foreach (var statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, child))
                        {
                            break;
                        }

                        if (statement is IConditionalOperation guard && IsContinue(guard.WhenTrue) && guard.WhenFalse is null)
                        {
                            conditions.Add(guard.Condition);
                        }
                    }
                }

                if (ReferenceEquals(parent, body))
                {
                    break;
                }
            }

            if (conditions.Count == 0)
            {
                return ParameterSelection.All;
            }

            return conditions.Any(c => c.DescendantsAndSelf().Any(isName)) ? ParameterSelection.NameFiltered : ParameterSelection.Filtered;
        }

        private static bool IsContinue(IOperation operation)
            => operation is IBranchOperation { BranchKind: BranchKind.Continue }
               || (operation is IBlockOperation { Operations: { Length: 1 } operations } && IsContinue(operations[0]));

        /// <summary><c>l2 *= λ;</c>, <c>l2 /= 2;</c>, <c>l2 = l2 * λ;</c>, <c>l2 = λ * l2;</c> after the
        /// loop: the statements, with their factors added to <paramref name="factors"/>.</summary>
        private List<IOperation> FindScaling(ILocalSymbol accumulator, IForEachLoopOperation loop, ImmutableArray<CoefficientFactor>.Builder factors)
        {
            var statements = new List<IOperation>();
            foreach (var reference in ReferencesOf(accumulator))
            {
                if (reference.Syntax.SpanStart < loop.Syntax.Span.End)
                {
                    continue;
                }

                switch (reference.WalkUpConversion())
                {
                    case ICompoundAssignmentOperation compound when ReferenceEquals(compound.Target.WalkDownConversion(), reference)
                        && (compound.OperatorKind == BinaryOperatorKind.Multiply || compound.OperatorKind == BinaryOperatorKind.Divide)
                        && compound.Parent is IExpressionStatementOperation statement:
                        factors.Add(new CoefficientFactor(compound.Value.WalkDownConversion(), compound.OperatorKind == BinaryOperatorKind.Divide, CoefficientSite.Accumulator));
                        statements.Add(statement);
                        break;
                    case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target.WalkDownConversion(), reference)
                        && assignment.Parent is IExpressionStatementOperation statement
                        && assignment.Value.WalkDownConversion() is IBinaryOperation binary
                        && (binary.OperatorKind == BinaryOperatorKind.Multiply || binary.OperatorKind == BinaryOperatorKind.Divide):
                        {
                            var left = IsReferenceTo(binary.LeftOperand, accumulator);
                            var right = IsReferenceTo(binary.RightOperand, accumulator);
                            if (left && !right)
                            {
                                factors.Add(new CoefficientFactor(binary.RightOperand.WalkDownConversion(), binary.OperatorKind == BinaryOperatorKind.Divide, CoefficientSite.Accumulator));
                                statements.Add(statement);
                            }
                            else if (right && !left && binary.OperatorKind == BinaryOperatorKind.Multiply)
                            {
                                factors.Add(new CoefficientFactor(binary.LeftOperand.WalkDownConversion(), false, CoefficientSite.Accumulator));
                                statements.Add(statement);
                            }

                            break;
                        }
                }
            }

            return statements;
        }

        /// <summary>The local or parameter an expression reads, if it is just that.</summary>
        private static ISymbol? ReferencedVariable(IOperation operation)
            => PenaltyTermClassifier.Strip(operation) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

        private static bool IsReferenceTo(IOperation operation, ILocalSymbol local)
            => PenaltyTermClassifier.Strip(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        // ------------------------------------------------------------------ LINQ

        private Penalty? RecognizeLinq(IInvocationOperation source, IInvocationOperation reduction, IAnonymousFunctionOperation? selector,
            bool named, ModuleReference? module, ParameterSelection selection)
        {
            IOperation? term = null;
            IAnonymousFunctionOperation? termLambda = null;
            var method = reduction.TargetMethod;
            if (method.Name == "Aggregate")
            {
                if (method.Parameters.Length == 2 && selector != null)
                {
                    // Select(term).Aggregate((a, b) => a + b)
                    var func = GetLambda(reduction, 1);
                    if (func is null || !IsPairwiseSum(func))
                    {
                        return null;
                    }

                    termLambda = selector;
                }
                else if (method.Parameters.Length == 3)
                {
                    // Aggregate(seed, (acc, p) => acc + term(p)), or Select(term).Aggregate(seed, (acc, t) => acc + t)
                    var func = GetLambda(reduction, 2);
                    if (func is null || func.Symbol.Parameters.Length != 2)
                    {
                        return null;
                    }

                    var added = AddedToAccumulator(func);
                    if (added is null)
                    {
                        return null;
                    }

                    if (selector != null)
                    {
                        if (!(PenaltyTermClassifier.Strip(added) is IParameterReferenceOperation addedElement
                              && SymbolEqualityComparer.Default.Equals(addedElement.Parameter, func.Symbol.Parameters[1])))
                        {
                            return null;
                        }

                        termLambda = selector;
                    }
                    else
                    {
                        termLambda = func;
                        term = added;
                    }
                }
                else
                {
                    return null;
                }
            }
            else if (method.Name == "Sum")
            {
                if (method.Parameters.Length == 2 && selector is null)
                {
                    termLambda = GetLambda(reduction, 1);
                }
                else if (method.Parameters.Length == 1 && selector != null)
                {
                    termLambda = selector;
                }
                else
                {
                    return null;
                }
            }

            if (termLambda is null)
            {
                return null;
            }

            term ??= ReturnedValue(termLambda);
            var element = ReferenceEquals(termLambda, selector) || method.Name == "Sum"
                ? termLambda.Symbol.Parameters.FirstOrDefault()
                : termLambda.Symbol.Parameters.ElementAtOrDefault(1);
            if (term is null || element is null)
            {
                return null;
            }

            bool IsElement(IOperation operation)
                => operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, element);

            bool IsParameter(IOperation operation)
                => named ? IsTupleElementOf(operation, IsElement, 1) : IsElement(operation);

            var lambdaSpan = termLambda.Syntax.Span;
            IOperation? ResolveLambdaLocal(ILocalSymbol local)
                => declarators.TryGetValue(local, out var declarator) && lambdaSpan.Contains(declarator.Syntax.Span) ? declarator.GetVariableInitializer()?.Value : null;

            var classifier = new PenaltyTermClassifier(torch, IsParameter, ResolveLambdaLocal);
            var result = classifier.Classify(term);
            if (result is null)
            {
                return null;
            }

            var steps = new List<DetachingStep>(result.Steps);
            AddNoGrad(steps, reduction, isInTerm: false);
            return BuildExpressionPenalty(PenaltyForm.Linq, source, source, module, selection, ImmutableArray.Create(result.Term),
                result.Factors, steps, reduction, helper: null);
        }

        /// <summary><c>(a, b) =&gt; a + b</c>.</summary>
        private static bool IsPairwiseSum(IAnonymousFunctionOperation func)
        {
            if (func.Symbol.Parameters.Length != 2 || ReturnedValue(func)?.WalkDownConversion() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add)
            {
                return false;
            }

            var left = PenaltyTermClassifier.Strip(add.LeftOperand) as IParameterReferenceOperation;
            var right = PenaltyTermClassifier.Strip(add.RightOperand) as IParameterReferenceOperation;
            return left != null && right != null && !SymbolEqualityComparer.Default.Equals(left.Parameter, right.Parameter);
        }

        /// <summary>In <c>(acc, x) =&gt; acc + g(x)</c>, <c>g(x)</c>.</summary>
        private static IOperation? AddedToAccumulator(IAnonymousFunctionOperation func)
        {
            if (ReturnedValue(func)?.WalkDownConversion() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add)
            {
                return null;
            }

            var accumulator = func.Symbol.Parameters[0];
            bool IsAccumulator(IOperation operation)
                => PenaltyTermClassifier.Strip(operation) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, accumulator);

            return IsAccumulator(add.LeftOperand) ? add.RightOperand : IsAccumulator(add.RightOperand) ? add.LeftOperand : null;
        }

        // ------------------------------------------------------------------ parameters_to_vector

        private Penalty? RecognizeVector(IInvocationOperation source, IInvocationOperation vector, ModuleReference? module, ParameterSelection selection)
        {
            // Climb from the vector through the calls that build the term: norm, pow, square, sum, abs, mean, v * v.
            IOperation top = vector;
            for (var guard = 0; guard < 8; guard++)
            {
                var parent = top.WalkUpConversion();
                if (parent is IInvocationOperation invocation && TensorCalls.IsSubjectOf(top, invocation) && IsTermBuilder(invocation))
                {
                    top = invocation;
                    continue;
                }

                if (parent is IArgumentOperation { Parent: IInvocationOperation call } && IsTermBuilder(call) && TensorCalls.IsSubjectOf(top, call))
                {
                    top = call;
                    continue;
                }

                if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } square
                    && SameSyntax(square.LeftOperand, square.RightOperand))
                {
                    top = square;
                    continue;
                }

                break;
            }

            var classifier = new PenaltyTermClassifier(torch, operation => ReferenceEquals(operation, vector) || SameSyntax(operation, vector), null);
            var result = classifier.Classify(top);
            if (result is null || ReferenceEquals(top, vector))
            {
                return null;
            }

            var steps = new List<DetachingStep>(result.Steps);
            AddNoGrad(steps, top, isInTerm: false);
            return BuildExpressionPenalty(PenaltyForm.ParametersToVector, source, source, module, selection, ImmutableArray.Create(result.Term),
                ImmutableArray<CoefficientFactor>.Empty, steps, top, helper: null);
        }

        private bool IsTermBuilder(IInvocationOperation invocation)
        {
            foreach (var name in new[] { "norm", "pow", "square", "sum", "abs", "mean" })
            {
                if (torch.IsTensorMethod(invocation, name) || torch.IsTorchFunction(invocation, name))
                {
                    return true;
                }
            }

            return torch.IsLinalgFunction(invocation, "norm") || torch.IsLinalgFunction(invocation, "vector_norm");
        }

        private static bool SameSyntax(IOperation a, IOperation b)
            => PenaltyTermClassifier.Strip(a).Syntax.IsEquivalentTo(PenaltyTermClassifier.Strip(b).Syntax, topLevel: false);

        // ------------------------------------------------------------------ helper methods

        private Penalty? RecognizeHelperCall(IInvocationOperation call)
        {
            if (helpers is null)
            {
                return null;
            }

            var target = call.TargetMethod;
            MethodPenalties? helperAnalysis;
            if (target.MethodKind == MethodKind.LocalFunction)
            {
                helperAnalysis = localFunctions.TryGetValue(target.OriginalDefinition, out var function)
                    ? helpers.GetHelper(function, target.OriginalDefinition)
                    : null;
            }
            else
            {
                if (call.Instance != null && !(call.Instance.WalkDownConversion() is IInstanceReferenceOperation))
                {
                    return null;
                }

                helperAnalysis = helpers.GetHelper(target.OriginalDefinition, call.SemanticModel);
            }

            if (helperAnalysis is null)
            {
                return null;
            }

            // The helper returns exactly one penalty, as itself (not added to anything).
            Penalty? returned = null;
            foreach (var candidate in helperAnalysis.Penalties)
            {
                if (candidate.Adds.IsEmpty && candidate.Escapes.Any(e => e.Kind == PenaltyEscapeKind.Return)
                    && candidate.Escapes.All(e => e.Kind == PenaltyEscapeKind.Return))
                {
                    if (returned != null)
                    {
                        return null;
                    }

                    returned = candidate;
                }
            }

            if (returned is null)
            {
                return null;
            }

            var module = MapHelperModule(returned.Module, call, target);
            var steps = new List<DetachingStep>(returned.DetachingSteps);
            AddNoGrad(steps, call, isInTerm: false);
            return BuildExpressionPenalty(returned.Form, call, returned.Source, module, returned.Selection, returned.Terms,
                returned.Coefficient.Factors, steps, call, target.OriginalDefinition);
        }

        private static ModuleReference? MapHelperModule(ModuleReference? module, IInvocationOperation call, IMethodSymbol target)
        {
            if (module is null)
            {
                return null;
            }

            switch (module.Root)
            {
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, target.OriginalDefinition):
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Ordinal == parameter.Ordinal)
                        {
                            var mapped = ModuleReference.TryCreate(argument.Value);
                            return mapped is null ? null : module.Rebase(mapped);
                        }
                    }

                    return null;
                case ILocalSymbol:
                    return null;
                default:
                    return module;
            }
        }

        // ------------------------------------------------------------------ expression penalties

        private Penalty BuildExpressionPenalty(PenaltyForm form, IOperation trigger, IInvocationOperation source, ModuleReference? module,
            ParameterSelection selection, ImmutableArray<PenaltyTerm> terms, ImmutableArray<CoefficientFactor> termFactors,
            List<DetachingStep> steps, IOperation value, IMethodSymbol? helper)
        {
            var flow = new Flow(this, steps);
            flow.Climb(value);
            flow.Complete();
            var computation = flow.FirstValueDeclarator ?? value;
            var coefficient = new PenaltyCoefficient(termFactors).Concat(flow.Factors.ToImmutableArray());
            Func<ImmutableArray<IOperation>> removable = () => ComputeRemovable(flow, null, null, Array.Empty<IOperation>(), new List<IOperation>(), coefficient,
                helper is null ? terms : ImmutableArray<PenaltyTerm>.Empty);
            return new Penalty(form, trigger, source, module, selection, terms, coefficient, value, computation, null, null,
                flow.ValueLocals.ToImmutableArray(), Sorted(steps), flow.Adds.ToImmutableArray(), flow.Escapes.ToImmutableArray(),
                flow.Fate(read: flow.AnyUse), helper, removable);
        }

        private static ImmutableArray<DetachingStep> Sorted(List<DetachingStep> steps)
        {
            var distinct = new List<DetachingStep>();
            foreach (var step in steps)
            {
                if (!distinct.Any(s => ReferenceEquals(s.Operation, step.Operation)))
                {
                    distinct.Add(step);
                }
            }

            return distinct.OrderBy(s => s.Operation.Syntax.SpanStart).ToImmutableArray();
        }

        // ------------------------------------------------------------------ grad mode

        private void AddNoGrad(List<DetachingStep> steps, IOperation operation, bool isInTerm)
        {
            var scope = FindDisablingScope(operation);
            if (scope != null && !steps.Any(s => ReferenceEquals(s.Operation, scope)))
            {
                steps.Add(new DetachingStep(DetachKind.NoGrad, scope, isInTerm));
            }
        }

        /// <summary>The <c>torch.no_grad()</c> (or equivalent) call whose scope encloses
        /// <paramref name="operation"/> and is not overridden by an inner <c>enable_grad()</c>; null when
        /// gradients are on (or when a lambda boundary makes it unknowable).</summary>
        internal IOperation? FindDisablingScope(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                    case IUsingOperation usingOperation when ReferenceEquals(usingOperation.Body, child):
                        {
                            var resource = ResourceValue(usingOperation.Resources);
                            if (torch.IsGradModeScope(resource, out var disables))
                            {
                                return disables ? resource!.WalkDownConversion() : null;
                            }

                            break;
                        }

                    case IBlockOperation block:
                        {
                            var index = block.Operations.IndexOf(child);
                            for (var i = index - 1; i >= 0; i--)
                            {
                                if (block.Operations[i] is IUsingDeclarationOperation declaration)
                                {
                                    var resource = ResourceValue(declaration.DeclarationGroup);
                                    if (torch.IsGradModeScope(resource, out var disables))
                                    {
                                        return disables ? resource!.WalkDownConversion() : null;
                                    }
                                }
                            }

                            break;
                        }
                }
            }

            return null;
        }

        private static IOperation? ResourceValue(IOperation? resources)
            => resources switch
            {
                IVariableDeclarationGroupOperation group => group.Declarations.SelectMany(d => d.Declarators)
                    .Select(d => d.GetVariableInitializer()?.Value).FirstOrDefault(v => v != null),
                null => null,
                _ => resources,
            };

        // ------------------------------------------------------------------ locals

        /// <summary>The references to a local or parameter in the body, in source order.</summary>
        private IReadOnlyList<IOperation> ReferencesOf(ISymbol variable)
            => references.TryGetValue(variable, out var list) ? list : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        /// <summary>A reference that only writes the local (the target of a simple assignment).</summary>
        private static bool IsWrite(IOperation reference)
            => reference.WalkUpConversion() is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target.WalkDownConversion(), reference);

        // ------------------------------------------------------------------ removable statements

        /// <summary>The statements that exist only to compute the penalty and become unused once its
        /// single add's penalty operand is removed from the loss.</summary>
        private ImmutableArray<IOperation> ComputeRemovable(Flow flow, ILocalSymbol? accumulator, IForEachLoopOperation? loop,
            IReadOnlyList<IOperation> accumulations, List<IOperation> scaling, PenaltyCoefficient coefficient, ImmutableArray<PenaltyTerm> terms)
        {
            if (flow.Adds.Count != 1 || flow.Escapes.Count != 0)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var removedSpans = new List<TextSpan> { flow.Adds[0].PenaltyOperand.Syntax.Span };
            var statements = new List<IOperation>();
            bool Covered(TextSpan span) => removedSpans.Any(s => s.Contains(span));

            var candidates = new List<ILocalSymbol>();
            if (accumulator != null)
            {
                candidates.Add(accumulator);
            }

            candidates.AddRange(flow.ValueLocals);
            foreach (var operand in coefficient.Factors.Select(f => f.Operand).Concat(terms.Select(t => t.Operation)))
            {
                foreach (var reference in operand.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (!candidates.Contains(reference.Local, SymbolEqualityComparer.Default))
                    {
                        candidates.Add(reference.Local);
                    }
                }
            }

            var loopRemovable = loop != null && IsOnlyAccumulation(loop.Body, accumulations);
            var done = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var candidate in candidates)
                {
                    if (done.Contains(candidate) || !declarators.TryGetValue(candidate, out var declarator)
                        || declarator.Parent is not IVariableDeclarationOperation { Declarators: { Length: 1 } } declaration
                        || declaration.Parent is not IVariableDeclarationGroupOperation { Declarations: { Length: 1 } } group
                        || group.Parent is not IBlockOperation)
                    {
                        continue;
                    }

                    var own = new List<IOperation> { group };
                    var isAccumulator = SymbolEqualityComparer.Default.Equals(candidate, accumulator);
                    if (isAccumulator)
                    {
                        if (!loopRemovable)
                        {
                            continue;
                        }

                        own.Add(loop!);
                        own.AddRange(scaling);
                    }
                    else if (!flow.ValueLocals.Contains(candidate, SymbolEqualityComparer.Default)
                        && !(candidate.IsConst || declarator.GetVariableInitializer()?.Value.WalkDownConversion(includeExplicit: true) is ILiteralOperation))
                    {
                        // A coefficient local must be a constant to be dropped silently.
                        continue;
                    }

                    var ownSpans = own.Select(o => o.Syntax.Span).ToList();
                    if (ReferencesOf(candidate).All(r => Covered(r.Syntax.Span) || ownSpans.Any(s => s.Contains(r.Syntax.Span))))
                    {
                        done.Add(candidate);
                        statements.AddRange(own);
                        removedSpans.AddRange(ownSpans);
                        changed = true;
                    }
                }
            }

            return statements.Distinct().OrderBy(s => s.Syntax.SpanStart).ToImmutableArray();
        }

        private static bool IsOnlyAccumulation(IOperation statement, IReadOnlyList<IOperation> accumulations)
        {
            switch (statement)
            {
                case IBlockOperation block:
                    return block.Operations.All(s => IsOnlyAccumulation(s, accumulations));
                case IExpressionStatementOperation expression:
                    return accumulations.Any(a => ReferenceEquals(a, expression.Operation));
                case IConditionalOperation conditional:
                    return !conditional.Condition.DescendantsAndSelf().Any(o => o is ISimpleAssignmentOperation || o is ICompoundAssignmentOperation || o is IIncrementOrDecrementOperation)
                           && IsOnlyAccumulation(conditional.WhenTrue, accumulations)
                           && (conditional.WhenFalse is null || IsOnlyAccumulation(conditional.WhenFalse, accumulations));
                case IBranchOperation { BranchKind: BranchKind.Continue }:
                case IEmptyOperation:
                    return true;
                case IVariableDeclarationGroupOperation group:
                    return group.Declarations.SelectMany(d => d.Declarators).All(d => d.GetVariableInitializer() is not IVariableInitializerOperation initializer
                        || !initializer.Value.DescendantsAndSelf().Any(o => o is ISimpleAssignmentOperation || o is ICompoundAssignmentOperation));
                default:
                    return false;
            }
        }

        // ------------------------------------------------------------------ the flow of the value

        /// <summary>What a path from the penalty towards a loss has met so far: detaching steps and
        /// coefficient factors. Committed to the penalty only when the path reaches an add (a logging
        /// branch such as <c>Console.WriteLine(l2.item&lt;float&gt;())</c> does not detach the penalty).</summary>
        private sealed class PathState
        {
            public static readonly PathState Empty = new PathState(
                ImmutableArray<DetachingStep>.Empty, ImmutableArray<(IOperation, bool)>.Empty, ImmutableArray<(IOperation, bool)>.Empty);

            private PathState(ImmutableArray<DetachingStep> steps, ImmutableArray<(IOperation, bool)> accumulated, ImmutableArray<(IOperation, bool)> pending)
            {
                Steps = steps;
                Accumulated = accumulated;
                Pending = pending;
            }

            public ImmutableArray<DetachingStep> Steps { get; }

            /// <summary>Factors applied before the value was stored in a local (<c>var reg = λ * l2</c>).</summary>
            public ImmutableArray<(IOperation Operand, bool IsDivisor)> Accumulated { get; }

            /// <summary>Factors in the current expression, not yet placed.</summary>
            public ImmutableArray<(IOperation Operand, bool IsDivisor)> Pending { get; }

            public PathState WithStep(DetachingStep step) => new PathState(Steps.Add(step), Accumulated, Pending);

            public PathState WithFactor(IOperation operand, bool isDivisor) => new PathState(Steps, Accumulated, Pending.Add((operand, isDivisor)));

            /// <summary>The value was stored in a local: pending factors were applied to the penalty itself.</summary>
            public PathState Stored() => new PathState(Steps, Accumulated.AddRange(Pending), ImmutableArray<(IOperation, bool)>.Empty);
        }

        /// <summary>Follows a penalty value up its expression and through locals, in source order:
        /// coefficient factors, detaching steps, adds into losses, <c>.backward()</c> calls, escapes.</summary>
        private sealed class Flow
        {
            private readonly PenaltyAnalysis owner;
            private readonly List<DetachingStep> steps;
            private readonly List<AddBuilder> builders = new List<AddBuilder>();
            private bool directBackward;
            private bool factorsCommitted;
            private bool finished;

            /// <param name="steps">The penalty's detaching steps so far (in its term); steps on paths that
            /// reach an add are appended.</param>
            public Flow(PenaltyAnalysis owner, List<DetachingStep> steps)
            {
                this.owner = owner;
                this.steps = steps;
            }

            public List<CoefficientFactor> Factors { get; } = new List<CoefficientFactor>();
            public List<PenaltyAdd> Adds { get; } = new List<PenaltyAdd>();
            public List<PenaltyEscape> Escapes { get; } = new List<PenaltyEscape>();
            public List<ILocalSymbol> ValueLocals { get; } = new List<ILocalSymbol>();
            public IOperation? FirstValueDeclarator { get; private set; }
            public bool AnyUse { get; private set; }

            private sealed class AddBuilder
            {
                public AddBuilder(IOperation operation, IOperation penaltyOperand, IOperation? lossOperand)
                {
                    Operation = operation;
                    PenaltyOperand = penaltyOperand;
                    LossOperand = lossOperand;
                }

                public IOperation Operation { get; }
                public IOperation PenaltyOperand { get; }
                public IOperation? LossOperand { get; }
                public ISymbol? Total { get; private set; }

                public void SetTotal(ISymbol variable) => Total ??= variable;

                public IInvocationOperation? Backward { get; set; }
                public bool TotalReturned { get; set; }
                public bool TotalEscapes { get; set; }
            }

            public PenaltyFate Fate(bool read)
            {
                Complete();
                if (directBackward || Adds.Any(a => a.Backward != null))
                {
                    return PenaltyFate.ReachesBackward;
                }

                if (Adds.Any(a => a.LossBackwardBefore != null))
                {
                    return PenaltyFate.AddedAfterBackward;
                }

                if (Escapes.Any(e => e.Kind == PenaltyEscapeKind.Return) || Adds.Any(a => a.TotalReturned))
                {
                    return PenaltyFate.Returned;
                }

                if (Escapes.Count > 0)
                {
                    return PenaltyFate.Escapes;
                }

                if (Adds.Count > 0 && owner.backwardCalls.Count > 0)
                {
                    return PenaltyFate.TotalNotBackpropagated;
                }

                return read || AnyUse ? PenaltyFate.Unknown : PenaltyFate.NeverRead;
            }

            /// <summary>Turns the adds seen while climbing into <see cref="Adds"/>; call after the last climb.</summary>
            public void Complete()
            {
                if (finished)
                {
                    return;
                }

                finished = true;
                foreach (var add in builders)
                {
                    var lossSymbol = add.LossOperand is null ? null : ReferencedVariable(add.LossOperand);
                    var lossLocal = lossSymbol as ILocalSymbol;
                    IInvocationOperation? before = null;
                    if (lossSymbol != null)
                    {
                        foreach (var backward in owner.backwardCalls)
                        {
                            if (backward.Syntax.SpanStart < add.Operation.Syntax.SpanStart && backward.Instance != null
                                && SymbolEqualityComparer.Default.Equals(ReferencedVariable(backward.Instance), lossSymbol))
                            {
                                before = backward;
                            }
                        }
                    }

                    Adds.Add(new PenaltyAdd(add.Operation, add.PenaltyOperand, add.LossOperand, lossLocal, add.Total as ILocalSymbol, add.Backward,
                        add.Backward is null ? before : null, add.TotalReturned, add.TotalEscapes, lossSymbol, add.Total));
                }
            }

            /// <summary>The path reached an add (or, for a helper, a return): its steps and factors
            /// belong to the penalty. Factors are taken from the first such path only.</summary>
            private void Commit(PathState path, CoefficientSite pendingSite)
            {
                foreach (var step in path.Steps)
                {
                    if (!steps.Any(s => ReferenceEquals(s.Operation, step.Operation)))
                    {
                        steps.Add(step);
                    }
                }

                if (factorsCommitted)
                {
                    return;
                }

                factorsCommitted = true;
                foreach (var (operand, isDivisor) in path.Accumulated)
                {
                    Factors.Add(new CoefficientFactor(operand, isDivisor, CoefficientSite.Accumulator));
                }

                foreach (var (operand, isDivisor) in path.Pending)
                {
                    Factors.Add(new CoefficientFactor(operand, isDivisor, pendingSite));
                }
            }

            private AddBuilder StartAdd(IOperation operation, IOperation penaltyOperand, IOperation? lossOperand, PathState path)
            {
                Commit(path, CoefficientSite.LossAdd);
                var add = new AddBuilder(operation, penaltyOperand, lossOperand);
                builders.Add(add);
                return add;
            }

            /// <summary>Follows the penalty value from <paramref name="start"/>.</summary>
            public void Climb(IOperation start) => Climb(start, null, 0, PathState.Empty);

            /// <summary>Follows <paramref name="start"/> upwards. <paramref name="current"/> is the add
            /// already passed (the value is then part of a loss/total).</summary>
            private void Climb(IOperation start, AddBuilder? current, int depth, PathState path)
            {
                var operation = start;
                for (var guard = 0; guard < 64; guard++)
                {
                    var parent = operation.Parent;
                    switch (parent)
                    {
                        case null:
                            return;
                        case IParenthesizedOperation:
                            operation = parent;
                            continue;
                        case IConversionOperation conversion:
                            if (current is null && PenaltyTermClassifier.IsDetachingConversion(owner.torch, conversion))
                            {
                                path = path.WithStep(new DetachingStep(DetachKind.Cast, conversion, isInTerm: false));
                            }

                            operation = parent;
                            continue;
                        case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, operation):
                            // Scaling, detaching and device moves pass the value on; only where it
                            // ends counts as a use (a scaled penalty nobody reads is never read).
                            if (owner.torch.IsTensorMethod(invocation, "backward"))
                            {
                                AnyUse = true;
                                if (current != null)
                                {
                                    current.Backward ??= invocation;
                                }
                                else
                                {
                                    Commit(path, CoefficientSite.LossAdd);
                                    directBackward = true;
                                }

                                return;
                            }

                            if (current is null && PenaltyTermClassifier.TryGetDetachingCall(owner.torch, invocation, out var kind, out _))
                            {
                                path = path.WithStep(new DetachingStep(kind, invocation, isInTerm: false));
                                operation = invocation;
                                continue;
                            }

                            if (current is null && invocation.Arguments.Length >= 1
                                && (owner.torch.IsTensorMethod(invocation, "mul") || owner.torch.IsTensorMethod(invocation, "multiply")
                                    || owner.torch.IsTensorMethod(invocation, "div") || owner.torch.IsTensorMethod(invocation, "divide")))
                            {
                                path = path.WithFactor(invocation.Arguments[0].Value.WalkDownConversion(), invocation.TargetMethod.Name.StartsWith("div", StringComparison.Ordinal));
                                operation = invocation;
                                continue;
                            }

                            if (owner.torch.IsTensor(invocation.TargetMethod.ContainingType)
                                && (invocation.TargetMethod.Name == "to" || invocation.TargetMethod.Name == "cpu" || invocation.TargetMethod.Name == "cuda"))
                            {
                                operation = invocation;
                                continue;
                            }

                            AnyUse = true;
                            if (current != null)
                            {
                                current.TotalEscapes = true;
                            }

                            return;
                        case IArgumentOperation argument:
                            AnyUse = true;
                            if (current is null && argument.Parent is IInvocationOperation extension
                                && PenaltyTermClassifier.TryGetDetachingCall(owner.torch, extension, out var extensionKind, out _)
                                && TensorCalls.IsSubjectOf(operation, extension))
                            {
                                path = path.WithStep(new DetachingStep(extensionKind, extension, isInTerm: false));
                                operation = extension;
                                continue;
                            }

                            if (current is null)
                            {
                                Escapes.Add(new PenaltyEscape(PenaltyEscapeKind.Argument, argument));
                            }
                            else
                            {
                                current.TotalEscapes = true;
                            }

                            return;
                        case IBinaryOperation binary:
                            {
                                var isLeft = ReferenceEquals(binary.LeftOperand, operation);
                                var other = isLeft ? binary.RightOperand : binary.LeftOperand;
                                switch (binary.OperatorKind)
                                {
                                    case BinaryOperatorKind.Multiply:
                                    case BinaryOperatorKind.Divide when isLeft:
                                        if (current is null)
                                        {
                                            path = path.WithFactor(other.WalkDownConversion(), binary.OperatorKind == BinaryOperatorKind.Divide);
                                        }

                                        operation = binary;
                                        continue;
                                    case BinaryOperatorKind.Add:
                                        AnyUse = true;
                                        current ??= StartAdd(binary, operation, other, path);
                                        operation = binary;
                                        continue;
                                    case BinaryOperatorKind.Subtract when isLeft && current != null:
                                        AnyUse = true;
                                        operation = binary;
                                        continue;
                                    default:
                                        AnyUse = true;
                                        return;
                                }
                            }

                        case ICompoundAssignmentOperation compound when ReferenceEquals(compound.Value, operation):
                            AnyUse = true;
                            if (compound.OperatorKind != BinaryOperatorKind.Add)
                            {
                                return;
                            }

                            current ??= StartAdd(compound, operation, compound.Target, path);
                            if (ReferencedVariable(compound.Target) is ISymbol totalVariable)
                            {
                                current.SetTotal(totalVariable);
                                FollowLocal(totalVariable, compound.Syntax.Span.End, current, depth + 1, path);
                            }
                            else
                            {
                                current.TotalEscapes = true;
                            }

                            return;
                        case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, operation):
                            if (ReferencedVariable(assignment.Target) is ISymbol target)
                            {
                                // Into a local: the value goes on (a use only if the local is read);
                                // into a ref/out parameter: the caller gets it.
                                if (target is IParameterSymbol { RefKind: not RefKind.None })
                                {
                                    AnyUse = true;
                                }

                                AssignToLocal(target, assignment, current, depth, path);
                            }
                            else if (current is null)
                            {
                                AnyUse = true;
                                Escapes.Add(new PenaltyEscape(PenaltyEscapeKind.Stored, assignment));
                            }
                            else
                            {
                                AnyUse = true;
                                current.TotalEscapes = true;
                            }

                            return;
                        case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                            if (current is null && FirstValueDeclarator is null && depth == 0)
                            {
                                FirstValueDeclarator = declarator;
                            }

                            AssignToLocal(declarator.Symbol, declarator, current, depth, path);
                            return;
                        case IReturnOperation ret:
                            AnyUse = true;
                            if (current is null)
                            {
                                // A helper returns the penalty: what it met on the way belongs to it.
                                Commit(path, CoefficientSite.Accumulator);
                                Escapes.Add(new PenaltyEscape(PenaltyEscapeKind.Return, ret));
                            }
                            else
                            {
                                current.TotalReturned = true;
                            }

                            return;
                        case IInterpolationOperation interpolation:
                            AnyUse = true;
                            if (current is null)
                            {
                                Escapes.Add(new PenaltyEscape(PenaltyEscapeKind.Interpolation, interpolation));
                            }
                            else
                            {
                                current.TotalEscapes = true;
                            }

                            return;
                        case IExpressionStatementOperation:
                            return;
                        default:
                            AnyUse = true;
                            if (current != null)
                            {
                                current.TotalEscapes = true;
                            }

                            return;
                    }
                }
            }

            private void AssignToLocal(ISymbol variable, IOperation assignment, AddBuilder? current, int depth, PathState path)
            {
                if (current is null)
                {
                    if (variable is ILocalSymbol local && !ValueLocals.Contains(local, SymbolEqualityComparer.Default))
                    {
                        ValueLocals.Add(local);
                    }

                    path = path.Stored();
                    var scope = owner.FindDisablingScope(assignment);
                    if (scope != null)
                    {
                        path = path.WithStep(new DetachingStep(DetachKind.NoGrad, scope, isInTerm: false));
                    }

                    FollowLocal(variable, assignment.Syntax.Span.End, null, depth + 1, path);
                }
                else
                {
                    current.SetTotal(variable);
                    FollowLocal(variable, assignment.Syntax.Span.End, current, depth + 1, path);
                }
            }

            private void FollowLocal(ISymbol local, int after, AddBuilder? current, int depth, PathState path)
            {
                if (depth > MaxLocalHops)
                {
                    AnyUse = true;
                    return;
                }

                foreach (var reference in owner.ReferencesOf(local))
                {
                    if (reference.Syntax.SpanStart >= after && !IsWrite(reference))
                    {
                        Climb(reference, current, depth, path);
                    }
                }
            }
        }
    }
}
