using System;
using System.Globalization;
using Decay.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.MLNet
{
    /// <summary>What is known about a value written to a regularization option.</summary>
    internal enum OptionValueKind
    {
        /// <summary>Not a compile-time constant (a variable, a call, …).</summary>
        NonConstant,

        /// <summary>The constant null (a <c>float?</c> option left to ML.NET).</summary>
        Null,

        /// <summary>A numeric constant (possibly NaN).</summary>
        Number,
    }

    /// <summary>A value written to an option: a numeric constant, null, or unknown. Constants are
    /// read after unwrapping conversions: <c>l2Regularization: 1f</c> bound to a <c>float?</c>
    /// parameter is an implicit nullable conversion with no constant of its own, whose operand is
    /// the literal (mlnet-api.md §8.3).</summary>
    internal readonly struct OptionValue
    {
        // The text of a number is formatted only when a message asks for it: most sites report nothing.
        private readonly string? text;

        /// <summary>The constant as read (float, double, decimal, …), formatted at its own precision; null for computed numbers.</summary>
        private readonly object? constant;

        private OptionValue(OptionValueKind kind, double number, string? text, object? constant = null)
        {
            Kind = kind;
            Number = number;
            this.text = text;
            this.constant = constant;
        }

        public static OptionValue NonConstant { get; } = new OptionValue(OptionValueKind.NonConstant, double.NaN, string.Empty);

        public static OptionValue Null { get; } = new OptionValue(OptionValueKind.Null, double.NaN, "null");

        public OptionValueKind Kind { get; }

        /// <summary>The value when <see cref="Kind"/> is Number (NaN otherwise).</summary>
        public double Number { get; }

        /// <summary>The value as the user would write it, without a type suffix: "1", "2.5", "1e-12", "NaN".</summary>
        public string Text
            => text
               ?? (Kind != OptionValueKind.Number ? null!
                   : constant != null ? MLNetFormat.Constant(constant, Number)
                   : MLNetFormat.Number(Number));

        public bool IsNumber => Kind == OptionValueKind.Number;

        public bool IsNull => Kind == OptionValueKind.Null;

        public bool IsConstant => Kind != OptionValueKind.NonConstant;

        public bool IsNaN => IsNumber && double.IsNaN(Number);

        public bool IsZero => IsNumber && Number == 0;

        public static OptionValue FromNumber(double number) => new OptionValue(OptionValueKind.Number, number, text: null);

        /// <summary>Reads <paramref name="value"/> (an argument's or assignment's value) from the
        /// outside in: the outermost constant wins, so an explicit <c>(float)1e-10</c> gives the
        /// float actually stored.</summary>
        public static OptionValue From(IOperation? value)
        {
            for (var current = value; current != null;)
            {
                var constant = current.ConstantValue;
                if (constant.HasValue)
                {
                    if (constant.Value is null)
                    {
                        return Null;
                    }

                    return Decay.Operations.OperationExtensions.TryConvert(constant, out var number)
                        ? new OptionValue(OptionValueKind.Number, number, text: null, constant.Value)
                        : NonConstant;
                }

                current = current switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    _ => null,
                };
            }

            return NonConstant;
        }
    }

    /// <summary>Number formatting for messages (invariant culture; exponents as "1e-9").</summary>
    internal static class MLNetFormat
    {
        /// <summary>A computed value, to three significant digits.</summary>
        public static string Number(double value) => Clean(value.ToString("G3", CultureInfo.InvariantCulture));

        /// <summary>A constant as written, at the precision of its own type.</summary>
        public static string Constant(object constant, double number)
            => constant switch
            {
                float f => Clean(f.ToString("R", CultureInfo.InvariantCulture)),
                double d => Clean(d.ToString("R", CultureInfo.InvariantCulture)),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => Clean(number.ToString("R", CultureInfo.InvariantCulture)),
            };

        /// <summary>"1E-09" → "1e-9", "2.5E+20" → "2.5e20".</summary>
        private static string Clean(string text)
        {
            var e = text.IndexOf('E');
            if (e < 0)
            {
                return text;
            }

            var mantissa = text.Substring(0, e);
            var exponent = text.Substring(e + 1);
            var negative = exponent.StartsWith("-", StringComparison.Ordinal);
            exponent = exponent.TrimStart('+', '-').TrimStart('0');
            if (exponent.Length == 0)
            {
                return mantissa;
            }

            return mantissa + "e" + (negative ? "-" : string.Empty) + exponent;
        }
    }
}
