// Model of src/TorchSharp/Optimizers/AdamW.cs. No nullable context, as in the real file.
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
            public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotImplementedException();

            public static AdamW AdamW(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotImplementedException();

            public static AdamW AdamW(IEnumerable<AdamW.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotImplementedException();
        }
    }

    namespace Modules
    {
        using static torch.optim;

        public class AdamW : OptimizerHelper, IBetas
        {
            public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotImplementedException();

            public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotImplementedException();

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
                public double? beta1;
                public double? beta2;
                public double? weight_decay;
                public double? eps;
                public bool? amsgrad;
                public bool? maximize;

                public override void LoadStateDict(BinaryReader reader) => throw new NotImplementedException();

                public override void LoadStateDict(OptimizerOptions source) => throw new NotImplementedException();

                public override void SaveStateDict(BinaryWriter writer) => throw new NotImplementedException();
            }

            public class ParamGroup : ParamGroup<Options>, IBetas
            {
                public ParamGroup() => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotImplementedException();

                public (double, double) Betas { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            }

            public (double, double) Betas { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }
}
