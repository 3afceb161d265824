namespace Decay.TorchSharp
{
    internal enum OptimizerKind
    {
        Adam,
        AdamW,
        SGD,
        NAdam,
        RAdam,
        RMSProp,
        Adagrad,
        Adadelta,
        Adamax,
        ASGD,
        Rprop,
        LBFGS,
    }
}
