using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>Whether a run's adapter is the model's promoted one. Hand-written and provider-neutral, like Initial.</summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261122000003_AdapterPromotion")]
public partial class AdapterPromotion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("Promoted", "TrainingRuns", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("Promoted", "TrainingRuns");
}
