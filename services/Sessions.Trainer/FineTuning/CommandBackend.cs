using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Sessions.Trainer.FineTuning;

/// <summary>
/// Runs the configured external trainer on an exported dataset, streams its output into <c>trainer.log</c>
/// beside the files (and the service log), and fails clearly on a non-zero exit or a hang past the timeout.
/// </summary>
public sealed class CommandBackend(CommandBackendOptions options, ILogger<CommandBackend> logger) : IFineTuningBackend
{
    public async Task<FineTuningOutcome> TrainAsync(string folder, int epochs, CancellationToken ct)
    {
        var outcome = await RunAsync(folder, ct);
        return new FineTuningOutcome(new Dictionary<string, double>
        {
            ["command_exit_code"] = outcome.ExitCode,
            ["command_seconds"] = Math.Round(outcome.Duration.TotalSeconds, 3),
        });
    }

    public async Task<CommandOutcome> RunAsync(string folder, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.FileName))
        {
            throw new InvalidOperationException("Trainer:Command:FileName is not set; configure the trainer command or use the 'export' backend");
        }

        var start = new ProcessStartInfo(options.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in options.Arguments is { Count: > 0 } configured ? configured : ["{train}", "{validation}", "{output}"])
        {
            start.ArgumentList.Add(argument
                .Replace("{train}", Path.Combine(folder, "train.jsonl"))
                .Replace("{validation}", Path.Combine(folder, "validation.jsonl"))
                .Replace("{card}", Path.Combine(folder, "dataset_card.json"))
                .Replace("{output}", Path.Combine(folder, "model")));
        }

        var logPath = Path.Combine(folder, "trainer.log");
        await using var log = new StreamWriter(logPath) { AutoFlush = true };
        var tail = new Queue<string>();
        void Record(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                log.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > 5)
                {
                    tail.Dequeue();
                }
            }

            logger.LogInformation("trainer command: {Line}", line);
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start the trainer command '{options.FileName}': {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"the trainer command '{options.FileName}' did not finish within {options.Timeout} and was stopped (log: {logPath})");
        }

        process.WaitForExit(); // drains the output
        if (process.ExitCode != 0)
        {
            string last;
            lock (tail)
            {
                last = string.Join(" | ", tail);
            }

            throw new InvalidOperationException($"the trainer command '{options.FileName}' exited with code {process.ExitCode}: {last} (log: {logPath})");
        }

        return new CommandOutcome(process.ExitCode, clock.Elapsed, logPath);
    }
}
