using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Decay.Tests.EndToEnd
{
    /// <summary>One finished run of the <c>dotnet</c> CLI: what was run, where, how it ended, and
    /// everything it printed (stdout and stderr interleaved, as a terminal shows them).</summary>
    public sealed record CliResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
    {
        public IEnumerable<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r'));

        /// <summary>The command, its exit code and its output (the last lines when it is long), for
        /// failure messages.</summary>
        public override string ToString()
        {
            const int MaxLines = 250;
            var lines = Lines.ToList();
            var shown = lines.Count <= MaxLines ? lines : new[] { $"... ({lines.Count - MaxLines} earlier lines omitted)" }.Concat(lines.Skip(lines.Count - MaxLines));
            var ending = TimedOut ? "TIMED OUT" : "exit code " + ExitCode;
            return $"$ {CommandLine}\n  (in {WorkingDirectory}; {ending} after {Duration.TotalSeconds:F1} s)\n{string.Join("\n", shown)}";
        }
    }

    /// <summary>Runs the real <c>dotnet</c> CLI the way a user's shell or CI does: a clean MSBuild
    /// environment (the variables the test host inherits from <c>dotnet test</c> would point child
    /// builds at the wrong MSBuild), no node reuse (no build nodes outliving the test), English
    /// messages, no telemetry or first-run banners, and a time limit after which the process tree
    /// this call started is killed.</summary>
    public static class DotnetCli
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>The dotnet host that runs the tests (the SDK's), else <c>dotnet</c> from PATH.</summary>
        public static string DotnetPath { get; } =
            Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
                ? path
                : "dotnet";

        /// <summary>Runs <c>dotnet</c> with the arguments and waits without blocking a thread (the
        /// test run's other tests share the few there are).</summary>
        public static async Task<CliResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
        {
            var argumentList = arguments.ToList();
            var startInfo = new ProcessStartInfo(DotnetPath)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in argumentList)
            {
                startInfo.ArgumentList.Add(argument);
            }

            var environment = startInfo.Environment;
            foreach (var name in environment.Keys.ToList())
            {
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase))
                {
                    environment.Remove(name);
                }
            }

            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";

            var commandLine = "dotnet " + string.Join(" ", argumentList.Select(Quote));
            var output = new StringBuilder();
            var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stderrClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Append(e.Data, stdoutClosed);
            process.ErrorDataReceived += (_, e) => Append(e.Data, stderrClosed);
            process.Exited += (_, _) => exited.TrySetResult();
            if (!process.Start())
            {
                throw new InvalidOperationException("Could not start " + commandLine);
            }

            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var finished = await Task.WhenAny(exited.Task, Task.Delay(timeout ?? DefaultTimeout)).ConfigureAwait(false) == exited.Task;
            if (!finished)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited after all.
                }

                await Task.WhenAny(exited.Task, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
            }

            // A grandchild (a compiler server) could hold the pipes open: wait for the end of the
            // output only for a bounded time.
            await Task.WhenAny(Task.WhenAll(stdoutClosed.Task, stderrClosed.Task), Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
            stopwatch.Stop();
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            return new CliResult(commandLine, workingDirectory, finished ? process.ExitCode : -1, text, stopwatch.Elapsed, !finished);

            void Append(string? line, TaskCompletionSource closed)
            {
                if (line is null)
                {
                    closed.TrySetResult();
                    return;
                }

                lock (output)
                {
                    output.Append(line).Append('\n');
                }
            }
        }

        private static string Quote(string argument)
            => argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
