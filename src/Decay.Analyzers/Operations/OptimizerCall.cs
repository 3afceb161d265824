using System.Collections.Immutable;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    internal enum OptimizerForm
    {
        /// <summary>torch.optim.X(...)</summary>
        Factory,

        /// <summary>new X(...), new TorchSharp.Modules.X(...), target-typed new(...)</summary>
        Constructor,
    }

    internal enum ParameterSourceKind
    {
        Unknown,

        /// <summary>IEnumerable&lt;Parameter&gt;, e.g. model.parameters().</summary>
        Parameters,

        /// <summary>IEnumerable&lt;(string name, Parameter parameter)&gt;, e.g. model.named_parameters().</summary>
        NamedParameters,

        /// <summary>IEnumerable&lt;X.ParamGroup&gt; (or ParamGroup&lt;X.Options&gt; for ASGD).</summary>
        Groups,
    }

    /// <summary>The value an optimizer call gives one hyperparameter: written by the user, or the
    /// bound method's declared default (read from metadata, never hard-coded).</summary>
    internal readonly struct HyperparameterValue
    {
        public HyperparameterValue(IParameterSymbol? parameter, IArgumentOperation? argument)
        {
            Parameter = parameter;
            Argument = argument;
            IsExplicit = argument != null && argument.IsExplicit();
            if (IsExplicit)
            {
                HasConstant = argument!.Value.TryGetConstantDouble(out var value) || TryBool(argument.Value, out value);
                Constant = value;
            }
            else if (parameter != null && parameter.HasExplicitDefaultValue
                && OperationExtensions.TryConvert(new Optional<object?>(parameter.ExplicitDefaultValue), out var defaultValue))
            {
                HasConstant = true;
                Constant = defaultValue;
            }
            else if (parameter != null && parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is bool flag)
            {
                HasConstant = true;
                Constant = flag ? 1 : 0;
            }
            else
            {
                HasConstant = false;
                Constant = 0;
            }
        }

        internal static bool TryBool(IOperation operation, out double value)
        {
            value = 0;
            if (operation.TryGetConstantBool(out var flag))
            {
                value = flag ? 1 : 0;
                return true;
            }

            return false;
        }

        /// <summary>The parameter of the bound method; null when this optimizer has no such option.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>The argument (explicit, or the omitted-optional one the IOperation tree adds).</summary>
        public IArgumentOperation? Argument { get; }

        public bool Exists => Parameter != null;

        /// <summary>Written by the user (positionally or by name).</summary>
        public bool IsExplicit { get; }

        /// <summary>The value is a known constant (the user's constant or the declared default).
        /// Booleans are 1 and 0.</summary>
        public bool HasConstant { get; }

        public double Constant { get; }

        public bool IsConstantZero => HasConstant && Constant == 0;

        /// <summary>Not known to be zero: an explicit non-constant value, or a non-zero constant.</summary>
        public bool MayBeNonZero => Exists && !IsConstantZero && (HasConstant || IsExplicit);
    }

    /// <summary>One optimizer construction: a torch.optim factory call or an optimizer class
    /// constructor. Shared by every rule that reasons about optimizers.</summary>
    internal sealed class OptimizerCall
    {
        private OptimizerCall(IOperation operation, IMethodSymbol method, OptimizerInfo optimizer, OptimizerForm form,
            ImmutableArray<IArgumentOperation> arguments)
        {
            Operation = operation;
            Method = method;
            Optimizer = optimizer;
            Form = form;
            Arguments = arguments;
            ParametersArgument = method.Parameters.Length > 0 ? arguments.GetArgument(method.Parameters[0].Name) : null;
            SourceKind = ClassifySource(method.Parameters.Length > 0 ? method.Parameters[0].Type : null, optimizer);
        }

        public IOperation Operation { get; }
        public IMethodSymbol Method { get; }
        public OptimizerInfo Optimizer { get; }
        public OptimizerKind Kind => Optimizer.Kind;
        public OptimizerForm Form { get; }
        public ImmutableArray<IArgumentOperation> Arguments { get; }

        /// <summary>The argument bound to the first parameter (parameters / named_parameters).</summary>
        public IArgumentOperation? ParametersArgument { get; }

        public ParameterSourceKind SourceKind { get; }

        /// <summary>The call's parameter groups, once <see cref="Operations.ParamGroups.Create"/>
        /// has built them (immutable; a race builds equal ones).</summary>
        internal ParamGroups? ParamGroups { get; set; }

        public HyperparameterValue Get(string parameterName)
        {
            IParameterSymbol? parameter = null;
            foreach (var p in Method.Parameters)
            {
                if (p.Name == parameterName)
                {
                    parameter = p;
                    break;
                }
            }

            return new HyperparameterValue(parameter, parameter is null ? null : Arguments.GetArgument(parameterName));
        }

        public HyperparameterValue WeightDecay => Get(TorchSharpNames.WeightDecay);

        /// <summary>The learning-rate parameter: <c>learningRate</c> on the SGD factory, <c>lr</c> elsewhere.</summary>
        public HyperparameterValue LearningRate
        {
            get
            {
                var lr = Get(TorchSharpNames.Lr);
                return lr.Exists ? lr : Get(TorchSharpNames.LearningRate);
            }
        }

        /// <summary>Where rules that speak of the optimizer as a whole report: the factory's or
        /// type's rightmost name, or the <c>new</c> keyword of a target-typed creation.</summary>
        public Location NameLocation => GetNameLocation(Operation.Syntax);

        public static Location GetNameLocation(SyntaxNode syntax)
            => syntax is ImplicitObjectCreationExpressionSyntax implicitCreation
                ? implicitCreation.NewKeyword.GetLocation()
                : GetNameSyntax(syntax)?.GetLocation() ?? syntax.GetLocation();

        /// <summary>The name token's node of the call: <c>Adam</c> in <c>torch.optim.Adam(...)</c>,
        /// <c>optim.Adam(...)</c>, <c>Adam(...)</c>, <c>new Adam(...)</c> or
        /// <c>new TorchSharp.Modules.Adam(...)</c>.</summary>
        public static SyntaxNode? GetNameSyntax(SyntaxNode syntax)
        {
            switch (syntax)
            {
                case InvocationExpressionSyntax invocation:
                    return invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name,
                        MemberBindingExpressionSyntax binding => binding.Name,
                        SimpleNameSyntax simple => simple,
                        _ => invocation.Expression,
                    };
                case ObjectCreationExpressionSyntax creation:
                    return RightmostName(creation.Type);
                default:
                    return null;
            }
        }

        private static SyntaxNode RightmostName(TypeSyntax type)
            => type switch
            {
                QualifiedNameSyntax qualified => qualified.Right,
                AliasQualifiedNameSyntax alias => alias.Name,
                _ => type,
            };

        public static OptimizerCall? TryCreate(IOperation operation, TorchSharpContext torch)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    {
                        // Asked for every invocation: the factories are static methods, so the
                        // instance calls that make up most training code stop at one flag.
                        var method = invocation.TargetMethod;
                        if (!method.IsStatic || !torch.IsOptimFactoryClass(method.ContainingType))
                        {
                            return null;
                        }

                        var optimizer = torch.GetOptimizerByType(method.ReturnType);
                        return optimizer is null ? null : new OptimizerCall(operation, method, optimizer, OptimizerForm.Factory, invocation.Arguments);
                    }

                case IObjectCreationOperation creation when creation.Constructor != null:
                    {
                        var optimizer = torch.GetOptimizerByType(creation.Constructor.ContainingType);
                        return optimizer is null ? null : new OptimizerCall(operation, creation.Constructor, optimizer, OptimizerForm.Constructor, creation.Arguments);
                    }

                default:
                    return null;
            }
        }

        private static ParameterSourceKind ClassifySource(ITypeSymbol? type, OptimizerInfo optimizer)
        {
            if (type is not INamedTypeSymbol named || named.TypeArguments.Length != 1)
            {
                return ParameterSourceKind.Unknown;
            }

            var element = named.TypeArguments[0];
            if (element.IsTupleType)
            {
                return ParameterSourceKind.NamedParameters;
            }

            if (element.Name == "Parameter")
            {
                return ParameterSourceKind.Parameters;
            }

            return element.Name == "ParamGroup" ? ParameterSourceKind.Groups : ParameterSourceKind.Unknown;
        }

        /// <summary>A short display of a hyperparameter value for messages: the constant, or the
        /// source text of a non-constant expression.</summary>
        public static string Display(HyperparameterValue value)
        {
            if (value.IsExplicit && value.Argument != null)
            {
                var syntax = value.Argument.Value.Syntax;
                var text = syntax is ArgumentSyntax argument ? argument.Expression.ToString() : syntax.ToString();
                return text.Length > 40 ? text.Substring(0, 37) + "..." : text;
            }

            return value.HasConstant ? value.Constant.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "?";
        }
    }
}
