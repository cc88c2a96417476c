using System.CommandLine;
using Sessions.Storage;

namespace Sessions.Admin.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations for the configured provider (Database__Provider, Database__ConnectionString).");
        command.SetAction(async (_, ct) =>
        {
            using var host = AdminHost.BuildStorageHost();
            await DatabaseMigrator.MigrateAsync(host.Services, ct);
            Console.WriteLine("database migrated");
            return AdminHost.Ok;
        });
        return command;
    }
}
