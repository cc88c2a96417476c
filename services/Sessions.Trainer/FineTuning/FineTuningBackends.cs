using Microsoft.Extensions.DependencyInjection;

namespace Sessions.Trainer.FineTuning;

/// <summary>The backend named by <c>Trainer:FineTuningBackend</c>; an unknown name stops the service at start-up.</summary>
public static class FineTuningBackends
{
    public const string Export = "export";
    public const string Command = "command";
    public const string OpenAi = "openai";

    public static IFineTuningBackend Create(string name, IServiceProvider services) => name.Trim().ToLowerInvariant() switch
    {
        Export => new ExportOnlyBackend(),
        Command => services.GetRequiredService<CommandBackend>(),
        OpenAi => services.GetRequiredService<OpenAiFineTuningBackend>(),
        _ => throw new InvalidOperationException($"Trainer:FineTuningBackend is '{name}'; use '{Export}', '{Command}' or '{OpenAi}'"),
    };
}
