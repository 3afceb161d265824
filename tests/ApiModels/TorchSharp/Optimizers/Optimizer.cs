// Model of src/TorchSharp/Optimizers/Optimizer.cs. No nullable context, as in the real file.
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
            /// <summary>
            /// Base class for all optimizers.
            /// </summary>
            public abstract partial class Optimizer : IDisposable
            {
                /// <summary>
                /// Constructor used for optimizers implemented in native code.
                /// </summary>
                protected Optimizer(IntPtr handle) => throw new NotImplementedException();

                /// <summary>
                ///   Releases the storage.
                /// </summary>
                public void Dispose() => throw new NotImplementedException();

                /// <summary>
                ///   Implements the .NET Dispose pattern.
                /// </summary>
                protected virtual void Dispose(bool disposing) => throw new NotImplementedException();

                /// <summary>
                /// Sets the gradients of all parameters to zero.
                /// </summary>
                public virtual void zero_grad() => throw new NotImplementedException();

                public delegate IntPtr LossClosure();

                /// <summary>
                /// Add a param group to the Optimizer s param_groups.
                /// </summary>
                public virtual void add_param_group(ParamGroup param_group) => throw new NotImplementedException();

                /// <summary>
                /// Performs a single optimization step (parameter update).
                /// </summary>
                public virtual Tensor step(Func<Tensor> closure = null) => throw new NotImplementedException();

                /// <summary>
                /// Get the parameters that the optimizer is handling.
                /// </summary>
                public virtual IEnumerable<Parameter> parameters() => throw new NotImplementedException();

                public class StateDictionary
                {
                    internal StateDictionary() => throw new NotImplementedException();

                    public List<OptimizerOptions> Options { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }

                    public List<OptimizerState> State { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }
                }

                public virtual IEnumerable<ILearningRateController> ParamGroups => throw new NotImplementedException();

                protected IList<ParamGroup> _parameter_groups;
            }

            /// <summary>
            /// This interfce is used by learning rate schedulers to access and control
            /// the rates used by optimizers.
            /// </summary>
            public interface ILearningRateController
            {
                double LearningRate { set; get; }

                double InitialLearningRate { set; get; }
            }

            /// <summary>
            /// Indicates optimizers with support for momentum, which some LR schedulers require.
            /// </summary>
            public interface IMomentum
            {
                double Momentum { get; set; }
            }

            /// <summary>
            /// Indicates optimizers with support for betas instead of momentum.
            /// </summary>
            public interface IBetas
            {
                (double, double) Betas { get; set; }
            }
        }
    }

    namespace Modules
    {
        using static torch.optim;

        /// <summary>
        /// Base class to help with a couple of the things that managed-code implementations need.
        /// </summary>
        public abstract class OptimizerHelper : Optimizer
        {
            public OptimizerHelper() : base(IntPtr.Zero) => throw new NotImplementedException();

            protected enum TypeCode
            {
                Double = 0,
                Long = 1,
                Tensor = 2,
                Options = 3,
                State = 4,
            }

            public void save_state_dict(string location) => throw new NotImplementedException();

            public void load_state_dict(string location) => throw new NotImplementedException();

            public void save_state_dict(System.IO.BinaryWriter writer) => throw new NotImplementedException();

            public void load_state_dict(System.IO.BinaryReader reader) => throw new NotImplementedException();

            public virtual void load_state_dict(StateDictionary state_dict) => throw new NotImplementedException();

            public virtual StateDictionary state_dict() => throw new NotImplementedException();

            /// <summary>
            /// Move all the state to the indicated device.
            /// </summary>
            public void to(Device device) => throw new NotImplementedException();

            public override void zero_grad() => throw new NotImplementedException();

            /// <summary>
            /// Support routine for implementation of step() in all optimizers that support parameter groups.
            /// </summary>
            protected Tensor _step<T>(Action<T> body, Func<Tensor> loss_closure = null) where T : ParamGroup => throw new NotImplementedException();

            public override IEnumerable<Parameter> parameters() => throw new NotImplementedException();

            public override void add_param_group(ParamGroup param_group) => throw new NotImplementedException();

            protected OptimizerOptions _defaults;
        }

        /// <summary>
        /// Base class for optimizer options.
        /// </summary>
        public class OptimizerOptions
        {
            public double? LearningRate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public double InitialLearningRate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public virtual void SaveStateDict(BinaryWriter writer) => throw new NotImplementedException();

            public virtual void LoadStateDict(BinaryReader reader) => throw new NotImplementedException();

            public virtual void LoadStateDict(OptimizerOptions source) => throw new NotImplementedException();
        }

        /// <summary>
        /// Base class for optimizer state.
        /// </summary>
        public abstract class OptimizerState
        {
            public abstract void SaveStateDict(BinaryWriter writer);

            public abstract void LoadStateDict(BinaryReader reader);

            public abstract void LoadStateDict(OptimizerState source);

            public virtual bool ApproximatelyEquals(OptimizerState other) => throw new NotImplementedException();

            public virtual void to(Device device) => throw new NotImplementedException();

            protected static void LoadConditionalStateTensor(BinaryReader reader, ref Tensor result) => throw new NotImplementedException();

            protected static void SaveConditionalStateTensor(BinaryWriter writer, Tensor tensor) => throw new NotImplementedException();
        }

        /// <summary>
        /// Base class for parameter groups
        /// </summary>
        public class ParamGroup : ILearningRateController
        {
            public IEnumerable<Parameter> Parameters { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public OptimizerOptions Options { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public double LearningRate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public double InitialLearningRate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }

        /// <summary>
        /// Generic-typed version of ParamGroup
        /// </summary>
        public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions
        {
            public ParamGroup() => throw new NotImplementedException();

            public ParamGroup(IEnumerable<Parameter> parameters, TOptions options = null) => throw new NotImplementedException();

            /// <summary>
            /// Parameter group options / hyperparameters, used to control the optimizer algorithm.
            /// </summary>
            public new TOptions Options { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }
}
