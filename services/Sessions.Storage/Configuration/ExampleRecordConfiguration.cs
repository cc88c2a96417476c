using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class ExampleRecordConfiguration : IEntityTypeConfiguration<ExampleRecord>
{
    public void Configure(EntityTypeBuilder<ExampleRecord> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.SessionId).HasMaxLength(200);
        builder.Property(e => e.ModelName).HasMaxLength(200);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Origin).HasMaxLength(16);
        // One example per assistant turn (and per augmented variant of it): a redelivered session cannot add it twice.
        builder.HasIndex(e => new { e.SessionId, e.LastMessageIndex, e.Variant }).IsUnique();
        // At most one accepted copy of a text per model, even with competing validators. The hash leads: a lookup of a
        // batch's hashes (`= ANY`) is then an index condition even while the planner's statistics still call the table
        // empty (with the model first it filtered every accepted row of the model, 100+ ms a session under load).
        builder.HasIndex(e => new { e.ContentHash, e.ModelName })
            .IsUnique()
            .HasFilter("\"Status\" = 'accepted'")
            .HasDatabaseName("IX_Examples_AcceptedContent");
        builder.HasIndex(e => new { e.ModelName, e.Status, e.Id });
        // Rollback of an integration deletes by it.
        builder.HasIndex(e => e.IntegrationId);
        // The embedding backfill's queue: only the rows still waiting are in it, so it stays small and costs nothing after.
        builder.HasIndex(e => e.Id).HasFilter("\"EmbeddingsPending\"").HasDatabaseName("IX_Examples_EmbeddingsPending");
    }
}
