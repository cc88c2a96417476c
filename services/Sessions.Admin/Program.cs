using System.CommandLine;
using System.Runtime.InteropServices;
using Sessions.Admin;
using Sessions.Admin.Commands;

var root = new RootCommand("Sessions admin tool: generate and ingest sessions, trigger training, list runs, export examples, import contributed data, report data quality, show status, move error-queue messages back, migrate the database.")
{
    IngestCommand.Create(),
    TrainCommand.Create(),
    MigrateCommand.Create(),
    RunsCommand.Create(),
    StatusCommand.Create(),
    GenerateCommand.Create(),
    ExportCommand.Create(),
    ReportCommand.Create(),
    ImportCommand.Create(),
    IntegrationsCommand.Create(),
    BackfillCommand.Create(),
    ErrorsCommand.Create(),
};

// Ctrl+C (SIGINT) and SIGTERM cancel the command's token, and the process stays up until the command has rolled back
// and recorded what happened (an import marks its integration "failed (cancelled)"); a second signal ends it at once.
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
try
{
    return await root.Parse(args).InvokeAsync(invocation, stop.Token);
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}
catch (Exception ex) when (DatabaseFailure.Describe(ex) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return AdminHost.Unreachable;
}
catch (Exception ex)
{
    // Anything else is a defect, still reported as one line plus its type; the stack trace only with SESSIONS_DEBUG=1.
    await Console.Error.WriteLineAsync($"failed: {ex.GetType().Name}: {ex.Message}");
    if (Environment.GetEnvironmentVariable("SESSIONS_DEBUG") == "1")
    {
        await Console.Error.WriteLineAsync(ex.ToString());
    }

    return AdminHost.Failed;
}

void Cancel(PosixSignalContext context)
{
    if (stop.IsCancellationRequested)
    {
        return; // the default action ends the process
    }

    context.Cancel = true;
    Console.Error.WriteLine($"{context.Signal}: stopping…");
    stop.Cancel();
}
