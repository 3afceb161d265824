// Model of src/TorchSharp/Optimizers/LRScheduler.cs (LRScheduler + StepLR, LambdaLR, MultiStepLR,
// ExponentialLR, CosineAnnealingLR, OneCycleLR). No nullable context, as in the real file.
using System;
using System.Collections.Generic;
using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            public static partial class lr_scheduler
            {
                public abstract class LRScheduler
                {
                    protected LRScheduler() => throw new NotImplementedException();

                    protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                    /// <summary>
                    /// Advance the learning rate schedule.
                    /// </summary>
                    public virtual void step() => throw new NotImplementedException();

                    public virtual void step(int? epoch) => throw new NotImplementedException();

                    /// <summary>
                    /// Advance the learning rate scheduler, passing in the current value of some metric.
                    /// </summary>
                    public virtual void step(double current, int? epoch = null) => throw new NotImplementedException();

                    protected virtual IEnumerable<double> get_lr() => throw new NotImplementedException();

                    protected virtual IEnumerable<double> get_closed_form_lr() => throw new NotImplementedException();

                    public IEnumerable<double> get_last_lr() => throw new NotImplementedException();

                    protected int _step_count;
                }

                public static partial class impl
                {
                    public class LambdaLR : LRScheduler
                    {
                        public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose) => throw new NotImplementedException();

                        public LambdaLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose) => throw new NotImplementedException();

                        protected override IEnumerable<double> get_lr() => throw new NotImplementedException();
                    }

                    public class StepLR : LRScheduler
                    {
                        public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose) => throw new NotImplementedException();

                        protected override IEnumerable<double> get_lr() => throw new NotImplementedException();

                        protected override IEnumerable<double> get_closed_form_lr() => throw new NotImplementedException();
                    }

                    public class MultiStepLR : LRScheduler
                    {
                        public MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose) => throw new NotImplementedException();

                        protected override IEnumerable<double> get_lr() => throw new NotImplementedException();
                    }

                    public class OneCycleLR : LRScheduler
                    {
                        public enum AnnealStrategy
                        {
                            Cos,
                            Linear
                        }

                        public OneCycleLR(Optimizer optimizer,
                            double max_lr,
                            int total_steps = -1,
                            int epochs = -1,
                            int steps_per_epoch = -1,
                            double pct_start = 0.3,
                            AnnealStrategy anneal_strategy = AnnealStrategy.Cos,
                            bool cycle_momentum = true,
                            double base_momentum = 0.85,
                            double max_momentum = 0.95,
                            double div_factor = 25,
                            double final_div_factor = 1e4,
                            bool three_phase = false,
                            int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose) => throw new NotImplementedException();

                        public OneCycleLR(Optimizer optimizer,
                            IEnumerable<double> max_lr,
                            int total_steps = -1,
                            int epochs = -1,
                            int steps_per_epoch = -1,
                            double pct_start = 0.3,
                            AnnealStrategy anneal_strategy = AnnealStrategy.Cos,
                            bool cycle_momentum = true,
                            IEnumerable<double> base_momentum = null,
                            IEnumerable<double> max_momentum = null,
                            double div_factor = 25,
                            double final_div_factor = 1e4,
                            bool three_phase = false,
                            int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose) => throw new NotImplementedException();

                        protected override IEnumerable<double> get_lr() => throw new NotImplementedException();
                    }
                }

                public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                public static LRScheduler MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                public static LRScheduler ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                public static LRScheduler CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                public static LRScheduler OneCycleLR(Optimizer optimizer,
                    double max_lr,
                    int total_steps = -1,
                    int epochs = -1,
                    int steps_per_epoch = -1,
                    double pct_start = 0.3,
                    impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos,
                    bool cycle_momentum = true,
                    double base_momentum = 0.85,
                    double max_momentum = 0.95,
                    double div_factor = 25,
                    double final_div_factor = 1e4,
                    bool three_phase = false,
                    int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();

                public static LRScheduler OneCycleLR(Optimizer optimizer,
                    IEnumerable<double> max_lr,
                    int total_steps = -1,
                    int epochs = -1,
                    int steps_per_epoch = -1,
                    double pct_start = 0.3,
                    impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos,
                    bool cycle_momentum = true,
                    IEnumerable<double> base_momentum = null,
                    IEnumerable<double> max_momentum = null,
                    double div_factor = 25,
                    double final_div_factor = 1e4,
                    bool three_phase = false,
                    int last_epoch = -1, bool verbose = false) => throw new NotImplementedException();
            }
        }
    }
}
