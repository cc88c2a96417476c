using Microsoft.AspNetCore.Builder;

namespace Sessions.ServiceDefaults;

public static class SessionsHost
{
    /// <summary>
    /// A web application builder whose appsettings.json is read from the program's own folder, so a service
    /// behaves the same whether started with <c>dotnet run --project</c> from the repository root or from its output.
    /// Relative data paths (the SQLite file) still resolve against the working directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
