// Model of src/TorchSharp/Optimizers/LBFGS.cs. No nullable context, as in the real file.
using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace TorchSharp
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            // NB: 'tolerange_grad' is misspelled in the real API.
            public static LBFGS LBFGS(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, long max_iter = 20, long? max_eval = null, double tolerange_grad = 1e-5, double tolerance_change = 1e-9, long history_size = 100) => throw new NotImplementedException();

            public static LBFGS LBFGS(IEnumerable<Parameter> parameters, double lr = 0.01, long max_iter = 20, long? max_eval = null, double tolerange_grad = 1e-5, double tolerance_change = 1e-9, long history_size = 100) => throw new NotImplementedException();
        }
    }

    namespace Modules
    {
        using static torch.optim;

        // LBGFS does not allow for param groups, so there's no need to use anything but the native implementation.
        public class LBFGS : Optimizer, ILearningRateController
        {
            public LBFGS(IntPtr handle, double lr) : base(handle) => throw new NotImplementedException();

            public double LearningRate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public double InitialLearningRate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public override IEnumerable<ILearningRateController> ParamGroups => throw new NotImplementedException();

            /// <summary>
            /// Performs a single optimization step. The closure must be non-null for LBFGS.
            /// </summary>
            public override Tensor step(Func<Tensor> closure) => throw new NotImplementedException();

            public double _rate;
        }
    }
}
