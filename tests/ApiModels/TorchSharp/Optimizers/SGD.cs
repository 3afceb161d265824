// Model of src/TorchSharp/Optimizers/SGD.cs. No nullable context, as in the real file.
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
            public static Modules.SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) => throw new NotImplementedException();

            public static Modules.SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) => throw new NotImplementedException();

            public static Modules.SGD SGD(IEnumerable<SGD.ParamGroup> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) => throw new NotImplementedException();
        }
    }

    namespace Modules
    {
        using static torch.optim;

        public class SGD : OptimizerHelper, IMomentum
        {
            public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) => throw new NotImplementedException();

            public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) => throw new NotImplementedException();

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
                public double? momentum;
                public double? dampening;
                public double? weight_decay;
                public bool? nesterov;
                public bool? maximize;

                public override void LoadStateDict(BinaryReader reader) => throw new NotImplementedException();

                public override void LoadStateDict(OptimizerOptions source) => throw new NotImplementedException();

                public override void SaveStateDict(BinaryWriter writer) => throw new NotImplementedException();
            }

            public class ParamGroup : ParamGroup<Options>, IMomentum
            {
                public ParamGroup() => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) => throw new NotImplementedException();

                public double Momentum { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            }

            public double Momentum { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }
}
