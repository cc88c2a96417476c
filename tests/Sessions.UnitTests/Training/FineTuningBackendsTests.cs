using Microsoft.Extensions.DependencyInjection;
using Sessions.Trainer.FineTuning;

namespace Sessions.UnitTests.Training;

public class FineTuningBackendsTests
{
    [Theory]
    [InlineData("export")]
    [InlineData(" Export ")]
    public async Task The_export_backend_needs_nothing_and_adds_no_metrics(string name)
    {
        var backend = FineTuningBackends.Create(name, new ServiceCollection().BuildServiceProvider());

        Assert.IsType<ExportOnlyBackend>(backend);
        Assert.Empty((await backend.TrainAsync("/nowhere", 3, CancellationToken.None)).Metrics);
    }

    [Fact]
    public void An_unknown_backend_name_is_refused_naming_the_setting_and_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FineTuningBackends.Create("sagemaker", new ServiceCollection().BuildServiceProvider()));

        Assert.Contains("Trainer:FineTuningBackend", error.Message);
        Assert.Contains("'command'", error.Message);
    }
}
