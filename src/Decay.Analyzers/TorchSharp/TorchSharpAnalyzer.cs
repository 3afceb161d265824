using Decay.Hosting;

namespace Decay.TorchSharp
{
    /// <summary>Base of every TorchSharp rule: registers nothing for a compilation that does not
    /// reference TorchSharp (the host, <see cref="RuleHost"/>, sets up concurrency and generated code).</summary>
    public abstract class TorchSharpAnalyzer : DecayRule
    {
        internal sealed override void Register(RuleRegistration registration)
        {
            if (registration.Torch is TorchSharpContext torch)
            {
                OnCompilationStart(registration, torch);
            }
        }

        internal abstract void OnCompilationStart(RuleRegistration context, TorchSharpContext torch);
    }
}
