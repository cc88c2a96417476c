using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class ParentDistanceFilterTests
{
    private readonly ParentDistanceFilter _filter = new(new AugmentationOptions { MinParentCosine = 0.7 });

    [Fact]
    public void Copies_far_from_their_parent_are_dropped()
    {
        float[] parent = [1, 0, 0];
        AugmentedCopy[] copies =
        [
            new(1, "near", AugmentationOperation.RandomSwap),
            new(1, "far", AugmentationOperation.SynonymReplacement),
            new(1, "opposite", AugmentationOperation.RandomDeletion),
        ];
        float[][] embeddings = [[0.9f, 0.1f, 0], [0.5f, 0.8f, 0.3f], [-1, 0, 0]];

        var kept = _filter.Filter(parent, copies, embeddings);

        Assert.Equal(["near"], kept.Select(c => c.Text));
    }

    [Fact]
    public void The_bound_itself_is_kept_and_a_zero_vector_is_not()
    {
        var atBound = new ParentDistanceFilter(0.6);

        Assert.Equal(0.6, ParentDistanceFilter.Cosine([1, 0], [0.6f, 0.8f]), 5);
        Assert.True(atBound.Keeps([1, 0], [0.6f, 0.8f]));
        Assert.False(atBound.Keeps([1, 0], [0.59f, 0.8f]));
        Assert.False(_filter.Keeps([1, 0], [0, 0]));
    }

    [Fact]
    public void Embeddings_of_different_sizes_are_a_mistake_not_a_distance()
    {
        Assert.Throws<ArgumentException>(() => _filter.Keeps([1, 0, 0], [1, 0]));
        Assert.Throws<ArgumentException>(() => _filter.Filter([1, 0], [new(1, "x", AugmentationOperation.RandomSwap)], []));
    }
}
