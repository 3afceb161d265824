using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>How a penalty gathers the parameters of its module.</summary>
    internal enum PenaltyForm
    {
        /// <summary><c>foreach (var p in m.parameters()) l2 += term(p);</c> (or <c>l2 = l2 + term(p)</c>).</summary>
        Loop,

        /// <summary><c>m.parameters().Select(p =&gt; term(p)).Aggregate(...)</c> / <c>.Sum(...)</c>, optionally after <c>Where</c>.</summary>
        Linq,

        /// <summary><c>term(torch.nn.utils.parameters_to_vector(m.parameters()))</c>: one term over all parameters at once.</summary>
        ParametersToVector,
    }

    /// <summary>Which parameters of the module the penalty covers.</summary>
    internal enum ParameterSelection
    {
        /// <summary>Every parameter (<c>m.parameters()</c> / <c>m.named_parameters()</c>, unfiltered).</summary>
        All,

        /// <summary>A subset chosen by name (<c>if (name.Contains("weight"))</c>, <c>.Where(np =&gt; !np.name.Contains("bias"))</c>).</summary>
        NameFiltered,

        /// <summary>A subset chosen otherwise (<c>p.dim() &gt; 1</c>, <c>parameters(recurse: false)</c>, …).</summary>
        Filtered,
    }

    /// <summary>What the per-parameter term (or the term over the concatenated parameters) computes.</summary>
    internal enum PenaltyTermKind
    {
        /// <summary>A reduction of the parameter that is none of the below (e.g. <c>p.norm(dim: 1).sum()</c>, a group norm).</summary>
        Unknown,

        /// <summary>Σθ²: <c>p.pow(2).sum()</c>, <c>p.square().sum()</c>, <c>(p*p).sum()</c>, <c>torch.sum(p*p)</c>, a squared L2 norm (<c>p.norm().pow(2)</c>, <c>n*n</c>).</summary>
        SumOfSquares,

        /// <summary>mean(θ²): <c>p.pow(2).mean()</c>. L2, with a factor 1/numel.</summary>
        MeanOfSquares,

        /// <summary>‖θ‖, not squared: <c>p.norm()</c>, <c>p.norm(2f)</c>, <c>p.norm(2)</c> (the dimension overload), <c>torch.norm(p)</c>, <c>torch.linalg.norm(p)</c>, <c>torch.linalg.vector_norm(p)</c>.</summary>
        L2Norm,

        /// <summary>‖θ‖₁: <c>p.abs().sum()</c>, <c>p.norm(1f)</c>, <c>torch.linalg.vector_norm(p, 1)</c>.</summary>
        L1,
    }

    /// <summary>Where a factor of the coefficient is applied.</summary>
    internal enum CoefficientSite
    {
        /// <summary>Inside the per-parameter term: <c>l2 += λ * p.pow(2).sum()</c>, <c>Select(p =&gt; λ * …)</c>.</summary>
        Term,

        /// <summary>To the reduced penalty before it reaches the loss: <c>l2 *= λ;</c>, <c>var reg = λ * l2;</c>.</summary>
        Accumulator,

        /// <summary>In the expression that adds the penalty to the loss: <c>loss + λ * l2</c>.</summary>
        LossAdd,
    }

    /// <summary>What cuts the penalty off from autograd.</summary>
    internal enum DetachKind
    {
        /// <summary><c>.item&lt;T&gt;()</c></summary>
        Item,

        /// <summary><c>.ToSingle()</c>, <c>.ToDouble()</c> (TensorExtensionMethods)</summary>
        ToScalar,

        /// <summary><c>(float)t</c>, <c>(double)t</c></summary>
        Cast,

        /// <summary><c>.detach()</c></summary>
        Detach,

        /// <summary>Computed inside <c>using (torch.no_grad())</c> / after <c>using var _ = torch.no_grad();</c> (also
        /// <c>inference_mode()</c>, <c>set_grad_enabled(false)</c>, <c>enable_grad(false)</c>).</summary>
        NoGrad,
    }

    /// <summary>What happens to the penalty value in its method, judged in source order. When several
    /// apply, the first in declaration order wins.</summary>
    internal enum PenaltyFate
    {
        /// <summary>None of the below could be established.</summary>
        Unknown,

        /// <summary>Added into a loss on which <c>.backward()</c> is called after the add (or
        /// <c>.backward()</c> is called on the penalty itself).</summary>
        ReachesBackward,

        /// <summary>Added to a loss only after that loss's <c>.backward()</c> ran (takes precedence over
        /// the fates below).</summary>
        AddedAfterBackward,

        /// <summary>The penalty, or a loss it was added to, is returned from the method (a helper or a
        /// loss-computing method: its caller may backpropagate it).</summary>
        Returned,

        /// <summary>The penalty itself is printed, logged, passed to a method or stored in a field or
        /// property, and not added to a backpropagated loss (monitoring; not lost).</summary>
        Escapes,

        /// <summary>Added into a total that is never backpropagated, while <c>.backward()</c> is called on
        /// another tensor.</summary>
        TotalNotBackpropagated,

        /// <summary>Never read after it is computed.</summary>
        NeverRead,
    }

    /// <summary>Where the penalty (not a total containing it) leaves the method's dataflow.</summary>
    internal enum PenaltyEscapeKind
    {
        /// <summary>Passed as an argument (Console.WriteLine, a logger, another method).</summary>
        Argument,

        /// <summary>Part of an interpolated string.</summary>
        Interpolation,

        /// <summary>Returned.</summary>
        Return,

        /// <summary>Stored in a field, property, array element or other non-local.</summary>
        Stored,
    }

    /// <summary>One factor of a penalty's coefficient: <c>λ</c> in <c>λ * l2</c>, <c>2</c> in <c>l2 / 2</c>.</summary>
    internal readonly struct CoefficientFactor
    {
        public CoefficientFactor(IOperation operand, bool isDivisor, CoefficientSite site)
        {
            Operand = operand;
            IsDivisor = isDivisor;
            Site = site;
        }

        /// <summary>The factor as written (the operand of the multiplication or the divisor).</summary>
        public IOperation Operand { get; }

        /// <summary>The penalty is divided by this factor.</summary>
        public bool IsDivisor { get; }

        public CoefficientSite Site { get; }

        /// <summary>A literal (<c>0.5</c>, <c>2</c>, <c>1e-4f</c>) rather than a named constant or variable.</summary>
        public bool IsLiteral => Operand.WalkDownConversion(includeExplicit: true) is ILiteralOperation;

        public bool TryGetConstant(out double value) => Operand.TryGetConstantDouble(out value);
    }

    /// <summary>The coefficient a penalty is multiplied by: the product of its factors (empty: 1).</summary>
    internal sealed class PenaltyCoefficient
    {
        public static readonly PenaltyCoefficient One = new PenaltyCoefficient(ImmutableArray<CoefficientFactor>.Empty);

        public PenaltyCoefficient(ImmutableArray<CoefficientFactor> factors) => Factors = factors;

        public ImmutableArray<CoefficientFactor> Factors { get; }

        public bool IsOne => Factors.IsEmpty;

        /// <summary>The value when every factor is a constant (literal or named constant).</summary>
        public bool TryGetConstant(out double value)
        {
            value = 1;
            foreach (var factor in Factors)
            {
                if (!factor.TryGetConstant(out var f) || (factor.IsDivisor && f == 0))
                {
                    return false;
                }

                value = factor.IsDivisor ? value / f : value * f;
            }

            return true;
        }

        /// <summary>The sites where factors are applied (distinct, in order Term, Accumulator, LossAdd).</summary>
        public ImmutableArray<CoefficientSite> Sites => Factors.Select(f => f.Site).Distinct().OrderBy(s => s).ToImmutableArray();

        internal PenaltyCoefficient Concat(ImmutableArray<CoefficientFactor> more)
            => more.IsEmpty ? this : new PenaltyCoefficient(Factors.AddRange(more));
    }

    /// <summary>The per-parameter term of a penalty (for <see cref="PenaltyForm.ParametersToVector"/>,
    /// the term over the concatenated parameters).</summary>
    internal sealed class PenaltyTerm
    {
        public PenaltyTerm(IOperation operation, PenaltyTermKind kind, IInvocationOperation? normCall, IOperation? normInput,
            bool normBindsToDimension, bool isSquaredNorm)
        {
            Operation = operation;
            Kind = kind;
            NormCall = normCall;
            NormInput = normInput;
            NormBindsToDimension = normBindsToDimension;
            IsSquaredNorm = isSquaredNorm;
        }

        /// <summary>The term as written, without the coefficient factors and detaching calls around it
        /// (e.g. <c>p.pow(2).sum()</c>, <c>p.norm()</c>).</summary>
        public IOperation Operation { get; }

        public PenaltyTermKind Kind { get; }

        /// <summary>The norm call of the term, when it has one: the non-squared norm for
        /// <see cref="PenaltyTermKind.L2Norm"/>/<see cref="PenaltyTermKind.L1"/>, the norm under the square
        /// when <see cref="IsSquaredNorm"/>.</summary>
        public IInvocationOperation? NormCall { get; }

        /// <summary>The tensor the norm is taken of (the receiver of <c>p.norm()</c>, the input of
        /// <c>torch.norm(p)</c>).</summary>
        public IOperation? NormInput { get; }

        /// <summary>The norm is <c>p.norm(2)</c> / <c>torch.norm(p, 2)</c>: an int literal bound to the
        /// dimension overload (DECAY010); the kind is what the author meant (2 → L2 norm, 1 → L1).</summary>
        public bool NormBindsToDimension { get; }

        /// <summary>The term is a norm that is squared afterwards (<c>p.norm().pow(2)</c>, <c>n*n</c>).</summary>
        public bool IsSquaredNorm { get; }

        public bool IsL2 => Kind == PenaltyTermKind.SumOfSquares || Kind == PenaltyTermKind.MeanOfSquares;
    }

    /// <summary>A step that cuts the penalty (or its term) off from autograd.</summary>
    internal sealed class DetachingStep
    {
        public DetachingStep(DetachKind kind, IOperation operation, bool isInTerm)
        {
            Kind = kind;
            Operation = operation;
            IsInTerm = isInTerm;
        }

        public DetachKind Kind { get; }

        /// <summary>The detaching invocation or conversion; for <see cref="DetachKind.NoGrad"/>, the
        /// <c>torch.no_grad()</c> (or equivalent) invocation that opened the scope.</summary>
        public IOperation Operation { get; }

        /// <summary>The step is inside the per-parameter term (as opposed to on the reduced penalty).</summary>
        public bool IsInTerm { get; }
    }

    /// <summary>One place where the penalty is added into a loss (or a total).</summary>
    internal sealed class PenaltyAdd
    {
        public PenaltyAdd(IOperation operation, IOperation penaltyOperand, IOperation? lossOperand, ILocalSymbol? lossLocal,
            ILocalSymbol? total, IInvocationOperation? backward, IInvocationOperation? lossBackwardBefore,
            bool totalReturned, bool totalEscapes, ISymbol? lossVariable = null, ISymbol? totalVariable = null)
        {
            LossVariable = lossVariable ?? lossLocal;
            TotalVariable = totalVariable ?? total;
            Operation = operation;
            PenaltyOperand = penaltyOperand;
            LossOperand = lossOperand;
            LossLocal = lossLocal;
            Total = total;
            Backward = backward;
            LossBackwardBefore = lossBackwardBefore;
            TotalReturned = totalReturned;
            TotalEscapes = totalEscapes;
        }

        /// <summary>The add: an <see cref="IBinaryOperation"/> (<c>loss + λ * l2</c>) or an
        /// <see cref="ICompoundAssignmentOperation"/> (<c>loss += λ * l2</c>).</summary>
        public IOperation Operation { get; }

        /// <summary>The operand of the add that carries the penalty, with its coefficient
        /// (<c>λ * l2</c>); the value of a compound assignment.</summary>
        public IOperation PenaltyOperand { get; }

        /// <summary>The other operand (<c>loss</c>); the target of a compound assignment.</summary>
        public IOperation? LossOperand { get; }

        /// <summary>The local the loss operand reads, when it is a local.</summary>
        public ILocalSymbol? LossLocal { get; }

        /// <summary>The local or parameter the loss operand reads (<see cref="LossLocal"/>, or a parameter).</summary>
        public ISymbol? LossVariable { get; }

        /// <summary>The local that receives the sum (<c>var total = loss + l2</c>, <c>loss += l2</c>).</summary>
        public ILocalSymbol? Total { get; }

        /// <summary>The local or parameter that receives the sum (<see cref="Total"/>, or a parameter
        /// such as <c>loss += l2</c> on a <c>Tensor loss</c> parameter).</summary>
        public ISymbol? TotalVariable { get; }

        /// <summary><c>.backward()</c> called on the sum (directly or through <see cref="Total"/>) after the add.</summary>
        public IInvocationOperation? Backward { get; }

        /// <summary><c>.backward()</c> called on <see cref="LossLocal"/> before the add ran.</summary>
        public IInvocationOperation? LossBackwardBefore { get; }

        public bool TotalReturned { get; }

        /// <summary>The sum is passed to a method, printed or stored somewhere.</summary>
        public bool TotalEscapes { get; }
    }

    /// <summary>Where the penalty value itself leaves the method's local dataflow.</summary>
    internal readonly struct PenaltyEscape
    {
        public PenaltyEscape(PenaltyEscapeKind kind, IOperation operation)
        {
            Kind = kind;
            Operation = operation;
        }

        public PenaltyEscapeKind Kind { get; }

        /// <summary>The argument, interpolation, return or assignment.</summary>
        public IOperation Operation { get; }
    }

    /// <summary>One penalty-shaped scalar in a method body: built from the parameters of a module
    /// (all, or a name-filtered subset), reduced to a scalar, with what happens to it. RULES.md's
    /// "penalty" is a <see cref="Penalty"/> that <see cref="IsAddedToLoss"/>. Immutable; built by
    /// <see cref="PenaltyAnalysis"/>.</summary>
    internal sealed class Penalty
    {
        internal Penalty(
            PenaltyForm form,
            IOperation trigger,
            IInvocationOperation source,
            ModuleReference? module,
            ParameterSelection selection,
            ImmutableArray<PenaltyTerm> terms,
            PenaltyCoefficient coefficient,
            IOperation value,
            IOperation computation,
            ILocalSymbol? accumulator,
            IOperation? loop,
            ImmutableArray<ILocalSymbol> valueLocals,
            ImmutableArray<DetachingStep> detachingSteps,
            ImmutableArray<PenaltyAdd> adds,
            ImmutableArray<PenaltyEscape> escapes,
            PenaltyFate fate,
            IMethodSymbol? helper,
            Func<ImmutableArray<IOperation>> removableStatements)
        {
            Form = form;
            Trigger = trigger;
            Source = source;
            Module = module;
            Selection = selection;
            Terms = terms;
            Coefficient = coefficient;
            Value = value;
            Computation = computation;
            Accumulator = accumulator;
            Loop = loop;
            ValueLocals = valueLocals;
            DetachingSteps = detachingSteps;
            Adds = adds;
            Escapes = escapes;
            Fate = fate;
            Helper = helper;
            this.removableStatements = removableStatements;
        }

        /// <summary>Computes <see cref="RemovableStatements"/> (only a fix needs them, so only a
        /// report pays for them); null once computed.</summary>
        private Func<ImmutableArray<IOperation>>? removableStatements;
        private ImmutableArray<IOperation> removable;

        public PenaltyForm Form { get; }

        /// <summary>The invocation in the analysed method that identifies this penalty: the
        /// <c>m.parameters()</c> / <c>m.named_parameters()</c> call, or the helper method call for a
        /// penalty computed in a helper. Rules that run on invocations report a penalty when they see
        /// its trigger (see <see cref="MethodPenalties.TriggeredBy"/>), so each is reported once.</summary>
        public IOperation Trigger { get; }

        /// <summary>The <c>m.parameters()</c> / <c>m.named_parameters()</c> call (in the helper's body
        /// for a helper penalty).</summary>
        public IInvocationOperation Source { get; }

        /// <summary>The module whose parameters are penalized, as a symbol plus member path; null when
        /// the module expression is not a local, parameter, field, property or <c>this</c>.</summary>
        public ModuleReference? Module { get; }

        public ParameterSelection Selection { get; }

        /// <summary>The accumulated terms (usually one).</summary>
        public ImmutableArray<PenaltyTerm> Terms { get; }

        /// <summary>The terms' common kind; <see cref="PenaltyTermKind.Unknown"/> when they differ.</summary>
        public PenaltyTermKind Kind => Terms.IsEmpty ? PenaltyTermKind.Unknown
            : Terms.All(t => t.Kind == Terms[0].Kind) ? Terms[0].Kind : PenaltyTermKind.Unknown;

        /// <summary>The product of all coefficient factors, wherever they are applied.</summary>
        public PenaltyCoefficient Coefficient { get; }

        /// <summary>The reduced penalty: the accumulator's declarator for a loop, the LINQ reduction or
        /// the term over the vector, the helper call.</summary>
        public IOperation Value { get; }

        /// <summary>Where it is computed, for reporting: the declarator of the local that holds it
        /// (<c>l2 = torch.tensor(0f)</c>, <c>l2 = m.parameters()…Aggregate(…)</c>), else the loop or the
        /// expression.</summary>
        public IOperation Computation { get; }

        /// <summary>The loop's accumulator local.</summary>
        public ILocalSymbol? Accumulator { get; }

        /// <summary>The foreach loop of a <see cref="PenaltyForm.Loop"/> penalty.</summary>
        public IOperation? Loop { get; }

        /// <summary>Locals that hold the (scaled) penalty on its way to the loss: the accumulator,
        /// <c>var l2 = …</c>, <c>var reg = λ * l2</c>.</summary>
        public ImmutableArray<ILocalSymbol> ValueLocals { get; }

        /// <summary>Every detaching step on the way from the parameters to the loss, in source order.</summary>
        public ImmutableArray<DetachingStep> DetachingSteps { get; }

        public bool IsDetached => !DetachingSteps.IsEmpty;

        /// <summary>Every add of the penalty into a loss or total.</summary>
        public ImmutableArray<PenaltyAdd> Adds { get; }

        /// <summary>Where the penalty value itself is printed, passed, returned or stored.</summary>
        public ImmutableArray<PenaltyEscape> Escapes { get; }

        public PenaltyFate Fate { get; }

        public bool ReachesBackward => Fate == PenaltyFate.ReachesBackward;

        /// <summary>Added to a loss that reaches <c>.backward()</c> in this method, or to a loss this
        /// method returns: RULES.md's penalty.</summary>
        public bool IsAddedToLoss => Fate == PenaltyFate.ReachesBackward
            || (Fate == PenaltyFate.Returned && Adds.Any(a => a.TotalReturned));

        /// <summary>The add that reaches <c>.backward()</c> when there is exactly one add.</summary>
        public PenaltyAdd? SingleAdd => Adds.Length == 1 ? Adds[0] : null;

        /// <summary>The helper method (of the same type) that computes the penalty; null when computed
        /// in the analysed method itself.</summary>
        public IMethodSymbol? Helper { get; }

        /// <summary>Statements that exist only to compute this penalty (its loop, the accumulator's
        /// declaration and rescaling, <c>var l2 = …</c>, constant coefficient locals) and become unused
        /// when <see cref="SingleAdd"/>'s penalty operand is removed from the loss. Empty when the
        /// penalty is read elsewhere too or computed in a helper.</summary>
        public ImmutableArray<IOperation> RemovableStatements
        {
            get
            {
                // Computed on first use; the computation reads the finished analysis only, so a race
                // computes the same statements twice and either result may be kept.
                var compute = Volatile.Read(ref removableStatements);
                if (compute != null)
                {
                    var statements = compute();
                    ImmutableInterlocked.InterlockedInitialize(ref removable, statements);
                    Volatile.Write(ref removableStatements, null);
                }

                return removable;
            }
        }
    }
}
