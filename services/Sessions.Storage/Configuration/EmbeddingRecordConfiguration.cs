using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class EmbeddingRecordConfiguration : IEntityTypeConfiguration<EmbeddingRecord>
{
    public void Configure(EntityTypeBuilder<EmbeddingRecord> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.SessionId).HasMaxLength(200);
        builder.Property(e => e.Model).HasMaxLength(200);
        builder.HasIndex(e => new { e.SessionId, e.MessageIndex, e.Model }).IsUnique();
    }
}
