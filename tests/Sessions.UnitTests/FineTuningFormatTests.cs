using Sessions.Storage;
using Sessions.Trainer.FineTuning;
using Sessions.Trainer.Runs;

namespace Sessions.UnitTests;

public class FineTuningFormatTests
{
    [Theory]
    [InlineData("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"u"},{"role":"assistant","content":"a"}]}""", "")]
    [InlineData("""{"messages":[{"role":"user","content":"u"}]}""", "example_missing_assistant_message")]
    [InlineData("""{"messages":[{"role":"tool","content":"u"},{"role":"assistant","content":"a"}]}""", "unrecognized_role")]
    [InlineData("""{"messages":[{"role":"user","content":"  "},{"role":"assistant","content":"a"}]}""", "missing_content")]
    [InlineData("""{"messages":[{"role":"user"},{"role":"assistant","content":"a"}]}""", "message_missing_key")]
    [InlineData("""{"messages":[{"role":"user","content":"u","mood":"x"},{"role":"assistant","content":"a"}]}""", "message_unrecognized_key")]
    [InlineData("""{"prompt":"p","completion":"c"}""", "missing_messages_list")]
    [InlineData("""{"messages":[""", "invalid_json")]
    public void Lines_are_checked_as_OpenAIs_data_preparation_guide_does(string line, string expected) =>
        Assert.Equal(expected, string.Join(",", FineTuningFormat.Problems(line)));

    [Theory]
    [InlineData(10, 10)]        // 30 passes < 100: more epochs
    [InlineData(500, 3)]
    [InlineData(20_000, 1)]     // 60,000 passes > 25,000: fewer
    [InlineData(0, 0)]
    public void Suggested_epochs_follow_the_guide(int examples, int epochs) =>
        Assert.Equal(epochs, DatasetCard.SuggestEpochs(examples));

    [Theory]
    [InlineData("default", "default")]
    [InlineData("../../etc", "_.._.._etc")]
    [InlineData("a/b\\c", "a_b_c")]
    [InlineData("", "_")]
    public void Model_names_become_safe_folder_names(string model, string folder) =>
        Assert.Equal(folder, ArtifactFolder.Name(model));
}
