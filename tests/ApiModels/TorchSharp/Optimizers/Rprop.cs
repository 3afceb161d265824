// Model of src/TorchSharp/Optimizers/Rprop.cs. No nullable context, as in the real file.
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
            public static Rprop Rprop(IEnumerable<Parameter> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) => throw new NotImplementedException();

            public static Rprop Rprop(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) => throw new NotImplementedException();

            public static Rprop Rprop(IEnumerable<Rprop.ParamGroup> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) => throw new NotImplementedException();
        }
    }

    namespace Modules
    {
        using static torch.optim;

        public class Rprop : OptimizerHelper
        {
            public Rprop(IEnumerable<Parameter> parameters, double lr = 0.01, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) => throw new NotImplementedException();

            public Rprop(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) => throw new NotImplementedException();

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
                public bool? maximize;
                public double? etaminus;
                public double? etaplus;
                public double? min_step;
                public double? max_step;

                public override void LoadStateDict(BinaryReader reader) => throw new NotImplementedException();

                public override void LoadStateDict(OptimizerOptions source) => throw new NotImplementedException();

                public override void SaveStateDict(BinaryWriter writer) => throw new NotImplementedException();
            }

            public class ParamGroup : ParamGroup<Options>
            {
                public ParamGroup() => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) => throw new NotImplementedException();

                public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-2, double etaminus = 0.5, double etaplus = 1.2, double min_step = 1e-6, double max_step = 50, bool maximize = false) => throw new NotImplementedException();
            }
        }
    }
}
