using System.Collections.Generic;
using System.Text;

namespace Decay.Bench.Corpus
{
    /// <summary>Writes indented C# and counts its lines.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder text = new StringBuilder();
        private int indent;

        public int Lines { get; private set; }

        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                text.Append(' ', indent * 4);
                text.Append(line);
            }

            text.Append('\n');
            Lines++;
            return this;
        }

        /// <summary>The usings and a file-scoped namespace.</summary>
        public CodeWriter FileHeader(IEnumerable<string> usings, string ns)
        {
            foreach (var u in usings)
            {
                Line("using " + u + ";");
            }

            Line();
            Line("namespace " + ns + ";");
            return Line();
        }

        /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            indent++;
            return this;
        }

        /// <summary>A header continued on a second line (a constructor's <c>: base(...)</c>), then
        /// the opening brace.</summary>
        public CodeWriter Open(string header, string continuation)
        {
            Line(header);
            Line("    " + continuation);
            Line("{");
            indent++;
            return this;
        }

        /// <summary>Closes the innermost block; <paramref name="suffix"/> follows the brace (";", ")").</summary>
        public CodeWriter Close(string suffix = "")
        {
            indent--;
            Line("}" + suffix);
            return this;
        }

        public override string ToString() => text.ToString();
    }
}
