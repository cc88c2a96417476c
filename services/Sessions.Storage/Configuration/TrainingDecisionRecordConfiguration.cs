using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class TrainingDecisionRecordConfiguration : IEntityTypeConfiguration<TrainingDecisionRecord>
{
    public void Configure(EntityTypeBuilder<TrainingDecisionRecord> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ModelName).HasMaxLength(200);
        builder.Property(d => d.Decision).HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(64);
        builder.HasIndex(d => new { d.ModelName, d.Id });
    }
}
