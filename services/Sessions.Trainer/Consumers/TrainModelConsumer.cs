using MassTransit;
using Sessions.Contracts;
using Sessions.Text.Names;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Consumers;

/// <summary>The manual trigger. Answers a request with <see cref="TrainingQueued"/> or <see cref="TrainingSkipped"/> and publishes the same.</summary>
public sealed class TrainModelConsumer(TrainingRequests requests) : IConsumer<TrainModel>
{
    public const string RefusedName = "invalid_model_name";

    public async Task Consume(ConsumeContext<TrainModel> context)
    {
        var message = context.Message;
        if (ModelNames.Problem(message.ModelName) is { } problem)
        {
            // Not stored: a name that breaks the rule may be anything (huge, NUL-bearing); the answer says why.
            var refused = new TrainingSkipped(ModelNames.InvalidPlaceholder, RefusedName, problem);
            await context.Publish(refused, context.CancellationToken);
            if (context.ResponseAddress is not null)
            {
                await context.RespondAsync(refused);
            }

            return;
        }

        var outcome = await requests.RequestAsync(
            new TrainingRequest(message.ModelName ?? "", (message.Type ?? "").ToLowerInvariant(), TriggerKind.Manual, message.Force,
                string.IsNullOrWhiteSpace(message.RequestedBy) ? "unknown" : message.RequestedBy, message.Epochs),
            context.CancellationToken);
        object answer = (object?)outcome.Queued ?? outcome.Skipped!;
        await context.Publish(answer, context.CancellationToken);
        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(answer);
        }
    }
}
