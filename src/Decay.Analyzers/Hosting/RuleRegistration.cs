using System;
using System.Collections.Generic;
using System.Linq;
using Decay.MLNet;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Hosting
{
    /// <summary>What the rules of one compilation asked for. Rules register here, not on Roslyn's
    /// context: <see cref="Complete"/> then registers ONE operation action over the union of the
    /// operation kinds, which builds each shared model once per operation (an
    /// <see cref="OptimizerCall"/>, the <see cref="PenaltyCache"/> lookup, an ML.NET
    /// <see cref="OptionSite"/>) and hands it to every rule that wants it. A per-rule analyzer
    /// costs Roslyn a callback per operation per rule (~0.5 ms per 30k lines each, measured)
    /// before the rule does anything.</summary>
    internal sealed class RuleRegistration
    {
        private readonly CompilationStartAnalysisContext start;
        private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> operationActions =
            new Dictionary<OperationKind, List<Action<OperationAnalysisContext>>>();
        private readonly List<Action<OperationAnalysisContext, OptimizerCall>> optimizerCallActions =
            new List<Action<OperationAnalysisContext, OptimizerCall>>();
        private readonly List<Action<OperationAnalysisContext, Penalty, MethodPenalties, PenaltyCache>> penaltyActions =
            new List<Action<OperationAnalysisContext, Penalty, MethodPenalties, PenaltyCache>>();
        private readonly List<Action<OperationAnalysisContext, OptionSite>> assignmentSiteActions =
            new List<Action<OperationAnalysisContext, OptionSite>>();
        private readonly List<Action<OperationAnalysisContext, OptionSite>> invocationSiteActions =
            new List<Action<OperationAnalysisContext, OptionSite>>();
        private bool completed;

#pragma warning disable RS1012 // Complete() registers the one operation action on this start context.
        public RuleRegistration(CompilationStartAnalysisContext start, TorchSharpContext? torch, MLNetContext? mlnet)
#pragma warning restore RS1012
        {
            this.start = start;
            Torch = torch;
            MLNet = mlnet;
        }

        /// <summary>TorchSharp's symbols; null when the compilation does not reference it.</summary>
        public TorchSharpContext? Torch { get; }

        /// <summary>ML.NET's symbols; null when the compilation does not reference it.</summary>
        public MLNetContext? MLNet { get; }

        public Compilation Compilation => start.Compilation;

        public AnalyzerOptions Options => start.Options;

        /// <summary>An action on operations of <paramref name="kinds"/>, called from the host's one operation action.</summary>
        public void RegisterOperationAction(Action<OperationAnalysisContext> action, params OperationKind[] kinds)
        {
            ThrowIfCompleted();
            foreach (var kind in kinds)
            {
                if (!operationActions.TryGetValue(kind, out var list))
                {
                    operationActions[kind] = list = new List<Action<OperationAnalysisContext>>();
                }

                list.Add(action);
            }
        }

        /// <summary>Passed through to Roslyn (per-type analyses such as DECAY012's).</summary>
        public void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind kind)
        {
            ThrowIfCompleted();
            start.RegisterSymbolStartAction(action, kind);
        }

        /// <summary>An action on every optimizer construction (invocation or object creation).</summary>
        internal void RegisterOptimizerCallAction(Action<OperationAnalysisContext, OptimizerCall> action)
        {
            ThrowIfCompleted();
            optimizerCallActions.Add(action);
        }

        /// <summary>An action on every penalty, at its trigger (see <see cref="PenaltyCache"/>).</summary>
        internal void RegisterPenaltyAction(Action<OperationAnalysisContext, Penalty, MethodPenalties, PenaltyCache> action)
        {
            ThrowIfCompleted();
            penaltyActions.Add(action);
        }

        /// <summary>An action on every ML.NET option site: assignments to options fields, and with
        /// <paramref name="invocations"/> the regularization arguments of catalog calls.</summary>
        internal void RegisterOptionSiteAction(Action<OperationAnalysisContext, OptionSite> action, bool invocations)
        {
            ThrowIfCompleted();
            assignmentSiteActions.Add(action);
            if (invocations)
            {
                invocationSiteActions.Add(action);
            }
        }

        /// <summary>Registers the one operation action (nothing when no rule asked for anything).</summary>
        public void Complete()
        {
            ThrowIfCompleted();
            completed = true;
            var dispatcher = new Dispatcher(this);
            if (dispatcher.Kinds.Length > 0)
            {
                start.RegisterOperationAction(dispatcher.Dispatch, dispatcher.Kinds);
            }
        }

        private void ThrowIfCompleted()
        {
            if (completed)
            {
                throw new InvalidOperationException("Rules register during compilation start, before the host completes the registration.");
            }
        }

        /// <summary>The registration frozen into arrays, and the one operation action.</summary>
        private sealed class Dispatcher
        {
            private readonly TorchSharpContext? torch;
            private readonly MLNetContext? mlnet;
            private readonly PenaltyCache? penalties;
            private readonly Action<OperationAnalysisContext>[] onInvocation;
            private readonly Action<OperationAnalysisContext>[] onObjectCreation;
            private readonly Dictionary<OperationKind, Action<OperationAnalysisContext>[]> onOther;
            private readonly Action<OperationAnalysisContext, OptimizerCall>[] onOptimizerCall;
            private readonly Action<OperationAnalysisContext, Penalty, MethodPenalties, PenaltyCache>[] onPenalty;
            private readonly Action<OperationAnalysisContext, OptionSite>[] onAssignmentSite;
            private readonly Action<OperationAnalysisContext, OptionSite>[] onInvocationSite;

            public Dispatcher(RuleRegistration registration)
            {
                torch = registration.Torch;
                mlnet = registration.MLNet;
                onInvocation = Take(registration, OperationKind.Invocation);
                onObjectCreation = Take(registration, OperationKind.ObjectCreation);
                onOther = registration.operationActions
                    .Where(pair => pair.Key != OperationKind.Invocation && pair.Key != OperationKind.ObjectCreation)
                    .ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
                onOptimizerCall = torch is null ? Array.Empty<Action<OperationAnalysisContext, OptimizerCall>>() : registration.optimizerCallActions.ToArray();
                onPenalty = torch is null ? Array.Empty<Action<OperationAnalysisContext, Penalty, MethodPenalties, PenaltyCache>>() : registration.penaltyActions.ToArray();
                penalties = onPenalty.Length > 0 ? PenaltyCache.For(torch!) : null;
                onAssignmentSite = mlnet is null ? Array.Empty<Action<OperationAnalysisContext, OptionSite>>() : registration.assignmentSiteActions.ToArray();
                onInvocationSite = mlnet?.StandardTrainersCatalog is null ? Array.Empty<Action<OperationAnalysisContext, OptionSite>>() : registration.invocationSiteActions.ToArray();

                var kinds = new HashSet<OperationKind>(onOther.Keys);
                if (onInvocation.Length > 0 || onOptimizerCall.Length > 0 || onPenalty.Length > 0 || onInvocationSite.Length > 0)
                {
                    kinds.Add(OperationKind.Invocation);
                }

                if (onObjectCreation.Length > 0 || onOptimizerCall.Length > 0)
                {
                    kinds.Add(OperationKind.ObjectCreation);
                }

                if (onAssignmentSite.Length > 0)
                {
                    kinds.Add(OperationKind.SimpleAssignment);
                }

                Kinds = kinds.OrderBy(k => k).ToArray();
            }

            public OperationKind[] Kinds { get; }

            public void Dispatch(OperationAnalysisContext context)
            {
                var operation = context.Operation;
                switch (operation.Kind)
                {
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)operation;
                        OnOptimizerCall(context);
                        if (penalties != null && penalties.MayTrigger(invocation, context.ContainingSymbol))
                        {
                            var analysis = penalties.Get(invocation, context.ContainingSymbol);
                            foreach (var penalty in analysis.TriggeredBy(invocation))
                            {
                                foreach (var action in onPenalty)
                                {
                                    action(context, penalty, analysis, penalties);
                                }
                            }
                        }

                        if (onInvocationSite.Length > 0)
                        {
                            foreach (var site in OptionSite.FromInvocation(invocation, mlnet!))
                            {
                                foreach (var action in onInvocationSite)
                                {
                                    action(context, site);
                                }
                            }
                        }

                        Run(onInvocation, context);
                        break;
                    case OperationKind.ObjectCreation:
                        OnOptimizerCall(context);
                        Run(onObjectCreation, context);
                        break;
                    default:
                        if (operation.Kind == OperationKind.SimpleAssignment && onAssignmentSite.Length > 0
                            && OptionSite.FromAssignment((ISimpleAssignmentOperation)operation, mlnet!) is OptionSite assigned)
                        {
                            foreach (var action in onAssignmentSite)
                            {
                                action(context, assigned);
                            }
                        }

                        if (onOther.TryGetValue(operation.Kind, out var actions))
                        {
                            Run(actions, context);
                        }

                        break;
                }
            }

            private void OnOptimizerCall(OperationAnalysisContext context)
            {
                if (onOptimizerCall.Length > 0 && OptimizerCall.TryCreate(context.Operation, torch!) is OptimizerCall call)
                {
                    foreach (var action in onOptimizerCall)
                    {
                        action(context, call);
                    }
                }
            }

            private static void Run(Action<OperationAnalysisContext>[] actions, OperationAnalysisContext context)
            {
                foreach (var action in actions)
                {
                    action(context);
                }
            }

            private static Action<OperationAnalysisContext>[] Take(RuleRegistration registration, OperationKind kind)
                => registration.operationActions.TryGetValue(kind, out var list) ? list.ToArray() : Array.Empty<Action<OperationAnalysisContext>>();
        }
    }
}
