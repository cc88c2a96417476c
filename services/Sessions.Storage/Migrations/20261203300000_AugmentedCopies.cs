using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Augmented copies belong to a training run: made from the run's snapshot by the augmentor and kept with their run,
/// parent, method and scores, refused ones included. The per-session path stores none any more; copies it stored
/// before (Examples rows of origin <c>augmented</c>) stay for audit and are left out of snapshots. Hand-written and
/// provider-neutral, like Initial.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261203300000_AugmentedCopies")]
public partial class AugmentedCopies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AugmentedCopies",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RunId = table.Column<Guid>(nullable: false),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                ParentExampleId = table.Column<long>(nullable: false),
                SessionId = table.Column<string>(maxLength: 200, nullable: false),
                Ordinal = table.Column<int>(nullable: false),
                Method = table.Column<string>(maxLength: 32, nullable: false),
                UserText = table.Column<string>(nullable: false),
                MessagesJson = table.Column<string>(nullable: true),
                ContentHash = table.Column<string>(maxLength: 64, nullable: true),
                TokenCount = table.Column<int>(nullable: false),
                ParentCosine = table.Column<double>(nullable: true),
                Fluency = table.Column<double>(nullable: true),
                Accepted = table.Column<bool>(nullable: false),
                RejectionReason = table.Column<string>(maxLength: 64, nullable: true),
                Vector = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AugmentedCopies", x => x.Id));
        migrationBuilder.CreateIndex("IX_AugmentedCopies_RunId_ParentExampleId_Ordinal", "AugmentedCopies", ["RunId", "ParentExampleId", "Ordinal"], unique: true);
        migrationBuilder.CreateIndex("IX_AugmentedCopies_ModelName_RunId", "AugmentedCopies", ["ModelName", "RunId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("AugmentedCopies");
}
