using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Hosting
{
    /// <summary>Base of every rule (one class per rule, in Rules/, named by its ID). A rule is a
    /// <see cref="DiagnosticAnalyzer"/> that can run on its own (the tests run each rule alone),
    /// but the compiler loads only <see cref="DecayAnalyzer"/>, which hosts every rule behind one
    /// registration: one operation callback per operation for all rules, the shared models
    /// (optimizer call, penalty analysis, ML.NET option site) built once per operation, and rules
    /// whose diagnostics are all switched off not registered at all.</summary>
    public abstract class DecayRule : DiagnosticAnalyzer
    {
#pragma warning disable RS1025, RS1026 // RuleHost.Initialize configures generated code analysis and enables concurrent execution.
        public sealed override void Initialize(AnalysisContext context) => RuleHost.Initialize(context, new[] { this });
#pragma warning restore RS1025, RS1026

        /// <summary>Called once per compilation that references TorchSharp or ML.NET: register the
        /// rule's work on <paramref name="registration"/>.</summary>
        internal abstract void Register(RuleRegistration registration);
    }
}
