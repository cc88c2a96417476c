using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class AugmentedCopyRecordConfiguration : IEntityTypeConfiguration<AugmentedCopyRecord>
{
    public void Configure(EntityTypeBuilder<AugmentedCopyRecord> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ModelName).HasMaxLength(200);
        builder.Property(c => c.SessionId).HasMaxLength(200);
        builder.Property(c => c.Method).HasMaxLength(32);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.RejectionReason).HasMaxLength(64);
        builder.HasIndex(c => new { c.RunId, c.ParentExampleId, c.Ordinal }).IsUnique();
        builder.HasIndex(c => new { c.ModelName, c.RunId });
    }
}
