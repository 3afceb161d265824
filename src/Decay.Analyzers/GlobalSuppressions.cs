using System.Diagnostics.CodeAnalysis;

// Each rule is a DiagnosticAnalyzer that can run alone (the tests run every rule alone), but the
// compiler must load only Decay.DecayAnalyzer, which hosts them all behind one registration.
// Without [DiagnosticAnalyzer] the compiler and the IDE never load a rule twice.
[assembly: SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute",
    Justification = "Rules are hosted by Decay.DecayAnalyzer; see Decay.Hosting.DecayRule.", Scope = "namespaceanddescendants", Target = "~N:Decay.Rules")]
