using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Contributed examples can be committed before their messages are embedded: <c>EmbeddingsPending</c> marks those
/// the backfill still has to embed, and a partial index over them is the backfill's queue. Existing rows have their
/// vectors already (the import embedded them inside its transaction), so they start as not pending.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261203400000_EmbeddingBackfill")]
public partial class EmbeddingBackfill : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("EmbeddingsPending", "Examples", nullable: false, defaultValue: false);
        migrationBuilder.CreateIndex("IX_Examples_EmbeddingsPending", "Examples", "Id", filter: "\"EmbeddingsPending\"");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Examples_EmbeddingsPending", "Examples");
        migrationBuilder.DropColumn("EmbeddingsPending", "Examples");
    }
}
