using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>Per-session data quality, PII counts and enrichment sources. Hand-written and provider-neutral, like Initial.</summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000001_SessionEnrichment")]
public partial class SessionEnrichment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<double>("DataQuality", "Sessions", nullable: false, defaultValue: 0.0);
        migrationBuilder.AddColumn<string>("PiiCountsJson", "Sessions", nullable: true);
        migrationBuilder.AddColumn<string>("SourcesJson", "Sessions", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("DataQuality", "Sessions");
        migrationBuilder.DropColumn("PiiCountsJson", "Sessions");
        migrationBuilder.DropColumn("SourcesJson", "Sessions");
    }
}
