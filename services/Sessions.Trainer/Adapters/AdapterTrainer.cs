using System.Numerics.Tensors;

namespace Sessions.Trainer.Adapters;

/// <summary>The trained adapter, the mean training loss of each epoch and how many batches each epoch processed.</summary>
public sealed record AdapterTrainingResult(LinearAdapter Adapter, IReadOnlyList<double> EpochLosses, IReadOnlyList<int> BatchesPerEpoch);

/// <summary>
/// Trains a <see cref="LinearAdapter"/> with the multiple-negatives-ranking (InfoNCE) loss: in each batch a query's own target is
/// the positive and every other target of the batch a negative. The gradient is exact, normalization Jacobian included, and plain
/// SGD updates W. A batch costs O(B²d + Bd²), so an epoch is linear in the number of pairs.
/// </summary>
public sealed class AdapterTrainer
{
    public AdapterTrainingResult Train(
        IReadOnlyList<EmbeddingPair> train,
        AdapterOptions options,
        IProgress<(int Epoch, double Loss)>? progress = null,
        CancellationToken ct = default)
    {
        var dimension = Validate(train, options);
        var adapter = LinearAdapter.Identity(dimension);
        var step = new ContrastiveStep(adapter, Math.Min(options.BatchSize, train.Count), (float)options.Temperature);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(options.Seed);
        var losses = new List<double>(options.Epochs);
        var batches = new List<int>(options.Epochs);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var total = 0.0;
            var count = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start));
                var loss = step.Run(train, batch);
                if (!double.IsFinite(loss))
                {
                    throw new InvalidOperationException($"Training diverged in epoch {epoch} (loss {loss}); lower AdapterLearningRate.");
                }

                total += loss * batch.Length;
                Descend(adapter, step.Gradient, options);
                count++;
            }

            losses.Add(total / order.Length);
            batches.Add(count);
            progress?.Report((epoch, losses[^1]));
        }

        return new AdapterTrainingResult(adapter, losses, batches);
    }

    /// <summary>The mean loss of one batch under <paramref name="adapter"/>; fills <paramref name="gradient"/> (d², row-major) with dLoss/dW unless it is empty.</summary>
    public static double BatchLoss(LinearAdapter adapter, IReadOnlyList<EmbeddingPair> batch, double temperature, Span<float> gradient = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0 || !(temperature > 0) || (!gradient.IsEmpty && gradient.Length != adapter.Weights.Length))
        {
            throw new ArgumentException("A batch needs at least one pair, a positive temperature and a gradient of d² floats (or none).");
        }

        for (var i = 0; i < batch.Count; i++)
        {
            Check(batch[i].Query, "query", i, adapter.Dimension);
            Check(batch[i].Target, "target", i, adapter.Dimension);
        }

        var step = new ContrastiveStep(adapter, batch.Count, (float)temperature);
        var loss = step.Run(batch, Enumerable.Range(0, batch.Count).ToArray());
        if (!gradient.IsEmpty)
        {
            step.Gradient.CopyTo(gradient);
        }

        return loss;
    }

    // Plain SGD: Adam's per-weight steps move a d×d matrix about rate·d per step, so one rate cannot suit both 64 and 384 dims.
    private static void Descend(LinearAdapter adapter, ReadOnlySpan<float> gradient, AdapterOptions options)
    {
        var weights = adapter.MutableWeights;
        var rate = (float)options.AdapterLearningRate;
        TensorPrimitives.MultiplyAdd(gradient, -rate, weights, weights);
        if (options.WeightDecay > 0)
        {
            var decay = rate * (float)options.WeightDecay;
            TensorPrimitives.Multiply(weights, 1f - decay, weights);
            for (var i = 0; i < adapter.Dimension; i++)
            {
                weights[(i * adapter.Dimension) + i] += decay;
            }
        }
    }

    private static int Validate(IReadOnlyList<EmbeddingPair> train, AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Epochs is < 1 or > TrainerOptions.MaxEpochs)
        {
            throw new ArgumentException($"Epochs must be between 1 and {TrainerOptions.MaxEpochs}, got {options.Epochs}.", nameof(options));
        }

        if (options.BatchSize < 2)
        {
            throw new ArgumentException($"Batch size must be at least 2 for in-batch negatives, got {options.BatchSize}.", nameof(options));
        }

        if (!double.IsFinite(options.Temperature) || options.Temperature <= 0)
        {
            throw new ArgumentException($"Temperature must be a positive number, got {options.Temperature}.", nameof(options));
        }

        if (!double.IsFinite(options.AdapterLearningRate) || options.AdapterLearningRate <= 0)
        {
            throw new ArgumentException($"Adapter learning rate must be a positive number, got {options.AdapterLearningRate}.", nameof(options));
        }

        if (!double.IsFinite(options.WeightDecay) || options.WeightDecay < 0)
        {
            throw new ArgumentException($"Weight decay must be zero or positive, got {options.WeightDecay}.", nameof(options));
        }

        if (train.Count == 0)
        {
            throw new ArgumentException("No training pairs: the adapter needs at least one pair.", nameof(train));
        }

        var dimension = train[0].Query?.Length ?? 0;
        if (dimension is < 1 or > LinearAdapter.MaxDimension)
        {
            throw new ArgumentException($"Embedding dimension must be between 1 and {LinearAdapter.MaxDimension}, got {dimension}.", nameof(train));
        }

        for (var i = 0; i < train.Count; i++)
        {
            Check(train[i].Query, "query", i, dimension);
            Check(train[i].Target, "target", i, dimension);
        }

        return dimension;
    }

    private static void Check(float[]? vector, string side, int index, int dimension)
    {
        if (vector is null || vector.Length != dimension)
        {
            throw new ArgumentException($"Dimension mismatch: pair {index} {side} has dimension {vector?.Length ?? 0}, expected {dimension}.", "train");
        }

        if (!TensorPrimitives.IsFiniteAll<float>(vector))
        {
            throw new ArgumentException($"Pair {index} {side} contains NaN or infinity.", "train");
        }

        if (TensorPrimitives.Norm(vector) == 0f)
        {
            throw new ArgumentException($"Pair {index} {side} is a zero vector and has no direction.", "train");
        }
    }
}

