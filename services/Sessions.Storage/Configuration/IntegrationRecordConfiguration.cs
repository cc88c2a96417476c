using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class IntegrationRecordConfiguration : IEntityTypeConfiguration<IntegrationRecord>
{
    public void Configure(EntityTypeBuilder<IntegrationRecord> builder)
    {
        builder.ToTable("Integrations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ModelName).HasMaxLength(200);
        builder.Property(i => i.Source).HasMaxLength(2000);
        builder.Property(i => i.Format).HasMaxLength(16);
        builder.Property(i => i.MergeStrategy).HasMaxLength(16);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.RequestedBy).HasMaxLength(200);
        builder.Property(i => i.Owner).HasMaxLength(300);
        builder.HasIndex(i => new { i.ModelName, i.StartedAt });
    }
}
