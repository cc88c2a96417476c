using Sessions.Processor;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.Trainer;
using Sessions.Validator;

namespace Sessions.AspireHost;

public static class AllInOneExtensions
{
    /// <summary>Processor, validator and trainer sharing one bus and one pooled database in this process.</summary>
    public static IHostApplicationBuilder AddAllServices(this IHostApplicationBuilder builder)
    {
        builder.AddSessionsStorage();
        builder.Services
            .AddProcessorServices(builder.Configuration)
            .AddValidatorServices(builder.Configuration)
            .AddTrainerServices(builder.Configuration);
        builder.AddSessionsMessaging(x =>
        {
            x.AddProcessorConsumers();
            x.AddValidatorConsumers();
            x.AddTrainerConsumers();
        });
        return builder;
    }
}
