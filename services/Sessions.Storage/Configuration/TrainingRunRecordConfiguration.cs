using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class TrainingRunRecordConfiguration : IEntityTypeConfiguration<TrainingRunRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRunRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ModelName).HasMaxLength(200);
        builder.Property(r => r.Type).HasMaxLength(16);
        builder.Property(r => r.Trigger).HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(200);
        builder.Property(r => r.Status).HasMaxLength(16);
        // One active run per model, even when several trainers compete for the same queue.
        builder.HasIndex(r => r.ModelName)
            .IsUnique()
            .HasFilter("\"Status\" IN ('queued', 'running')")
            .HasDatabaseName("IX_TrainingRuns_ActivePerModel");
        builder.HasIndex(r => new { r.ModelName, r.Status });
    }
}
