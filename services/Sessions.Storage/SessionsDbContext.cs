using Microsoft.EntityFrameworkCore;
using Sessions.Storage.Entities;

namespace Sessions.Storage;

public class SessionsDbContext(DbContextOptions<SessionsDbContext> options) : DbContext(options)
{
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<ExampleRecord> Examples => Set<ExampleRecord>();
    public DbSet<EmbeddingRecord> Embeddings => Set<EmbeddingRecord>();
    public DbSet<TrainingRunRecord> TrainingRuns => Set<TrainingRunRecord>();
    public DbSet<TrainingDecisionRecord> TrainingDecisions => Set<TrainingDecisionRecord>();
    public DbSet<NearDuplicateBandRecord> NearDuplicateBands => Set<NearDuplicateBandRecord>();
    public DbSet<TermFrequencyRecord> TermFrequencies => Set<TermFrequencyRecord>();
    public DbSet<CorpusCounterRecord> CorpusCounters => Set<CorpusCounterRecord>();
    public DbSet<ValidationReportRecord> ValidationReports => Set<ValidationReportRecord>();
    public DbSet<IntegrationRecord> Integrations => Set<IntegrationRecord>();
    public DbSet<AugmentedCopyRecord> AugmentedCopies => Set<AugmentedCopyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SessionsDbContext).Assembly);
}
