using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Contributed-data integrations and the link from their examples. Hand-written and provider-neutral, like Initial.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000005_ContributedData")]
public partial class ContributedData : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Integrations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Source = table.Column<string>(maxLength: 2000, nullable: false),
                Format = table.Column<string>(maxLength: 16, nullable: false),
                MergeStrategy = table.Column<string>(maxLength: 16, nullable: false),
                Weight = table.Column<double>(nullable: true),
                ShuffleSeed = table.Column<int>(nullable: true),
                Dedupe = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                RequestedBy = table.Column<string>(maxLength: 200, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: true),
                RowsRead = table.Column<long>(nullable: false),
                Accepted = table.Column<long>(nullable: false),
                Rejected = table.Column<long>(nullable: false),
                DuplicatesInFile = table.Column<long>(nullable: false),
                DuplicatesExisting = table.Column<long>(nullable: false),
                RejectedByCodeJson = table.Column<string>(nullable: false),
                Error = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Integrations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Integrations_ModelName_StartedAt", "Integrations", ["ModelName", "StartedAt"]);

        migrationBuilder.AddColumn<Guid>("IntegrationId", "Examples", nullable: true);
        migrationBuilder.CreateIndex("IX_Examples_IntegrationId", "Examples", "IntegrationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Examples_IntegrationId", "Examples");
        migrationBuilder.DropColumn("IntegrationId", "Examples");
        migrationBuilder.DropTable("Integrations");
    }
}
