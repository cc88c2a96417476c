using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Sessions.Datasets.Parquet;

/// <summary>
/// Reads one row group's columns into per-row values, decoding Parquet's definition and repetition levels: a value is
/// present when its definition level is the column's maximum, a level below the list's own marks an empty or null
/// list, a level between the two a null inside the list. Values come packed (present ones only).
/// </summary>
public static class ParquetColumns
{
    public static bool IsText(Type type) => type == typeof(ReadOnlyMemory<char>) || type == typeof(string);

    public static bool IsNumber(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long) || type == typeof(decimal);

    /// <summary>A plain string column: one value (or null) per row.</summary>
    public static async Task<string?[]> TextAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct).ConfigureAwait(false);
        return Text(raw as RawColumnData<ReadOnlyMemory<char>> ?? throw WrongType(field), field.MaxDefinitionLevel, rows);
    }

    private static string?[] Text(RawColumnData<ReadOnlyMemory<char>> data, int maxDefinition, int rows)
    {
        var result = new string?[rows];
        var values = data.Values;
        if (maxDefinition == 0)
        {
            for (var i = 0; i < rows; i++) result[i] = values[i].ToString();
            return result;
        }

        var definitions = data.DefinitionLevels;
        for (int i = 0, v = 0; i < rows; i++)
        {
            result[i] = definitions[i] == maxDefinition ? values[v++].ToString() : null;
        }

        return result;
    }

    /// <summary>A plain number column as double: one value (or null) per row.</summary>
    public static async Task<double?[]> NumbersAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct).ConfigureAwait(false);
        return raw switch
        {
            RawColumnData<double> d => Numbers(d, field.MaxDefinitionLevel, rows, x => x),
            RawColumnData<float> f => Numbers(f, field.MaxDefinitionLevel, rows, x => x),
            RawColumnData<int> n => Numbers(n, field.MaxDefinitionLevel, rows, x => x),
            RawColumnData<long> n => Numbers(n, field.MaxDefinitionLevel, rows, x => x),
            RawColumnData<decimal> n => Numbers(n, field.MaxDefinitionLevel, rows, x => (double)x),
            _ => throw WrongType(field),
        };
    }

    private static double?[] Numbers<T>(RawColumnData<T> data, int maxDefinition, int rows, Func<T, double> convert) where T : struct
    {
        var result = new double?[rows];
        var values = data.Values;
        var definitions = maxDefinition == 0 ? default : data.DefinitionLevels;
        for (int i = 0, v = 0; i < rows; i++)
        {
            result[i] = maxDefinition == 0 || definitions[i] == maxDefinition ? convert(values[v++]) : null;
        }

        return result;
    }

    /// <summary>
    /// A string field inside a list (<c>messages.role</c>): per row the list of values; a null inside the list is a
    /// null entry, an empty or null list an empty one. <paramref name="listDefinition"/>: the level at which a list element exists.
    /// </summary>
    public static async Task<List<string?>[]> TextListsAsync(ParquetRowGroupReader group, DataField field, int listDefinition, int rows, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct).ConfigureAwait(false);
        var data = raw as RawColumnData<ReadOnlyMemory<char>> ?? throw WrongType(field);
        return Lists(data.Values, data.DefinitionLevels, data.RepetitionLevels, field.MaxDefinitionLevel, listDefinition, rows, v => (string?)v.ToString(), field);
    }

    /// <summary>A float or double list (<c>embedding</c>): per row the vector (nulls inside become NaN, handled by the NaN/Inf strategy), or null.</summary>
    public static async Task<float[]?[]> VectorsAsync(ParquetRowGroupReader group, DataField field, int listDefinition, int rows, CancellationToken ct)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field, ct).ConfigureAwait(false);
        var lists = raw switch
        {
            RawColumnData<float> f => Lists(f.Values, f.DefinitionLevels, f.RepetitionLevels, field.MaxDefinitionLevel, listDefinition, rows, x => (float?)x, field),
            RawColumnData<double> d => Lists(d.Values, d.DefinitionLevels, d.RepetitionLevels, field.MaxDefinitionLevel, listDefinition, rows, x => (float?)x, field),
            _ => throw WrongType(field),
        };
        return lists.Select(l => l.Count == 0 ? null : l.Select(x => x ?? float.NaN).ToArray()).ToArray();
    }

    private static List<TOut?>[] Lists<TIn, TOut>(Span<TIn> values, Span<int> definitions, Span<int> repetitions, int maxDefinition, int listDefinition,
        int rows, Func<TIn, TOut?> convert, DataField field)
    {
        var result = new List<TOut?>[rows];
        var row = -1;
        for (int i = 0, v = 0; i < definitions.Length && i < repetitions.Length; i++)
        {
            if (repetitions[i] == 0)
            {
                if (++row >= rows) break;
                result[row] = [];
            }

            if (row < 0) throw WrongType(field);
            if (definitions[i] == maxDefinition) result[row].Add(convert(values[v++]));
            else if (definitions[i] >= listDefinition) result[row].Add(default);
        }

        for (var r = 0; r < rows; r++) result[r] ??= [];
        return result;
    }

    private static DatasetImportException WrongType(DataField field) =>
        new(ImportErrorCodes.ParquetColumns, $"column '{field.Path}' holds {field.ClrType.Name} values, not the expected type");
}
