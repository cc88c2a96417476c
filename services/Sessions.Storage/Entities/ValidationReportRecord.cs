namespace Sessions.Storage.Entities;

/// <summary>What validating one session's examples decided: counts, mean quality and rejections per reason.</summary>
public class ValidationReportRecord
{
    public long Id { get; set; }
    public string SessionId { get; set; } = "";
    public string ModelName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Augmented { get; set; }
    public double? MeanQuality { get; set; }
    /// <summary>JSON object: reason code to count.</summary>
    public string ReasonsJson { get; set; } = "{}";
    /// <summary>JSON object: flag code to count, over the accepted examples.</summary>
    public string FlagsJson { get; set; } = "{}";
}
