namespace Sessions.Storage.Entities;

/// <summary>The embedding of one session message, stored as little-endian float32.</summary>
public class EmbeddingRecord
{
    public long Id { get; set; }
    public string SessionId { get; set; } = "";
    public int MessageIndex { get; set; }
    public string Model { get; set; } = "";
    public int Dimension { get; set; }
    public byte[] Vector { get; set; } = [];
}
