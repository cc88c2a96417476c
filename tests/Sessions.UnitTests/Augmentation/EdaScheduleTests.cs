using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class EdaScheduleTests
{
    [Theory]
    [InlineData(0, 0.05, 16)]
    [InlineData(500, 0.05, 16)]
    [InlineData(1_999, 0.05, 16)]
    [InlineData(2_000, 0.05, 8)]
    [InlineData(4_999, 0.05, 8)]
    [InlineData(5_000, 0.1, 4)]
    [InlineData(50_000, 0.1, 4)]
    public void The_default_follows_table_3_of_the_EDA_paper(int examples, double alpha, int copies)
    {
        Assert.Equal(new EdaParameters(alpha, copies), new EdaSchedule().For(examples));
    }

    [Fact]
    public void A_configured_schedule_replaces_the_default_in_any_order()
    {
        var schedule = new EdaSchedule([new(1_000, 0.2, 2), new(0, 0.1, 6)]);

        Assert.Equal(new EdaParameters(0.1, 6), schedule.For(999));
        Assert.Equal(new EdaParameters(0.2, 2), schedule.For(1_000));
    }

    [Fact]
    public void An_impossible_step_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EdaSchedule([new(0, 1.5, 4)]));
        Assert.Throws<ArgumentException>(() => new EdaSchedule([new(0, 0.1, -1)]));
    }
}
