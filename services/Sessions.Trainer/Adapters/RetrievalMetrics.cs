using System.Numerics.Tensors;

namespace Sessions.Trainer.Adapters;

public sealed record RetrievalScores(double RecallAt1, double RecallAt5, double MrrAt10);

/// <summary>Ranks every validation target for every validation query by cosine; the pair's own target is the one right answer.</summary>
public static class RetrievalMetrics
{
    public static RetrievalScores Evaluate(IReadOnlyList<EmbeddingPair> validation, Func<float[], float[]> project)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(project);
        if (validation.Count == 0)
        {
            throw new ArgumentException("No validation pairs to evaluate.", nameof(validation));
        }

        var queries = validation.Select(p => Unit(project(p.Query))).ToArray();
        var targets = validation.Select(p => Unit(project(p.Target))).ToArray();
        if (queries.Concat(targets).Any(v => v.Length != queries[0].Length))
        {
            throw new ArgumentException("Projected vectors do not all have the same dimension.", nameof(project));
        }

        double top1 = 0, top5 = 0, reciprocal = 0;
        for (var i = 0; i < queries.Length; i++)
        {
            var rank = RankOfOwnTarget(queries[i], targets, i);
            top1 += rank == 1 ? 1 : 0;
            top5 += rank <= 5 ? 1 : 0;
            reciprocal += rank <= 10 ? 1.0 / rank : 0;
        }

        return new RetrievalScores(top1 / queries.Length, top5 / queries.Length, reciprocal / queries.Length);
    }

    // Ties count against the true target, so an adapter that collapses everything onto one vector scores nothing.
    private static int RankOfOwnTarget(float[] query, float[][] targets, int own)
    {
        var score = TensorPrimitives.Dot(query, targets[own]);
        var rank = 1;
        for (var j = 0; j < targets.Length; j++)
        {
            if (j != own && TensorPrimitives.Dot(query, targets[j]) >= score)
            {
                rank++;
            }
        }

        return rank;
    }

    private static float[] Unit(float[] vector)
    {
        if (!TensorPrimitives.IsFiniteAll<float>(vector))
        {
            throw new ArgumentException("A projected vector contains NaN or infinity.", "project");
        }

        var unit = vector.ToArray();
        LinearAdapter.Normalize(unit);
        return unit;
    }
}
