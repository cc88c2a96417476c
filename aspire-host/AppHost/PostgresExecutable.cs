using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Sessions.AppHost;

/// <summary>
/// PostgreSQL 15 from Debian's package as an executable resource: <c>postgres -D</c> in the foreground on a cluster of its
/// own under <see cref="ServerSettings.StateDir"/>, loopback only, with the settings scripts/start-postgres.sh uses. The
/// cluster's superuser is the services' login; the database is made with the cluster.
/// </summary>
[SupportedOSPlatform("linux")]
public static class PostgresExecutable
{
    public const string Login = "sessions";

    public static (IResourceBuilder<IResourceWithConnectionString> Database, IResourceBuilder<IResource> Server) AddPostgresExecutable(
        this IDistributedApplicationBuilder builder, ServerSettings settings)
    {
        var folder = Path.Combine(settings.StateDir, "postgres");
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "run");
        Prepare(settings, folder, data, socket);

        var (command, args) = OsUser.As(settings.PostgresOsUser, settings.Postgres,
            "-D", data,
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"port={settings.PostgresPort}",
            "-c", $"unix_socket_directories={socket}",
            "-c", "max_connections=300",
            // A throw-away development server: durability is not needed, speed is.
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

        const string HealthCheck = "postgres-accepts-logins";
        var server = builder.AddExecutable("postgres", command, folder, args).WithHealthCheck(HealthCheck);
        var connection = $"Host=127.0.0.1;Port={settings.PostgresPort};Username={Login};Password={Login}";
        builder.Services.AddHealthChecks().AddAsyncCheck(HealthCheck, async ct =>
        {
            try
            {
                await using var db = new NpgsqlConnection($"{connection};Database=postgres;Pooling=false;Timeout=3");
                await db.OpenAsync(ct);
                await using var query = new NpgsqlCommand("SELECT 1", db);
                await query.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });

        var database = builder.AddConnectionString(AspireNames.Database,
            ReferenceExpression.Create($"{connection};Database={AspireNames.DatabaseName}"));
        return (database, server);
    }

    private static void Prepare(ServerSettings settings, string folder, string data, string socket)
    {
        StateFolder.Create(settings.StateDir);
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(socket);
        OsUser.Own(settings.PostgresOsUser, folder);
        File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }

        var passwordFile = Path.Combine(folder, "initdb-password");
        File.WriteAllText(passwordFile, Login);
        OsUser.Own(settings.PostgresOsUser, passwordFile);
        try
        {
            OsUser.Run(settings.PostgresOsUser, Path.Combine(settings.PostgresBin, "initdb"),
                "-D", data, "-U", Login, $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256");
            // The services' database, made before the server first listens (single-user mode), so that the migration
            // step finds it: its migration lock connects to it before EF Core would create it.
            OsUser.RunWithInput(settings.PostgresOsUser, $"CREATE DATABASE {AspireNames.DatabaseName};\n", settings.Postgres,
                "--single", "-D", data, "postgres");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
