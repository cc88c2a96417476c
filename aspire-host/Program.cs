using Sessions.AspireHost;
using Sessions.ServiceDefaults;

// Default: ingest the bundled sample through every service in this process and print what happened.
// --file PATH: another JSON Lines file of sessions. --keep-running: stay up as the local development host (health on /health, OTLP when configured).
var keepRunning = args.Contains("--keep-running");
var builder = SessionsHost.CreateBuilder(args.Where(a => a != "--keep-running").ToArray());
builder.AddServiceDefaults();
builder.AddAllServices();
builder.Services.AddSingleton<SampleIngestion>();

var app = builder.Build();
app.MapDefaultEndpoints();

if (keepRunning)
{
    await app.RunAsync();
    return 0;
}

try
{
    await app.StartAsync(); // not cancelled midway: a signal during start is seen by the job right after, with a clean exit
    var file = app.Configuration["file"] ?? Path.Combine(AppContext.BaseDirectory, "samples", "sessions.jsonl");
    var exitCode = await app.Services.GetRequiredService<SampleIngestion>().RunAsync(file, TimeSpan.FromMinutes(5), app.Lifetime.ApplicationStopping);
    await app.StopAsync();
    return exitCode;
}
catch (OperationCanceledException)
{
    // SIGTERM or Ctrl+C while starting (the host cancels its start, e.g. the migrations) or stopping: a message and an
    // exit code, not an unhandled exception. The host's own "failed to start" log is filtered in appsettings.json;
    // any other start failure still ends the process with its exception.
    await Console.Error.WriteLineAsync("stopped before the job finished");
    return 130;
}
