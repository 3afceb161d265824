using System;
using System.Collections.Generic;
using Decay.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.MLNet
{
    /// <summary>One place where ML.NET training code writes a regularization option: an explicit
    /// argument of a convenience catalog call, a member of an options object initializer, or an
    /// assignment statement to an options field. The one model every ML.NET rule reads.</summary>
    internal sealed class OptionSite
    {
        // Names are matched with switches (compiled to length and character tests), not
        // dictionaries: every invocation and assignment of a compilation is asked.
        private static bool TryGetCatalogTrainer(string methodName, out MLNetTrainer trainer)
        {
            switch (methodName)
            {
                case MLNetNames.SdcaLogisticRegression:
                case MLNetNames.SdcaNonCalibrated:
                case MLNetNames.SdcaMaximumEntropy:
                case MLNetNames.Sdca:
                    trainer = MLNetTrainer.Sdca;
                    return true;
                case MLNetNames.LbfgsLogisticRegression:
                case MLNetNames.LbfgsMaximumEntropy:
                case MLNetNames.LbfgsPoissonRegression:
                    trainer = MLNetTrainer.Lbfgs;
                    return true;
                case MLNetNames.SgdCalibrated:
                case MLNetNames.SgdNonCalibrated:
                    trainer = MLNetTrainer.Sgd;
                    return true;
                case MLNetNames.AveragedPerceptron:
                case MLNetNames.OnlineGradientDescent:
                    trainer = MLNetTrainer.AveragedLinear;
                    return true;
                default:
                    trainer = default;
                    return false;
            }
        }

        private static bool TryGetParameterOption(string parameterName, out MLNetOption option)
        {
            switch (parameterName)
            {
                case MLNetNames.L2Parameter:
                    option = MLNetOption.L2;
                    return true;
                case MLNetNames.L1Parameter:
                    option = MLNetOption.L1;
                    return true;
                case MLNetNames.LearningRateParameter:
                    option = MLNetOption.LearningRate;
                    return true;
                default:
                    option = default;
                    return false;
            }
        }

        private static bool TryGetFieldOption(string fieldName, out MLNetOption option)
        {
            switch (fieldName)
            {
                case MLNetNames.L2Field:
                    option = MLNetOption.L2;
                    return true;
                case MLNetNames.L1Field:
                    option = MLNetOption.L1;
                    return true;
                case MLNetNames.LearningRateField:
                    option = MLNetOption.LearningRate;
                    return true;
                case MLNetNames.LambdaField:
                    option = MLNetOption.Lambda;
                    return true;
                case MLNetNames.L2CategoricalField:
                    option = MLNetOption.L2Categorical;
                    return true;
                case MLNetNames.WeightDecayField:
                    option = MLNetOption.WeightDecay;
                    return true;
                default:
                    option = default;
                    return false;
            }
        }

        private OptionSite(MLNetTrainer trainer, SdcaTask task, MLNetOption option, OptionSiteForm form, IOperation operation,
            OptionValue value, string trainerName, string optionName, IInvocationOperation? invocation, IObjectOrCollectionInitializerOperation? initializer,
            ITypeSymbol? receiverType)
        {
            ReceiverType = receiverType;
            Trainer = trainer;
            SdcaTask = task;
            Option = option;
            Form = form;
            Operation = operation;
            Value = value;
            TrainerName = trainerName;
            OptionName = optionName;
            Invocation = invocation;
            Initializer = initializer;
        }

        public MLNetTrainer Trainer { get; }

        /// <summary>For SDCA: classification or regression, from the static type of the catalog
        /// receiver or of the options object.</summary>
        public SdcaTask SdcaTask { get; }

        public MLNetOption Option { get; }

        public OptionSiteForm Form { get; }

        /// <summary>The <see cref="IArgumentOperation"/> or <see cref="ISimpleAssignmentOperation"/>.</summary>
        public IOperation Operation { get; }

        public OptionValue Value { get; }

        /// <summary>For messages: the catalog method ("SgdCalibrated") or the options type ("SgdCalibratedTrainer.Options").</summary>
        public string TrainerName { get; }

        /// <summary>As the user wrote it: "l2Regularization" (parameter) or "L2Regularization" (field).</summary>
        public string OptionName { get; }

        public IInvocationOperation? Invocation { get; }

        /// <summary>The static type of the catalog receiver or of the options object (null when unknown).</summary>
        public ITypeSymbol? ReceiverType { get; }

        public IObjectOrCollectionInitializerOperation? Initializer { get; }

        /// <summary>The whole argument (<c>l2Regularization: 1f</c>) or assignment (<c>L2Regularization = 1</c>).</summary>
        public Location Location => Operation.Syntax.GetLocation();

        /// <summary>Classification SDCA (DECAY101's scope).</summary>
        public bool IsClassificationSdca => Trainer == MLNetTrainer.Sdca && SdcaTask == SdcaTask.Classification;

        /// <summary>The explicit regularization arguments of a convenience catalog call
        /// (StandardTrainersCatalog; the receiver arrives as argument 0, bound to <c>catalog</c>).
        /// Omitted optional parameters are not sites.</summary>
        public static IEnumerable<OptionSite> FromInvocation(IInvocationOperation invocation, MLNetContext mlnet)
        {
            // The name first (a reduced extension method has its definition's name): most calls
            // end here, without unreducing, comparing symbols or allocating an iterator.
            if (!TryGetCatalogTrainer(invocation.TargetMethod.Name, out var trainer))
            {
                return Array.Empty<OptionSite>();
            }

            var method = invocation.TargetMethod.Unreduced();
            return mlnet.IsStandardTrainersCatalog(method.ContainingType)
                ? FromCatalogCall(invocation, method, trainer, mlnet)
                : Array.Empty<OptionSite>();
        }

        private static IEnumerable<OptionSite> FromCatalogCall(IInvocationOperation invocation, IMethodSymbol method, MLNetTrainer trainer, MLNetContext mlnet)
        {
            // The receiver's static type (argument 0 of the static form, bound to `catalog`); the
            // parameter's type when the receiver does not bind.
            var catalog = invocation.Arguments.GetArgument(MLNetNames.CatalogParameter);
            var receiverType = catalog?.Value.WalkDownConversion().Type;
            if (receiverType is null || receiverType.TypeKind == TypeKind.Error)
            {
                receiverType = catalog?.Parameter?.Type;
            }

            var task = trainer == MLNetTrainer.Sdca ? mlnet.GetTaskOfCatalog(receiverType) : SdcaTask.Unknown;

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null
                    || !argument.IsExplicit()
                    || !TryGetParameterOption(argument.Parameter.Name, out var option)
                    || !TryGetValue(argument.Value, out var value))
                {
                    continue;
                }

                yield return new OptionSite(trainer, task, option, OptionSiteForm.Argument, argument, value,
                    method.Name, argument.Parameter.Name, invocation, initializer: null, receiverType);
            }
        }

        /// <summary>An assignment to a regularization field of an ML.NET options type, in an
        /// object initializer or as a statement; null for anything else.</summary>
        public static OptionSite? FromAssignment(ISimpleAssignmentOperation assignment, MLNetContext mlnet)
        {
            // Cheapest checks first: the name, then the declaring options type, then the value.
            if (assignment.Target is not IFieldReferenceOperation fieldReference
                || !TryGetFieldOption(fieldReference.Field.Name, out var option))
            {
                return null;
            }

            var trainer = mlnet.GetTrainerOfField(fieldReference.Field);
            if (trainer is null || !TryGetValue(assignment.Value, out var value))
            {
                return null;
            }

            // In an object initializer the instance is the implicit receiver, typed as the object
            // being created (also for target-typed new()).
            var receiverType = fieldReference.Instance?.Type;
            var task = trainer == MLNetTrainer.Sdca ? mlnet.GetTaskOfOptions(receiverType) : SdcaTask.Unknown;
            var initializer = assignment.Parent as IObjectOrCollectionInitializerOperation;
            return new OptionSite(trainer.Value, task, option, initializer != null ? OptionSiteForm.Initializer : OptionSiteForm.Assignment,
                assignment, value, DisplayType(receiverType ?? fieldReference.Field.ContainingType),
                fieldReference.Field.Name, invocation: null, initializer, receiverType);
        }

        /// <summary>The value written, unless it is missing or does not bind (half-typed code):
        /// then there is no site and every rule stays silent.</summary>
        private static bool TryGetValue(IOperation operation, out OptionValue value)
        {
            value = OptionValue.From(operation);
            if (value.IsConstant)
            {
                return true;
            }

            var inner = operation.WalkDownConversion(includeExplicit: true);
            return inner is not IInvalidOperation && inner.Type != null && inner.Type.TypeKind != TypeKind.Error;
        }

        /// <summary>The value of another option of the same call or initializer: explicit or
        /// defaulted for a call (omitted optional parameters carry their default), written or not
        /// for an initializer. <see cref="SiblingValue.IsKnown"/> is false for an assignment
        /// statement, whose object may be configured anywhere.</summary>
        public SiblingValue GetSibling(MLNetOption option)
        {
            if (Invocation != null)
            {
                foreach (var argument in Invocation.Arguments)
                {
                    if (argument.Parameter is null
                        || !TryGetParameterOption(argument.Parameter.Name, out var candidate)
                        || candidate != option)
                    {
                        continue;
                    }

                    if (argument.IsExplicit())
                    {
                        return new SiblingValue(isKnown: true, isWritten: true, OptionValue.From(argument.Value), argument);
                    }

                    var parameter = argument.Parameter;
                    var value = !parameter.HasExplicitDefaultValue ? OptionValue.NonConstant
                        : parameter.ExplicitDefaultValue is null ? OptionValue.Null
                        : Decay.Operations.OperationExtensions.TryConvert(new Optional<object?>(parameter.ExplicitDefaultValue), out var number) ? OptionValue.FromNumber(number)
                        : OptionValue.NonConstant;
                    return new SiblingValue(isKnown: true, isWritten: false, value, operation: null);
                }

                return new SiblingValue(isKnown: false, isWritten: false, OptionValue.NonConstant, operation: null);
            }

            if (Initializer != null)
            {
                foreach (var member in Initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation assignment
                        && assignment.Target is IFieldReferenceOperation field
                        && TryGetFieldOption(field.Field.Name, out var candidate)
                        && candidate == option)
                    {
                        return new SiblingValue(isKnown: true, isWritten: true, OptionValue.From(assignment.Value), assignment);
                    }
                }

                return new SiblingValue(isKnown: true, isWritten: false, OptionValue.NonConstant, operation: null);
            }

            return new SiblingValue(isKnown: false, isWritten: false, OptionValue.NonConstant, operation: null);
        }

        private static string DisplayType(ITypeSymbol type)
            => type.ContainingType != null && (type.Name == "Options" || type.Name.EndsWith("Options", StringComparison.Ordinal) || type.Name == "OptionsBase")
                ? type.ContainingType.Name + "." + type.Name
                : type.Name;
    }

    /// <summary>Another option of the same call or initializer (see <see cref="OptionSite.GetSibling"/>).</summary>
    internal readonly struct SiblingValue
    {
        public SiblingValue(bool isKnown, bool isWritten, OptionValue value, IOperation? operation)
        {
            IsKnown = isKnown;
            IsWritten = isWritten;
            Value = value;
            Operation = operation;
        }

        /// <summary>False when the analyzer cannot see where the object is configured.</summary>
        public bool IsKnown { get; }

        /// <summary>Written explicitly in the call or the initializer.</summary>
        public bool IsWritten { get; }

        /// <summary>The written value, or for an omitted call argument the parameter's default.</summary>
        public OptionValue Value { get; }

        public IOperation? Operation { get; }
    }
}
