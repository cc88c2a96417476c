using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Contracts;

namespace Sessions.Admin.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create("Model name");
        var type = new Option<string>("--type") { Description = "embedding | finetuning | all", DefaultValueFactory = _ => TrainingType.All };
        var force = new Option<bool>("--force") { Description = "Run on whatever data exists, even below the threshold" };
        var requestedBy = new Option<string>("--requested-by") { Description = "Who asks (recorded with the run)", DefaultValueFactory = _ => Environment.UserName };
        var epochs = new Option<int?>("--epochs") { Description = "Override the configured epoch count (1..1000)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the trainer's answer", DefaultValueFactory = _ => 30 };
        var command = new Command("train", "Send TrainModel and print whether a run was queued or why it was refused (exit 3 when refused).")
        {
            model, type, force, requestedBy, epochs, timeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await AdminHost.StartBusAsync(x => x.AddRequestClient<TrainModel>(), ct);
            if (host is null)
            {
                return AdminHost.Unreachable;
            }

            var client = host.Services.GetRequiredService<IRequestClient<TrainModel>>();
            var request = new TrainModel(parse.GetValue(model)!, parse.GetValue(type)!, parse.GetValue(force), parse.GetValue(requestedBy)!, parse.GetValue(epochs));
            try
            {
                var response = await client.GetResponse<TrainingQueued, TrainingSkipped>(request, ct, RequestTimeout.After(s: parse.GetValue(timeout)));
                if (response.Is(out Response<TrainingQueued>? queued))
                {
                    var q = queued!.Message;
                    Console.WriteLine(q.Coalesced
                        ? $"joined run {q.RunId} for {q.ModelName} (a run was already queued or running)"
                        : $"queued run {q.RunId} for {q.ModelName} ({q.Type})");
                    return AdminHost.Ok;
                }

                response.Is(out Response<TrainingSkipped>? skipped);
                Console.WriteLine($"refused: {skipped!.Message.Reason} — {skipped.Message.Detail}");
                return AdminHost.Refused;
            }
            catch (RequestTimeoutException)
            {
                await Console.Error.WriteLineAsync("no answer from a trainer in time — is the trainer running (dotnet run --project services/Sessions.Trainer)?");
                return AdminHost.Unreachable;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }
}