/// <summary>One batch's forward pass, loss and exact gradient with respect to W, in buffers reused across batches.</summary>
file sealed class ContrastiveStep(LinearAdapter adapter, int maxBatch, float temperature)
{
    private readonly int _d = adapter.Dimension;
    private readonly float[] _q = new float[maxBatch * adapter.Dimension];
    private readonly float[] _t = new float[maxBatch * adapter.Dimension];
    private readonly float[] _qNorm = new float[maxBatch];
    private readonly float[] _tNorm = new float[maxBatch];
    private readonly float[] _gq = new float[maxBatch * adapter.Dimension];
    private readonly float[] _gt = new float[maxBatch * adapter.Dimension];
    private readonly float[] _logits = new float[maxBatch * maxBatch];
    private readonly float[] _gradient = new float[adapter.Dimension * adapter.Dimension];

    public ReadOnlySpan<float> Gradient => _gradient;

    /// <summary>Returns the batch's mean loss and leaves dLoss/dW in <see cref="Gradient"/>.</summary>
    public double Run(IReadOnlyList<EmbeddingPair> pairs, ReadOnlySpan<int> batch)
    {
        var n = batch.Length;
        for (var i = 0; i < n; i++)
        {
            adapter.Multiply(pairs[batch[i]].Query, Row(_q, i));
            _qNorm[i] = LinearAdapter.Normalize(Row(_q, i));
            adapter.Multiply(pairs[batch[i]].Target, Row(_t, i));
            _tNorm[i] = LinearAdapter.Normalize(Row(_t, i));
        }

        // Row i of the logits becomes dLoss/ds_ij divided by τ: (softmax_ij - δ_ij) / (n τ).
        var loss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = _logits.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                row[j] = TensorPrimitives.Dot<float>(Row(_q, i), Row(_t, j)) / temperature;
            }

            var max = TensorPrimitives.Max<float>(row);
            TensorPrimitives.Subtract(row, max, row);
            var own = row[i];
            TensorPrimitives.Exp(row, row);
            var sum = TensorPrimitives.Sum<float>(row);
            loss += Math.Log(sum) - own;
            TensorPrimitives.Divide(row, sum, row);
            row[i] -= 1f;
            TensorPrimitives.Divide(row, n * temperature, row);
        }

        for (var i = 0; i < n; i++)
        {
            var gq = Row(_gq, i);
            var gt = Row(_gt, i);
            gq.Clear();
            gt.Clear();
            for (var j = 0; j < n; j++)
            {
                TensorPrimitives.MultiplyAdd(Row(_t, j), _logits[(i * n) + j], gq, gq);
                TensorPrimitives.MultiplyAdd(Row(_q, j), _logits[(j * n) + i], gt, gt);
            }

            ThroughNormalization(gq, Row(_q, i), _qNorm[i]);
            ThroughNormalization(gt, Row(_t, i), _tNorm[i]);
        }

        // dLoss/dW = Σ_i gq_i a_iᵀ + gt_i b_iᵀ, accumulated one row of W at a time.
        Array.Clear(_gradient);
        for (var r = 0; r < _d; r++)
        {
            var gradientRow = _gradient.AsSpan(r * _d, _d);
            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.MultiplyAdd(pairs[batch[i]].Query, _gq[(i * _d) + r], gradientRow, gradientRow);
                TensorPrimitives.MultiplyAdd(pairs[batch[i]].Target, _gt[(i * _d) + r], gradientRow, gradientRow);
            }
        }

        return loss / n;
    }

    /// <summary>Maps a gradient on the unit vector y = u/|u| back onto u: (g - y(y·g)) / |u|.</summary>
    private static void ThroughNormalization(Span<float> gradient, ReadOnlySpan<float> unit, float norm)
    {
        if (norm == 0f)
        {
            gradient.Clear();
            return;
        }

        TensorPrimitives.MultiplyAdd(unit, -TensorPrimitives.Dot(unit, gradient), gradient, gradient);
        TensorPrimitives.Divide(gradient, norm, gradient);
    }

    private Span<float> Row(float[] matrix, int i) => matrix.AsSpan(i * _d, _d);
}
