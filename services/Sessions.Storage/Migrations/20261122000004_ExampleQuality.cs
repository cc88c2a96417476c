using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Sessions.Storage.Migrations;

/// <summary>
/// The validator's quality, deduplication and augmentation state. Hand-written and provider-neutral, like Initial.
/// Existing examples become originals (variant 0) from sessions.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000004_ExampleQuality")]
public partial class ExampleQuality : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Origin", "Examples", maxLength: 16, nullable: false, defaultValue: "session");
        migrationBuilder.AddColumn<int>("Variant", "Examples", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<long>("ParentExampleId", "Examples", nullable: true);
        migrationBuilder.AddColumn<double>("QualityScore", "Examples", nullable: true);
        migrationBuilder.AddColumn<byte[]>("MinHashSignature", "Examples", nullable: true);
        migrationBuilder.DropIndex("IX_Examples_SessionId_LastMessageIndex", "Examples");
        migrationBuilder.CreateIndex("IX_Examples_SessionId_LastMessageIndex_Variant", "Examples", ["SessionId", "LastMessageIndex", "Variant"], unique: true);

        migrationBuilder.CreateTable(
            name: "NearDuplicateBands",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                BandKey = table.Column<long>(nullable: false),
                ExampleId = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_NearDuplicateBands", x => x.Id));
        migrationBuilder.CreateIndex("IX_NearDuplicateBands_ModelName_BandKey", "NearDuplicateBands", ["ModelName", "BandKey"]);
        migrationBuilder.CreateIndex("IX_NearDuplicateBands_ExampleId", "NearDuplicateBands", "ExampleId");

        migrationBuilder.CreateTable(
            name: "TermFrequencies",
            columns: table => new
            {
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Term = table.Column<string>(maxLength: 64, nullable: false),
                Documents = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TermFrequencies", x => new { x.ModelName, x.Term }));

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

        migrationBuilder.CreateTable(
            name: "ValidationReports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SessionId = table.Column<string>(maxLength: 200, nullable: false),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Accepted = table.Column<int>(nullable: false),
                Rejected = table.Column<int>(nullable: false),
                Augmented = table.Column<int>(nullable: false),
                MeanQuality = table.Column<double>(nullable: true),
                ReasonsJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ValidationReports", x => x.Id));
        migrationBuilder.CreateIndex("IX_ValidationReports_ModelName_CreatedAt", "ValidationReports", ["ModelName", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ValidationReports_SessionId", "ValidationReports", "SessionId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ValidationReports", "ModelQualityStates", "TermFrequencies", "NearDuplicateBands" })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropIndex("IX_Examples_SessionId_LastMessageIndex_Variant", "Examples");
        migrationBuilder.CreateIndex("IX_Examples_SessionId_LastMessageIndex", "Examples", ["SessionId", "LastMessageIndex"], unique: true);
        foreach (var column in new[] { "MinHashSignature", "QualityScore", "ParentExampleId", "Variant", "Origin" })
        {
            migrationBuilder.DropColumn(column, "Examples");
        }
    }
}
