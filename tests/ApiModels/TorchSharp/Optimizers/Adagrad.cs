// Model of src/TorchSharp/Optimizers/Adagrad.cs. No nullable context, as in the real file.
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
            public static Adagrad Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10) => throw new NotImplementedException();

            public static Adagrad Adagrad(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10) => throw new NotImplementedException();

            public static Adagrad Adagrad(IEnumerable<Adagrad.ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10) => throw new NotImplementedException();
        }
    }

    namespace Modules
    {
        using static torch.optim;

        public class Adagrad : OptimizerHelper
        {
            public Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10) => throw new NotImplementedException();

            public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10) => throw new NotImplementedException();

            /// <summary>
            /// Performs a single optimization step (parameter update).
            /// </summary>
            public override Tensor step(Func<Tensor> closure = null) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            /// <summary>
            /// Add a param group; options left null are filled in from the optimizer-level defaults.
            /// </summary>
            public override void add_param_group(Modules.ParamGroup param_group) => throw new NotImplementedException();

            public class Options : OptimizerOptions
            {
                public double? lr_decay;
                public double? initial_accumulator_value;
                public double? eps;
                public double? weight_decay;

                public override void LoadStateDict(BinaryReader reader) => throw new NotImplementedException();

                public override void LoadStateDict(OptimizerOptions source) => throw new NotImplementedException();

                public override void SaveStateDict(BinaryWriter writer) => throw new NotImplementedException();
            }

            public class ParamGroup : ParamGroup<Options>
            {
                public ParamGroup() => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10) => throw new NotImplementedException();
            }
        }
    }
}
