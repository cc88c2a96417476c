using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Written by hand and provider-neutral: column types come from each provider's type mapping, and the
/// identity annotations of both providers are given (each ignores the other's).
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000000_Initial")]
public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Sessions",
            columns: table => new
            {
                SessionId = table.Column<string>(maxLength: 200, nullable: false),
                UserId = table.Column<string>(maxLength: 200, nullable: false),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                MessageCount = table.Column<int>(nullable: false),
                StartTime = table.Column<DateTime>(nullable: true),
                EndTime = table.Column<DateTime>(nullable: true),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                MessagesJson = table.Column<string>(nullable: true),
                RejectionReasonsJson = table.Column<string>(nullable: true),
                ExampleCount = table.Column<int>(nullable: false),
                EmbeddingCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Sessions", x => x.SessionId));

        migrationBuilder.CreateTable(
            name: "Examples",
            columns: table => new
            {
                Id = Identity(table),
                SessionId = table.Column<string>(maxLength: 200, nullable: false),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                MessagesJson = table.Column<string>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                TokenCount = table.Column<int>(nullable: false),
                FirstMessageIndex = table.Column<int>(nullable: false),
                LastMessageIndex = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                RejectionReasonsJson = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ValidatedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Examples", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Embeddings",
            columns: table => new
            {
                Id = Identity(table),
                SessionId = table.Column<string>(maxLength: 200, nullable: false),
                MessageIndex = table.Column<int>(nullable: false),
                Model = table.Column<string>(maxLength: 200, nullable: false),
                Dimension = table.Column<int>(nullable: false),
                Vector = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Embeddings", x => x.Id));

        migrationBuilder.CreateTable(
            name: "TrainingRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 16, nullable: false),
                Trigger = table.Column<string>(maxLength: 16, nullable: false),
                RequestedBy = table.Column<string>(maxLength: 200, nullable: false),
                Force = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                LeaseExpiresAt = table.Column<DateTime>(nullable: true),
                ExampleCount = table.Column<int>(nullable: false),
                Watermark = table.Column<long>(nullable: false),
                SnapshotHash = table.Column<string>(nullable: true),
                ModelVersion = table.Column<string>(nullable: true),
                MetricsJson = table.Column<string>(nullable: true),
                ArtifactLocation = table.Column<string>(nullable: true),
                Error = table.Column<string>(nullable: true),
                FollowUpRequested = table.Column<bool>(nullable: false),
                FollowUpForced = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TrainingRuns", x => x.Id));

        migrationBuilder.CreateTable(
            name: "TrainingDecisions",
            columns: table => new
            {
                Id = Identity(table),
                ModelName = table.Column<string>(maxLength: 200, nullable: false),
                Trigger = table.Column<string>(nullable: false),
                Decision = table.Column<string>(maxLength: 16, nullable: false),
                Reason = table.Column<string>(maxLength: 64, nullable: false),
                Detail = table.Column<string>(nullable: false),
                RunId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TrainingDecisions", x => x.Id));

        migrationBuilder.CreateIndex("IX_Sessions_ModelName_Status", "Sessions", ["ModelName", "Status"]);
        migrationBuilder.CreateIndex("IX_Examples_SessionId_LastMessageIndex", "Examples", ["SessionId", "LastMessageIndex"], unique: true);
        migrationBuilder.CreateIndex("IX_Examples_AcceptedContent", "Examples", ["ModelName", "ContentHash"], unique: true, filter: "\"Status\" = 'accepted'");
        migrationBuilder.CreateIndex("IX_Examples_ModelName_Status_Id", "Examples", ["ModelName", "Status", "Id"]);
        migrationBuilder.CreateIndex("IX_Embeddings_SessionId_MessageIndex_Model", "Embeddings", ["SessionId", "MessageIndex", "Model"], unique: true);
        migrationBuilder.CreateIndex("IX_TrainingRuns_ActivePerModel", "TrainingRuns", "ModelName", unique: true, filter: "\"Status\" IN ('queued', 'running')");
        migrationBuilder.CreateIndex("IX_TrainingRuns_ModelName_Status", "TrainingRuns", ["ModelName", "Status"]);
        migrationBuilder.CreateIndex("IX_TrainingDecisions_ModelName_Id", "TrainingDecisions", ["ModelName", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "TrainingDecisions", "TrainingRuns", "Embeddings", "Examples", "Sessions" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
