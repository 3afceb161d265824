namespace Decay.TorchSharp
{
    /// <summary>Metadata names of the TorchSharp symbols Decay binds to (checked against the
    /// API model by a test). Nested types use '+', generics a backtick and arity.</summary>
    internal static class TorchSharpNames
    {
        public const string Torch = "TorchSharp.torch";
        public const string Optim = "TorchSharp.torch+optim";
        public const string Optimizer = "TorchSharp.torch+optim+Optimizer";
        public const string Nn = "TorchSharp.torch+nn";
        public const string Module = "TorchSharp.torch+nn+Module";
        public const string ModuleOfT = "TorchSharp.torch+nn+Module`2";
        public const string Functional = "TorchSharp.torch+nn+functional";
        public const string NnUtils = "TorchSharp.torch+nn+utils";
        public const string Linalg = "TorchSharp.torch+linalg";
        public const string Tensor = "TorchSharp.torch+Tensor";
        public const string Parameter = "TorchSharp.Modules.Parameter";
        public const string TensorExtensionMethods = "TorchSharp.TensorExtensionMethods";
        public const string OptimizerHelper = "TorchSharp.Modules.OptimizerHelper";
        public const string OptimizerOptions = "TorchSharp.Modules.OptimizerOptions";
        public const string ParamGroup = "TorchSharp.Modules.ParamGroup";
        public const string ParamGroupOfT = "TorchSharp.Modules.ParamGroup`1";
        public const string ModulesNamespace = "TorchSharp.Modules";
        public const string Sequential = "TorchSharp.Modules.Sequential";
        public const string ParameterLessModule = "TorchSharp.Modules.ParameterLessModule`2";
        public const string Embedding = "TorchSharp.Modules.Embedding";
        public const string ModuleExtensionMethods = "TorchSharp.ModuleExtensionMethods";

        /// <summary>Optimizer classes in namespace TorchSharp.Modules; each has a factory of the
        /// same name in torch.optim.</summary>
        public static readonly string[] OptimizerClassNames =
        {
            "Adam", "AdamW", "SGD", "NAdam", "RAdam", "RMSProp", "Adagrad", "Adadelta", "Adamax", "ASGD", "Rprop", "LBFGS",
        };

        public const string WeightDecay = "weight_decay";
        public const string Lr = "lr";
        public const string LearningRate = "learningRate";
        public const string Momentum = "momentum";
        public const string Maximize = "maximize";
        public const string Parameters = "parameters";
        public const string NamedParameters = "named_parameters";
        public const string AddParamGroup = "add_param_group";
        public const string RegisterComponents = "RegisterComponents";
        public const string RegisterModule = "register_module";
        public const string AddModule = "add_module";
        public const string RegisterParameter = "register_parameter";
    }
}
