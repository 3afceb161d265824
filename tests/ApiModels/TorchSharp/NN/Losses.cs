// Model of src/TorchSharp/NN/Losses.cs (subset: bases, Reduction, common losses).
using System;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

#nullable enable

namespace TorchSharp
{
    using Modules;

    public abstract class Loss<T1, T2, TResult> : nn.Module<T1, T2, TResult>
    {
        public Loss(torch.nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(Loss<T1, T2, TResult>)) => throw new NotImplementedException();

        public torch.nn.Reduction reduction => throw new NotImplementedException();
    }

    public abstract class Loss<T1, T2, T3, TResult> : nn.Module<T1, T2, T3, TResult>
    {
        public Loss(torch.nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(Loss<T1, T2, T3, TResult>)) => throw new NotImplementedException();

        public torch.nn.Reduction reduction => throw new NotImplementedException();
    }

    public abstract class Loss<T1, T2, T3, T4, TResult> : nn.Module<T1, T2, T3, T4, TResult>
    {
        public Loss(torch.nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(Loss<T1, T2, T3, T4, TResult>)) => throw new NotImplementedException();

        public torch.nn.Reduction reduction => throw new NotImplementedException();
    }

    public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
    {
        public WeightedLoss(Tensor? weight = null, torch.nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) => throw new NotImplementedException();

        public Tensor? weight => throw new NotImplementedException();
    }

    public abstract class WeightedLoss<T1, T2, T3, TResult> : Loss<T1, T2, T3, TResult>
    {
        public WeightedLoss(Tensor? weight = null, torch.nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) => throw new NotImplementedException();

        public Tensor? weight => throw new NotImplementedException();
    }

    public abstract class WeightedLoss<T1, T2, T3, T4, TResult> : Loss<T1, T2, T3, T4, TResult>
    {
        public WeightedLoss(Tensor? weight = null, torch.nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) => throw new NotImplementedException();

        public Tensor? weight => throw new NotImplementedException();
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// This criterion combines log_softmax and nll_loss in a single function.
            /// </summary>
            public static Modules.CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

            public static Modules.BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

            public static Modules.BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => throw new NotImplementedException();

            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

            public static L1Loss L1Loss(Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

            public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

            public static partial class functional
            {
                public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => throw new NotImplementedException();

                public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) => throw new NotImplementedException();

                public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

                public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

                public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

                public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0) => throw new NotImplementedException();

                public static Tensor huber_loss(Tensor input, Tensor target, double delta = 1.0, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();

                public static Tensor kl_div(Tensor input, Tensor target, bool log_target = true, Reduction reduction = Reduction.Mean) => throw new NotImplementedException();
            }

            public enum Reduction : long
            {
                None = 0,
                Mean = 1,
                Sum = 2
            }
        }
    }

    namespace Modules
    {
        public sealed class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            public CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) : base(weight, reduction) => throw new NotImplementedException();

            public override Tensor forward(Tensor input, Tensor target) => throw new NotImplementedException();

            public long? ignore_index => throw new NotImplementedException();
            public double label_smoothing => throw new NotImplementedException();
        }

        public sealed class BCELoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            public BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : base(weight, reduction) => throw new NotImplementedException();

            public override Tensor forward(Tensor input, Tensor target) => throw new NotImplementedException();
        }

        public sealed class BCEWithLogitsLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            public BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) : base(weight, reduction) => throw new NotImplementedException();

            public override Tensor forward(Tensor input, Tensor target) => throw new NotImplementedException();

            public Tensor? pos_weights => throw new NotImplementedException();
        }

        public sealed class MSELoss : Loss<Tensor, Tensor, Tensor>
        {
            public MSELoss(Reduction reduction = Reduction.Mean) : base(reduction) => throw new NotImplementedException();

            public override Tensor forward(Tensor input, Tensor target) => throw new NotImplementedException();
        }

        public sealed class L1Loss : Loss<Tensor, Tensor, Tensor>
        {
            public L1Loss(Reduction reduction = Reduction.Mean) : base(reduction) => throw new NotImplementedException();

            public override Tensor forward(Tensor input, Tensor target) => throw new NotImplementedException();
        }

        public sealed class NLLLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            public NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : base(weight, reduction) => throw new NotImplementedException();

            public override Tensor forward(Tensor input, Tensor target) => throw new NotImplementedException();
        }
    }
}
