using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>
/// The validator's corpus statistics become additive counters (atomic upserts instead of one optimistically locked
/// row, which concurrent validators of one model would keep conflicting on); flags of accepted examples are kept.
/// ModelQualityStates was never written, so dropping it loses nothing. Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000006_CorpusCounters")]
public partial class CorpusCounters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ModelQualityStates");
        migrationBuilder.CreateTable(
            name: "CorpusCounters",
            columns: table => new
            {
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Value = table.Column<double>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CorpusCounters", x => new { x.ModelName, x.Name }));
        migrationBuilder.AddColumn<string>("QualityFlagsJson", "Examples", nullable: true);
        migrationBuilder.AddColumn<string>("FlagsJson", "ValidationReports", nullable: false, defaultValue: "{}");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("FlagsJson", "ValidationReports");
        migrationBuilder.DropColumn("QualityFlagsJson", "Examples");
        migrationBuilder.DropTable("CorpusCounters");
        migrationBuilder.CreateTable(
            name: "ModelQualityStates",
            columns: table => new
            {
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Documents = table.Column<long>(nullable: false),
                StatisticsJson = table.Column<string>(nullable: false),
                Centroid = table.Column<byte[]>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ModelQualityStates", x => x.ModelName));
    }
}
