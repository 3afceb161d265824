using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay
{
    /// <summary>Decay's .editorconfig options: <c>decay.DECAYnnn.&lt;name&gt;</c> for one rule, with
    /// <c>decay.&lt;name&gt;</c> as a default for every rule that has that option. Read per syntax
    /// tree through <see cref="AnalyzerOptions.AnalyzerConfigOptionsProvider"/> (no file access).</summary>
    internal static class RuleOptions
    {
        public static string Key(string ruleId, string name) => "decay." + ruleId + "." + name;

        /// <summary>A positive, finite number; <paramref name="defaultValue"/> when the option is
        /// absent or not such a number (invalid values never throw and never disable the rule).</summary>
        public static double GetPositiveDouble(AnalyzerOptions options, SyntaxTree tree, string ruleId, string name, double defaultValue)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            return TryGetPositiveDouble(config, Key(ruleId, name), out var value) || TryGetPositiveDouble(config, "decay." + name, out value)
                ? value
                : defaultValue;
        }

        private static bool TryGetPositiveDouble(AnalyzerConfigOptions config, string key, out double value)
        {
            value = 0;
            return config.TryGetValue(key, out var text)
                && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                && value > 0
                && !double.IsInfinity(value);
        }
    }
}
