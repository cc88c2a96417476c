using System.CommandLine;
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
    ErrorsCommand.Create(),
};

// Ctrl+C and SIGTERM cancel the command's token; it then has this long to roll back and record what happened
// (an import marks its integration "failed (cancelled)") before the process is ended.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
try
{
    return await root.Parse(args).InvokeAsync(invocation);
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
