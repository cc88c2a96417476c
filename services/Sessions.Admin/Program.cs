using System.CommandLine;
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
return await root.Parse(args).InvokeAsync();
