// Model of src/TorchSharp/Optimizers/RMSprop.cs. No nullable context, as in the real file.
using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace TorchSharp
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            public static RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) => throw new NotImplementedException();

            public static RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) => throw new NotImplementedException();

            public static RMSProp RMSProp(IEnumerable<RMSProp.ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) => throw new NotImplementedException();
        }
    }

    namespace Modules
    {
        using static torch.optim;

        public class RMSProp : OptimizerHelper, IMomentum
        {
            public RMSProp(IEnumerable<Parameter> parameters, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0.0, bool centered = false, bool maximize = false) => throw new NotImplementedException();

            public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0.0, bool centered = false, bool maximize = false) => throw new NotImplementedException();

            /// <summary>
            /// Performs a single optimization step (parameter update).
            /// </summary>
            public override Tensor step(Func<Tensor> closure = null) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            /// <summary>
            /// Add a param group; options left null are filled in from the optimizer-level defaults.
            /// </summary>
            public override void add_param_group(Modules.ParamGroup param_group) => throw new NotImplementedException();

            public class Options : Modules.OptimizerOptions
            {
                public bool? maximize;
                public double? momentum;
                public double? alpha;
                public double? eps;
                public double? weight_decay;
                public bool? centered;

                public override void LoadStateDict(BinaryReader reader) => throw new NotImplementedException();

                public override void LoadStateDict(OptimizerOptions source) => throw new NotImplementedException();

                public override void SaveStateDict(BinaryWriter writer) => throw new NotImplementedException();
            }

            public class ParamGroup : ParamGroup<Options>, IMomentum
            {
                public ParamGroup() => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double eps = 1e-8, double alpha = 0.99, double weight_decay = 0, double momentum = 0.0, bool centered = false) => throw new NotImplementedException();

                public double Momentum { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            }

            public double Momentum { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }
}
