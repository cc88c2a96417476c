using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class SessionRecordConfiguration : IEntityTypeConfiguration<SessionRecord>
{
    public void Configure(EntityTypeBuilder<SessionRecord> builder)
    {
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).HasMaxLength(200);
        builder.Property(s => s.UserId).HasMaxLength(200);
        builder.Property(s => s.ModelName).HasMaxLength(200);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.HasIndex(s => new { s.ModelName, s.Status });
    }
}
