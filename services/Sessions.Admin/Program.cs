using System.CommandLine;
using Sessions.Admin.Commands;

var root = new RootCommand("Sessions admin tool: ingest sessions, trigger training, list runs, show status, migrate the database.")
{
    IngestCommand.Create(),
    TrainCommand.Create(),
    MigrateCommand.Create(),
    RunsCommand.Create(),
    StatusCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
