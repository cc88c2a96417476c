using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Configuration;

internal sealed class NearDuplicateBandRecordConfiguration : IEntityTypeConfiguration<NearDuplicateBandRecord>
{
    public void Configure(EntityTypeBuilder<NearDuplicateBandRecord> builder)
    {
        builder.ToTable("NearDuplicateBands");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.ModelName).HasMaxLength(200);
        builder.HasIndex(b => new { b.BandKey, b.ModelName }); // the key leads, for `BandKey = ANY(...)` (see the examples' content index)
        // No index by example: a second index in another order made every band row a random write (see BandsWithoutExampleIndex).
    }
}

internal sealed class TermFrequencyRecordConfiguration : IEntityTypeConfiguration<TermFrequencyRecord>
{
    public void Configure(EntityTypeBuilder<TermFrequencyRecord> builder)
    {
        builder.ToTable("TermFrequencies");
        builder.HasKey(t => new { t.ModelName, t.Term });
        builder.Property(t => t.ModelName).HasMaxLength(200);
        builder.Property(t => t.Term).HasMaxLength(64);
    }
}

internal sealed class CorpusCounterRecordConfiguration : IEntityTypeConfiguration<CorpusCounterRecord>
{
    public void Configure(EntityTypeBuilder<CorpusCounterRecord> builder)
    {
        builder.ToTable("CorpusCounters");
        builder.HasKey(c => new { c.ModelName, c.Name });
        builder.Property(c => c.ModelName).HasMaxLength(200);
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}

internal sealed class ValidationReportRecordConfiguration : IEntityTypeConfiguration<ValidationReportRecord>
{
    public void Configure(EntityTypeBuilder<ValidationReportRecord> builder)
    {
        builder.ToTable("ValidationReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SessionId).HasMaxLength(200);
        builder.Property(r => r.ModelName).HasMaxLength(200);
        builder.HasIndex(r => new { r.ModelName, r.CreatedAt });
        builder.HasIndex(r => r.SessionId).IsUnique();
    }
}
